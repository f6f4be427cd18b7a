"""Read the CLI's input: a file or standard input, UTF-8, within a size limit."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from omdome.review.draft import MAX_DRAFT_CHARS, DraftError

# A UTF-8 character is at most four bytes; reading past this cannot give a valid draft.
MAX_INPUT_BYTES = MAX_DRAFT_CHARS * 4


@contextmanager
def open_input(source: str) -> Iterator[BinaryIO]:
    """A file opened for reading, or standard input for "-"; every failure a DraftError.

    open() rather than is_file(): pipes and /dev/fd/N are fine inputs too.
    """
    if source == "-":
        yield sys.stdin.buffer
        return
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below, after the caller is done
    except IsADirectoryError:
        raise DraftError("{path}: is a directory, not a file", path=source) from None
    except FileNotFoundError:
        raise DraftError("{path}: no such file", path=source) from None
    except OSError as error:
        raise DraftError("{path}: cannot read the file ({reason})", path=source,
                         reason=error.strerror or str(error)) from None
    with handle:
        yield handle


def read_bytes(source: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """All bytes of ``source`` ("-" for standard input), refusing more than ``limit``."""
    if source == "-" and sys.stdin.isatty():
        print(_PROMPT, file=sys.stderr)
    with open_input(source) as handle:
        data = handle.read(limit + 1)
    where = "standard input" if source == "-" else source
    if len(data) > limit:
        raise DraftError("{where}: the input is larger than {limit} bytes; the limit for one "
                         "draft is {chars} characters", where=where, limit=limit,
                         chars=MAX_DRAFT_CHARS)
    return data


def numbered_lines(source: str, limit: int = MAX_INPUT_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """Numbered non-blank lines of ``source``; None for a line over ``limit`` bytes.

    An oversized line is skipped in pieces, so an archive never has to fit in memory.
    """
    with open_input(source) as handle:
        number = 0
        while line := handle.readline(limit + 1):
            number += 1
            if len(line) <= limit:
                if line.strip():
                    yield number, line
                continue
            while not line.endswith(b"\n") and (line := handle.readline(limit)):
                pass
            yield number, None


_PROMPT = "Type or paste the draft, then press Ctrl-D. / Skriv eller klistra in utkastet och tryck Ctrl-D."


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a byte-order mark is allowed), or an error naming the bad byte's place."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DraftError(
            "{where}: not UTF-8 text: byte 0x{byte} at offset {offset} (line {line}); "
            "save the file as UTF-8", where=where, byte=f"{data[error.start]:02x}", offset=error.start,
            line=line,
        ) from None


def read_text(source: str) -> str:
    where = "standard input" if source == "-" else source
    return decode(read_bytes(source), where)


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one, never half."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

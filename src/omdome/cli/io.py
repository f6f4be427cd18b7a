"""Read the CLI's input: a file or standard input, UTF-8, within a size limit."""

from __future__ import annotations

import sys

from omdome.review.draft import MAX_DRAFT_CHARS, DraftError

# A UTF-8 character is at most four bytes; reading past this cannot give a valid draft.
MAX_INPUT_BYTES = MAX_DRAFT_CHARS * 4
MAX_JSONL_BYTES = 2 * 1024**3


def read_bytes(source: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """All bytes of ``source`` ("-" for standard input), refusing more than ``limit``."""
    if source == "-":
        if sys.stdin.isatty():
            print(_PROMPT, file=sys.stderr)
        data = sys.stdin.buffer.read(limit + 1)
        where = "standard input"
    else:
        try:
            # open() rather than is_file(): pipes and /dev/fd/N are fine inputs too.
            with open(source, "rb") as handle:
                data = handle.read(limit + 1)
        except IsADirectoryError:
            raise DraftError("{path}: is a directory, not a file", path=source) from None
        except FileNotFoundError:
            raise DraftError("{path}: no such file", path=source) from None
        except OSError as error:
            raise DraftError("{path}: cannot read the file ({reason})", path=source,
                             reason=error.strerror or str(error)) from None
        where = source
    if len(data) > limit:
        raise DraftError("{where}: the input is larger than {limit} bytes; the limit for one "
                         "draft is {chars} characters", where=where, limit=limit,
                         chars=MAX_DRAFT_CHARS)
    return data


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

"""Find the line on which a key of a TOML document stands, for error messages.

``tomllib`` gives values without positions, so this reads the source a second time,
line by line, tracking tables, arrays of tables and multi-line strings. It serves
error messages only: when it cannot place a key it falls back to the nearest parent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")

Path = tuple[str | int, ...]


def _split_key(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)]


def key_lines(source: str) -> dict[Path, int]:
    """Map every table and key path in ``source`` to its 1-based line number."""
    lines: dict[Path, int] = {}
    counters: dict[Path, int] = {}
    table: Path = ()
    in_string: str | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            table = _table_path(header.group(1) == "[[", _split_key(header.group(2)), lines, counters)
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            path = table + tuple(_split_key(key.group(1)))
            lines.setdefault(path, number)
            rest = line[key.end():]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
    return lines


def _table_path(is_array: bool, parts: list[str], lines: dict[Path, int],
                counters: dict[Path, int]) -> Path:
    """Resolve a header to a concrete path, numbering arrays of tables as they appear."""
    path: Path = ()
    for i, part in enumerate(parts):
        path = (*path, part)
        last = i == len(parts) - 1
        if last and is_array:
            index = counters.get(path, -1) + 1
            counters[path] = index
            path = (*path, index)
        elif path in counters:
            path = (*path, counters[path])
    return path


def line_of(lines: dict[Path, int], path: Sequence[str | int]) -> int | None:
    """Line of ``path``, or of its nearest ancestor that has one."""
    current = tuple(path)
    while current:
        if current in lines:
            return lines[current]
        current = current[:-1]
    return None


def dotted(path: Sequence[str | int]) -> str:
    """``rules[2].checks[0].severity`` style name of a path."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

"""Write TOML that people will edit: readable long strings, comments kept where we put them."""

from __future__ import annotations

import json
import textwrap


def basic(value: str) -> str:
    """A one-line TOML basic string (JSON escaping is a subset TOML accepts)."""
    return json.dumps(value, ensure_ascii=False)


def array(values: list[str]) -> str:
    return "[" + ", ".join(basic(v) for v in values) + "]"


def multiline(value: str, width: int = 92) -> str:
    """A multi-line basic string, wrapped with line-ending backslashes so the value is unchanged."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    paragraphs = escaped.split("\n")
    lines: list[str] = []
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph, width=width, break_long_words=False,
                                break_on_hyphens=False) or [""]
        lines.extend(line + " \\" for line in wrapped[:-1])
        lines.append(wrapped[-1])
    return '"""\n' + "\n".join(lines) + '"""'


def string(value: str) -> str:
    return multiline(value) if len(value) > 80 or "\n" in value else basic(value)

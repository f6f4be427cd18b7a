"""Load a policy file, with errors that name the file, the line and the key."""

from __future__ import annotations

import hashlib
import json
import tomllib
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from omdome.policy.locate import dotted, key_lines, line_of
from omdome.policy.schema import Policy


class PolicyError(ValueError):
    """A policy (or another TOML input) that cannot be used, and where the problem is."""

    def __init__(self, source: str, problems: list[tuple[int | None, str, str]]):
        self.source = source
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        rows = []
        for line, key, message in self.problems:
            where = f"{self.source}:{line}" if line else self.source
            rows.append(f"{where}: {key + ': ' if key else ''}{message}")
        return "\n".join(rows)


def read_toml(text: str, source: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _line_from_toml_error(str(error))
        raise PolicyError(source, [(line, "", f"not valid TOML: {error}")]) from None


def _line_from_toml_error(message: str) -> int | None:
    marker = "(at line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",", 1)[0].rstrip(")")
        if digits.isdigit():
            return int(digits)
    return None


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file, turning every way it can fail into a PolicyError."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PolicyError(str(path), [(None, "", f"cannot read the file: {error.strerror}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PolicyError(
            str(path), [(line, "", f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})")]
        ) from None


def validation_problems(error: ValidationError, text: str) -> list[tuple[int | None, str, str]]:
    """Turn pydantic's errors into (line, key, message) rows, in file order."""
    lines = key_lines(text)
    problems = []
    for item in error.errors(include_url=False):
        loc = [("schema" if part == "schema_version" else part) for part in item["loc"]]
        problems.append((line_of(lines, loc), dotted(loc), _message(item)))
    return sorted(problems, key=lambda p: (p[0] or 0, p[1]))


def _message(item: dict) -> str:
    kind = item["type"]
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key"
    message = item["msg"]
    return message.removeprefix("Value error, ")


def parse_policy(text: str, source: str = "<policy>") -> Policy:
    """A validated Policy from TOML text; PolicyError lists every problem found."""
    data = read_toml(text, source)
    try:
        return Policy.model_validate(data)
    except ValidationError as error:
        raise PolicyError(source, validation_problems(error, text)) from None


def load_policy(path: str | Path) -> Policy:
    """Load and validate the policy file at ``path``."""
    path = Path(path)
    return parse_policy(read_text_file(path), str(path))


def content_hash(policy: Policy) -> str:
    """A hash of what the policy says, blind to comments, layout and key order."""
    canonical = json.dumps(policy.model_dump(mode="json", by_alias=True), sort_keys=True,
                           ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@cache
def builtin_policy(language: str = "sv", sector: str = "private") -> Policy:
    """The built-in template as a policy, for drafts checked without a policy file."""
    from omdome.policy.template import init_policy

    name = "Organisationen" if language == "sv" else "The organisation"
    return parse_policy(init_policy(org=name, sector=sector, language=language), "<built-in>")

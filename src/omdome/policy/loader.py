"""Load a policy file, with errors that name the file, the line and the key."""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from omdome.i18n import N_, Message, translate
from omdome.policy.locate import dotted, key_lines, line_of
from omdome.policy.schema import Policy

M = TypeVar("M", bound=BaseModel)
MAX_FILE_BYTES = 2 * 1024 * 1024  # far above any real policy; keeps /dev/zero out


class PolicyError(ValueError):
    """A policy (or another TOML input) that cannot be used, and where the problem is."""

    def __init__(self, source: str, problems: list[tuple[int | None, str, str]]):
        self.source = source
        self.problems = problems
        super().__init__(self.describe())

    def describe(self, gettext: Callable[[str], str] | None = None) -> str:
        rows = []
        for line, key, message in self.problems:
            where = f"{self.source}:{line}" if line else self.source
            text = translate(message, gettext) if gettext else message
            rows.append(f"{where}: {key + ': ' if key else ''}{text}")
        return "\n".join(rows)

    def translated(self, gettext: Callable[[str], str]) -> str:
        return self.describe(gettext)


def read_toml(text: str, source: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _line_from_toml_error(str(error))
        detail = str(error).split(" (at line", 1)[0]
        raise PolicyError(source, [(line, "", Message("not valid TOML: {detail}", detail=detail))]) from None


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
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise PolicyError(str(path), [(None, "", _read_error(error))]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise PolicyError(str(path), [(None, "", Message("the file is larger than {limit} bytes",
                                                          limit=MAX_FILE_BYTES))])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PolicyError(str(path), [(line, "", Message(
            "not UTF-8 text: byte 0x{byte} at offset {offset}; save the file as UTF-8",
            byte=f"{raw[error.start]:02x}", offset=error.start))]) from None


def validation_problems(error: ValidationError, text: str) -> list[tuple[int | None, str, str]]:
    """Turn pydantic's errors into (line, key, message) rows, in file order."""
    lines = key_lines(text)
    problems = []
    for item in error.errors(include_url=False):
        loc = [("schema" if part == "schema_version" else part) for part in item["loc"]]
        problems.append((line_of(lines, loc), dotted(loc), _message(item)))
    return sorted(problems, key=lambda p: (p[0] or 0, p[1]))


_MESSAGES = {
    "missing": N_("required key is missing"),
    "extra_forbidden": N_("unknown key"),
    "string_type": N_("must be text"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "bool_type": N_("must be true or false"),
    "list_type": N_("must be a list"),
    "tuple_type": N_("must be a list"),
    "dict_type": N_("must be a table"),
    "model_type": N_("must be a table"),
    "model_attributes_type": N_("must be a table"),
    "string_too_short": N_("must not be empty"),
}


def _message(item: dict) -> str:
    """Our own words for pydantic's errors, so they can be translated; others pass through."""
    kind, ctx = item["type"], item.get("ctx") or {}
    if kind in _MESSAGES:
        return Message(_MESSAGES[kind])
    if kind == "literal_error":
        return Message("must be one of {expected}", expected=ctx.get("expected", ""))
    if kind == "too_short":
        return Message("needs at least {count} item(s)", count=ctx.get("min_length", 1))
    if kind == "greater_than_equal":
        return Message("must be at least {limit}", limit=ctx.get("ge"))
    if kind == "less_than_equal":
        return Message("must be at most {limit}", limit=ctx.get("le"))
    return item["msg"].removeprefix("Value error, ")


def _read_error(error: OSError) -> Message:
    if isinstance(error, IsADirectoryError):
        return Message("is a directory, not a file")
    if isinstance(error, FileNotFoundError):
        return Message("no such file")
    if isinstance(error, PermissionError):
        return Message("permission denied")
    return Message("cannot read the file ({reason})", reason=error.strerror or str(error))


def parse_policy(text: str, source: str = "<policy>") -> Policy:
    """A validated Policy from TOML text; PolicyError lists every problem found."""
    data = read_toml(text, source)
    try:
        return Policy.model_validate(data)
    except ValidationError as error:
        raise PolicyError(source, validation_problems(error, text)) from None


def load_model_file(path: str | Path, model: type[M]) -> M:
    """Read a TOML file into a pydantic ``model``; PolicyError names the file, line and key."""
    path = Path(path)
    text = read_text_file(path)
    data = read_toml(text, str(path))
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise PolicyError(str(path), validation_problems(error, text)) from None


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

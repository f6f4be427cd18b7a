"""The author of a draft: who they are, where they work, what they know."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from omdome.policy.loader import load_model_file


class AuthorProfile(BaseModel):
    """An employee's profile; the work phone and e-mail may always appear in their drafts."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str = ""
    employer: str = ""
    role: str = ""
    expertise: tuple[str, ...] = ()
    account: Literal["personal", "official"] = "personal"
    work_phone: str = ""
    work_email: str = ""

    @field_validator("expertise", mode="before")
    @classmethod
    def _list(cls, value: object) -> object:
        return tuple(value) if isinstance(value, list) else value

    @field_validator("work_phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        from omdome.detect.pii.phone import normalize_phone

        if value and normalize_phone(value) is None:
            raise ValueError(f"{value!r} is not a phone number")
        return value

    def missing(self) -> list[str]:
        """Which of name, employer and role the profile lacks."""
        fields = {"name": self.name, "employer": self.employer, "role": self.role}
        missing = [key for key, value in fields.items() if not value]
        # An official account speaks as the organisation, under its name: no person's full name needed.
        if self.name and len(self.name.split()) < 2 and self.account != "official":
            missing.append("full name")
        return missing


def load_profile(path: str | Path) -> AuthorProfile:
    """Load an author profile from TOML; PolicyError names the file, line and key."""
    return load_model_file(path, AuthorProfile)

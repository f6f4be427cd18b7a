"""Signed edit tokens: proof, without an account, that a browser wrote a comment."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing

SALT = "omdome.comments.edit"


def edit_token(comment_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(comment_id))


def edit_window() -> timedelta:
    return timedelta(minutes=settings.OMDOME_EDIT_MINUTES)


def check_edit_token(token: str, comment_id: int) -> str | None:
    """None if ``token`` is valid for ``comment_id`` now, else "edit_expired" or "bad_token"."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token or "", max_age=edit_window())
    except signing.SignatureExpired:
        return "edit_expired"
    except signing.BadSignature:
        return "bad_token"
    return None if value == str(comment_id) else "bad_token"

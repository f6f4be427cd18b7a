"""Credentials kept encrypted in the database (signing secrets now, platform tokens later).

The key comes from the environment: OMDOME_CREDENTIALS_KEY (a Fernet key, made with
``python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"``),
or else one derived from OMDOME_SECRET_KEY. A database copied without the environment holds no
usable credential; changing the key makes the stored ones unreadable, and they must be entered again.
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


class UnreadableCredential(Exception):
    """Stored with another key than the one this process has."""


def _fernet() -> Fernet:
    given = os.environ.get("OMDOME_CREDENTIALS_KEY", "").strip()
    if given:
        return Fernet(given.encode())
    derived = hashlib.sha256(b"omdome credentials\x00" + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(derived))


def seal(plain: str) -> str:
    return _fernet().encrypt(plain.encode("utf-8")).decode("ascii")


def unseal(sealed: str) -> str:
    try:
        return _fernet().decrypt(sealed.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError) as error:
        raise UnreadableCredential("the credential was stored with another key") from error

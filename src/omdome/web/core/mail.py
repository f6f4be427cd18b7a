"""E-mail written in the organisation's language and sent only once the decision behind it is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation


def send_after_commit(addresses: Iterable[str], organisation, compose: Callable[[], tuple[str, str]], *,  # type: ignore[no-untyped-def]
                      one_each: bool = False) -> None:
    """Compose (subject, body) in ``organisation``'s language and send it when the current transaction
    commits (never for a decision rolled back). ``one_each``: one e-mail per address, so that the
    recipients never see one another."""
    addresses = sorted({a for a in addresses if a})
    if not addresses:
        return
    with translation.override(organisation.language if organisation is not None else settings.LANGUAGE_CODE):
        subject, body = compose()
    groups = [[a] for a in addresses] if one_each else [addresses]
    transaction.on_commit(lambda: [send_mail(subject, body, None, group) for group in groups])

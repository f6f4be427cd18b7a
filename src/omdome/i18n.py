"""Program messages in Swedish and English through gettext.

Source strings are English; ``locale/sv/LC_MESSAGES/omdome.po`` holds the Swedish.
Swedish is the default, as the product is Swedish first.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"


@cache
def translation(language: str) -> gettext.NullTranslations:
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    return gettext.translation("omdome", localedir=LOCALE_DIR, languages=[language], fallback=True)


def N_(message: str) -> str:  # noqa: N802 - the usual gettext name
    """Mark ``message`` for extraction; it is translated later, where it is shown."""
    return message


def translator(language: str) -> Callable[[str], str]:
    """The ``_`` function for ``language`` (unknown languages get Swedish)."""
    return translation(language).gettext


def message_language(text_language: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """Which of Swedish and English to answer in, given the language of a text.

    Norwegian and Danish readers are answered in the policy's language, which for a
    Nordic organisation is usually Swedish; undetermined texts too.
    """
    if text_language in LANGUAGES:
        return text_language
    return fallback if fallback in LANGUAGES else DEFAULT_LANGUAGE


class Message(str):
    """An English message that remembers its template, so a front end can translate it.

    The core raises errors in English (it knows no reader); the CLI and the web app
    translate ``template`` with gettext and fill in ``params``.
    """

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Message:
        shown = {k: format_number(v) if isinstance(v, int) and not isinstance(v, bool) else v
                 for k, v in params.items()}
        obj = super().__new__(cls, template.format(**shown))
        obj.template = template
        obj.params = shown
        return obj

    def translated(self, gettext: Callable[[str], str]) -> str:
        return gettext(self.template).format(**self.params)


def translate(message: str, gettext: Callable[[str], str]) -> str:
    return message.translated(gettext) if isinstance(message, Message) else message


def format_number(value: int) -> str:
    """Digits grouped by three with a space, readable in Swedish and English alike."""
    return f"{value:,}".replace(",", "\u00a0") if abs(value) >= 10_000 else str(value)

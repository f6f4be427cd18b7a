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

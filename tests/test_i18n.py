"""The gettext catalogues: every message has a Swedish translation, compiled files are current."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

import omdome
from omdome.i18n import translator

LOCALE = Path(omdome.__file__).parent / "locale"


def test_every_message_in_the_template_has_a_swedish_translation():
    template = read_po((LOCALE / "omdome.pot").open("rb"))
    swedish = read_po((LOCALE / "sv" / "LC_MESSAGES" / "omdome.po").open("rb"))
    untranslated = [m.id for m in template if m.id and not (swedish.get(m.id) and swedish.get(m.id).string)]
    assert not untranslated


def test_compiled_catalogue_matches_its_source():
    """Run `make messages` after editing a .po file; this fails until the .mo is rebuilt."""
    source = LOCALE / "sv" / "LC_MESSAGES" / "omdome.po"
    fresh = {m.id: m.string for m in read_po(source.open("rb")) if m.id}
    _ = translator("sv")
    stale = [key for key, value in fresh.items() if _(key) != value]
    assert not stale


def test_english_falls_back_to_the_source_strings():
    assert translator("en")("Verdict") == "Verdict"
    assert translator("sv")("Verdict") == "Bedömning"
    assert translator("xx")("Verdict") == "Bedömning"  # unknown languages get Swedish


def test_every_web_message_has_a_current_swedish_translation():
    import gettext

    source = Path(omdome.__file__).parent / "web" / "locale" / "sv" / "LC_MESSAGES" / "django.po"
    catalogue = read_po(source.open("rb"))
    untranslated = [m.id for m in catalogue if m.id and (not m.string or m.fuzzy or
                                                          (isinstance(m.string, tuple) and not all(m.string)))]
    assert not untranslated
    compiled = gettext.GNUTranslations(source.with_suffix(".mo").open("rb"))
    stale = [m.id for m in catalogue if m.id and isinstance(m.id, str) and compiled.gettext(m.id) != m.string]
    assert not stale, "run `make messages`"

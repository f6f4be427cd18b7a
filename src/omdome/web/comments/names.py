"""Which names an anonymous writer may not use: nobody may pass as staff or as the organisation.

Names are compared by their *skeleton*: NFKC, case folded, letters of other scripts that look
like Latin ones replaced by those (Cyrillic "а" is "a"), so that look-alikes meet. Characters
that change how a name renders without being seen (bidi controls, zero-width characters) and
the verified badge's own marks and words are refused outright.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from django.core.cache import cache
from django.utils.translation import gettext as _

from omdome.web.comments.errors import CommentRejected

# Right-to-left overrides and isolates, marks, zero-width and invisible joiners, word joiner, BOM.
INVISIBLE = set("\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062"
                "\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff\u180e\u115f"
                "\u1160\u3164\uffa0\u034f")
# Check marks of every kind: the verified badge's sign.
CHECK_MARKS = set("\u2713\u2714\u2705\u2611\U0001f5f8\u237b\u221a\u2610\u2612")
# The badge's word in the languages the widget speaks, and their neighbours'.
BADGE_WORDS = re.compile(r"verifi|verific|officiell|official|offisiell|officiel|medarbetare\b|staff\b|moderator",
                         re.IGNORECASE)
# Digits that pass for letters in a name.
ASCII_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "|": "l", "$": "s", "@": "a"})
CACHE_SECONDS = 60


@lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """The Latin letter ``char`` looks like, if it is a letter of another script that does."""
    from confusable_homoglyphs import categories, confusables

    if char.isascii() or categories.alias(char) in ("LATIN", "COMMON"):
        return char
    found = confusables.is_confusable(char, preferred_aliases=["latin"], greedy=False)
    for glyph in (found[0]["homoglyphs"] if found else []):
        if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
            return glyph["c"]
    return char


def skeleton(name: str) -> str:
    """What a name looks like, for comparing: ``skeleton("Ѕundby  Кommun") == skeleton("sundby kommun")``."""
    # Look-alikes of capitals and of small letters differ (Cyrillic "К" is "K", "к" is none): both ways.
    visible = (c for c in unicodedata.normalize("NFKC", name) if c not in INVISIBLE)
    folded = "".join(_latin(c) for c in visible).casefold()
    folded = "".join(_latin(c) for c in folded if unicodedata.category(c) != "Mn")
    folded = folded.translate(ASCII_LOOKALIKES)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def reserved_names(organisation_id: int | None, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Skeletons of the organisation's name and staff names, and of ``extra`` (the site's names)."""
    key = f"omdome-reserved-names:{organisation_id}"
    names = cache.get(key)
    if names is None:
        from omdome.web.core.models import Organisation
        from omdome.web.people.models import StaffProfile

        organisation = Organisation.objects.filter(pk=organisation_id).first()
        raw = [*StaffProfile.objects.filter(organisation_id=organisation_id).values_list("real_name", "employer")]
        names = {n for pair in raw for n in pair}
        if organisation is not None:
            names |= {organisation.name, organisation.data_controller}
        names = frozenset(s for s in (skeleton(n) for n in names if n) if s)
        cache.set(key, names, CACHE_SECONDS)
    return names | {s for s in (skeleton(n) for n in extra if n) if s}


def check_author(author: str, *, organisation_id: int | None, site_names: tuple[str, ...] = ()) -> None:
    """Refuse a name that could pass for staff, the organisation or its verified badge."""
    if any(c in INVISIBLE for c in author):
        raise CommentRejected("name_not_allowed", _("The name contains invisible characters or characters "
                                                    "that change the direction of the text."), field="author")
    if any(c in CHECK_MARKS for c in author) or BADGE_WORDS.search(skeleton(author)):
        raise CommentRejected("name_not_allowed", _("The name may not look like the badge of a verified staff "
                                                    "member."), field="author")
    name = f" {skeleton(author)} "
    if any(f" {reserved} " in name for reserved in reserved_names(organisation_id, site_names)):
        raise CommentRejected("name_not_allowed", _("That name belongs to the organisation or one of its staff. "
                                                    "Choose another name."), field="author")

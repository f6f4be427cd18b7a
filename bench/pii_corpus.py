"""A deterministic corpus of synthetic social-media drafts with planted personal data.

``build_corpus(n, seed)`` returns ``Draft`` objects: about 60 % Swedish, 37 % English and
a few Norwegian (``nb``) and Danish (``da``) drafts, each with 0-3 planted personal-data
values (valid check digits, varied written forms) and 0-3 look-alikes that must not be
flagged (dates, case numbers, amounts, ...). Offsets are exact character spans.
``long_drafts`` joins drafts into ~500-character texts for the throughput benchmark.

Everything is generated from ``random.Random(seed)``; no external data. Self-check and
print a few samples with::

    cd /work/main && uv run --group bench python -m bench.pii_corpus
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field

import phonenumbers

from bench.pii_lookalikes import make_lookalike
from bench.pii_phrases import CLOSERS, LOOKALIKE_PHRASES, OPENERS, PII_PHRASES
from bench.pii_values import luhn_ok, make_value

SEED = 20261125
LANGUAGES = {"sv": 0.58, "en": 0.37, "nb": 0.025, "da": 0.025}
GENRES = ["service", "municipality", "colleague", "event"]
KIND_WEIGHTS = {
    "sv": {"personnummer": 4, "samordningsnummer": 2, "phone": 3, "email": 3, "iban": 1.5,
           "bankgiro": 1.5, "plusgiro": 1.5, "payment_card": 1.5, "address": 2.5,
           "fodselsnummer": 0.4, "cpr": 0.4},
    "en": {"personnummer": 1.5, "samordningsnummer": 0.7, "fodselsnummer": 1, "cpr": 1,
           "phone": 3, "email": 3, "iban": 1.5, "payment_card": 2, "address": 1.5,
           "bankgiro": 0.5, "plusgiro": 0.5},
    "nb": {"fodselsnummer": 4, "phone": 3, "email": 2, "iban": 2, "payment_card": 1},
    "da": {"cpr": 4, "phone": 3, "email": 2, "iban": 2, "payment_card": 1},
}
COUNT_WEIGHTS = {0: 0.2, 1: 0.4, 2: 0.25, 3: 0.15}

Item = tuple[str, int, int]  # (kind or label, start, end)


@dataclass(frozen=True)
class Draft:
    id: str
    language: str
    text: str
    planted: list[Item] = field(default_factory=list)
    lookalikes: list[Item] = field(default_factory=list)


class _Builder:
    """Append text pieces while recording where each inserted value lands."""

    def __init__(self) -> None:
        self.text = ""
        self.planted: list[Item] = []
        self.lookalikes: list[Item] = []

    def add(self, piece: str, sep: str = " ") -> None:
        if piece:
            self.text += (sep if self.text else "") + piece

    def sentence(self, template: str, make, label: str, into: list[Item], sep: str) -> None:
        chunks = template.split("{}")
        self.text += (sep if self.text else "") + chunks[0]
        for chunk in chunks[1:]:
            value = make()
            into.append((label, len(self.text), len(self.text) + len(value)))
            self.text += value + chunk


def _pick(rng: random.Random, weights: dict) -> object:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _draft(rng: random.Random, idx: int) -> Draft:
    language = _pick(rng, LANGUAGES)
    genre = rng.choice(GENRES) if language in ("sv", "en") else "any"
    kinds = [_pick(rng, KIND_WEIGHTS[language]) for _ in range(_pick(rng, COUNT_WEIGHTS))]
    labels = sorted({label for label, lang in LOOKALIKE_PHRASES if lang == language})
    looks = [rng.choice(labels) for _ in range(_pick(rng, COUNT_WEIGHTS))]
    items = [("pii", k) for k in kinds] + [("look", label) for label in looks]
    rng.shuffle(items)
    b = _Builder()
    b.add(rng.choice(OPENERS[(genre, language)]))
    for role, name in items:
        sep = rng.choice([" ", " ", " ", "\n", "\n\n"])
        if not b.text.endswith((".", "!", "?", ":", ")")):
            sep = "\n"  # the last sentence ended on a bare value ("Tel 070-...")
        if role == "pii":
            template = rng.choice(PII_PHRASES[(name, language)])
            b.sentence(template, lambda n=name: make_value(n, rng, language), name, b.planted, sep)
        else:
            template = rng.choice(LOOKALIKE_PHRASES[(name, language)])
            b.sentence(template, lambda n=name: make_lookalike(n, rng, language), name,
                       b.lookalikes, sep)
    bare = not b.text.endswith((".", "!", "?", ":", ")"))
    b.add(rng.choice(CLOSERS[language]), "\n\n" if bare else rng.choice([" ", "\n\n"]))
    return Draft(f"d{idx:04d}", language, b.text, b.planted, b.lookalikes)


def build_corpus(n: int = 1200, seed: int = SEED) -> list[Draft]:
    """``n`` drafts, the same ones for the same seed.

    Each draft has its own generator, so a change in one draft (say, a phone number
    redrawn after a ``phonenumbers`` metadata update) leaves the others as they were.
    """
    return [_draft(random.Random(seed * 100_003 + i), i) for i in range(n)]


FILLER = {
    "sv": ("Vi återkommer så snart vi vet mer och tackar för ert tålamod under tiden. "
           "Läs gärna mer på vår webbplats eller fråga oss här i kommentarerna."),
    "en": ("We will get back to you as soon as we know more and thank you for your patience. "
           "Read more on our website or ask us here in the comments."),
}


def long_drafts(drafts: list[Draft], low: int = 480, high: int = 520,
                languages: tuple[str, ...] = ("sv", "en")) -> list[tuple[str, str]]:
    """(language, text) pairs of ``low``-``high`` characters, built from whole drafts.

    Consecutive drafts of one language are joined with blank lines while they fit;
    filler words pad the text to at least ``low`` characters.
    """
    out: list[tuple[str, str]] = []
    for language in languages:
        text = ""
        for draft in (d for d in drafts if d.language == language and len(d.text) < low):
            joined = f"{text}\n\n{draft.text}" if text else draft.text
            if len(joined) <= high:
                text = joined
                continue
            out.append((language, _pad(text, language, low)))
            text = draft.text
        if text:
            out.append((language, _pad(text, language, low)))
    return out


def _pad(text: str, language: str, low: int) -> str:
    if len(text) >= low:
        return text
    words = FILLER[language].split()
    text += "\n\n"
    i = 0
    while len(text) < low:
        text += ("" if text.endswith("\n") else " ") + words[i % len(words)]
        i += 1
    return text


# ---------------------------------------------------------------- self-check


def _date_ok(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _check_value(kind: str, value: str) -> bool:
    """Independent re-validation of one planted value."""
    ds = "".join(c for c in value if c.isdigit())
    ten = ds[-10:]
    if kind in ("personnummer", "samordningsnummer"):
        day = int(ten[4:6]) - (60 if kind == "samordningsnummer" else 0)
        century = ds[:2] if len(ds) == 12 else None
        years = [int(century + ten[:2])] if century else [1900 + int(ten[:2]), 2000 + int(ten[:2])]
        return any(_date_ok(y, int(ten[2:4]), day) for y in years) and luhn_ok(ten)
    if kind == "fodselsnummer":
        w1, w2 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
        n = [int(c) for c in ds]
        return len(n) == 11 and sum(a * b for a, b in zip(w1, n, strict=False)) % 11 == 0 \
            and sum(a * b for a, b in zip(w2, n, strict=True)) % 11 == 0
    if kind == "cpr":
        return any(_date_ok(c + int(ds[4:6]), int(ds[2:4]), int(ds[:2])) for c in (1900, 2000))
    if kind == "phone":
        return phonenumbers.is_valid_number(phonenumbers.parse(value, "SE"))
    if kind == "iban":
        compact = value.replace(" ", "")
        return int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 == 1
    if kind in ("bankgiro", "plusgiro", "payment_card"):
        return luhn_ok(ds)
    if kind == "email":
        return value.count("@") == 1
    return kind == "address"


def self_check(drafts: list[Draft]) -> Counter:
    counts: Counter = Counter()
    for d in drafts:
        for kind, start, end in d.planted:
            value = d.text[start:end]
            assert value == value.strip() and value, (d.id, kind, value)
            assert _check_value(kind, value), (d.id, kind, value)
            counts[kind] += 1
        for label, start, end in d.lookalikes:
            assert d.text[start:end].strip(), (d.id, label)
            counts["~" + label] += 1
    return counts


def main() -> None:
    drafts = build_corpus()
    counts = self_check(drafts)
    assert [d.text for d in build_corpus()] == [d.text for d in drafts], "not deterministic"
    print(f"{len(drafts)} drafts, languages {Counter(d.language for d in drafts)}")
    for key, n in sorted(counts.items()):
        print(f"  {key:24s} {n}")
    long = long_drafts(drafts)
    lengths = [len(t) for _, t in long]
    print(f"{len(long)} long drafts, {min(lengths)}-{max(lengths)} chars, "
          f"{Counter(lang for lang, _ in long)}")
    rng = random.Random(1)
    for d in rng.sample(drafts, 6):
        print(f"\n[{d.id} {d.language}] {d.text}")
        for kind, s, e in d.planted + d.lookalikes:
            print(f"    {kind}: {d.text[s:e]!r}")


if __name__ == "__main__":
    main()

"""Everything the checks share about one draft, computed once and only when asked for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from omdome.detect.base import Span
from omdome.detect.terms import compile_terms
from omdome.policy.schema import Policy
from omdome.review.profile import AuthorProfile
from omdome.text.normalize import Normalized, normalize
from omdome.text.segment import Sentence, sentences

if TYPE_CHECKING:
    from omdome.review.meaning import Reading

FIRST_PERSON_PLURAL = ("vi", "vår", "vårt", "våra", "oss", "we", "our", "us", "ours", "våre",
                       "vores")


def quoted(sentence: str, limit: int = 60) -> str:
    """A sentence short enough to stand in a finding's message: its first words, then "…"."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence
    cut = sentence.rfind(" ", 0, limit)
    return sentence[: cut if cut > limit // 2 else limit] + " …"


@dataclass(frozen=True, slots=True)
class Hit:
    """A check's raw result, before the policy gives it a severity and words."""

    code: str
    start: int
    end: int
    fields: dict[str, str] = field(default_factory=dict)
    explanation: str = ""


class DraftContext:
    """One draft with its author, policy and language, and the analyses the checks share."""

    def __init__(self, text: str, policy: Policy, profile: AuthorProfile | None, language: str,
                 message_language: str, *, meaning: bool = False):
        self.text = text
        self.policy = policy
        self.profile = profile
        self.language = language
        self.message_language = message_language
        self.meaning = meaning

    @cached_property
    def readings(self) -> list[Reading]:
        """What the model of meaning reads in the draft's sentences (``omdome.review.meaning``);
        nothing unless the caller asked for it. Secrecy is read for the public sector only."""
        if not self.meaning:
            return []
        from omdome.review.meaning import read

        heads = ("contempt", "advice", "leak", "opinion")
        if self.policy.organisation.sector == "public":
            heads += ("secrecy",)
        return read(self.text, self.sentences, heads)

    def model_hits(self, head: str, code: str, taken: list[tuple[int, int]], reads: str) -> Iterator[Hit]:
        """The head's readings where no rule found ``code`` (``taken`` spans), as hits that quote the
        sentence and say the model read ``reads`` in it."""
        for reading in self.readings_of(head, taken):
            yield Hit(code, reading.start, reading.end, {"term": quoted(self.text[reading.start:reading.end])},
                      f"The model of meaning reads {reads} in this sentence (p = {reading.probability:.2f}).")

    def readings_of(self, head: str, taken: list[tuple[int, int]] = ()) -> list[Reading]:
        """The head's readings about sentences where no rule found anything (``taken`` spans)."""
        return [r for r in self.readings
                if r.head == head and not any(start < r.around[1] and r.around[0] < end for start, end in taken)]

    @cached_property
    def norm(self) -> Normalized:
        return normalize(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.text)

    @cached_property
    def personal_data(self) -> list[Span]:
        from omdome.detect.personal_data import find_personal_data

        return find_personal_data(self.text, language=self.language)

    @cached_property
    def allowed_personal_data(self) -> list[Span]:
        """Spans that are the organisation's published contact details or the author's own."""
        allowed = allowed_values(self.policy, self.profile)
        return [s for s in self.personal_data if is_allowed(s, allowed)]

    @cached_property
    def employer(self) -> str:
        if self.profile and self.profile.employer:
            return self.profile.employer
        return self.policy.organisation.name

    @cached_property
    def organisation_terms(self) -> tuple[str, ...]:
        """Names by which the draft refers to the organisation or its products."""
        names = {self.policy.organisation.name, self.employer, *self.policy.products}
        names |= {_short_name(n) for n in names}
        names |= {w for n in (self.policy.organisation.name, self.employer) if (w := _brand(n))}
        if self.language == "sv":
            # "företaget", "kommunen": the organisation itself in Swedish running text.
            names.add(self.policy.words.company.definite)
        elif self.language == "en":
            # "this council", "the bank": an English draft about a Swedish organisation.
            for noun in _ENGLISH_BODIES.get(self.policy.words.company.singular.lower(), ()):
                names |= {f"the {noun}", f"this {noun}", f"our {noun}"}
        # "@ifalvsholm", "#sjovikskommun": the organisation's handle on social media.
        names |= {prefix + _handle(n) for n in (self.policy.organisation.name, self.employer) if n.strip()
                  for prefix in ("@", "#")}
        # "akuten i Sjövalla", "Ekeby municipality": a public body's services named by its place.
        names |= {term for n in (self.policy.organisation.name, self.employer) if (place := _place(n))
                  for term in _public_terms(place)}
        if self.profile and self.profile.role:
            # "Sjuksköterska, Vårdcentralen Norrmalm": the author's own unit is the organisation too.
            names |= {part for part in re.split(r"\s*,\s*", self.profile.role)[1:]
                      if any(c.isupper() for c in part)}
        return tuple(sorted(n for n in names if n and len(n) > 2))

    @cached_property
    def topic_terms(self) -> re.Pattern[str] | None:
        """Every keyword of the organisation's topics (its services and areas), as one pattern."""
        return compile_terms(tuple(k for topic in self.policy.topics for k in topic.keywords
                                   if len(k.rstrip("*")) > 3))

    @cached_property
    def employer_names(self) -> tuple[str, ...]:
        """Looser names, good enough for "I work at …": also "Sundby" for "Sundby kommun"."""
        first = {n.split()[0] for n in (self.policy.organisation.name, self.employer) if n.strip()}
        # "Sjövalla kommune" for "Sjövallas kommun": the place without the Swedish genitive.
        first |= {w[:-1] for n in (self.policy.organisation.name, self.employer)
                  if len(words := n.split()) > 1 and words[1].lower() in _PUBLIC_BODIES
                  and (w := words[0]).endswith("s") and len(w) > 4}
        # "Sörmark" for "Region Sörmark": the place after a public body's word.
        first |= {" ".join(words[1:]) for n in (self.policy.organisation.name, self.employer)
                  if len(words := n.split()) > 1 and words[0].lower() in _PUBLIC_BODIES and words[1][:1].isupper()}
        return tuple(sorted({*self.organisation_terms, *(w for w in first if len(w) > 2)}))

    def mentions_organisation(self, start: int = 0, end: int | None = None, *,
                              loose: bool = False) -> re.Match[str] | None:
        """The first mention of the organisation or its products in ``text[start:end]``."""
        pattern = compile_terms(self.employer_names if loose else self.organisation_terms)
        if pattern is None:
            return None
        return pattern.search(self.text, start, len(self.text) if end is None else end)

    def sentence_of(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


# What an English draft calls the kind of body the organisation is.
_ENGLISH_BODIES = {
    "kommun": ("council", "municipality"), "region": ("region",), "myndighet": ("agency",),
    "universitet": ("university",), "högskola": ("university", "college"), "bank": ("bank",),
    "företag": ("company",), "bolag": ("company",), "operatör": ("operator",),
    "förening": ("club", "association"), "klubb": ("club",), "tidning": ("paper", "newspaper"),
    "council": ("council",), "municipality": ("council", "municipality"), "agency": ("agency",),
    "company": ("company",), "organisation": ("organisation",), "authority": ("authority",),
}

_LEGAL_FORMS = re.compile(r"\s+(?:ab|ab \(publ\)|aktiebolag|hb|kb|ek\.? ?för\.?|inc\.?|ltd\.?|as|a/s|aps|asa)$",
                          re.IGNORECASE)


_PUBLIC_BODIES = frozenset({"kommun", "kommune", "region", "regionen", "stad", "county", "council",
                            "municipality", "landsting", "län", "myndighet", "myndigheten", "verket",
                            "universitet", "university", "högskola", "sjukhus", "hospital", "city"})
# Names that start with the kind of business: "Apotek Lärkan", "Hotell Kronan".
_CATEGORY_FIRST = frozenset({"apotek", "apoteket", "hotell", "hotel", "restaurang", "restaurant", "café", "kafé",
                             "bageri", "bokhandel", "klinik", "tandvård", "gym", "bilverkstad", "blomsterhandel",
                             "bryggeri", "konditori", "frisör", "förlag", "teater", "teatern"})
_GENERIC_FIRST = frozenset({"the", "sveriges", "svenska", "svensk", "norsk", "norska", "dansk",
                            "danska", "nordiska", "region", "stiftelsen", "föreningen", "bostadsbolaget"})


def _brand(name: str) -> str | None:
    """"Kestrel" for "Kestrel Analytics Ltd": a company's first word is its everyday name.

    Not for public bodies: "Sundby" alone is the place, not Sundby kommun.
    """
    words = _short_name(name).split()
    if len(words) < 2 or any(w.lower() in _PUBLIC_BODIES for w in words[1:]):
        return None
    first = words[0]
    if first.lower() in _CATEGORY_FIRST and len(words) == 2:
        first = words[1]  # "Lärkan" for "Apotek Lärkan": the kind of business comes first
    if first.lower() in _GENERIC_FIRST or len(first) < 4 or not first[0].isupper():
        return None
    return first


def _handle(name: str) -> str:
    """"IF Älvsholm" → "ifalvsholm": letters and digits only, lower case, without diacritics."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in folded if c.isascii() and c.isalnum())


# A public body's own services, named with its place: "socialtjänsten i Ekeby", "akuten i Sjövalla".
_PUBLIC_SERVICES = ("akuten", "sjukvården", "vården", "socialtjänsten", "socialen", "hemtjänsten", "hemtjänst",
                    "äldreomsorgen", "omsorgen", "räddningstjänsten", "vårdcentralen", "legevakten", "sykehuset",
                    "hjemmetjenesten", "barnevernet", "skadestuen", "hjemmeplejen", "kommunen", "regionen")
_PLACE_BODY_WORDS = ("kommune", "municipality", "council", "County Board", "county", "Region", "kommun")


def _place(name: str) -> str | None:
    """"Ekeby" for "Ekebys kommun", "Sjövalla" for "Region Sjövalla", "Fjällmark" for "Länsstyrelsen
    i Fjällmarks län"; None for a name that is not a public body's."""
    words = _short_name(name).split()
    if len(words) < 2:
        return None
    if words[0].lower() in _PUBLIC_BODIES | {"länsstyrelsen"}:
        rest = [w for w in words[1:] if w.lower() not in ("i", "län", "läns")]
        place = " ".join(rest)
    elif words[-1].lower() in _PUBLIC_BODIES and len(words) == 2:
        place = words[0]
    else:
        return None
    if place.endswith("s") and len(place) > 5 and (words[-1].lower() in ("kommun", "län") or "län" in name.lower()):
        place = place[:-1]  # the Swedish genitive: "Ekebys kommun", "Fjällmarks län"
    return place if len(place) > 2 and place[:1].isupper() else None


def _public_terms(place: str) -> set[str]:
    return ({f"{service} i {place}" for service in _PUBLIC_SERVICES}
            | {f"{place} {body}" for body in _PLACE_BODY_WORDS})


def _short_name(name: str) -> str:
    """"Exempel AB" is also called "Exempel" in running text."""
    return _LEGAL_FORMS.sub("", name).strip()


def allowed_values(policy: Policy, profile: AuthorProfile | None = None) -> dict[str, set[str]]:
    """The organisation's published contact details and the author's own, normalised."""
    from omdome.detect.pii.address import normalize_address
    from omdome.detect.pii.phone import normalize_phone

    contact = policy.contact
    phones = [*contact.phones, *([profile.work_phone] if profile and profile.work_phone else [])]
    emails = [*contact.emails, *([profile.work_email] if profile and profile.work_email else [])]

    def digits(value: str) -> str:
        return "".join(c for c in value if c.isdigit())

    return {
        "phone": {n for p in phones if (n := normalize_phone(p))},
        "email": {e.lower() for e in emails},
        # Addresses on the organisation's own domains are its staff's work addresses.
        "email_domain": {e.lower().rpartition("@")[2] for e in emails if "@" in e},
        "bankgiro": {digits(b) for b in contact.bankgiro},
        "plusgiro": {digits(p) for p in contact.plusgiro},
        "address": {normalize_address(a) for a in contact.addresses},
    }


def private_data(text: str, policy: Policy, *, language: str | None = None) -> list[Span]:
    """Personal data in ``text`` that is not the organisation's own published contact details."""
    from omdome.detect.personal_data import find_personal_data

    allowed = allowed_values(policy)
    return [s for s in find_personal_data(text, language=language) if not is_allowed(s, allowed)]


def is_allowed(span: Span, allowed: dict[str, set[str]]) -> bool:
    """Whether ``span`` is the organisation's published contact detail, or the author's own."""
    value = span.details.get("normalized", span.text.lower())
    if value in allowed.get(span.kind, set()):
        return True
    if span.kind == "address" and any(a.startswith(value + " ") for a in allowed.get("address", set())):
        return True  # "Stortorget 1" is the listed "Stortorget 1, 372 30 Sjövik" without its postcode
    return span.kind == "email" and value.rpartition("@")[2] in allowed.get("email_domain", set())

"""A hand-written evaluation set for the personal-data detector, independent of the generator.

``bench/data/pii_handwritten.jsonl`` holds about 270 drafts written by hand, without looking
at the detector's code: social-media posts, customer-service messages, municipal notices and
forum comments in Swedish, English, Norwegian and Danish, one JSON object per line::

    {"id": "h001", "language": "sv", "text": "...",
     "spans": [{"kind": "personnummer", "start": 12, "end": 23}],
     "lookalikes": [{"label": "date", "start": 30, "end": 36}]}

Identity numbers, cards, IBANs and giro numbers carry valid check digits; phone numbers are
valid per ``phonenumbers``. About a third of the drafts hold no personal data, only look-alikes
(dates, amounts, case numbers, versions, ...). Bankgiro/plusgiro numbers are only annotated
where the text names them. Offsets are Python ``str`` indices.

``load_handwritten()`` validates the file and returns ``Draft`` objects in the generator's
shape so ``bench.bench_pii`` can score both sets the same way. Self-check with::

    cd /work/main && uv run --group bench python -m bench.pii_handwritten
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.pii_corpus import Draft

DATA = Path(__file__).with_name("data") / "pii_handwritten.jsonl"
LANGUAGES = ("sv", "en", "nb", "da")
KINDS = ("personnummer", "samordningsnummer", "fodselsnummer", "cpr", "phone", "email", "iban",
         "bankgiro", "plusgiro", "payment_card", "address")


def _items(raw: object, key: str, text: str, where: str) -> list[tuple[str, int, int]]:
    if not isinstance(raw, list):
        raise ValueError(f"{where}: expected a list")
    items = []
    for item in raw:
        name, start, end = item.get(key), item.get("start"), item.get("end")
        if not isinstance(name, str) or not name:
            raise ValueError(f"{where}: missing {key} in {item}")
        if key == "kind" and name not in KINDS:
            raise ValueError(f"{where}: unknown kind {name!r}")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ValueError(f"{where}: offsets {start}..{end} out of range for {item}")
        value = text[start:end]
        if value != value.strip():
            raise ValueError(f"{where}: span {value!r} has surrounding whitespace")
        items.append((name, start, end))
    return items


def load_handwritten(path: Path = DATA) -> list[Draft]:
    """Read and validate the hand-written drafts; raise ``ValueError`` on any defect."""
    drafts: list[Draft] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        row = json.loads(line)
        draft_id, language, text = row.get("id"), row.get("language"), row.get("text")
        if not isinstance(draft_id, str) or draft_id in seen:
            raise ValueError(f"{where}: missing or duplicate id {draft_id!r}")
        if language not in LANGUAGES:
            raise ValueError(f"{where}: unknown language {language!r}")
        if not isinstance(text, str) or not text:
            raise ValueError(f"{where}: empty text")
        planted = _items(row.get("spans", []), "kind", text, where)
        lookalikes = _items(row.get("lookalikes", []), "label", text, where)
        ordered = sorted((s, e) for _, s, e in planted + lookalikes)
        for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
            if start < end:
                raise ValueError(f"{where}: overlapping annotations")
        seen.add(draft_id)
        drafts.append(Draft(draft_id, language, text, planted, lookalikes))
    return drafts


def main() -> int:
    drafts = load_handwritten()
    languages = Counter(d.language for d in drafts)
    kinds = Counter(k for d in drafts for k, _, _ in d.planted)
    labels = Counter(k for d in drafts for k, _, _ in d.lookalikes)
    print(f"{len(drafts)} drafts: {dict(languages)}; "
          f"{sum(not d.planted for d in drafts)} without personal data")
    print("personal data:", dict(kinds.most_common()))
    print("look-alikes:", dict(labels.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

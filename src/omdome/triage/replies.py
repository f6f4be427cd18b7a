"""Suggested replies in the comment's language, written to pass the rule 1–4 check.

They are short, personal and plain (rule 3), ask for personal details only in a direct
message (rule 4), and never state opinions (rule 2). An organisation edits them as it
edits its policy.
"""

from __future__ import annotations

from omdome.triage.facts import FactMatch, Person

TEMPLATES: dict[str, dict[str, str]] = {
    "acknowledge": {
        "sv": "Tack för de fina orden! Vi blir glada och skickar dem vidare till dem som gjorde jobbet.",
        "en": "Thank you for the kind words! We're glad, and we'll pass them on to the people who did the work.",
        "nb": "Tusen takk for de hyggelige ordene! Vi sender dem videre til dem som gjorde jobben.",
        "da": "Tak for de søde ord! Vi sender dem videre til dem, der gjorde arbejdet.",
    },
    "answer": {
        "sv": "Hej och tack för frågan! Vi tar reda på svaret och återkommer här så snart vi kan.",
        "en": "Hi, and thanks for the question! We'll find out and get back to you here as soon as we can.",
        "nb": "Hei, og takk for spørsmålet! Vi finner ut av det og svarer her så snart vi kan.",
        "da": "Hej, og tak for spørgsmålet! Vi finder ud af det og svarer her, så hurtigt vi kan.",
    },
    "answer_person": {
        "sv": "Hej och tack för frågan! {name}, som är {role} hos oss, återkommer med svar här.",
        "en": "Hi, and thanks for the question! {name}, our {role}, will get back to you here.",
        "nb": "Hei, og takk for spørsmålet! {name}, som er {role} hos oss, svarer deg her.",
        "da": "Hej, og tak for spørgsmålet! {name}, som er {role} hos os, vender tilbage med svar her.",
    },
    "follow_up": {
        "sv": "Hej! Tråkigt att höra att det blivit så. Vi vill gärna reda ut det – skicka ett "
              "direktmeddelande med hur vi når dig, så hör vi av oss.",
        "en": "Hi! Sorry to hear about this. We'd like to sort it out – send us a direct message "
              "with how to reach you, and we'll be in touch.",
        "nb": "Hei! Leit å høre at det har blitt slik. Send oss en direktemelding med hvordan vi "
              "når deg, så tar vi kontakt.",
        "da": "Hej! Ærgerligt at høre. Send os en direkte besked med, hvordan vi kan nå dig, så "
              "vender vi tilbage.",
    },
    "correct": {
        "sv": "Hej! Det stämmer inte riktigt. {statement} Läs mer här: {source}",
        "en": "Hi! That isn't quite right. {statement} You can read more here: {source}",
        "nb": "Hei! Det stemmer ikke helt. {statement} Les mer her: {source}",
        "da": "Hej! Det passer ikke helt. {statement} Læs mere her: {source}",
    },
}


def suggest_reply(action: str, language: str, *, fact: FactMatch | None = None,
                  person: Person | None = None) -> str | None:
    """A reply for ``action`` in ``language`` (Swedish for languages without templates)."""
    lang = language if language in ("sv", "en", "nb", "da") else "sv"
    if action == "answer" and person is not None:
        return TEMPLATES["answer_person"][lang].format(name=person.name, role=person.role)
    if action == "correct":
        if fact is None:
            return None
        return TEMPLATES["correct"][lang].format(statement=fact.fact.statement, source=fact.fact.source)
    template = TEMPLATES.get(action)
    return template[lang] if template else None

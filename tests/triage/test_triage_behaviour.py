"""Triage of realistic comments: obfuscated abuse, threats, rough praise, signals, languages."""

from __future__ import annotations

import pytest

from omdome.triage.classifier import CommentError, Triager


@pytest.fixture(scope="module", params=[True, False], ids=["fast", "default"])
def triager(request):
    return Triager(fast=request.param)


@pytest.mark.parametrize(
    "comment",
    [
        "Du är en h0ra och alla på kontoret vet det",
        "j ä v l a idioter på kommunen, ni borde skämmas",
        "Vilken 1d10t som skrev det här inlägget",
        "Jag vet var du bor, Lena. Tänk på det.",
        "I know where you live. You have been warned.",
    ],
)
def test_obfuscated_abuse_and_threats_are_hateful(triager, comment):
    result = triager.triage(comment)
    assert result.category == "hateful"
    assert result.action == "no_reply"
    assert result.moderation in ("hide", "report")
    assert result.toxicity >= 0.5


def test_a_threat_is_reported_and_urgent(triager):
    result = triager.triage("Jag vet var du bor. Du kommer att ångra dig.")
    assert (result.category, result.moderation, result.urgency) == ("hateful", "report", "high")
    assert "rule.threat" in result.reason_codes


@pytest.mark.parametrize(
    "comment",
    [
        "Grymt bra jobbat med snöröjningen i år, tack!",
        "Sjukt snabbt svar från kundtjänst, tack för hjälpen!",
        "Jävligt bra service i receptionen idag 👍",
    ],
)
def test_rough_words_in_praise_are_not_hateful(triager, comment):
    result = triager.triage(comment)
    assert result.category == "praise"
    assert result.action == "acknowledge" and result.moderation == "keep"
    assert result.sentiment == "positive"


@pytest.mark.parametrize(
    ("comment", "category", "action"),
    [
        ("När öppnar simhallen igen efter renoveringen?", "question", "answer"),
        ("Tredje veckan utan sophämtning på Björkvägen. Tack för ingenting.", "complaint", "follow_up"),
        ("Köp billiga följare nu!!! 10 000 followers för 99 kr, länk i bio www.fastfollow.xyz",
         "spam", "no_reply"),
        ("My parcel has been stuck at your depot for two weeks and nobody answers the phone.",
         "complaint", "follow_up"),
    ],
)
def test_ordinary_comments_get_the_prescribed_action(triager, comment, category, action):
    result = triager.triage(comment)
    assert (result.category, result.action) == (category, action)


def test_a_complaint_with_an_insult_stays_a_complaint_and_notes_the_insult(triager):
    result = triager.triage("Era idioter har glömt att tömma mina sopor igen, tredje gången i månaden!")
    assert result.category == "complaint" and result.action == "follow_up"
    assert "insult_noted" in result.reason_codes


@pytest.mark.parametrize(
    ("comment", "level"),
    [
        ("Hemtjänsten kom aldrig till min mamma i morse och hon har inte fått mat.", "high"),
        ("Det luktar gas i trapphuset på Storgatan 4, någon måste komma!", "high"),
        ("Kan ni svara i dag? Deadline för ansökan är i dag kl 16.", "high"),
        ("Tack för en fin konsert i går!", "low"),
    ],
)
def test_urgency(triager, comment, level):
    assert triager.triage(comment).urgency == level


@pytest.mark.parametrize(
    ("comment", "question"),
    [("När öppnar biblioteket?", True), ("Hur gör jag för att byta elavtal", True),
     ("Tack för hjälpen igår.", False)],
)
def test_is_question(triager, comment, question):
    assert triager.triage(comment).is_question is question


@pytest.mark.parametrize(
    ("comment", "language"),
    [
        ("Tack för att ni fixade gatlyset så snabbt, det var verkligen efterlängtat!", "sv"),
        ("Thanks for fixing the street light so quickly, it was really needed!", "en"),
        ("Tusen takk for at dere fikset gatelyset så raskt, det var virkelig etterlengtet!", "nb"),
        ("Tusind tak fordi I fik ordnet gadelyset så hurtigt, det var virkelig tiltrængt!", "da"),
    ],
)
def test_nordic_languages_and_english_are_recognised(triager, comment, language):
    result = triager.triage(comment)
    assert result.language == language
    assert result.category == "praise"


def test_a_comment_in_another_language_is_normal_input_marked_for_review(triager):
    result = triager.triage("Vielen Dank für die schnelle Hilfe gestern, sehr freundlich!")
    assert result.language == "und"
    assert result.needs_review is True
    assert result.category in {"praise", "neutral", "question", "complaint", "correction", "troll", "spam",
                               "hateful"}


@pytest.mark.parametrize("bad", ["", "   ", "x" * 20_001])
def test_a_comment_that_cannot_be_triaged_raises_a_clear_error(triager, bad):
    with pytest.raises(CommentError):
        triager.triage(bad)


def test_results_carry_every_field_the_contract_names(triager):
    data = triager.triage("Hur länge är biblioteket öppet på lördag?", id="c-17").to_dict()
    assert set(data) >= {"id", "category", "action", "moderation", "confidence", "needs_review", "language",
                         "sentiment", "toxicity", "is_question", "urgency", "reasons", "suggested_reply"}
    assert data["id"] == "c-17" and 0 <= data["confidence"] <= 1 and 0 <= data["toxicity"] <= 1
    assert data["reasons"][0]["code"] == "model" and data["reasons"][0]["text"].startswith("model: ")

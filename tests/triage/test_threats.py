"""Threats as a component of their own: the threat head of the shipped model, how it is trained,
and what it reports beside the lexicon."""

from __future__ import annotations

import json

import pytest

from omdome.triage.base_data import shipped_examples
from omdome.triage.classifier import ReasonCode, Triager
from omdome.triage.dataset import Example, parse_example
from omdome.triage.model import load_model
from omdome.triage.training import (
    THREAT_MAX_FALSE_ALARMS,
    THREAT_MAX_FALSE_ALARMS_AMONG_HATEFUL,
    fit_threat,
    threat_pairs,
)


@pytest.fixture(scope="module", params=[True, False], ids=["fast", "default"])
def triager(request):
    return Triager(fast=request.param)


def test_the_shipped_model_has_a_threat_head_with_a_threshold_for_each_path():
    model = load_model()
    assert model.threat is not None and model.threat_embed is not None
    thresholds = model.meta["threat"]["thresholds"]
    assert set(thresholds) == {"fast", "default", "fast_hateful", "default_hateful"}
    assert all(0 < t < 1 for t in thresholds.values())
    # Among comments the category head already calls hateful, a threat is reported sooner.
    assert thresholds["fast_hateful"] <= thresholds["fast"] and thresholds["default_hateful"] <= thresholds["default"]
    for path, scores in model.meta["threat"]["cross_validated"].items():
        limit = THREAT_MAX_FALSE_ALARMS_AMONG_HATEFUL if path.endswith("_hateful") else THREAT_MAX_FALSE_ALARMS
        assert scores["false_alarms"] <= limit, path


@pytest.mark.parametrize("comment", [
    # No word of the threat lexicon in either: only the head can tell.
    "Jag ska spränga kommunhuset i luften om ni stänger badet.",
    "Vi vet vilken förskola din dotter går på. Tänk på det innan du fattar fler beslut.",
])
def test_a_threat_without_threat_words_is_reported_and_urgent(comment):
    result = Triager(fast=False).triage(comment)
    assert (result.category, result.moderation, result.urgency) == ("hateful", "report", "high")
    assert result.decided_by_rule(ReasonCode.THREAT_MODEL, ReasonCode.THREAT)


@pytest.mark.parametrize("comment", [
    "Vi ska krossa dem på lördag, kom och heja! ⚽",
    "Jag dör av skratt, bästa videon ni gjort",
    "Shoot me an email when the new card has been sent, thanks.",
    "Hoppas det ordnar sig med bussarna till hösten.",
])
def test_harmless_look_alikes_are_not_reported(triager, comment):
    assert triager.triage(comment).moderation != "report"


def test_only_hateful_comments_can_be_marked_to_report_and_the_mark_is_true_or_false():
    assert parse_example(json.dumps({"text": "Du ska få se", "category": "hateful", "report": True})).report
    with pytest.raises(ValueError, match="hateful"):
        parse_example(json.dumps({"text": "Bussen är sen", "category": "complaint", "report": True}))
    with pytest.raises(ValueError, match="true or false"):
        parse_example(json.dumps({"text": "Du ska få se", "category": "hateful", "report": "yes"}))


def test_the_head_learns_from_marked_comments_and_every_comment_that_is_not_hateful():
    examples = [Example("Ni är idioter", "hateful"), Example("Tack!", "praise"),
                Example("Jag vet var du bor", "hateful", report=True), Example("Dumma troll", "hateful", report=False)]
    assert [(e.text, label) for e, label in threat_pairs(examples)] == [
        ("Tack!", 0), ("Jag vet var du bor", 1), ("Dumma troll", 0)]


def test_without_marked_threats_there_is_no_head_and_the_lexicon_alone_decides():
    unmarked = [Example(e.text, e.category, e.language) for e in shipped_examples()[:400]]
    assert fit_threat(unmarked, seed=13, use_embedding=False, log=lambda _: None) is None


@pytest.mark.slow
def test_the_threat_head_is_trained_reproducibly_from_the_shipped_data():
    examples = shipped_examples()
    first = fit_threat(examples, seed=13, use_embedding=False, log=lambda _: None)
    second = fit_threat(examples, seed=13, use_embedding=False, log=lambda _: None)
    assert first is not None and second is not None
    assert first.thresholds == second.thresholds and (first.head.weights == second.head.weights).all()
    assert first.cv["fast"]["recall"] >= 0.5 and first.cv["fast"]["false_alarms"] <= THREAT_MAX_FALSE_ALARMS


@pytest.mark.parametrize("comment", ["Jag är en annan.", "Jag är din rådgivare."])
def test_a_few_plain_words_are_never_reported_by_the_head_alone(comment):
    for fast in (True, False):
        assert Triager(fast=fast).triage(comment).moderation != "report"


def test_the_second_reading_reports_from_a_lower_probability_where_the_characters_saw_a_chance(monkeypatch):
    from omdome.triage import classifier

    text = "Tänk er för innan ni stänger fritidsgården, många här har inget att förlora."
    fast, default = Triager(fast=True).triage(text), Triager(fast=False).triage(text)
    assert fast.threat >= classifier.SECOND_READING_FROM
    assert default.moderation != "report"
    second = Triager(fast=False, second_reading=True)
    # The shipped bound is over this comment's probability: the second reading agrees with the default path.
    assert default.threat < classifier.SECOND_READING_AT
    assert second.triage(text).moderation == default.moderation
    # Just under it, the second reading reports it as a threat, hateful and urgent.
    monkeypatch.setattr(classifier, "SECOND_READING_AT", default.threat - 0.01)
    result = second.triage(text)
    assert (result.category, result.moderation, result.urgency) == ("hateful", "report", "high")
    assert Triager(fast=False).triage(text).moderation != "report"
    # Where the characters saw no chance of a threat, the lower bound does not apply.
    monkeypatch.setattr(classifier, "SECOND_READING_FROM", fast.threat + 0.01)
    assert second.triage(text).moderation != "report"


def test_plain_abuse_is_hidden_but_not_reported_as_unlawful():
    result = Triager(fast=True).triage("Du är en jävla idiot och borde skämmas, ditt äckel")
    assert (result.category, result.moderation) == ("hateful", "hide")


@pytest.mark.parametrize("comment", [
    "Rektorns bil står alltid vid gympasalen. Fyra däck är snabbt punkterade och lacken repas lätt.",
    "Handläggaren bor i det vita radhuset vid stationen, eller hur? Bara så du vet.",
    "Snart tänder jag på Norrkrafts kontor, ni får se 🔥",
    "Asylsökande är snyltare allihop och borde skickas tillbaka.",
    "Hele bestyrelsen burde braende op, alle sammen.",
])
def test_veiled_damage_a_home_named_a_fire_set_and_a_group_called_parasites_are_reported(triager, comment):
    result = triager.triage(comment)
    assert (result.category, result.moderation) == ("hateful", "report")


@pytest.mark.slow
def test_the_default_path_asks_the_nearest_training_comments_whether_it_is_a_threat(tmp_path):
    import shutil

    from omdome.text import embedding
    from omdome.triage.categories import CATEGORIES
    from omdome.triage.model import shipped_model_dir
    from omdome.triage.neighbours import build

    shipped = load_model()
    voters = shipped.neighbours
    assert voters is not None and voters.threats is not None
    assert shipped.meta["neighbours"]["threat_k"] == voters.threat_k
    # The same model with a neighbours file that carries no threat answers.
    without = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), without)
    rows = voters.category_rows
    build(voters.vectors[:rows], [CATEGORIES[j] for j in voters.labels[:rows]], list(CATEGORIES)).save(
        without / "neighbours.npz")
    text = ("Handläggaren Eva parkerar sin röda Golf vid simhallen varje morgon klockan sju. "
            "Det vore tråkigt om något hände med den, eller med henne.")
    asked = Triager(shipped, fast=False).triage(text)
    alone = Triager(load_model(without), fast=False).triage(text)
    # The heads' probability and the vote of the comment's nearest training comments, by their weights.
    vote = voters.threat_vote(embedding.embed([text])[0])
    assert vote is not None and vote > 0.5
    assert asked.threat == pytest.approx((1 - voters.threat_weight) * alone.threat + voters.threat_weight * vote,
                                         abs=1e-3)
    assert (asked.category, asked.moderation, asked.urgency) == ("hateful", "report", "high")
    # The fast path has no embedding and never asks.
    fast_alone = Triager(load_model(without), fast=True).triage(text)
    assert Triager(shipped, fast=True).triage(text).threat == fast_alone.threat
    calm = "Hej, när öppnar simhallen igen efter renoveringen? Mina barn saknar den."
    assert Triager(shipped, fast=False).triage(calm).moderation != "report"

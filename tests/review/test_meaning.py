"""The draft check's model of meaning: the shipped heads, read beside the rules when asked for."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import make_policy, make_profile
from omdome.cli import main
from omdome.review import meaning as meaning_module
from omdome.review import review_draft
from omdome.review.meaning import HEADS, load_meaning, shipped_meaning, windows
from omdome.text.segment import sentences
from omdome.triage.replies import TEMPLATES

PUBLIC = make_policy(org="Sundby kommun", sector="public", customer_word="invånare", company_word="kommun",
                     extra='[[topics]]\nname = "Skola"\nkeywords = ["skol*", "elev*", "betyg*"]\n\n'
                           '[[topics]]\nname = "Försörjningsstöd"\nkeywords = ["försörjningsstöd*", "bistånd*"]\n')
TEACHER = make_profile(name="Eva Berg", employer="Sundby kommun", role="lärare", expertise=["Skola"])
DISCLOSED = "Jag jobbar som lärare på Sundby kommun. "


def model_codes(text: str, policy=PUBLIC, profile=TEACHER) -> list[str]:  # type: ignore[no-untyped-def]
    """Codes the model of meaning adds: found with it, not found by the rules alone."""
    rules = {f.code for f in review_draft(text, profile=profile, policy=policy).findings}
    both = review_draft(text, profile=profile, policy=policy, meaning=True)
    return sorted({f.code for f in both.findings} - rules)


def test_the_shipped_heads_load_with_their_thresholds_and_inputs():
    model = shipped_meaning()
    assert model is not None and set(model.heads) == set(HEADS)
    assert {h.reads for h in model.heads.values()} == {"sentence", "window"}
    assert all(0.5 < h.threshold < 1 for h in model.heads.values())
    figures = model.meta["figures"]
    assert figures["contempt"]["positives"] >= 800 and figures["secrecy"]["positives"] >= 350


@pytest.mark.parametrize("draft", [
    DISCLOSED + "Vår nya rektor har säkert många fina diplom. Synd bara att inget av dem handlar om barn. "
                "Men det kanske kommer med åren.",
    DISCLOSED + "Föräldrarna i min klass är så duktiga på att läsa veckobrevet. Eller, det vore de om de nu "
                "läste det. Tionde mejlet om samma utflykt i dag.",
    DISCLOSED + "Kul med en ny chef som tror att barn är som kalkylblad. Hen kommer säkert att lära sig, om ett "
                "decennium eller två.",
])
def test_contempt_in_words_no_lexicon_lists_is_found_by_the_model(draft):
    assert model_codes(draft) == ["respect.disparaging"]
    finding = next(f for f in review_draft(draft, profile=TEACHER, policy=PUBLIC, meaning=True).findings
                   if f.code == "respect.disparaging")
    # The finding points at one sentence after the disclosure, quotes it and says the model read it.
    assert finding.start >= len(DISCLOSED) and draft[finding.start:finding.end].strip()
    assert finding.explanation.startswith("The model of meaning reads contempt")
    assert finding.message.startswith('"') and "nedsättande" in finding.message


def test_a_pupil_and_their_health_in_new_words_is_secrecy_in_the_public_sector_only():
    draft = (DISCLOSED + "Skolpsykologen har fått mycket att göra efter vårens händelser. Lilla Vera i 2A har "
             "svårt att ens ta sig hemifrån på morgnarna och pappan är intagen på psyket igen.")
    assert model_codes(draft) == ["public.secrecy"]
    private = make_policy(org="Sundby kommun")
    assert "public.secrecy" not in [f.code for f in review_draft(draft, profile=TEACHER, policy=private,
                                                                   meaning=True).findings]


def test_a_fact_stated_as_certain_outside_ones_field_is_found_with_the_model():
    draft = DISCLOSED + "Har ni barn hemma får ni alltid försörjningsstöd för hyran, det är bara att ansöka."
    # The rules already know "det är bara att"; the model reads the same sentence as advice too.
    review = review_draft(draft, profile=TEACHER, policy=PUBLIC, meaning=True)
    assert [f.code for f in review.findings] == ["expertise.outside"]


@pytest.mark.slow
@pytest.mark.parametrize("draft", [
    DISCLOSED + "Grattis till alla elever som tog studenten i dag, ni har kämpat hela vägen!",
    DISCLOSED + "Alla elever har rätt till skollunch varje dag. Vi serverar vegetariskt två dagar i veckan.",
    DISCLOSED + "I dag hade vi brandövning och alla kom ut på under tre minuter. Bra jobbat, alla!",
    "Hej Per! Bussarna kör en omväg via Kyrkvägen, och hållplatsen Storgatan flyttas 50 meter. "
    "Tidtabellen är densamma. /Eva, lärare",
])
def test_friendly_and_plain_drafts_get_nothing_from_the_model(draft):
    assert model_codes(draft) == []


@pytest.mark.slow
@pytest.mark.parametrize(("action", "language"), [(a, lang) for a in ("acknowledge", "answer", "follow_up")
                                                  for lang in ("sv", "en", "nb", "da")])
def test_the_suggested_replies_pass_the_model_too(action, language):
    official = make_profile(name="Eva Berg", employer="Sundby kommun", role="kommunikatör", account="official")
    review = review_draft(TEMPLATES[action][language], profile=official, policy=PUBLIC, language=language,
                          meaning=True)
    assert review.findings == ()


def test_without_the_embedding_package_the_rules_still_run(monkeypatch):
    draft = DISCLOSED + "Kul med en ny chef som tror att barn är som kalkylblad. Hen lär sig säkert."
    monkeypatch.setattr(meaning_module, "shipped_meaning", lambda: None)
    review = review_draft(draft, profile=TEACHER, policy=PUBLIC, meaning=True)
    assert "respect.disparaging" not in [f.code for f in review.findings]
    assert review.verdict == "ok"


def test_a_window_is_the_sentence_with_its_neighbours():
    text = "Ett. Två. Tre."
    assert windows(text, sentences(text)) == ["Ett. Två.", "Ett. Två. Tre.", "Två. Tre."]


def test_a_model_folder_with_an_unknown_head_is_refused(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(meaning_module.MODEL_DIR, folder)
    assert set(load_meaning(folder).heads) == set(HEADS)
    meta = json.loads((folder / "meaning.json").read_text(encoding="utf-8"))
    meta["heads"]["sarcasm"] = {"threshold": 0.5, "reads": "sentence"}
    (folder / "meaning.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(meaning_module.MeaningError, match="unknown head 'sarcasm'"):
        load_meaning(folder)


def test_check_reads_with_the_model_when_asked(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(DISCLOSED + "Kul med en ny chef som tror att barn är som kalkylblad. Hen kommer säkert att "
                                 "lära sig, om ett decennium eller två.", encoding="utf-8")
    profile = tmp_path / "me.toml"
    profile.write_text('name = "Eva Berg"\nemployer = "Sundby kommun"\nrole = "lärare"\nexpertise = ["Skola"]\n',
                       encoding="utf-8")
    assert main(["check", str(draft), "--profile", str(profile), "--format", "json", "--meaning"]) == 0
    assert "respect.disparaging" in capsys.readouterr().out
    assert main(["check", str(draft), "--profile", str(profile), "--format", "json"]) == 0
    assert "respect.disparaging" not in capsys.readouterr().out


def test_train_meaning_refuses_missing_files_with_exit_code_2(tmp_path, capsys):
    assert main(["train-meaning", str(tmp_path / "none.jsonl"), "--comments", str(tmp_path / "c.jsonl"),
                 "-o", str(tmp_path / "out")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.slow
def test_training_is_reproducible_and_writes_a_model_the_check_reads(tmp_path, capsys):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    rows = [json.loads(line) for f in sorted((root / "data/review/passages").glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = [r for finding in ("contempt", "secrecy", "advice", "leak", "opinion") for label in (0, 1)
              for r in [r for r in rows if r["finding"] == finding and r["label"] == label][:30]]
    passages = tmp_path / "passages.jsonl"
    passages.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), encoding="utf-8")
    comments = tmp_path / "comments.jsonl"
    comment_lines = (root / "src/omdome/triage/data/comments-1.jsonl").read_text(encoding="utf-8").splitlines()
    comments.write_text("\n".join(comment_lines[:150]) + "\n", encoding="utf-8")
    for out in ("a", "b"):
        assert main(["train-meaning", str(passages), "--comments", str(comments), "-o", str(tmp_path / out)]) == 0
        printed = json.loads(capsys.readouterr().out)
        assert printed["figures"]["contempt"]["positives"] == 30
    first, second = load_meaning(tmp_path / "a"), load_meaning(tmp_path / "b")
    for name in HEADS:
        assert (first.heads[name].head.weights == second.heads[name].head.weights).all()
    draft = DISCLOSED + "Lilla Vera i 2A har ångest varje morgon och pappan är intagen på psyket igen."
    readings = meaning_module.read(draft, sentences(draft), ("secrecy",), first)
    assert all(r.head == "secrecy" and 0 <= r.start < r.end <= len(draft) for r in readings)


@pytest.mark.slow
def test_a_long_paste_is_read_in_its_first_sentences_only():
    sneer = "Kul med en ny chef som tror att barn är som kalkylblad. Hen kommer säkert att lära sig, om ett decennium."
    filler = " ".join(f"Punkt {n} i planen gäller lokalerna." for n in range(meaning_module.MAX_SENTENCES))
    assert "respect.disparaging" in model_codes(DISCLOSED + sneer + " " + filler)
    assert model_codes(DISCLOSED + filler + " " + sneer) == []


@pytest.mark.parametrize("verdict", [
    "Hela omorganisationen av skolorna var bortkastade pengar.",
    "Bibliotekets nya öppettider är ett stort misstag.",
    "Den nya skolskjutstaxan är ett rent rån mot föräldrarna.",
])
def test_a_verdict_on_the_organisation_in_words_no_lexicon_lists_is_an_unmarked_opinion(verdict):
    assert model_codes(DISCLOSED + verdict) == ["opinion.unmarked"]
    finding = next(f for f in review_draft(DISCLOSED + verdict, profile=TEACHER, policy=PUBLIC, meaning=True).findings
                   if f.code == "opinion.unmarked")
    assert finding.start == len(DISCLOSED) and finding.explanation.startswith("The model of meaning reads a verdict")


@pytest.mark.parametrize("draft", [
    "Själv tycker jag att hela omorganisationen av skolorna var bortkastade pengar.",
    "Hela omorganisationen av skolorna var bortkastade pengar. Det är min egen åsikt, inte kommunens.",
    "Omorganisationen av skolorna börjar i augusti.",
])
def test_a_marked_verdict_or_a_plain_fact_is_no_unmarked_opinion(draft):
    assert "opinion.unmarked" not in model_codes(DISCLOSED + draft)


def test_labelled_drafts_give_each_head_its_sentences(tmp_path):
    from omdome.review.meaning_training import draft_passages

    drafts = [
        {"id": "a", "account": "personal", "draft": "Vi öppnar nya simhallen i maj. Chefen är en clown. Välkomna!",
         "expected": [{"code": "respect.disparaging", "evidence": "Chefen är en clown"}]},
        {"id": "b", "account": "official", "draft": "Vår nya app är den bästa i landet. Ladda ner den i dag.",
         "expected": []},
    ]
    path = tmp_path / "drafts.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in drafts), encoding="utf-8")
    rows = draft_passages([path])
    contempt = [(r["text"], r["label"]) for r in rows if r["finding"] == "contempt"]
    # The sneer's window is the positive; the draft's other windows are left out (its writer marked one
    # place, not every one); the clean draft's windows are negatives.
    assert ("Vi öppnar nya simhallen i maj. Chefen är en clown. Välkomna!", 1) in contempt
    assert [label for text, label in contempt if text.startswith("Vi öppnar")] == [1]
    assert ("Vår nya app är den bästa i landet. Ladda ner den i dag.", 0) in contempt
    # Secrecy reads sentences; the first draft holds none, so each of its sentences is a negative.
    assert ("Chefen är en clown.", 0) in [(r["text"], r["label"]) for r in rows if r["finding"] == "secrecy"]
    # An official account speaks for the organisation: its verdicts are no negatives for opinions.
    assert not [r for r in rows if r["finding"] == "opinion" and "bästa" in r["text"]]
    assert all(r["source"] == "draft" for r in rows)


def test_a_labelled_draft_without_its_findings_is_refused_with_exit_code_2(tmp_path, capsys):
    drafts = tmp_path / "drafts.jsonl"
    drafts.write_text(json.dumps({"id": "x", "draft": "Hej."}) + "\n", encoding="utf-8")
    passages = tmp_path / "p.jsonl"
    passages.write_text(json.dumps({"text": "Hej", "finding": "contempt", "label": 0}) + "\n", encoding="utf-8")
    assert main(["train-meaning", str(passages), "--comments", str(passages), "--drafts", str(drafts),
                 "-o", str(tmp_path / "out")]) == 2
    assert "no list of expected findings" in capsys.readouterr().err


def test_the_model_learnt_from_tuned_draft_sets_only_never_a_blind_one():
    from bench.bench_blind import REVIEW_SETS

    status = {name: text for name, _files, text in REVIEW_SETS}
    trained_on = {name.split("/")[0] for name in shipped_meaning().meta["draft_files"]}
    assert trained_on and all(status[name].startswith("**tuned against**") for name in trained_on)
    # Every set tuned against is in it, so that retraining from the Makefile gives the shipped model.
    assert trained_on == {name for name, text in status.items() if text.startswith("**tuned against**")}

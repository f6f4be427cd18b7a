"""``omdome policy`` and ``omdome redact`` as a user runs them."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli


@pytest.mark.slow
def test_init_validate_render_round_trip(tmp_path):
    policy = tmp_path / "sundby.toml"
    made = run_cli("policy", "init", "--org", "Sundby kommun", "--sector", "public",
                   "--customer-word", "invånare", "--company-word", "kommun", "-o", str(policy))
    assert made.returncode == 0, made.stderr
    valid = run_cli("policy", "validate", str(policy))
    assert valid.returncode == 0
    out = valid.stdout.decode()
    assert "valid policy for Sundby kommun (public sector), version 1.0, 24 checks" in out
    assert out.splitlines()[1].startswith("sha256:")
    md = run_cli("policy", "render", str(policy), "--format", "md").stdout.decode()
    assert "## 4. Respektera kommunen och dina kollegor" in md and "diarieföras" in md
    html_file = tmp_path / "policy.html"
    rendered = run_cli("policy", "render", str(policy), "--format", "html", "-o", str(html_file))
    assert rendered.returncode == 0
    assert "<h2>1. Var öppen, ärlig och lyssnande</h2>" in html_file.read_text(encoding="utf-8")


@pytest.mark.slow
def test_init_refuses_to_overwrite_an_existing_policy(tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text("# the organisation's adopted policy\n", encoding="utf-8")
    result = run_cli("policy", "init", "--org", "X", "--sector", "private", "-o", str(policy))
    assert result.returncode == 2
    assert "exists; use --force" in result.stderr.decode()
    assert policy.read_text(encoding="utf-8") == "# the organisation's adopted policy\n"
    forced = run_cli("policy", "init", "--org", "X", "--sector", "private", "-o", str(policy), "--force")
    assert forced.returncode == 0 and "[organisation]" in policy.read_text(encoding="utf-8")


def test_init_with_explicit_forms_and_with_an_unknown_word(tmp_path):
    ok = run_cli("policy", "init", "--org", "Fjällhotellet", "--sector", "private",
                 "--customer-word", "gäst,gästen,gäster,gästerna")
    assert ok.returncode == 0
    assert 'definite_plural = "gästerna"' in ok.stdout.decode()
    bad = run_cli("policy", "init", "--org", "Fjällhotellet", "--sector", "private",
                  "--customer-word", "turist")
    assert bad.returncode == 2
    assert "'turist' is not a word Omdöme knows the forms of" in bad.stderr.decode()


def test_english_policy_init(tmp_path):
    result = run_cli("policy", "init", "--org", "Sundby Council", "--sector", "public", "--lang", "en",
                     "--customer-word", "resident", "--company-word", "council")
    assert result.returncode == 0
    assert "residents and councils meet on equal terms" in result.stdout.decode().replace(" \\\n", " ")


@pytest.mark.slow
def test_validate_reports_every_problem_with_line_and_exit_2(tmp_path):
    policy = tmp_path / "p.toml"
    text = run_cli("policy", "init", "--org", "X", "--sector", "private").stdout.decode()
    policy.write_text(text.replace('severity = "block"', 'severity = "stop"', 1), encoding="utf-8")
    result = run_cli("policy", "validate", str(policy))
    assert result.returncode == 2
    assert ".severity: must be one of 'block', 'warn' or 'info'" in result.stderr.decode()


@pytest.mark.slow
def test_redact_text_and_json_and_idempotence(tmp_path):
    text = "Ring Per på 070-123 45 67 eller mejla per@example.com. Pnr 811218-9876.\n"
    once = run_cli("redact", "-", stdin=text.encode(), lang="sv")
    assert once.returncode == 0
    redacted = once.stdout.decode()
    assert redacted == "Ring Per på [telefon] eller mejla [e-post]. Pnr [personnummer].\n"
    twice = run_cli("redact", "-", stdin=once.stdout)
    assert twice.stdout.decode() == redacted
    as_json = json.loads(run_cli("redact", "-", "--format", "json", stdin=text.encode()).stdout)
    assert [s["kind"] for s in as_json["spans"]] == ["phone", "email", "personnummer"]
    assert [text[s["start"]:s["end"]] for s in as_json["spans"]] == [
        "070-123 45 67", "per@example.com", "811218-9876"]
    english = run_cli("redact", "-", "--labels", "en", stdin=text.encode()).stdout.decode()
    assert "[phone]" in english and "[e-mail]" in english


def test_redact_rejects_bad_input_with_exit_2():
    result = run_cli("redact", "-", stdin=b"\xff\xfe")
    assert result.returncode == 2 and "not UTF-8" in result.stderr.decode()

"""``omdome check`` as a user runs it: exit codes, JSON and text output, archives, bad input."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli

CLEAN = "Tack för att du hörde av dig! Vi ses på fredag.\n"
BLOCKING = "Hej! Mitt personnummer är 811218-9876, ring mig.\n"


@pytest.fixture
def profile(tmp_path):
    path = tmp_path / "profile.toml"
    path.write_text('name = "Anna Lindqvist"\nemployer = "Exempel AB"\nrole = "säljare"\n'
                    'expertise = ["försäljning"]\n', encoding="utf-8")
    return path


def test_clean_draft_exits_0_with_verdict_ok_in_json(tmp_path, profile):
    draft = tmp_path / "draft.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    result = run_cli("check", str(draft), "--profile", str(profile), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == {"verdict": "ok", "language": "sv", "findings": []}


def test_blocking_draft_exits_1_and_names_rule_code_and_span():
    result = run_cli("check", "-", "--format", "json", stdin=BLOCKING.encode())
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["verdict"] == "block"
    pnr = next(f for f in data["findings"] if f["code"] == "pii.personnummer")
    assert pnr["rule"] == 4 and pnr["severity"] == "block"
    assert BLOCKING[pnr["start"]:pnr["end"]] == "811218-9876"
    assert pnr["message"] and pnr["suggestion"]
    no_profile = next(f for f in data["findings"] if f["code"] == "review.no_profile")
    assert no_profile["severity"] == "info"


def test_warn_exits_0():
    result = run_cli("check", "-", "--format", "json",
                     stdin="Ring mig på 070-123 45 67 om du undrar något.".encode())
    assert result.returncode == 0
    assert json.loads(result.stdout)["verdict"] == "warn"


def test_text_report_marks_the_draft_and_groups_findings_by_rule(profile):
    result = run_cli("check", "-", "--profile", str(profile), stdin=BLOCKING.encode())
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "Bedömning: Publicera inte" in out  # a Swedish draft gets a Swedish report
    assert "⟦811218-9876⟧[1]" in out
    assert "Regel 4. Respektera företaget och dina kollegor" in out
    assert "(pii.personnummer)" in out


def test_english_draft_gets_an_english_report(profile):
    draft = "Hi! My card number is 4111 1111 1111 1111, can you refund it?"
    result = run_cli("check", "-", "--profile", str(profile), stdin=draft.encode())
    out = result.stdout.decode()
    assert result.returncode == 1
    assert "Verdict: Do not publish" in out and "payment card number" in out


def test_jsonl_audit_reports_each_draft_and_bad_lines_with_their_number(tmp_path):
    archive = tmp_path / "posts.jsonl"
    archive.write_bytes(
        b'{"id": 1, "text": "Tack alla som kom i helgen!"}\n'
        b'{"id": 2, "text": "Mitt pnr \\u00e4r 811218-9876."}\n'
        b'not json\n'
        b'\n'
        b'{"id": 4, "text": ""}\n'
        b'{"id": 5, "text": "Hej \xff"}\n'
        b'{"id": 6}\n'
        b'{"id": 7, "text": "Ring 070-123 45 67."}\n'
    )
    result = run_cli("check", "--jsonl", str(archive))
    assert result.returncode == 2
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r.get("id") for r in rows] == [1, 2, None, 4, 5, 6, 7]
    assert [r.get("verdict") for r in rows] == ["ok", "block", None, None, None, None, "warn"]
    errors = {r["line"]: r["error"] for r in rows if "error" in r}
    assert set(errors) == {3, 5, 6, 7}
    assert errors[3].startswith("not valid JSON")
    assert errors[5] == "the draft is empty"
    assert "not UTF-8" in errors[6]
    assert errors[7] == 'the key "text" is missing or not a string'


def test_jsonl_without_bad_lines_exits_1_when_a_draft_blocks(tmp_path):
    archive = tmp_path / "posts.jsonl"
    archive.write_text('{"id": "a", "text": "Hej!"}\n{"id": "b", "text": "Pnr 811218-9876"}\n',
                       encoding="utf-8")
    assert run_cli("check", "--jsonl", str(archive)).returncode == 1


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b"Hej \xe5 d\xe5", "not UTF-8 text: byte 0xe5 at offset 4 (line 1)"),
        (b"   \n\n", "the draft is empty"),
        (b"Hej\x07 d\xc3\xa5", "control character (U+0007) at line 1, column 4"),
        (b"x" * (10 * 1024 * 1024), "the input is larger than 800\u00a0000 bytes"),
    ],
)
@pytest.mark.slow
def test_bad_input_gets_a_clear_message_and_exit_2_without_traceback(stdin, message):
    result = run_cli("check", "-", stdin=stdin)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert message in err and err.startswith("omdome: error:")
    assert "Traceback" not in err and result.stdout == b""


def test_bad_input_message_is_swedish_by_default():
    result = run_cli("check", "-", stdin=b"   ", lang="sv")
    assert result.stderr.decode().strip() == "omdome: fel: utkastet är tomt"


@pytest.mark.slow
def test_a_draft_of_a_hundred_thousand_characters_is_checked():
    draft = ("Vi ses på fredag i butiken, välkommen! " * 2600).encode()
    result = run_cli("check", "-", "--format", "json", stdin=draft)
    assert result.returncode == 0
    assert json.loads(result.stdout)["verdict"] in {"ok", "warn"}


@pytest.mark.slow
def test_broken_policy_names_file_line_and_key(tmp_path):
    policy = tmp_path / "policy.toml"
    init = run_cli("policy", "init", "--org", "Exempel AB", "--sector", "private")
    text = init.stdout.decode().replace('sector = "private"', 'sector = "privat"')
    policy.write_text(text, encoding="utf-8")
    line = text.splitlines().index('sector = "privat"') + 1
    result = run_cli("check", "-", "--policy", str(policy), stdin=b"Hej!")
    err = result.stderr.decode()
    assert result.returncode == 2
    assert f"{policy}:{line}: organisation.sector: must be one of 'private' or 'public'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('name = "Anna"\nemployer = 12\n', ":2: employer: must be text"),
        ('name = "Anna"\ntitle = "chef"\n', ":2: title: unknown key"),
        ('name = "Anna\n', ":1: not valid TOML"),
        ('account = "private"\n', ":1: account: must be one of 'personal' or 'official'"),
    ],
)
@pytest.mark.slow
def test_broken_profile_names_file_line_and_key(tmp_path, content, message):
    profile = tmp_path / "p.toml"
    profile.write_text(content, encoding="utf-8")
    result = run_cli("check", "-", "--profile", str(profile), stdin=b"Hej!")
    assert result.returncode == 2
    assert f"{profile}{message}" in result.stderr.decode()


@pytest.mark.slow
def test_missing_file_and_bad_usage_exit_2():
    assert run_cli("check", "/no/such/draft.txt").returncode == 2
    assert "no such file" in run_cli("check", "/no/such/draft.txt").stderr.decode()
    assert run_cli("check", "--format", "xml").returncode == 2
    assert run_cli("frobnicate").returncode == 2

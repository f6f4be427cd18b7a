"""Loading a policy file: every problem is reported with file, line and key."""

from __future__ import annotations

import pytest

from conftest import make_policy_text
from omdome.policy import PolicyError, load_policy, parse_policy
from omdome.policy.loader import content_hash


def problems(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "policy.toml")
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_template_policy_loads_with_five_rules():
    policy = parse_policy(make_policy_text())
    assert [r.number for r in policy.rules] == [1, 2, 3, 4, 5]
    assert policy.check("pii.personnummer")[1].severity == "block"


def test_when_a_key_is_unknown_then_the_error_names_line_and_key():
    text = make_policy_text().replace('sector = "private"', 'sector = "private"\nsektor = "privat"')
    [(line, key, message)] = problems(text)
    assert (line, key, message) == (line_of(text, "sektor ="), "organisation.sektor", "unknown key")


def test_when_a_required_key_is_missing_then_the_error_names_its_table():
    text = make_policy_text().replace('version = "1.0"\n', "")
    [(line, key, message)] = problems(text)
    assert key == "organisation.version"
    assert message == "required key is missing"
    assert line == line_of(text, "[organisation]")


def test_when_a_value_has_the_wrong_type_then_the_error_points_at_it():
    text = make_policy_text().replace("lix_limit = 50", 'lix_limit = "femtio"')
    [(line, key, message)] = problems(text)
    assert (line, key) == (line_of(text, "lix_limit"), "settings.lix_limit")
    assert message == "must be a whole number"


def test_when_a_severity_is_misspelt_in_the_third_check_of_rule_4_then_that_line_is_named():
    text = make_policy_text()
    lines = text.splitlines()
    rule4 = lines.index("number = 4")
    severity_lines = [i for i, row in enumerate(lines) if i > rule4 and row.startswith("severity =")]
    target = severity_lines[2]
    lines[target] = 'severity = "high"'
    [(line, key, message)] = problems("\n".join(lines))
    assert line == target + 1
    assert key == "rules[3].checks[2].severity"
    assert message == "must be one of 'block', 'warn' or 'info'"


def test_when_a_check_code_is_unknown_then_the_error_lists_the_known_codes():
    text = make_policy_text().replace('code = "pii.email"', 'code = "pii.mail"')
    [(line, key, message)] = problems(text)
    assert line == line_of(text, 'code = "pii.mail"')
    assert "unknown check code 'pii.mail'" in message and "pii.email" in message


def test_when_a_message_uses_a_placeholder_the_check_lacks_then_it_is_refused():
    text = make_policy_text().replace("Din profil saknar {missing}.", "Din profil saknar {topic}.")
    [(_, _, message)] = problems(text)
    assert "placeholder {topic} is not available for identity.profile" in message


def test_when_a_check_sits_under_the_wrong_rule_then_it_is_refused():
    text = make_policy_text()
    stray = ('[[rules.checks]]\ncode = "pii.iban"\nseverity = "warn"\nmessage.sv = "Konto."\n'
             'message.en = "Account."\nsuggestion.sv = "Ta bort."\nsuggestion.en = "Remove."\n\n')
    at = text.index("[[rules]]\nnumber = 2")
    found = problems(text[:at] + stray + text[at:])
    assert any("check pii.iban enforces rule 4, not rule 1" in m for _, _, m in found)


def test_when_a_private_policy_lists_a_public_sector_check_then_it_is_refused():
    public = make_policy_text(sector="public")
    private = public.replace('sector = "public"', 'sector = "private"')
    found = problems(private)
    assert any('public.register applies only when sector = "public"' in m for _, _, m in found)


def test_when_the_toml_is_broken_then_the_line_is_named():
    text = make_policy_text().replace('name = "Exempel AB"', 'name = "Exempel AB')
    [(line, key, message)] = problems(text)
    assert line == line_of(text, 'name = "Exempel AB')
    assert message.startswith("not valid TOML")


def test_when_rules_are_missing_then_the_error_says_which_exist():
    text = make_policy_text()
    cut = text.index("[[rules]]\nnumber = 5")
    end = text.index("[confidential]")
    found = problems(text[:cut] + text[end:])
    assert any("rules 1 to 5 once each (found [1, 2, 3, 4])" in m for _, _, m in found)


def test_when_the_file_is_not_utf8_then_the_error_says_so(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_bytes(make_policy_text().encode("utf-8").replace("Håll".encode(), "Håll".encode("latin-1")))
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert "not UTF-8" in str(caught.value) and str(path) in str(caught.value)


def test_when_the_file_is_missing_then_the_error_says_so(tmp_path):
    with pytest.raises(PolicyError, match="no such file"):
        load_policy(tmp_path / "nope.toml")


def test_content_hash_ignores_comments_and_layout_but_not_content():
    text = make_policy_text()
    same = "# a comment added by the editor\n" + text.replace("lix_limit = 50", "lix_limit   =   50")
    changed = text.replace("lix_limit = 50", "lix_limit = 55")
    first = content_hash(parse_policy(text))
    assert first.startswith("sha256:") and len(first) == 71
    assert content_hash(parse_policy(same)) == first
    assert content_hash(parse_policy(changed)) != first


def test_every_problem_is_reported_at_once():
    text = make_policy_text().replace('sector = "private"', 'sector = "privat"').replace(
        "lix_limit = 50", "lix_limit = 5")
    keys = [key for _, key, _ in problems(text)]
    assert keys == ["organisation.sector", "settings.lix_limit"]

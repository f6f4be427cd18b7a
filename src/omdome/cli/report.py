"""The text report of ``omdome check``: the verdict, the draft with findings marked, by rule."""

from __future__ import annotations

import textwrap

from omdome.i18n import N_, translator
from omdome.policy.schema import Policy
from omdome.review.findings import Finding, Review

_SYMBOL = {"block": "✖", "warn": "▲", "info": "·"}
_SEVERITY = {"block": N_("block"), "warn": N_("warn"), "info": N_("info")}


def format_review(review: Review, text: str, policy: Policy) -> str:
    """A report a person reads in a terminal; findings are numbered where they stand in the draft."""
    language = "en" if review.language == "en" else policy.organisation.language
    _ = translator(language)
    verdicts = {"ok": _("OK to publish"), "warn": _("Think twice"), "block": _("Do not publish")}
    numbered = [f for f in review.findings if f.end > f.start]
    verdict_label = _("Verdict")
    lines = [f"{verdict_label}: {verdicts[review.verdict]} ({_count(review, _)})", ""]
    if numbered:
        lines += [_("The draft, with findings marked:"), ""]
        lines += ["  " + row for row in _marked(text, numbered).splitlines()]
        lines.append("")
    by_rule: dict[int, list[Finding]] = {}
    for finding in review.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    rule_label = _("Rule")
    for number in sorted(by_rule):
        lines.append(f"{rule_label} {number}. {policy.rule(number).title}")
        for finding in by_rule[number]:
            lines += _finding_lines(finding, numbered, text, _)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _count(review: Review, _) -> str:  # type: ignore[no-untyped-def]
    n = len(review.findings)
    return _("1 finding") if n == 1 else _("{n} findings").format(n=n)


def _marked(text: str, findings: list[Finding]) -> str:
    """The draft with ⟦…⟧ around each finding and its number after it; nested spans skipped."""
    out, cursor = [], 0
    for index, finding in sorted(enumerate(findings, 1), key=lambda p: (p[1].start, -p[1].end)):
        if finding.start < cursor or finding.end - finding.start > 200:
            continue
        out += [text[cursor:finding.start], "⟦", text[finding.start:finding.end], f"⟧[{index}]"]
        cursor = finding.end
    out.append(text[cursor:])
    return "".join(out)


def _finding_lines(finding: Finding, numbered: list[Finding], text: str, _) -> list[str]:  # type: ignore[no-untyped-def]
    tag = f"[{numbered.index(finding) + 1}] " if finding in numbered else ""
    where = ""
    if finding.end > finding.start:
        line = text.count("\n", 0, finding.start) + 1
        where = " (" + _("line {line}").format(line=line) + ")"
    severity = _(_SEVERITY[finding.severity])
    head = f"  {_SYMBOL[finding.severity]} {tag}{severity}: {finding.message}{where}"
    body = textwrap.fill(f"→ {finding.suggestion}", width=88, initial_indent="      ",
                         subsequent_indent="        ")
    return [head, body, f"      ({finding.code})"]

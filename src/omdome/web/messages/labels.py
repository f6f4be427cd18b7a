"""What the UI calls the core's stable codes: categories, actions, urgency, severities, advice."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CATEGORY = {
    "praise": _("praise"), "question": _("question"), "complaint": _("complaint"),
    "correction": _("correction"), "hateful": _("hateful"), "troll": _("troll"), "spam": _("spam"),
    "neutral": _("neutral"),
}
ACTION = {
    "acknowledge": _("confirm and amplify"), "answer": _("answer"), "follow_up": _("follow up"),
    "correct": _("correct with facts"), "no_reply": _("leave unanswered"), "none": _("no action"),
}
REASON = {
    "model": _("the model's judgement"), "rule.threat": _("a threat"),
    "model.threat": _("a threat or incitement, by the threat model"),
    "rule.insult_aimed": _("an insult aimed at someone"), "rule.misconception": _("a known misconception"),
    "insult_noted": _("an insult, noted in a complaint"), "insult": _("an insult"),
    "unlawful": _("possibly unlawful: report it"), "review.language": _("a language triage does not read"),
    "review.low_confidence": _("triage is unsure"), "urgent": _("urgent"),
    "route": _("a colleague knows this best"), "fact.missing": _("no fact on file: check the claim first"),
    "own_link": _("links only to our own site"),
}
# The moderation log's entries (ModerationEvent.action).
LOG_ACTION = {
    "created": _("written"), "imported": _("imported"), "edited_by_author": _("edited by the writer"),
    "deleted_by_author": _("removed by the writer"), "moderated_published": _("published"),
    "moderated_hidden": _("hidden"), "moderated_withheld": _("withheld for review"),
    "moderated_pending": _("set to wait for review"), "staff_reply": _("staff reply"),
    "draft_check_confirmed": _("findings read and published"),
    "draft_check_overridden": _("published despite a block, with a reason"),
    "contact_details_erased": _("contact details erased"),
    "withheld_after_rescore": _("withheld after a second reading"),
    "released_after_rescore": _("released after a second reading"),
    "reported_after_rescore": _("flagged as possibly unlawful after a second reading"),
}
# Why the system decided what the moderation log shows (ModerationEvent.reason): stable codes, joined by
# "; ". Two carry categories: "triage:<category>:<moderation>" and "rescore:<category>:<category>".
LOG_REASON = {
    "personal_data.masked": _("personal data masked"),
    "personal_data.held": _("personal data, held for review"),
    "site.premoderation": _("the site reviews every comment first"),
    "site.first_comment": _("the writer's first comment on the site"),
}
MODERATION = {"keep": _("keep"), "hide": _("hide"), "report": _("report it")}
URGENCY = {"high": _("urgent"), "normal": _("normal"), "low": _("low")}
SEVERITY = {"block": _("stops publication"), "warn": _("think twice"), "info": _("for your information")}
VERDICT = {
    "block": _("Do not publish this as it is."),
    "warn": _("Think twice: read the findings before you publish."),
    "ok": _("Nothing in the draft goes against the policy."),
}
ADVICE = {
    "rule5.no_reply": _("Rule 5: comments that are plainly hateful or only trolling are left unanswered. "
                        "A reply often gives them the attention they want. Publish only if you are sure a "
                        "reply helps."),
}


def label(table: dict, code: str) -> str:
    return str(table.get(code, code))


def log_reason(reason: str) -> str:
    """A moderation log entry's reason in the UI's words. A reason that is not made of the codes above
    (a person's own words, or an entry written before the codes) is shown as it was written."""
    words = []
    for part in reason.split("; "):
        kind, *codes = part.split(":")
        if part in LOG_REASON:
            words.append(str(LOG_REASON[part]))
        elif kind == "triage" and len(codes) == 2 and codes[0] in CATEGORY and codes[1] in MODERATION:
            words.append(f"{label(CATEGORY, codes[0])}, {label(MODERATION, codes[1])}")
        elif kind == "rescore" and len(codes) == 2 and all(code in CATEGORY for code in codes):
            words.append(f"{label(CATEGORY, codes[0])} → {label(CATEGORY, codes[1])}")
        else:
            return reason
    return "; ".join(words)

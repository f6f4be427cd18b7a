"""The moderation log's reasons: stable codes in the database, the UI's words on the page."""

from __future__ import annotations

from django.utils import translation

from omdome.web.messages.labels import log_reason


def test_the_systems_reasons_are_shown_in_the_ui_language_and_a_persons_words_as_written():
    stored = "personal_data.held; triage:hateful:report"
    with translation.override("sv"):
        assert log_reason(stored) == "personuppgifter, hålls för granskning; hatiskt, anmäl"
        assert log_reason("rescore:correction:hateful") == "felaktighet → hatiskt"
    with translation.override("en"):
        assert log_reason(stored) == "personal data, held for review; hateful, report it"
        assert log_reason("site.premoderation; site.first_comment") == (
            "the site reviews every comment first; the writer's first comment on the site")
    # A moderator's own reason, or an entry written before the codes, stays as it was written.
    assert log_reason("hat eller hot") == "hat eller hot"
    assert log_reason("triage: hateful, hide") == "triage: hateful, hide"
    assert log_reason("rescore:correction:nonsense") == "rescore:correction:nonsense"

"""What a new user tried on the running app, and what a communicator expects of each.

Each comment goes through the real pipeline and the shipped model: the fast path as it is
posted, then the background re-score with the fuller model.
"""

from __future__ import annotations

import pytest

from omdome.web.comments import rescoring
from omdome.web.comments.errors import ThinkTwice
from omdome.web.comments.models import Comment, Status
from web.factories import make_comment, make_site, make_thread

pytestmark = pytest.mark.django_db


def posted_and_rescored(text: str, **kwargs) -> Comment:
    """The comment as stored after the writer confirmed any prompt and the re-score ran."""
    thread = kwargs.pop("thread", None) or make_thread()
    try:
        comment = make_comment(thread, text, **kwargs).comment
    except ThinkTwice:
        comment = make_comment(thread, text, confirmed=True, **kwargs).comment
    while rescoring.drain():
        pass
    comment.refresh_from_db()
    return comment


@pytest.mark.parametrize("text", [
    "Jag ska spränga kommunhuset i luften om ni stänger badet.",
    "Badmästaren ska få en kula i huvudet",
])
def test_a_threat_is_kept_from_readers_flagged_as_possibly_unlawful_and_urgent(text):
    comment = posted_and_rescored(text)
    assert comment.category == "hateful"
    assert comment.status == Status.WITHHELD
    assert comment.possibly_unlawful and comment.urgency == "high"


def test_a_threat_asks_the_writer_to_think_twice_before_it_is_sent():
    with pytest.raises(ThinkTwice):
        make_comment(make_thread(), "Badmästaren ska få en kula i huvudet")


def test_a_question_linking_to_the_organisations_own_page_is_answered_not_held_as_spam():
    site = make_site()
    site.organisation.domains = "sundby.se"
    site.organisation.save()
    comment = posted_and_rescored("När öppnar badet igen? Jag läste https://www.sundby.se/bad men hittar inget datum",
                                  thread=make_thread(site=site))
    assert comment.category == "question" and comment.status == Status.PUBLISHED


def test_a_link_in_a_swedish_comment_leaves_it_swedish():
    comment = posted_and_rescored("Varför står det inget om vägarbetet på https://www.sundby.se/trafik/vagarbeten "
                                  "när gatan redan är avstängd?")
    assert comment.triage["language"] == "sv"


@pytest.mark.parametrize("text", [
    "Hoppas det ordnar sig.",
    "Hmm, vi får väl se hur det blir med bussarna.",
])
def test_a_hope_or_a_wait_and_see_remark_is_published_without_a_prompt(text):
    comment = make_comment(make_thread(), text).comment  # no ThinkTwice: the writer is not prompted
    while rescoring.drain():
        pass
    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED and comment.category != "hateful"

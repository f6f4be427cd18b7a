"""What happens to a comment between submit and storage, in clear ordered steps.

Each step reads and fills in a Submission and may reject it with a CommentRejected.
The order matters: cheap checks first, triage before the site's rules that use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from omdome.triage.classifier import ReasonCode, Triager, TriageResult
from omdome.web.comments import names, reading, sites
from omdome.web.comments.errors import CommentRejected, ThinkTwice
from omdome.web.comments.markup import render_comment
from omdome.web.comments.models import Comment, Site, Status, Thread
from omdome.web.comments.threadkey import origin_of
from omdome.web.core import ratelimit
from omdome.web.core.cleaning import BadText, clean_text
from omdome.web.core.clientip import rate_key
from omdome.web.messages.triage import should_withhold

MAX_TEXT, MAX_AUTHOR, MAX_EMAIL, MAX_TITLE = 5000, 80, 254, 300
# Replies nest at most this many levels (depth 0 is a top-level comment), as many as the
# widget shows; a reply to a comment at the deepest level becomes its sibling.
MAX_DEPTH = 3


@dataclass
class Submission:
    """A comment on its way in, and what the steps found out about it.

    ``thread`` is None until the first comment of a page is stored; ``thread_url`` is the
    page's normalised address and ``site`` the registered site it belongs to.
    """

    thread: Thread | None
    text: str
    author: str
    thread_url: str = ""
    title: str = ""
    origin: str | None = None
    site: Site | None = None
    email: str = ""
    parent_id: int | None = None
    honeypot: str = ""
    confirmed: bool = False
    ip: str | None = None
    editing: Comment | None = None
    parent: Comment | None = None
    html: str = ""
    triage: TriageResult | None = None
    status: str = Status.PUBLISHED
    possibly_unlawful: bool = False
    held_by_site: bool = False
    reasons: list[str] = field(default_factory=list)


def triager(site: Site | None = None, *, fast: bool = True, second_reading: bool = False) -> Triager:
    """Triage with the facts and web domains of the site's organisation (the model loads once);
    ``second_reading``: the background re-score's reading (see ``Triager``)."""
    from omdome.web.policies.services import current_facts

    if site is None:
        return _triager(None, (), fast, second_reading)
    return _triager(current_facts(site.organisation), own_domains(site), fast, second_reading)


def own_domains(site: Site) -> tuple[str, ...]:
    """The organisation's web domains and the hosts of the site's pages: links there are its own."""
    from urllib.parse import urlsplit

    hosts = {urlsplit(origin).hostname or "" for origin in site.origin_list}
    return tuple(sorted({*site.organisation.domain_list, *hosts} - {"", "localhost", "127.0.0.1"}))


@lru_cache(maxsize=16)
def _triager(facts, domains: tuple[str, ...], fast: bool,  # type: ignore[no-untyped-def]
             second_reading: bool = False) -> Triager:
    from django.conf import settings

    from omdome.triage.model import load_model

    return Triager(load_model(settings.OMDOME_TRIAGE_MODEL or None), facts, fast=fast, own_domains=domains,
                   second_reading=second_reading)


def resolve_thread(s: Submission) -> None:
    """The page's thread if it has one, else the site it would belong to; the origin must match."""
    if s.thread is None:
        s.thread_url = sites.thread_url_or_error(s.thread_url)
        s.thread = reading.thread_at(s.thread_url)
        if s.thread is not None:  # the site, with its organisation, from the few-seconds memo
            s.thread.site = sites.site_by_id(s.thread.site_id) or s.thread.site
    s.site = s.thread.site if s.thread else sites.site_for_origin(origin_of(s.thread_url))
    if s.site is None:
        raise CommentRejected("origin_not_allowed", _("This page's site is not registered for comments."),
                              status=403)
    if s.origin and not sites.origin_allowed(s.site, s.origin):
        raise CommentRejected("origin_not_allowed", _("Comments for this page cannot be sent from here."),
                              status=403)


def check_open(s: Submission) -> None:
    if s.thread is not None and s.thread.closed:
        raise CommentRejected("thread_closed", _("Comments are closed on this page."), status=403)


def count_attempt(s: Submission) -> None:
    """Every request to write counts toward a cheap per-address limit, valid or not."""
    if s.ip:
        ratelimit.hit("attempt", rate_key(s.ip))


def _clean(value: str, name: str, max_length: int, *, multiline: bool = False) -> str:
    try:
        return clean_text(value, max_length=max_length, multiline=multiline)
    except BadText as problem:
        raise CommentRejected("invalid", problem.message, field=name) from None


def validate(s: Submission) -> None:
    if s.honeypot:
        # Only bots fill in the hidden field; tell them nothing useful.
        raise CommentRejected("invalid", _("The comment could not be accepted."))
    s.text = _clean(s.text, "text", MAX_TEXT, multiline=True)
    s.author = _clean(s.author, "author", MAX_AUTHOR)
    s.email = _clean(s.email, "email", MAX_EMAIL)
    s.title = _clean(s.title, "title", MAX_TITLE)
    if not s.text:
        raise CommentRejected("invalid", _("Write a comment first."), field="text")
    if not s.author:
        raise CommentRejected("invalid", _("Give a name of 1 to %(max)d characters.") % {"max": MAX_AUTHOR},
                              field="author")
    if s.email:
        try:
            validate_email(s.email)
        except ValidationError:
            raise CommentRejected("invalid", _("The e-mail address is not valid."), field="email") from None
    if s.parent_id is not None and s.editing is None:
        s.parent = (Comment.objects.filter(pk=s.parent_id, thread=s.thread, status=Status.PUBLISHED).first()
                    if s.thread is not None and 0 < s.parent_id < 2**63 else None)
        if s.parent is None:
            raise CommentRejected("invalid", _("The comment you reply to does not exist on this page."),
                                  field="parent")
        s.parent = within_depth(s.parent)


def check_name(s: Submission) -> None:
    """Nobody writes as the organisation or one of its staff, or wears the verified badge."""
    if s.editing is None:
        names.check_author(s.author, organisation_id=s.site.organisation_id,
                           site_names=(s.site.name, s.site.operator))


def within_depth(parent: Comment) -> Comment:
    while parent.depth >= MAX_DEPTH - 1 and parent.parent_id is not None:
        parent = parent.parent
    return parent


def limit_rate(s: Submission) -> None:
    """Accepted comments count per address and per page; refused ones cannot silence a page."""
    if s.ip:
        ratelimit.hit("ip", rate_key(s.ip))
    ratelimit.hit("thread", s.thread.url if s.thread else s.thread_url)


def personal_data(s: Submission) -> None:
    """Someone's personal data in a reader's comment: the writer is asked first; sent anyway, the
    comment is held for a moderator or published with the data masked (the site's choice)."""
    from django.utils.translation import get_language

    from omdome.detect.redact import LABELS, redact
    from omdome.i18n import translator
    from omdome.review.context import private_data
    from omdome.web.policies.services import current_policy

    found = private_data(s.text, current_policy(s.site.organisation))
    if not found:
        return
    reader = (get_language() or "sv")[:2]
    kinds = ", ".join(dict.fromkeys(translator(reader)(LABELS[span.kind]) for span in found))
    masks = s.site.personal_data == "mask"
    if not s.confirmed:
        then = (_("If you send it as it is, the data is replaced by its kind before the comment is shown.") if masks
                else _("If you send it as it is, a moderator reads it before it is shown."))
        raise ThinkTwice("personal_data", _("Your comment contains personal data (%(kinds)s). Would you like to "
                                            "remove it? %(then)s") % {"kinds": kinds, "then": then},
                         kinds=sorted({span.kind for span in found}))
    if masks:
        s.text = redact(s.text, labels=s.site.language).text
        s.reasons.append("personal_data.masked")
    else:
        s.status, s.held_by_site = Status.PENDING, True
        s.reasons.append("personal_data.held")


def sanitise(s: Submission) -> None:
    s.html = render_comment(s.text)


def classify(s: Submission) -> None:
    s.triage = triager(s.site).triage(s.text)


# Asking a writer to reconsider a polite complaint is worse than missing a borderline case:
# the comment is withheld for a moderator either way, so the prompt needs a sure model or a rule.
THINK_TWICE_AT = 0.6


def looks_hateful(t: TriageResult) -> bool:
    by_rule = t.decided_by_rule(*ReasonCode.HATEFUL_FOR_SURE)
    return t.category == "hateful" and (t.confidence >= THINK_TWICE_AT or by_rule)


def think_twice(s: Submission) -> None:
    if s.triage and looks_hateful(s.triage) and not s.confirmed:
        # No model reasons here: they would show writers how to get past the prompt.
        raise ThinkTwice("think_twice", _("Your comment may hurt or offend. Would you like to rephrase it? "
                                          "If you send it as it is, a moderator reads it before it is shown."))


def site_rules(s: Submission) -> None:
    site = s.site
    if site.premoderation:
        s.status, s.held_by_site = Status.PENDING, True
        s.reasons.append("site.premoderation")
    elif site.premoderate_first_time and s.editing is None and not _has_published(s):
        s.status, s.held_by_site = Status.PENDING, True
        s.reasons.append("site.first_comment")


def _has_published(s: Submission) -> bool:
    """A published comment by the same name and e-mail (or name and address) on this site.

    E-mail addresses are not verified, so the name must match too, and staff replies
    never count: their addresses are public.
    """
    same_writer = Comment.objects.filter(thread__site=s.site, status=Status.PUBLISHED, staff__isnull=True,
                                         author__iexact=s.author)
    if s.email:
        return same_writer.filter(email__iexact=s.email).exists()
    return bool(s.ip) and same_writer.filter(ip_address=s.ip).exists()


def triage_moderation(s: Submission) -> None:
    if s.triage is None:
        return
    if should_withhold(s.triage):
        s.status = Status.WITHHELD
        s.reasons.append(f"triage:{s.triage.category}:{s.triage.moderation}")
    s.possibly_unlawful = s.triage.moderation == "report"


STEPS: list[Callable[[Submission], None]] = [
    resolve_thread, check_open, count_attempt, validate, check_name, limit_rate, personal_data, sanitise, classify,
    think_twice, site_rules, triage_moderation,
]


def run(s: Submission, steps: list[Callable[[Submission], None]] = STEPS) -> Submission:
    for step in steps:
        step(s)
    return s

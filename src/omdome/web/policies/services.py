"""The rules of the policy's life: make it from the template, adapt it, approve it, acknowledge it.

Every function here is what the views, the admin and the commands call. Everything that checks
a draft or triages a comment in the web app asks ``current_policy`` and ``current_facts``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.policy.inflection import InflectionError
from omdome.policy.loader import PolicyError, builtin_policy, content_hash, parse_policy, read_toml
from omdome.policy.schema import Policy
from omdome.policy.template import init_policy
from omdome.policy.writer import model_to_toml, policy_to_toml
from omdome.triage.facts import Facts, FactsFile, Person
from omdome.web.core import audit
from omdome.web.core.errors import NotAllowed, ServiceError
from omdome.web.core.memo import Memo
from omdome.web.core.models import Organisation
from omdome.web.core.roles import Role, has_role
from omdome.web.policies.models import Acknowledgement, PolicyVersion


class PolicyInvalid(ServiceError):
    """The policy text has problems; each names its line and key."""

    def __init__(self, problems: list[str]):
        super().__init__("invalid_policy", "; ".join(problems), problems=problems)
        self.problems = problems


def _require_admin(actor) -> None:  # type: ignore[no-untyped-def]
    if not has_role(actor, Role.ADMIN):
        raise NotAllowed("forbidden", _("Only an administrator may change or approve the policy."))


def _problems(error: PolicyError) -> list[str]:
    return [f"{_('line')} {line}: {key}: {message}" if line else f"{key}: {message}" if key else message
            for line, key, message in error.problems]


def parse(text: str, source: str = "policy.toml") -> Policy:
    try:
        return parse_policy(text, source)
    except PolicyError as error:
        raise PolicyInvalid(_problems(error)) from None


def parse_facts(text: str) -> FactsFile:
    if not text.strip():
        return FactsFile()
    from pydantic import ValidationError

    from omdome.policy.loader import validation_problems

    try:
        return FactsFile.model_validate(read_toml(text, "facts.toml"))
    except PolicyError as error:
        raise PolicyInvalid(_problems(error)) from None
    except ValidationError as error:
        raise PolicyInvalid([f"{_('line')} {line}: {key}: {message}" if line else f"{key}: {message}"
                             for line, key, message in validation_problems(error, text)]) from None


# --- reading -------------------------------------------------------------------------------


def current_version(organisation: Organisation | None) -> PolicyVersion | None:
    if organisation is None:
        return None
    return (PolicyVersion.objects.filter(organisation=organisation, approved__isnull=False)
            .order_by("-number").first())


@lru_cache(maxsize=32)
def _parsed(text: str) -> Policy:
    return parse_policy(text, "<adopted>")


def policy_of(version: PolicyVersion) -> Policy:
    return _parsed(version.toml)


# What comments and drafts are checked against, read at most every few seconds per process.
_adopted: Memo[object] = Memo(seconds=10)


def forget_adopted(**kwargs) -> None:  # type: ignore[no-untyped-def]
    """A policy, a staff profile or an organisation changed in this process: read them again."""
    _adopted.forget()


def current_policy(organisation: Organisation | None) -> Policy:
    """The organisation's adopted policy; the built-in template until it has approved one."""
    return _adopted.get(("policy", organisation.pk if organisation else None), lambda: _current_policy(organisation))


def _current_policy(organisation: Organisation | None) -> Policy:
    version = current_version(organisation)
    if version is not None:
        return policy_of(version)
    language = organisation.language if organisation else "sv"
    sector = organisation.sector if organisation else "private"
    return builtin_policy(language, sector)


def current_facts(organisation: Organisation | None) -> Facts | None:
    """The facts triage cites and the staff it routes questions to, from the adopted policy and profiles."""
    if organisation is None:
        return None
    return _adopted.get(("facts", organisation.pk), lambda: _current_facts(organisation))


def _current_facts(organisation: Organisation) -> Facts | None:
    version = current_version(organisation)
    facts = parse_facts(version.facts_toml).facts if version is not None else ()
    from omdome.web.people.models import StaffProfile

    people = tuple(Person(name=p.real_name, role=p.role, expertise=tuple(p.topics))
                   for p in StaffProfile.objects.filter(organisation=organisation).exclude(expertise="")
                   if p.real_name and p.role and p.topics)
    if not facts and not people:
        return None
    return _facts(FactsFile(facts=facts, people=people))


@lru_cache(maxsize=32)
def _facts(data: FactsFile) -> Facts:
    return Facts(data)


# --- changing ------------------------------------------------------------------------------


def _next_number(organisation: Organisation) -> int:
    return (PolicyVersion.objects.filter(organisation=organisation).aggregate(n=Max("number"))["n"] or 0) + 1


def _store_draft(*, organisation: Organisation, actor, policy: Policy, facts: FactsFile, note: str,  # type: ignore[no-untyped-def]
                 action: str) -> PolicyVersion:
    with transaction.atomic():
        number = _next_number(organisation)
        data = policy.model_dump(mode="json", by_alias=True)
        data["organisation"]["version"] = str(number)
        policy = Policy.model_validate(data)
        version = PolicyVersion.objects.create(organisation=organisation, number=number, toml=policy_to_toml(policy),
                                               facts_toml=model_to_toml(facts) if facts.facts else "",
                                               content_hash=content_hash(policy), note=note[:300], created_by=actor)
        audit.record(action, actor=actor, target=version, number=number, hash=version.content_hash)
    return version


def start_from_template(*, organisation: Organisation, actor, language: str, sector: str,  # type: ignore[no-untyped-def]
                        customer_word: str = "", company_word: str = "") -> PolicyVersion:
    """A new draft made from the built-in template for ``organisation``."""
    _require_admin(actor)
    try:
        text = init_policy(org=organisation.name, sector=sector, language=language,
                           customer_word=customer_word or None, company_word=company_word or None)
    except InflectionError as error:
        raise ServiceError("unknown_word", str(error), field="customer_word") from None
    except ValueError as error:
        raise ServiceError("invalid", str(error)) from None
    data = parse(text).model_dump(mode="json", by_alias=True)
    data["contact"] = {**data["contact"], "phones": [p for p in [organisation.contact_phone] if p],
                       "emails": [e for e in [organisation.contact_email] if e],
                       "addresses": [a for a in [organisation.address] if a]}
    return _store_draft(organisation=organisation, actor=actor, policy=Policy.model_validate(data),
                        facts=FactsFile(), note=_("Made from the template"), action="policy.created_from_template")


def import_toml(*, organisation: Organisation, actor, text: str, facts_text: str = "",  # type: ignore[no-untyped-def]
                note: str = "") -> PolicyVersion:
    """A new draft from a policy file in the format the command line uses."""
    _require_admin(actor)
    policy, facts = parse(text), parse_facts(facts_text)
    return _store_draft(organisation=organisation, actor=actor, policy=policy, facts=facts,
                        note=note or _("Imported from a file"), action="policy.imported")


def revise(*, version: PolicyVersion, actor, changes: dict[str, Any], facts: FactsFile | None = None,  # type: ignore[no-untyped-def]
           note: str = "") -> PolicyVersion:
    """Apply ``changes`` (top-level keys of the policy, e.g. ``confidential``) to a version.

    A draft is changed in place; a published version is never changed: the changes become a
    new draft.
    """
    _require_admin(actor)
    data = policy_of(version).model_dump(mode="json", by_alias=True)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    from pydantic import ValidationError

    from omdome.policy.loader import validation_problems

    try:
        policy = Policy.model_validate(data)
    except ValidationError as error:
        raise PolicyInvalid([f"{key}: {message}" for _line, key, message in validation_problems(error, "")]) from None
    facts = facts if facts is not None else parse_facts(version.facts_toml)
    if version.is_published:
        return _store_draft(organisation=version.organisation, actor=actor, policy=policy, facts=facts,
                            note=note, action="policy.revised")
    with transaction.atomic():
        version.toml = policy_to_toml(policy)
        version.facts_toml = model_to_toml(facts) if facts.facts else ""
        version.content_hash = content_hash(policy)
        version.note = note[:300] or version.note
        version.save()
        audit.record("policy.draft_changed", actor=actor, target=version, keys=sorted(changes),
                     hash=version.content_hash)
    return version


def approve(*, version: PolicyVersion, actor) -> PolicyVersion:  # type: ignore[no-untyped-def]
    """Publish a draft: from now on it is the organisation's policy and never changes."""
    _require_admin(actor)
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if version.is_published:
            raise ServiceError("already_approved", _("This version is approved already."), status=409)
        newer = current_version(version.organisation)
        if newer is not None and newer.number > version.number:
            raise ServiceError("stale_draft", _("Version %(newer)d, made after this draft, is approved already. "
                                                "Make a new version from it instead.") % {"newer": newer.number},
                               status=409)
        data = policy_of(version).model_dump(mode="json", by_alias=True)
        now = timezone.now()
        name = actor.get_full_name() or actor.get_username()
        data["organisation"].update(adopted=timezone.localdate(now).isoformat(), approved_by=name)
        policy = Policy.model_validate(data)
        version.toml, version.content_hash = policy_to_toml(policy), content_hash(policy)
        version.approved, version.approved_by = now, actor
        version.save()
        audit.record("policy.approved", actor=actor, target=version, number=version.number,
                     hash=version.content_hash)
    return version


# --- acknowledgements ----------------------------------------------------------------------


def needs_acknowledgement(user) -> PolicyVersion | None:  # type: ignore[no-untyped-def]
    """The current version of the user's organisation if the user has not acknowledged it yet."""
    profile = getattr(user, "staff_profile", None)
    if profile is None or profile.organisation_id is None:
        return None
    version = current_version(profile.organisation)
    if version is None or Acknowledgement.objects.filter(user=user, version=version).exists():
        return None
    return version


def last_acknowledged(user) -> PolicyVersion | None:  # type: ignore[no-untyped-def]
    ack = Acknowledgement.objects.filter(user=user).select_related("version").order_by("-version__number").first()
    return ack.version if ack else None


def acknowledge(*, user, version: PolicyVersion) -> Acknowledgement:  # type: ignore[no-untyped-def]
    if not version.is_published:
        raise ServiceError("not_published", _("Only an approved version can be acknowledged."))
    with transaction.atomic():
        ack, created = Acknowledgement.objects.get_or_create(user=user, version=version)
        if created:
            audit.record("policy.acknowledged", actor=user, target=version, number=version.number)
    return ack


@dataclass
class AcknowledgementReport:
    version: PolicyVersion | None
    acknowledged: list
    missing: list

    @property
    def rate(self) -> float:
        total = len(self.acknowledged) + len(self.missing)
        return len(self.acknowledged) / total if total else 0.0

    @property
    def percent(self) -> int:
        return round(self.rate * 100)


def acknowledgement_report(organisation: Organisation) -> AcknowledgementReport:
    """Who of the organisation's active staff has acknowledged the current version, and who not."""
    version = current_version(organisation)
    people = list(get_user_model().objects.filter(is_active=True, staff_profile__organisation=organisation)
                  .select_related("staff_profile").order_by("last_name", "first_name", "username"))
    if version is None:
        return AcknowledgementReport(None, [], people)
    done = dict(Acknowledgement.objects.filter(version=version).values_list("user_id", "created"))
    acknowledged = [(user, done[user.pk]) for user in people if user.pk in done]
    return AcknowledgementReport(version, acknowledged, [u for u in people if u.pk not in done])


def send_reminders(*, organisation: Organisation, actor, login_url: str) -> int:  # type: ignore[no-untyped-def]
    """E-mail everyone who has not acknowledged the current version; returns how many were sent."""
    from django.core.mail import send_mass_mail
    from django.utils import translation

    _require_admin(actor)
    report = acknowledgement_report(organisation)
    if report.version is None:
        return 0
    from omdome.web.people.services import invite

    messages, invited = [], 0
    for user in report.missing:
        if not user.email:
            continue
        if not user.has_usable_password() and not _signs_in_elsewhere():
            # Never chose a password: the invitation is the reminder that lets them in.
            invite(user=user, organisation=organisation, login_url=login_url.split("/policy/")[0] + "/")
            invited += 1
            continue
        with translation.override(organisation.language):
            subject = _("Read and acknowledge the social media policy of %(org)s") % {"org": organisation.name}
            body = _("Hello %(name)s,\n\nversion %(n)s of the policy for social media at %(org)s is waiting for "
                     "you to read and acknowledge it. It takes a few minutes:\n\n%(url)s\n") % {
                "name": user.get_full_name() or user.get_username(), "n": report.version.number,
                "org": organisation.name, "url": login_url}
        messages.append((subject, body, None, [user.email]))
    sent = invited + (send_mass_mail(messages, fail_silently=False) if messages else 0)
    audit.record("policy.reminders_sent", actor=actor, target=report.version, count=sent)
    return sent


def _signs_in_elsewhere() -> bool:
    """With single sign-on, people without a password log in through the organisation's account."""
    from django.conf import settings

    return settings.OMDOME_OIDC_ENABLED


# --- reading versions side by side ---------------------------------------------------------


def readable_lines(version: PolicyVersion) -> list[str]:
    """The version as the lines a person compares: the document, then each list the checks use."""
    from omdome.policy.render import to_markdown

    policy = policy_of(version)
    document = to_markdown(policy).splitlines()
    # The version line and hash after the last rule differ in every version; shown elsewhere.
    cut = len(document) - 1 - document[::-1].index("---") if "---" in document else len(document)
    lines = document[:cut]
    lines += ["", f"## {_('Confidential terms')}", *policy.confidential.terms]
    lines += ["", f"## {_('Public contact details')}", *policy.contact.phones, *policy.contact.emails,
              *policy.contact.addresses, *policy.contact.bankgiro, *policy.contact.plusgiro]
    lines += ["", f"## {_('Products and services')}", *policy.products]
    lines += ["", f"## {_('Topics')}", *(f"{t.name}: {', '.join(t.keywords)}" for t in policy.topics)]
    lines += ["", f"## {_('Official positions')}", *(f"{p.topic}: {p.position}" for p in policy.positions)]
    facts = parse_facts(version.facts_toml).facts
    lines += ["", f"## {_('Facts for corrections')}", *(f"{f.topic}: {f.statement} ({f.source})" for f in facts)]
    return lines


def diff(old: PolicyVersion | None, new: PolicyVersion) -> list[tuple[str, str]]:
    """(kind, line) for what changed from ``old`` to ``new``: "added" and "removed" lines, each
    run of them after a "section" line naming the heading it stands under."""
    before = readable_lines(old) if old is not None else []
    after = readable_lines(new)
    out: list[tuple[str, str]] = []
    heading, shown_heading = "", None
    for line in difflib.ndiff(before, after):
        tag, text = line[:2], line[2:]
        if tag == "? ":
            continue
        if text.startswith("#") and tag == "  ":
            heading = text.lstrip("# ")
            continue
        if tag in ("+ ", "- ") and text.strip():
            if heading != shown_heading:
                out.append(("section", heading))
                shown_heading = heading
            out.append(("added" if tag == "+ " else "removed", text))
    return out


def previous_published(version: PolicyVersion) -> PolicyVersion | None:
    return (PolicyVersion.objects.filter(organisation=version.organisation, approved__isnull=False,
                                         number__lt=version.number).order_by("-number").first())

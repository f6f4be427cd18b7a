"""Staff and their roles: import from CSV with an invitation, change roles, keep one's own profile."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from omdome.web.core import audit
from omdome.web.core.errors import NotAllowed, ServiceError
from omdome.web.core.models import Organisation
from omdome.web.core.roles import Role, has_role
from omdome.web.people.models import StaffProfile

COLUMNS = ("name", "email", "role_title", "expertise")
MAX_ROWS = 5000


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def _require_admin(actor) -> None:  # type: ignore[no-untyped-def]
    if not has_role(actor, Role.ADMIN):
        raise NotAllowed("forbidden", _("Only an administrator may manage people."))


def read_csv(text: str) -> list[dict[str, str]]:
    """Rows of name, e-mail, role title, expertise (and optionally the Omdöme role); errors name the line."""
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower().replace(" ", "_").replace("-", "") for h in next(reader, [])]
    aliases = {"namn": "name", "epost": "email", "e_post": "email", "mail": "email", "roll": "role_title",
               "titel": "role_title", "title": "role_title", "expertis": "expertise", "omdome_role": "role",
               "behörighet": "role", "access": "role"}
    header = [aliases.get(h, h) for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ServiceError("invalid", _("Line 1: the columns %(missing)s are missing (expected: name, email, "
                                        "role_title, expertise, and optionally role)")
                           % {"missing": ", ".join(missing)})
    rows, problems, seen = [], [], set()
    for number, values in enumerate(reader, 2):
        if not any(v.strip() for v in values):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(_("Line %(n)d: at most %(max)d people in one file") % {"n": number, "max": MAX_ROWS})
            break
        row = {key: (values[i].strip() if i < len(values) else "") for i, key in enumerate(header)}
        row["line"] = str(number)
        try:
            validate_email(row["email"])
        except ValidationError:
            problems.append(_("Line %(n)d, column email: %(value)r is not an e-mail address")
                            % {"n": number, "value": row["email"]})
            continue
        if not row["name"]:
            problems.append(_("Line %(n)d, column name: the name is empty") % {"n": number})
        role = row.get("role", "").strip().lower() or Role.EMPLOYEE.value
        if role not in {r.value for r in Role}:
            problems.append(_("Line %(n)d, column role: %(value)r is not one of admin, communicator, employee, "
                              "registrar") % {"n": number, "value": role})
        row["role"] = role
        if row["email"].lower() in seen:
            problems.append(_("Line %(n)d, column email: %(value)s appears twice") % {"n": number,
                                                                                    "value": row["email"]})
        seen.add(row["email"].lower())
        rows.append(row)
    if problems:
        raise ServiceError("invalid", "; ".join(problems), problems=problems)
    return rows


def import_people(*, organisation: Organisation, actor, text: str, login_url: str) -> ImportResult:  # type: ignore[no-untyped-def]
    """Create or update each person in the file; new people get an e-mail to choose their password.

    The whole file is checked first: a file with a mistake imports no one.
    """
    _require_admin(actor)
    rows = read_csv(text)
    result, invitations = ImportResult(), []
    user_model = get_user_model()
    with transaction.atomic():
        for row in rows:
            first, _sep, last = row["name"].partition(" ")
            user = user_model.objects.filter(email__iexact=row["email"]).first()
            if user is None:
                user = user_model(username=row["email"].lower()[:150], email=row["email"], first_name=first[:150],
                                  last_name=last[:150])
                user.set_unusable_password()
                user.save()
                invitations.append(user)
                result.created.append(row["email"])
            else:
                result.updated.append(row["email"])
            user.groups.add(Group.objects.get_or_create(name=row["role"])[0])
            StaffProfile.objects.update_or_create(user=user, defaults={
                "organisation": organisation, "real_name": row["name"], "role": row["role_title"][:120],
                "employer": organisation.name, "expertise": row["expertise"][:500], "work_email": row["email"]})
        audit.record("people.imported", actor=actor, target=organisation, created=len(result.created),
                     updated=len(result.updated))
        transaction.on_commit(lambda: [invite(user=u, organisation=organisation, login_url=login_url)
                                       for u in invitations])
    return result


def invite(*, user, organisation: Organisation, login_url: str) -> None:  # type: ignore[no-untyped-def]
    """An e-mail with a link where the person chooses a password (Django's reset token, one use)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = login_url.rstrip("/") + reverse("core:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    with translation.override(organisation.language):
        subject = _("You are invited to Omdöme at %(org)s") % {"org": organisation.name}
        body = _("Hello %(name)s,\n\n%(org)s uses Omdöme for its social media policy. Choose a password here to "
                 "log in (your user name is %(username)s):\n\n%(link)s\n") % {
            "name": user.get_full_name(), "org": organisation.name, "username": user.get_username(), "link": link}
    send_mail(subject, body, None, [user.email])


def set_role(*, actor, user, roles: list[str]) -> None:  # type: ignore[no-untyped-def]
    _require_admin(actor)
    wanted = {r for r in roles if r in {x.value for x in Role}}
    with transaction.atomic():
        user.groups.remove(*Group.objects.filter(name__in=[r.value for r in Role]).exclude(name__in=wanted))
        user.groups.add(*[Group.objects.get_or_create(name=r)[0] for r in wanted])
        audit.record("people.roles_changed", actor=actor, target=user, roles=sorted(wanted))


def update_own_profile(*, user, real_name: str, role: str, expertise: str, work_email: str,  # type: ignore[no-untyped-def]
                       work_phone: str) -> StaffProfile:
    from omdome.web.core.organisation import organisation_for

    with transaction.atomic():
        profile, _created = StaffProfile.objects.get_or_create(
            user=user, defaults={"organisation": organisation_for(user)})
        profile.real_name, profile.role, profile.expertise = real_name, role, expertise
        profile.work_email, profile.work_phone = work_email, work_phone
        if profile.organisation is not None and not profile.employer:
            profile.employer = profile.organisation.name
        profile.full_clean()
        profile.save()
        audit.record("people.profile_changed", actor=user, target=profile)
    return profile

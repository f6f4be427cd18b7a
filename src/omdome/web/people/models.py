"""Staff members: who they are and what they speak for (rule 1 and rule 2 of the policy)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omdome.review.profile import AuthorProfile


class StaffProfile(models.Model):
    """The public identity a staff member replies under; the draft check reads it too."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile",
                                verbose_name=_("user"))
    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="staff", verbose_name=_("organisation"))
    real_name = models.CharField(_("real name"), max_length=120, blank=True)
    employer = models.CharField(_("employer"), max_length=160, blank=True)
    role = models.CharField(_("role"), max_length=120, blank=True)
    expertise = models.CharField(_("expertise topics"), max_length=500, blank=True,
                                 help_text=_("Comma-separated topics the person may speak on, e.g. parking, schools."))
    work_email = models.EmailField(_("work e-mail"), blank=True)
    work_phone = models.CharField(_("work phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self) -> str:
        return self.real_name or self.user.get_username()

    @property
    def topics(self) -> list[str]:
        return [t.strip() for t in self.expertise.split(",") if t.strip()]

    @property
    def can_reply_publicly(self) -> bool:
        """Rule 1: staff speak under their real name and role, so both must be filled in."""
        return bool(self.real_name.strip() and self.role.strip())

    def author_profile(self) -> AuthorProfile:
        return AuthorProfile(name=self.real_name, employer=self.employer, role=self.role,
                             expertise=tuple(self.topics), work_email=self.work_email,
                             work_phone=self.work_phone)

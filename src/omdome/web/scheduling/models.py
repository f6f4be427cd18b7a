from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicRun(models.Model):
    """When a periodic job was last handed to the task queue."""

    name = models.CharField(_("job"), max_length=100, unique=True)
    last_enqueued = models.DateTimeField(_("last enqueued"))

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")

    def __str__(self) -> str:
        return self.name

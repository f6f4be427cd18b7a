"""Forms shared by the HTML views and the services' callers."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from omdome.web.comments.models import Thread


class StaffReplyForm(forms.Form):
    text = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    parent = forms.TypedChoiceField(label=_("Reply to"), required=False, coerce=int, empty_value=None)
    override_reason = forms.CharField(
        label=_("Reason for publishing despite the draft check"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only needed when the draft check blocks the reply. The reason is logged."))

    def __init__(self, *args, thread: Thread, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("the page (a new comment)"))]
        choices += [(c.pk, f"#{c.pk} {c.author}: {c.text[:50]}") for c in thread.comments.order_by("created")]
        self.fields["parent"].choices = choices
        self.needs_reason = False

    def ask_for_reason(self) -> None:
        self.needs_reason = True

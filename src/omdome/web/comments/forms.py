"""Forms shared by the HTML views and the services' callers."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from omdome.web.comments.models import Status, Thread


class SecondLookForm(forms.Form):
    """A staff reply with the draft check's second look: a reason when it blocks, and publishing
    the same text again once the writer has seen the findings (a changed text is checked again)."""

    text = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    override_reason = forms.CharField(
        label=_("Reason for publishing despite the draft check"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only needed when the draft check blocks the reply. The reason is logged."))
    # The text the writer saw the think-twice panel for.
    confirmed_for = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def ask_for_confirmation(self) -> None:
        """The next submit of the same text, after the writer has seen the findings, publishes."""
        data = self.data.copy()
        data["confirmed_for"] = text_digest(self.cleaned_data["text"])
        self.data = data

    @property
    def confirmed(self) -> bool:
        return bool(self.cleaned_data.get("confirmed_for")) and (
            self.cleaned_data["confirmed_for"] == text_digest(self.cleaned_data["text"]))


class StaffReplyForm(SecondLookForm):
    parent = forms.TypedChoiceField(label=_("Reply to"), required=False, coerce=int, empty_value=None)
    field_order = ["text", "parent", "override_reason"]

    def __init__(self, *args, thread: Thread, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("the page (a new comment)"))]
        choices += [(c.pk, f"#{c.pk} {c.author}: {c.text[:50]}")
                    for c in thread.comments.filter(status=Status.PUBLISHED).order_by("created")]
        self.fields["parent"].choices = choices
        self.needs_reason = False

    def ask_for_reason(self) -> None:
        self.needs_reason = True


def text_digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:32]

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from omdome.web.channels.connectors import CONNECTORS


class ChannelForm(forms.Form):
    """The platform and name, then every platform's fields; the service checks which are needed."""

    platform = forms.ChoiceField(label=_("Platform"), choices=[(p, c.label) for p, c in CONNECTORS.items()])
    name = forms.CharField(label=_("Name"), max_length=80)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        used_by: dict[str, list[str]] = {}
        for connector in CONNECTORS.values():
            for f in connector.fields:
                used_by.setdefault(f.name, []).append(str(connector.label))
                if f.name in self.fields:
                    continue
                widget = forms.PasswordInput(render_value=False) if f.secret else forms.TextInput()
                self.fields[f.name] = forms.CharField(label=f.label, required=False, max_length=2000, widget=widget)
        for name, platforms in used_by.items():  # which platforms need the field, in its label
            self.fields[name].label = f"{self.fields[name].label} ({', '.join(platforms)})"

    def values(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("platform", "name")}


class ChannelReplyForm(forms.Form):
    """A reply through a channel: the same second look as a reply on the organisation's own pages."""

    text = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    override_reason = forms.CharField(
        label=_("Reason for publishing despite the draft check"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only needed when the draft check blocks the reply. The reason is logged."))
    confirmed_for = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def ask_for_confirmation(self) -> None:
        from omdome.web.comments.forms import text_digest

        data = self.data.copy()
        data["confirmed_for"] = text_digest(self.cleaned_data["text"])
        self.data = data

    @property
    def confirmed(self) -> bool:
        from omdome.web.comments.forms import text_digest

        return bool(self.cleaned_data.get("confirmed_for")) and (
            self.cleaned_data["confirmed_for"] == text_digest(self.cleaned_data["text"]))

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from omdome.web.channels.connectors import CONNECTORS
from omdome.web.comments.forms import SecondLookForm


class ChannelForm(forms.Form):
    """The platform and name, then each platform's own fields (``<platform>__<field>``); only the
    chosen platform's are read, and the service checks which of them are needed."""

    platform = forms.ChoiceField(label=_("Platform"), choices=[(p, c.label) for p, c in CONNECTORS.items()])
    name = forms.CharField(label=_("Name"), max_length=80)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for platform, connector in CONNECTORS.items():
            for f in connector.fields:
                widget = forms.PasswordInput(render_value=False) if f.secret else forms.TextInput()
                self.fields[f"{platform}__{f.name}"] = forms.CharField(label=f.label, required=False,
                                                                       max_length=2000, widget=widget)

    def platforms(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        """(platform, label, its fields) for the template's one fieldset per platform."""
        return [(platform, str(c.label), [self[f"{platform}__{f.name}"] for f in c.fields])
                for platform, c in CONNECTORS.items()]

    def values(self) -> dict[str, str]:
        chosen = self.cleaned_data["platform"]
        return {key.split("__", 1)[1]: value for key, value in self.cleaned_data.items()
                if key.startswith(f"{chosen}__")}


class ChannelReplyForm(SecondLookForm):
    """A reply through a channel: the same second look as a reply on the organisation's own pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class KeyForm(forms.Form):
    name = forms.CharField(label=_("Client"), max_length=80,
                           help_text=_("Which system uses the key, e.g. “Coral on the news site”."))
    per_minute = forms.IntegerField(label=_("Requests per minute"), initial=600, min_value=1, max_value=100_000)
    keep_in_inbox = forms.BooleanField(
        label=_("Show analysed comments in the inbox"), required=False,
        help_text=_("Unless the client sends doNotStore, each analysed comment is kept as a message."))

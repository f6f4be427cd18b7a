from django import forms
from django.utils.translation import gettext_lazy as _


class DraftForm(forms.Form):
    text = forms.CharField(label=_("Your draft"), max_length=20_000, required=False,
                           widget=forms.Textarea(attrs={"rows": 8, "autofocus": True}))
    account = forms.ChoiceField(label=_("Where you will publish it"), initial="personal",
                                choices=[("personal", _("my own account")),
                                         ("official", _("the organisation's account"))],
                                widget=forms.RadioSelect)


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name of the token"), max_length=80,
                           help_text=_("What uses it, e.g. “browser extension”."))

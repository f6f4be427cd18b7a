from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from omdome.web.integrations.models import Kind


class IntegrationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=80, help_text=_("E.g. “Coral on the news site”."))
    secret = forms.CharField(label=_("Coral's signing secret"), required=False, max_length=200,
                             widget=forms.PasswordInput(render_value=False),
                             help_text=_("Coral shows it when you add the external moderation phase. "
                                         "Leave empty for a signed webhook: Omdöme makes its secret."))
    callback_url = forms.URLField(label=_("Send decisions to (signed webhook)"), required=False, max_length=1000,
                                  assume_scheme="https",
                                  help_text=_("Where Omdöme tells the system when a communicator decides: "
                                              "re-labelled, handled, reopened."))
    feature_praise = forms.BooleanField(label=_("Feature praise (Coral)"), required=False,
                                        help_text=_("Praise the triage is sure of is tagged FEATURED."))

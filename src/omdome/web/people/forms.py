from django import forms
from django.utils.translation import gettext_lazy as _

from omdome.web.core.roles import ROLE_LABELS
from omdome.web.people.models import StaffProfile


class ImportForm(forms.Form):
    upload = forms.FileField(label=_("CSV file"), help_text=_(
        "Columns: name, email, role_title, expertise (topics separated by commas), and optionally role "
        "(admin, communicator, employee or registrar; employee if empty). UTF-8, comma or semicolon."))


class ProfileForm(forms.ModelForm):
    class Meta:
        model = StaffProfile
        fields = ["real_name", "role", "expertise", "work_email", "work_phone"]


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(label=_("Roles"), required=False, widget=forms.CheckboxSelectMultiple,
                                      choices=[(r.value, label) for r, label in ROLE_LABELS.items()])

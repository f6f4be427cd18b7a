"""The rule editor: conditions and actions as an administrator chooses them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from omdome.triage.categories import CATEGORIES
from omdome.web.messages import labels
from omdome.web.messages.models import Source
from omdome.web.rules.conditions import ACTIONS, LANGUAGES
from omdome.web.rules.models import RuleAction

LANGUAGE_NAMES = {"sv": _("Swedish"), "en": _("English"), "nb": _("Norwegian"), "da": _("Danish")}


def _many(label, choices):  # type: ignore[no-untyped-def]
    return forms.MultipleChoiceField(label=label, choices=choices, required=False,
                                     widget=forms.CheckboxSelectMultiple)


class RuleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    category = _many(_("Category is one of"), [(c, labels.CATEGORY[c]) for c in CATEGORIES])
    action = _many(_("Rule 5's action is one of"), [(a, labels.ACTION[a]) for a in ACTIONS])
    toxicity_at_least = forms.FloatField(label=_("Toxicity at least (0–1)"), required=False, min_value=0,
                                         max_value=1)
    urgency = _many(_("Urgency is one of"), [(u, labels.URGENCY[u]) for u in ("high", "normal", "low")])
    language = _many(_("Language is one of"), [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES])
    source = _many(_("Source is one of"), list(Source.choices))
    keywords = forms.CharField(label=_("Contains one of these words"), required=False, max_length=500,
                               help_text=_("Separate them with commas."))
    has_link = forms.BooleanField(label=_("Contains a link"), required=False)
    first_time_writer = forms.BooleanField(label=_("The writer's first message"), required=False)
    needs_review = forms.BooleanField(label=_("Needs review"), required=False)
    reported = forms.BooleanField(label=_("Reported by readers"), required=False)
    actions = _many(_("Actions"), list(RuleAction.choices))
    assign_to = forms.ModelChoiceField(label=_("Assign cases to"), queryset=None, required=False)
    label = forms.ChoiceField(label=_("Category to set"), required=False,
                              choices=[("", "—")] + [(c, labels.CATEGORY[c]) for c in CATEGORIES])

    CONDITIONS = ("category", "action", "toxicity_at_least", "urgency", "language", "source", "keywords",
                  "has_link", "first_time_writer", "needs_review", "reported")

    def __init__(self, *args, communicators, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["assign_to"].queryset = communicators

    def condition_fields(self):  # type: ignore[no-untyped-def]
        return [self[name] for name in self.CONDITIONS]

    def conditions(self) -> dict[str, object]:
        return {key: self.cleaned_data.get(key) for key in self.CONDITIONS}

    @staticmethod
    def initial_for(rule) -> dict[str, object]:  # type: ignore[no-untyped-def]
        initial = {"name": rule.name, "actions": rule.actions, "assign_to": rule.assign_to_id, "label": rule.label}
        for key, value in rule.conditions.items():
            initial[key] = ", ".join(value) if key == "keywords" else value
        return initial


def describe(conditions: dict) -> list[str]:
    """The conditions in words, for the list of rules."""
    words = {"category": (_("category"), labels.CATEGORY), "action": (_("action"), labels.ACTION),
             "urgency": (_("urgency"), labels.URGENCY), "language": (_("language"), LANGUAGE_NAMES),
             "source": (_("source"), dict(Source.choices))}
    parts = []
    for key, value in conditions.items():
        if key in words:
            name, table = words[key]
            parts.append(f"{name}: {', '.join(str(table.get(v, v)) for v in value)}")
        elif key == "toxicity_at_least":
            parts.append(str(_("toxicity ≥ %(x)s") % {"x": f"{value:.2f}"}))
        elif key == "keywords":
            parts.append(str(_("contains: %(words)s") % {"words": ", ".join(value)}))
        else:
            parts.append(str({"has_link": _("contains a link"), "first_time_writer": _("the writer's first message"),
                              "needs_review": _("needs review"), "reported": _("reported by readers")}[key]))
    return parts

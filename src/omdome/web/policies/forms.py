"""Forms for making and adapting a policy; each list is one line per item, errors name the line."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from omdome.policy.schema import Policy
from omdome.triage.facts import Fact, FactsFile

LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
SECTORS = [("public", _("public sector")), ("private", _("company or organisation"))]


class TemplateForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the policy"), choices=LANGUAGES)
    sector = forms.ChoiceField(label=_("Sector"), choices=SECTORS,
                               help_text=_("The public sector also gets the checks for secrecy and registration."))
    customer_word = forms.CharField(label=_("Word for customer"), required=False, max_length=40,
                                    help_text=_("E.g. resident, member, patient. Every form is bent to fit."))
    company_word = forms.CharField(label=_("Word for the organisation"), required=False, max_length=40,
                                   help_text=_("E.g. council, association, agency."))


class ImportForm(forms.Form):
    toml = forms.CharField(label=_("Policy file (TOML)"), widget=forms.Textarea(attrs={"rows": 14}), required=False)
    upload = forms.FileField(label=_("…or upload the file"), required=False)
    facts_toml = forms.CharField(label=_("Facts file (TOML, optional)"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 6}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        upload = data.get("upload")
        if upload is not None:
            if upload.size > 512_000:
                raise ValidationError(_("The file is larger than 500 kB."))
            try:
                data["toml"] = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise ValidationError(_("The file is not UTF-8 text.")) from None
        if not (data.get("toml") or "").strip():
            raise ValidationError(_("Paste the policy file or upload it."))
        return data


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _line_error(number: int, message: str) -> ValidationError:
    return ValidationError(_("Line %(n)d: %(message)s") % {"n": number, "message": message})


def _parts(line: str, number: int, count: int, example: str) -> list[str]:
    parts = [p.strip() for p in line.split("|")]
    if len(parts) != count or not all(parts[:count]):
        raise _line_error(number, _("write it as %(example)s") % {"example": example})
    return parts


class PolicyEditForm(forms.Form):
    """Everything an administrator adapts, in plain fields; ``changes()`` gives the policy keys."""

    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(label=_("Introduction"), widget=forms.Textarea(attrs={"rows": 4}))
    rule_1 = forms.CharField(label=_("Rule 1"), widget=forms.Textarea(attrs={"rows": 4}))
    rule_2 = forms.CharField(label=_("Rule 2"), widget=forms.Textarea(attrs={"rows": 4}))
    rule_3 = forms.CharField(label=_("Rule 3"), widget=forms.Textarea(attrs={"rows": 4}))
    rule_4 = forms.CharField(label=_("Rule 4"), widget=forms.Textarea(attrs={"rows": 4}))
    rule_5 = forms.CharField(label=_("Rule 5"), widget=forms.Textarea(attrs={"rows": 4}))
    confidential = forms.CharField(
        label=_("Confidential terms"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: project names, products not yet launched. A final * matches any ending."))
    phones = forms.CharField(label=_("Public phone numbers"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    emails = forms.CharField(label=_("Public e-mail addresses"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
    addresses = forms.CharField(label=_("Public addresses"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    products = forms.CharField(label=_("Products and services"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}),
                               help_text=_("One per line. Writing about them from a personal account needs a "
                                           "word that you work here."))
    topics = forms.CharField(
        label=_("Topics"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: name: keyword, keyword* — staff write about the topics in their expertise."))
    positions = forms.CharField(
        label=_("Official positions"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: topic | position | keyword, keyword | contrary claim; contrary claim"))
    facts = forms.CharField(
        label=_("Facts for corrections"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: topic | correct statement | source address | wrong claim; wrong claim"))
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)

    @classmethod
    def initial_for(cls, policy: Policy, facts: FactsFile) -> dict[str, str]:
        initial = {"title": policy.document.title, "introduction": policy.document.introduction,
                   "confidential": "\n".join(policy.confidential.terms),
                   "phones": "\n".join(policy.contact.phones), "emails": "\n".join(policy.contact.emails),
                   "addresses": "\n".join(policy.contact.addresses), "products": "\n".join(policy.products),
                   "topics": "\n".join(f"{t.name}: {', '.join(t.keywords)}" for t in policy.topics),
                   "positions": "\n".join(f"{p.topic} | {p.position} | {', '.join(p.keywords)} | "
                                          f"{'; '.join(p.contrary)}" for p in policy.positions),
                   "facts": "\n".join(f"{f.topic} | {f.statement} | {f.source} | {'; '.join(f.misconceptions)}"
                                      for f in facts.facts)}
        initial.update({f"rule_{r.number}": r.text for r in policy.rules})
        return initial

    def clean_topics(self) -> list[dict]:
        topics = []
        for number, line in enumerate(_lines(self.cleaned_data["topics"]), 1):
            name, sep, words = line.partition(":")
            keywords = [w.strip() for w in words.split(",") if w.strip()]
            if not sep or not name.strip() or not keywords:
                raise _line_error(number, _("write it as name: keyword, keyword"))
            topics.append({"name": name.strip(), "keywords": keywords})
        return topics

    def clean_positions(self) -> list[dict]:
        positions = []
        for number, line in enumerate(_lines(self.cleaned_data["positions"]), 1):
            topic, position, words, contrary = _parts(line, number, 4, "topic | position | keywords | contrary claims")
            positions.append({"topic": topic, "position": position,
                              "keywords": [w.strip() for w in words.split(",") if w.strip()],
                              "contrary": [c.strip() for c in contrary.split(";") if c.strip()]})
        return positions

    def clean_facts(self) -> FactsFile:
        facts = []
        for number, line in enumerate(_lines(self.cleaned_data["facts"]), 1):
            topic, statement, source, wrong = _parts(line, number, 4, "topic | statement | source | wrong claims")
            try:
                facts.append(Fact(topic=topic, statement=statement, source=source,
                                  misconceptions=tuple(w.strip() for w in wrong.split(";") if w.strip())))
            except ValueError as error:
                raise _line_error(number, str(error)) from None
        return FactsFile(facts=tuple(facts))

    def changes(self, policy: Policy) -> dict[str, Any]:
        data = self.cleaned_data
        rules = policy.model_dump(mode="json", by_alias=True)["rules"]
        for rule in rules:
            rule["text"] = data[f"rule_{rule['number']}"]
        return {
            "document": {"title": data["title"], "introduction": data["introduction"]},
            "rules": rules,
            "confidential": {"terms": _lines(data["confidential"])},
            "contact": {"phones": _lines(data["phones"]), "emails": _lines(data["emails"]),
                        "addresses": _lines(data["addresses"])},
            "products": _lines(data["products"]),
            "topics": data["topics"],
            "positions": data["positions"],
        }

"""{{ comment.category|category_label }} and friends: the UI's words for the core's codes."""

from django import template

from omdome.web.messages import labels

register = template.Library()


@register.filter
def category_label(code: str) -> str:
    return labels.label(labels.CATEGORY, code)


@register.filter
def action_label(code: str) -> str:
    return labels.label(labels.ACTION, code)


@register.filter
def severity_label(code: str) -> str:
    return labels.label(labels.SEVERITY, code)


@register.filter
def verdict_label(code: str) -> str:
    return labels.label(labels.VERDICT, code)


@register.filter
def advice_label(code: str) -> str:
    return labels.label(labels.ADVICE, code)

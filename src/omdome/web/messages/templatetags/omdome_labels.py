"""{{ comment.category|category_label }} and friends: the UI's words for the core's codes."""

from functools import partial

from django import template

from omdome.web.messages import labels

register = template.Library()

FILTERS = {"category_label": labels.CATEGORY, "action_label": labels.ACTION, "severity_label": labels.SEVERITY,
           "verdict_label": labels.VERDICT, "advice_label": labels.ADVICE, "reason_label": labels.REASON,
           "urgency_label": labels.URGENCY, "log_label": labels.LOG_ACTION}
for _name, _table in FILTERS.items():
    register.filter(_name, partial(labels.label, _table))
register.filter("log_reason", labels.log_reason)

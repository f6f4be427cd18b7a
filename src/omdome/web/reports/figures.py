"""The dashboard's figures, each a table: what the chart draws is what the CSV holds.

Every figure covers the incoming messages received since ``since`` (the dashboard's period), in
the organisation's time zone; times "in working hours" count only the organisation's opening hours.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.models import Case as SqlCase
from django.db.models import CharField, Count, Min, Q, Sum, Value, When
from django.db.models.functions import Cast, Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from omdome.triage.categories import CATEGORIES
from omdome.web.cases.models import Case, CaseStatus
from omdome.web.cases.services import service_level
from omdome.web.comments.models import Comment, ModerationEvent
from omdome.web.core.models import Organisation
from omdome.web.inbox.models import Correction
from omdome.web.inbox.queues import incoming
from omdome.web.messages import labels
from omdome.web.policies.services import acknowledgement_report
from omdome.web.thinktwice.models import FindingCount

Cell = str | int | float | None


@dataclass
class Table:
    name: str  # stable: the CSV's file name
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    chart: str = ""  # "stacked": first column the x axis, the others series; "bars": label, value
    summary: str = ""
    notes: list[str] = field(default_factory=list)


def _hours(delta: timedelta) -> float:
    return round(delta.total_seconds() / 3600, 1)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _monday(day) -> object:  # type: ignore[no-untyped-def]
    return day - timedelta(days=day.weekday())


def _staff_replies(organisation: Organisation, since: datetime):  # type: ignore[no-untyped-def]
    """Staff replies to messages received since ``since``: found from the (few) replies, not per message."""
    return Comment.objects.filter(staff__isnull=False, parent__created__gte=since,
                                  parent__organisation=organisation).exclude(parent__status="deleted")


def _hours_on_another_day(zone, since: datetime) -> list[str]:  # type: ignore[no-untyped-def]
    """The UTC hours ("00"–"23") whose local date differs from their UTC date at some time in the period
    (every hour, if the zone is not whole hours from UTC)."""
    offsets = set()
    moment = since
    while moment <= timezone.now() + timedelta(days=1):
        offsets.add(moment.astimezone(zone).utcoffset())
        moment += timedelta(days=7)
    if any(offset % timedelta(hours=1) for offset in offsets):
        return [f"{h:02d}" for h in range(24)]
    return [f"{h:02d}" for h in range(24)
            if any((h + offset // timedelta(hours=1)) // 24 for offset in offsets)]


def per_week(organisation: Organisation, since: datetime) -> Table:
    """Messages per category per week (weeks start on Monday)."""
    # Counted by the database per UTC day, split only at the UTC hours that fall on another local day
    # (22 and 23 for Stockholm), with plain string operations and no function per row; each bucket
    # is then put in its local week here. Exact wherever the time zone is whole hours from UTC.
    zone = timezone.get_current_timezone()
    hour = Substr(Cast("created", CharField()), 12, 2)
    shifting = _hours_on_another_day(zone, since)
    bucket = SqlCase(When(Q(hour__in=shifting), then=Substr(Cast("created", CharField()), 1, 13)),
                  default=Concat(Substr(Cast("created", CharField()), 1, 10), Value(" 12")), output_field=CharField())
    hours = (incoming(organisation).filter(created__gte=since).annotate(hour=hour).annotate(bucket=bucket)
             .values("bucket", "category").annotate(n=Count("pk")).order_by())
    local_day: dict[str, object] = {}
    days: dict[tuple[object, str], int] = {}
    for row in hours:
        hour = row["bucket"]
        if (local := local_day.get(hour)) is None:
            moment = datetime(int(hour[:4]), int(hour[5:7]), int(hour[8:10]), int(hour[11:13]), tzinfo=UTC)
            local = local_day[hour] = moment.astimezone(zone).date()
        days[local, row["category"]] = days.get((local, row["category"]), 0) + row["n"]
    weeks: dict[object, dict[str, int]] = {}
    first = _monday(timezone.localtime(since).date())
    last = _monday(timezone.localdate())
    week = first
    while week <= last:
        weeks[week] = dict.fromkeys(CATEGORIES, 0)
        week += timedelta(days=7)
    for (day, category), n in days.items():
        counts = weeks.setdefault(_monday(day), dict.fromkeys(CATEGORIES, 0))
        if category in counts:
            counts[category] += n
    rows: list[list[Cell]] = [[str(week), *counts.values()] for week, counts in sorted(weeks.items())]
    total = sum(sum(r[1:]) for r in rows)  # type: ignore[misc]
    return Table("messages-per-week", _("Messages per category and week"),
                 [_("Week from"), *(str(labels.CATEGORY[c]) for c in CATEGORIES)], rows, chart="stacked",
                 summary=_("%(n)d incoming messages with a category in the period.") % {"n": total})


def handled(organisation: Organisation, since: datetime) -> Table:
    """Per category: messages received, handled (marked done or replied to by staff), and the share."""
    received = incoming(organisation).filter(created__gte=since)
    counts = received.values("category").annotate(n=Count("pk"), handled=Count("pk", filter=Q(handled=True)))
    by_category = {row["category"]: row for row in counts}
    # Replied to by staff but not marked done: found from the (few) staff replies, not per message.
    replied = (_staff_replies(organisation, since).filter(parent__handled=False)
               .values("parent__category").annotate(n=Count("parent_id", distinct=True)))
    for row in replied:
        if row["parent__category"] in by_category:
            by_category[row["parent__category"]]["handled"] += row["n"]
    rows: list[list[Cell]] = []
    for category in CATEGORIES:
        row = by_category.get(category, {"n": 0, "handled": 0})
        share = round(100 * row["handled"] / row["n"]) if row["n"] else None
        rows.append([str(labels.CATEGORY[category]), row["n"], row["handled"], share])
    received = sum(r[1] for r in rows)  # type: ignore[misc]
    dealt = sum(r[2] for r in rows)  # type: ignore[misc]
    return Table("handled", _("Handled, per category"), [_("Category"), _("Received"), _("Handled"), _("Share (%)")],
                 rows, summary=_("%(share)s %% of the incoming messages have been handled.") % {
                     "share": round(100 * dealt / received) if received else 0})


def response_times(organisation: Organisation, since: datetime) -> Table:
    """Median time from a message to the first staff reply, overall and in working hours."""
    hours = service_level(organisation).working_hours()
    firsts = (_staff_replies(organisation, since)
              .values("parent_id", "parent__created", "parent__category").annotate(first=Min("created")))
    overall: dict[str, list[float]] = {}
    working: dict[str, list[float]] = {}
    for row in firsts:
        asked, category = row["parent__created"], row["parent__category"]
        overall.setdefault(category, []).append(_hours(row["first"] - asked))
        working.setdefault(category, []).append(_hours(hours.between(asked, row["first"])))
    rows: list[list[Cell]] = [[str(labels.CATEGORY[c]), len(overall.get(c, [])), _median(overall.get(c, [])),
                                _median(working.get(c, []))] for c in CATEGORIES]
    everything = [h for values in overall.values() for h in values]
    in_hours = [h for values in working.values() for h in values]
    return Table("response-times", _("Time to the first staff reply"),
                 [_("Category"), _("Replied to"), _("Median hours"), _("Median working hours")], rows,
                 summary=_("Median %(all)s hours to the first reply, %(work)s in working hours (%(n)d replied to).")
                 % {"all": _median(everything) if everything else "–", "work": _median(in_hours) if in_hours else "–",
                    "n": len(everything)})


def cases(organisation: Organisation, since: datetime) -> Table:
    """Cases: open and overdue now; opened and closed in the period, and how long closing took."""
    now = timezone.now()
    hours = service_level(organisation).working_hours()
    mine = Case.objects.filter(organisation=organisation)
    closed = list(mine.filter(status=CaseStatus.CLOSED, closed_at__gte=since).values_list("opened_at", "closed_at"))
    rows: list[list[Cell]] = [
        [_("Open now"), mine.filter(status__in=[CaseStatus.OPEN, CaseStatus.WAITING]).count()],
        [_("Overdue now"), mine.filter(status=CaseStatus.OPEN, due_at__lt=now).count()],
        [_("Opened in the period"), mine.filter(opened_at__gte=since).count()],
        [_("Closed in the period"), len(closed)],
        [_("Median hours to close"), _median([_hours(b - a) for a, b in closed])],
        [_("Median working hours to close"), _median([_hours(hours.between(a, b)) for a, b in closed])],
    ]
    return Table("cases", _("Follow-up cases"), [_("Measure"), _("Value")], rows)


def hidden_by_reason(organisation: Organisation, since: datetime) -> Table:
    counts = (ModerationEvent.objects.filter(action="moderated_hidden", created__gte=since,
                                             comment__organisation=organisation)
              .values("reason").annotate(n=Count("pk")).order_by("-n", "reason"))
    rows: list[list[Cell]] = [[row["reason"] or _("(no reason given)"), row["n"]] for row in counts]
    return Table("hidden", _("Hidden comments by reason"), [_("Reason"), _("Hidden")], rows, chart="bars")


def corrections(organisation: Organisation, since: datetime) -> Table:
    """Re-labels per category triage gave: where the model errs most for this organisation."""
    counts = dict(Correction.objects.filter(at__gte=since, message__organisation=organisation)
                  .values_list("before").annotate(n=Count("pk")))
    received = dict(incoming(organisation).filter(created__gte=since).values_list("category").annotate(n=Count("pk")))
    rows: list[list[Cell]] = []
    for category in CATEGORIES:
        n = counts.get(category, 0)
        rows.append([str(labels.CATEGORY[category]), n, round(100 * n / received[category]) if received.get(category)
                     else None])
    return Table("corrections", _("Corrections of triage, by the category triage gave"),
                 [_("Category"), _("Corrected"), _("Share of that category (%)")], rows, chart="bars",
                 summary=_("%(n)d corrections in the period.") % {"n": sum(counts.values())})


def policy(organisation: Organisation, since: datetime) -> Table:
    """How many have acknowledged the current policy, and think-twice findings per rule."""
    report = acknowledgement_report(organisation)
    findings = dict(FindingCount.objects.filter(organisation=organisation, day__gte=timezone.localtime(since).date())
                    .values_list("rule").annotate(n=Sum("count")))
    rows: list[list[Cell]] = [[_("Rule %(n)d") % {"n": rule}, findings.get(rule, 0)] for rule in range(1, 5)]
    return Table("policy", _("Think-twice findings per rule"), [_("Rule"), _("Findings")], rows, chart="bars",
                 summary=_("%(percent)d %% of the staff have acknowledged the current policy (%(done)d of %(all)d).")
                 % {"percent": report.percent, "done": len(report.acknowledged),
                    "all": len(report.acknowledged) + len(report.missing)})


FIGURES = {"messages-per-week": per_week, "handled": handled, "response-times": response_times, "cases": cases,
           "hidden": hidden_by_reason, "corrections": corrections, "policy": policy}


def all_tables(organisation: Organisation, since: datetime) -> list[Table]:
    return [figure(organisation, since) for figure in FIGURES.values()]

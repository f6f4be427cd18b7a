"""The dashboard's figures, each a table: what the chart draws is what the CSV holds.

Every figure covers the incoming messages received since ``since`` (the dashboard's period), in
the organisation's time zone; times "in working hours" count only the organisation's opening hours.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property

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


class Period:
    """What the figures of one period share, each read from the database once: the incoming messages
    counted per local day, category and handled, and the first staff reply to each message."""

    def __init__(self, organisation: Organisation, since: datetime) -> None:
        self.organisation = organisation
        self.since = since

    @cached_property
    def received(self) -> dict[tuple[date, str, bool], int]:
        """Incoming messages per (local day, category, handled)."""
        # Counted by the database per UTC day, split only at the UTC hours that fall on another local
        # day (22 and 23 for Stockholm), with plain string operations and no function per row; each
        # bucket is then put on its local day here. Exact wherever the time zone is whole hours from UTC.
        zone = timezone.get_current_timezone()
        created = Cast("created", CharField())
        bucket = SqlCase(When(Q(hour__in=_hours_on_another_day(zone, self.since)), then=Substr(created, 1, 13)),
                         default=Concat(Substr(created, 1, 10), Value(" 12")), output_field=CharField())
        rows = (incoming(self.organisation).filter(created__gte=self.since)
                .annotate(hour=Substr(created, 12, 2)).annotate(bucket=bucket)
                .values_list("bucket", "category")
                .annotate(n=Count("pk"), done=Count("pk", filter=Q(handled=True))).order_by())
        local_day: dict[str, date] = {}
        counts: dict[tuple[date, str, bool], int] = {}
        for hour, category, n, done in rows:
            if (local := local_day.get(hour)) is None:
                moment = datetime(int(hour[:4]), int(hour[5:7]), int(hour[8:10]), int(hour[11:13]), tzinfo=UTC)
                local = local_day[hour] = moment.astimezone(zone).date()
            for key, count in (((local, category, False), n - done), ((local, category, True), done)):
                if count:
                    counts[key] = counts.get(key, 0) + count
        return counts

    @cached_property
    def per_category(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for (_day, category, _done), n in self.received.items():
            totals[category] = totals.get(category, 0) + n
        return totals

    @cached_property
    def first_replies(self) -> list[tuple[int, datetime, str, bool, datetime]]:
        """(message, received, category, handled, first staff reply) for each message received in the period that
        staff have replied to: found from the (few) staff replies, not per message."""
        return list(Comment.objects.filter(staff__isnull=False, parent__created__gte=self.since,
                                           parent__organisation=self.organisation)
                    .exclude(parent__status="deleted")
                    .values_list("parent_id", "parent__created", "parent__category", "parent__handled")
                    .annotate(first=Min("created")).order_by())


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


def per_week(period: Period) -> Table:
    """Messages per category per week (weeks start on Monday)."""
    weeks: dict[date, dict[str, int]] = {}
    week = _monday(timezone.localtime(period.since).date())
    while week <= _monday(timezone.localdate()):
        weeks[week] = dict.fromkeys(CATEGORIES, 0)
        week += timedelta(days=7)
    for (day, category, _done), n in period.received.items():
        counts = weeks.setdefault(_monday(day), dict.fromkeys(CATEGORIES, 0))
        if category in counts:
            counts[category] += n
    rows: list[list[Cell]] = [[str(week), *counts.values()] for week, counts in sorted(weeks.items())]
    total = sum(sum(r[1:]) for r in rows)  # type: ignore[misc]
    return Table("messages-per-week", _("Messages per category and week"),
                 [_("Week from"), *(str(labels.CATEGORY[c]) for c in CATEGORIES)], rows, chart="stacked",
                 summary=_("%(n)d incoming messages with a category in the period.") % {"n": total})


def handled(period: Period) -> Table:
    """Per category: messages received, handled (marked done or replied to by staff), and the share."""
    dealt_with: dict[str, int] = {}
    for (_day, category, done), n in period.received.items():
        if done:
            dealt_with[category] = dealt_with.get(category, 0) + n
    for _id, _received, category, done, _first in period.first_replies:  # replied to, not marked done
        if not done:
            dealt_with[category] = dealt_with.get(category, 0) + 1
    rows: list[list[Cell]] = []
    for category in CATEGORIES:
        received, dealt = period.per_category.get(category, 0), dealt_with.get(category, 0)
        rows.append([str(labels.CATEGORY[category]), received, dealt,
                     round(100 * dealt / received) if received else None])
    received = sum(r[1] for r in rows)  # type: ignore[misc]
    dealt = sum(r[2] for r in rows)  # type: ignore[misc]
    return Table("handled", _("Handled, per category"), [_("Category"), _("Received"), _("Handled"), _("Share (%)")],
                 rows, summary=_("%(share)s %% of the incoming messages have been handled.") % {
                     "share": round(100 * dealt / received) if received else 0})


def response_times(period: Period) -> Table:
    """Median time from a message to the first staff reply, overall and in working hours."""
    hours = service_level(period.organisation).working_hours()
    overall: dict[str, list[float]] = {}
    working: dict[str, list[float]] = {}
    for _id, asked, category, _done, first in period.first_replies:
        overall.setdefault(category, []).append(_hours(first - asked))
        working.setdefault(category, []).append(_hours(hours.between(asked, first)))
    rows: list[list[Cell]] = [[str(labels.CATEGORY[c]), len(overall.get(c, [])), _median(overall.get(c, [])),
                                _median(working.get(c, []))] for c in CATEGORIES]
    everything = [h for values in overall.values() for h in values]
    in_hours = [h for values in working.values() for h in values]
    return Table("response-times", _("Time to the first staff reply"),
                 [_("Category"), _("Replied to"), _("Median hours"), _("Median working hours")], rows,
                 summary=_("Median %(all)s hours to the first reply, %(work)s in working hours (%(n)d replied to).")
                 % {"all": _median(everything) if everything else "–", "work": _median(in_hours) if in_hours else "–",
                    "n": len(everything)})


def cases(period: Period) -> Table:
    """Cases: open and overdue now; opened and closed in the period, and how long closing took."""
    organisation, since = period.organisation, period.since
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


def hidden_by_reason(period: Period) -> Table:
    counts = (ModerationEvent.objects.filter(action="moderated_hidden", created__gte=period.since,
                                             comment__organisation=period.organisation)
              .values("reason").annotate(n=Count("pk")).order_by("-n", "reason"))
    rows: list[list[Cell]] = [[row["reason"] or _("(no reason given)"), row["n"]] for row in counts]
    return Table("hidden", _("Hidden comments by reason"), [_("Reason"), _("Hidden")], rows, chart="bars")


def corrections(period: Period) -> Table:
    """Re-labels per category triage gave: where the model errs most for this organisation."""
    counts = dict(Correction.objects.filter(at__gte=period.since, organisation=period.organisation)
                  .values_list("before").annotate(n=Count("pk")).order_by())
    received = period.per_category
    rows: list[list[Cell]] = []
    for category in CATEGORIES:
        n = counts.get(category, 0)
        rows.append([str(labels.CATEGORY[category]), n, round(100 * n / received[category]) if received.get(category)
                     else None])
    return Table("corrections", _("Corrections of triage, by the category triage gave"),
                 [_("Category"), _("Corrected"), _("Share of that category (%)")], rows, chart="bars",
                 summary=_("%(n)d corrections in the period.") % {"n": sum(counts.values())})


def policy(period: Period) -> Table:
    """How many have acknowledged the current policy, and think-twice findings per rule."""
    report = acknowledgement_report(period.organisation)
    findings = dict(FindingCount.objects.filter(organisation=period.organisation,
                                                day__gte=timezone.localtime(period.since).date())
                    .values_list("rule").annotate(n=Sum("count")))
    rows: list[list[Cell]] = [[_("Rule %(n)d") % {"n": rule}, findings.get(rule, 0)] for rule in range(1, 5)]
    return Table("policy", _("Think-twice findings per rule"), [_("Rule"), _("Findings")], rows, chart="bars",
                 summary=_("%(percent)d %% of the staff have acknowledged the current policy (%(done)d of %(all)d).")
                 % {"percent": report.percent, "done": len(report.acknowledged),
                    "all": len(report.acknowledged) + len(report.missing)})


FIGURES = {"messages-per-week": per_week, "handled": handled, "response-times": response_times, "cases": cases,
           "hidden": hidden_by_reason, "corrections": corrections, "policy": policy}


def all_tables(organisation: Organisation, since: datetime) -> list[Table]:
    period = Period(organisation, since)
    return [figure(period) for figure in FIGURES.values()]

"""The dashboard: how rule 5 is followed, each figure a chart with its table and its CSV."""

from __future__ import annotations

import csv
from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.reports import figures, snapshots, svg

PERIODS = (4, 12, 26, 52)  # weeks
# A cell a spreadsheet would read as a formula (CSV injection): shown as text instead.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _since(request: HttpRequest) -> tuple[int, object]:
    weeks = request.GET.get("weeks", "12")
    weeks = int(weeks) if weeks.isdigit() and int(weeks) in PERIODS else 12
    return weeks, timezone.now() - timedelta(weeks=weeks)


@role_required(Role.COMMUNICATOR)
def dashboard(request: HttpRequest) -> HttpResponse:
    weeks, since = _since(request)
    organisation = organisation_for(request.user)
    counted_at = None
    if weeks >= snapshots.LONG_FROM_WEEKS:
        tables, counted_at = snapshots.tables_for(organisation, weeks)
    else:
        tables = figures.all_tables(organisation, since)
    return render(request, "reports/dashboard.html", {
        "tables": [(table, svg.chart(table)) for table in tables], "weeks": weeks, "periods": PERIODS,
        "counted_at": counted_at, "every_minutes": snapshots.EVERY // timedelta(minutes=1)})


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


@role_required(Role.COMMUNICATOR)
def table_csv(request: HttpRequest, name: str) -> HttpResponse:
    if name not in figures.FIGURES:
        raise Http404
    weeks, since = _since(request)
    organisation = organisation_for(request.user)
    if weeks >= snapshots.LONG_FROM_WEEKS:  # the figures the page draws
        table = next(t for t in snapshots.tables_for(organisation, weeks)[0] if t.name == name)
    else:
        table = figures.FIGURES[name](figures.Period(organisation, since))
    # UTF-8 with a byte order mark, so that a spreadsheet opens å, ä and ö as they are.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{weeks}w.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(table.columns)
    writer.writerows([_cell(v) for v in row] for row in table.rows)
    return response

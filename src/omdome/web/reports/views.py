"""The dashboard: how rule 5 is followed, each figure a chart with its table and its CSV."""

from __future__ import annotations

import csv
from datetime import timedelta

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from omdome.web.core.organisation import organisation_for
from omdome.web.core.roles import Role, role_required
from omdome.web.reports import figures, svg

PERIODS = (4, 12, 26, 52)  # weeks
# A year of a busy organisation's messages takes longer to count than a page should (bench_inbox):
# periods from half a year on are counted at most every ten minutes, and the page says when.
CACHED_FROM_WEEKS = 26
CACHE_SECONDS = 600
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
    if weeks >= CACHED_FROM_WEEKS:
        key = f"omdome:dashboard:{organisation.pk}:{weeks}:{get_language()}"
        if (kept := cache.get(key)) is None:
            kept = (figures.all_tables(organisation, since), timezone.now())
            cache.set(key, kept, CACHE_SECONDS)
        tables, counted_at = kept
    else:
        tables = figures.all_tables(organisation, since)
    return render(request, "reports/dashboard.html", {
        "tables": [(table, svg.chart(table)) for table in tables], "weeks": weeks, "periods": PERIODS,
        "counted_at": counted_at, "cache_minutes": CACHE_SECONDS // 60})


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


@role_required(Role.COMMUNICATOR)
def table_csv(request: HttpRequest, name: str) -> HttpResponse:
    if name not in figures.FIGURES:
        raise Http404
    weeks, since = _since(request)
    table = figures.FIGURES[name](figures.Period(organisation_for(request.user), since))
    # UTF-8 with a byte order mark, so that a spreadsheet opens å, ä and ö as they are.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{weeks}w.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(table.columns)
    writer.writerows([_cell(v) for v in row] for row in table.rows)
    return response

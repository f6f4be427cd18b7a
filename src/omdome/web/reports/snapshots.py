"""Long periods on the dashboard: a year of a busy organisation's messages takes longer to count than
a page should (bench_inbox), so the worker counts periods of 26 weeks and more every ten minutes and
the page draws the last count, saying when it was made. A page finding no count young enough counts
itself (the worker may not be running)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, override

from omdome.web.core.models import Organisation
from omdome.web.reports import figures
from omdome.web.reports.models import Snapshot

LONG_FROM_WEEKS = 26
EVERY = timedelta(minutes=10)
# A count a little older than the interval is still served: the worker's round may be late.
FRESH_FOR = EVERY + timedelta(minutes=5)


def count(organisation: Organisation, weeks: int, language: str) -> Snapshot:
    """Count the period now and keep it."""
    now = timezone.now()
    with override(language):
        tables = figures.all_tables(organisation, now - timedelta(weeks=weeks))
    snapshot, _created = Snapshot.objects.update_or_create(
        organisation=organisation, weeks=weeks, language=language,
        defaults={"counted_at": now, "tables": [asdict(table) for table in tables]})
    return snapshot


def tables_for(organisation: Organisation, weeks: int) -> tuple[list[figures.Table], object]:
    """The figures of a long period in the current language and when they were counted."""
    language = get_language() or settings.LANGUAGE_CODE
    snapshot = Snapshot.objects.filter(organisation=organisation, weeks=weeks, language=language,
                                       counted_at__gte=timezone.now() - FRESH_FOR).first()
    tables = _tables(snapshot) if snapshot is not None else None
    if tables is None:
        snapshot = count(organisation, weeks, language)
        tables = _tables(snapshot)
    return tables, snapshot.counted_at


def _tables(snapshot: Snapshot) -> list[figures.Table] | None:
    """The snapshot's figures; None when it was counted by a version with other figures (an upgrade)."""
    try:
        tables = [figures.Table(**table) for table in snapshot.tables]
    except TypeError:
        return None
    return tables if [table.name for table in tables] == list(figures.FIGURES) else None


def count_all(periods: tuple[int, ...]) -> int:
    """Every organisation's long periods in every UI language; the number of counts made."""
    made = 0
    for organisation in Organisation.objects.all():
        for weeks in periods:
            if weeks < LONG_FROM_WEEKS:
                continue
            for language, _name in settings.LANGUAGES:
                count(organisation, weeks, language)
                made += 1
    return made

"""Working hours: when an organisation is open, and deadlines counted only in the hours it is open.

A follow-up case is due "two working days" after it was opened. Those days are counted between
the opening and closing time of the weekdays the organisation is open, never on the country's
public holidays and, unless the organisation says otherwise, not on the eves most Swedish
workplaces keep closed (Midsummer Eve, Christmas Eve, New Year's Eve).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

WEEKDAYS = frozenset(range(5))  # Monday to Friday
# A deadline further away than this means the calendar has (almost) no open days: a setting's error.
_HORIZON_DAYS = 800


@lru_cache(maxsize=64)
def _closed_by_law(country: str, year: int, eves: bool) -> frozenset[date]:
    categories = ("public", "de_facto") if eves and "de_facto" in _categories(country) else ("public",)
    return frozenset(holidays.country_holidays(country, years=year, categories=categories))


@lru_cache(maxsize=16)
def _categories(country: str) -> tuple[str, ...]:
    return tuple(holidays.country_holidays(country).supported_categories)


@dataclass(frozen=True)
class WorkingHours:
    """An organisation's opening hours; times and dates are read in ``zone``."""

    opens: time = time(8)
    closes: time = time(17)
    weekdays: frozenset[int] = WEEKDAYS
    country: str = "SE"
    eves_closed: bool = True
    closed_dates: frozenset[date] = field(default_factory=frozenset)
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Stockholm"))

    def __post_init__(self) -> None:
        if self.opens >= self.closes:
            raise ValueError(f"opening time {self.opens:%H:%M} must be before closing time {self.closes:%H:%M}")
        if not self.weekdays or not self.weekdays <= set(range(7)):
            raise ValueError("weekdays must name at least one day, 0 (Monday) to 6 (Sunday)")

    @property
    def day(self) -> timedelta:
        """The length of one working day."""
        return datetime.combine(date.min, self.closes) - datetime.combine(date.min, self.opens)

    def is_open_on(self, day: date) -> bool:
        return (day.weekday() in self.weekdays and day not in self.closed_dates
                and day not in _closed_by_law(self.country, day.year, self.eves_closed))

    def _open_days(self, first: date):  # type: ignore[no-untyped-def]
        """Open days from ``first`` on, each as (opening, closing) in the zone."""
        for offset in range(_HORIZON_DAYS):
            day = first + timedelta(days=offset)
            if self.is_open_on(day):
                yield (datetime.combine(day, self.opens, tzinfo=self.zone),
                       datetime.combine(day, self.closes, tzinfo=self.zone))
        raise ValueError(f"no open day within {_HORIZON_DAYS} days of {first}")

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The moment ``duration`` of working time has passed since ``start`` (an aware datetime).

        Time outside opening hours does not count: a case opened on Friday evening starts its
        clock on the next open morning.
        """
        if start.tzinfo is None:
            raise ValueError("start must be an aware datetime")
        if duration < timedelta(0):
            raise ValueError("duration must not be negative")
        start = start.astimezone(self.zone)
        left = duration
        for opening, closing in self._open_days(start.date()):
            begin = max(opening, start)
            if begin >= closing:
                continue
            if begin + left <= closing:
                return begin + left
            left -= closing - begin
        raise AssertionError("unreachable: _open_days raises when it runs out")

    def add_days(self, start: datetime, days: int | float) -> datetime:
        """``days`` full working days of working time after ``start``."""
        return self.add(start, self.day * days)

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Working time from ``start`` to ``end`` (zero if ``end`` is not later)."""
        if end <= start:
            return timedelta(0)
        start, end = start.astimezone(self.zone), end.astimezone(self.zone)
        total = timedelta(0)
        day = start.date()
        while day <= end.date():
            if self.is_open_on(day):
                opening = datetime.combine(day, self.opens, tzinfo=self.zone)
                closing = datetime.combine(day, self.closes, tzinfo=self.zone)
                begin, finish = max(opening, start), min(closing, end)
                if finish > begin:
                    total += finish - begin
            day += timedelta(days=1)
        return total

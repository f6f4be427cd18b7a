"""Deadlines in working hours: weekends, Swedish public holidays and the eves offices keep closed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from omdome.workhours import WorkingHours

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def test_two_working_days_from_a_friday_afternoon_skip_the_weekend_and_epiphany():
    # Friday 2 January 2026, 14:00: 3 h on Friday, 9 h on Monday, Tuesday 6 January is Epiphany,
    # the last 6 h on Wednesday.
    assert WorkingHours().add_days(at("2026-01-02 14:00"), 2) == at("2026-01-07 14:00")


def test_midsummer_eve_is_closed_though_no_law_says_so():
    # Thursday 18 June 2026 15:30; Friday is Midsummer Eve.
    hours = WorkingHours()
    assert hours.add_days(at("2026-06-18 15:30"), 2) == at("2026-06-23 15:30")
    assert WorkingHours(eves_closed=False).add_days(at("2026-06-18 15:30"), 2) == at("2026-06-22 15:30")


def test_easter_from_maundy_thursday():
    # Good Friday and Easter Monday are public holidays.
    assert WorkingHours().add_days(at("2026-04-02 15:00"), 2) == at("2026-04-08 15:00")


def test_christmas_week():
    # Wednesday 23 December 16:00: Christmas Eve, Christmas Day, the weekend; Monday 28th on.
    assert WorkingHours().add_days(at("2026-12-23 16:00"), 2) == at("2026-12-29 16:00")


def test_the_clock_starts_at_the_next_opening():
    hours = WorkingHours()
    assert hours.add(at("2026-12-04 20:00"), timedelta(hours=1)) == at("2026-12-07 09:00")  # Friday evening
    assert hours.add(at("2026-12-07 06:30"), timedelta(hours=1)) == at("2026-12-07 09:00")  # before opening
    assert hours.add(at("2026-12-05 12:00"), timedelta(0)) == at("2026-12-07 08:00")  # Saturday


def test_a_deadline_that_ends_at_closing_time_stays_on_that_day():
    assert WorkingHours().add(at("2026-12-07 08:00"), timedelta(hours=9)) == at("2026-12-07 17:00")


def test_opening_hours_closed_dates_and_weekdays_are_the_organisations():
    hours = WorkingHours(opens=time(9), closes=time(15), weekdays=frozenset({0, 1, 2, 3}),
                         closed_dates=frozenset({date(2026, 12, 8)}))
    # Thursday 3 Dec 14:00: 1 h; Friday is not a working day; Monday 6 h; Tuesday closed; Wednesday 5 h.
    assert hours.add_days(at("2026-12-03 14:00"), 2) == at("2026-12-09 14:00")


def test_a_start_in_another_zone_is_read_in_the_organisations():
    utc = datetime(2026, 1, 2, 13, 0, tzinfo=ZoneInfo("UTC"))  # 14:00 in Stockholm
    assert WorkingHours().add_days(utc, 2) == at("2026-01-07 14:00")


def test_daylight_saving_time_does_not_move_the_hours():
    # Sunday 29 March 2026 the clocks go forward; Friday 27th 16:00 plus 2 h is Monday 09:00 local time.
    assert WorkingHours().add(at("2026-03-27 16:00"), timedelta(hours=2)) == at("2026-03-30 09:00")


def test_working_time_between_two_moments():
    hours = WorkingHours()
    assert hours.between(at("2026-01-02 14:00"), at("2026-01-07 14:00")) == timedelta(hours=18)
    assert hours.between(at("2026-12-05 10:00"), at("2026-12-06 18:00")) == timedelta(0)  # a weekend
    assert hours.between(at("2026-12-07 10:00"), at("2026-12-07 09:00")) == timedelta(0)


@pytest.mark.parametrize("kwargs, message", [
    ({"opens": time(17), "closes": time(8)}, "opening time 17:00 must be before closing time 08:00"),
    ({"weekdays": frozenset()}, "weekdays must name at least one day"),
    ({"weekdays": frozenset({7})}, "weekdays must name at least one day"),
])
def test_impossible_hours_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        WorkingHours(**kwargs)


def test_bad_arguments_are_refused():
    hours = WorkingHours()
    with pytest.raises(ValueError, match="aware"):
        hours.add(datetime(2026, 12, 7, 9), timedelta(hours=1))
    with pytest.raises(ValueError, match="negative"):
        hours.add(at("2026-12-07 09:00"), timedelta(hours=-1))

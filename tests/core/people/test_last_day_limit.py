"""A last working day is at most a year ahead (issue 12: a separation ending in 2099 was accepted):
366 days from today is still accepted, so a date a year ahead in a leap year is too, and one day
more is refused naming the last date allowed. Mutation testing (docs/mutation.md) found the edge
unchecked.
"""

from datetime import date, timedelta

from hrdesk.core.people.employee_rules import last_day_problem

TODAY = date(2026, 3, 2)


def test_366_days_ahead_is_accepted():
    assert last_day_problem(TODAY + timedelta(days=366), TODAY) is None
    assert last_day_problem(TODAY, TODAY) is None


def test_one_day_more_is_refused_naming_the_last_date_allowed():
    message = last_day_problem(TODAY + timedelta(days=367), TODAY)
    assert message is not None and "2027-03-03" in message

"""Reading the holiday calendar file (resources/data/holidays-cn.json, 全国年节及纪念日放假办法 as
revised in 2024): every year's holidays, 调休 working days and statutory holidays are read, and only
the statutory ones are paid rest days.

The payroll and the flows use one calendar loaded once per process, so no test ran the reading
itself while mutation testing (issue 12, docs/mutation.md): here it is read afresh each time.
"""

import json
from datetime import date

from hrdesk.core.kernel.calendar import WorkCalendar
from hrdesk.resources import resource_path


def test_the_shipped_2026_make_up_working_days_are_working_days():
    # the State Council's 2026 arrangement: these Saturdays and Sundays are worked
    calendar = WorkCalendar.from_file(resource_path("data", "holidays-cn.json"))
    for day in ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]:
        assert date.fromisoformat(day) in calendar.workdays
        assert calendar.is_working_day(date.fromisoformat(day))


def test_the_shipped_file_has_13_statutory_holidays_a_year_since_2025():
    # 元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3
    calendar = WorkCalendar.from_file(resource_path("data", "holidays-cn.json"))
    for year in (2025, 2026):
        assert len([d for d in calendar.statutory if d.year == year]) == 13
    assert date(2026, 1, 1) in calendar.statutory and calendar.statutory <= calendar.holidays


def test_every_year_and_kind_of_day_is_read(tmp_path):
    path = tmp_path / "holidays.json"
    data = {
        "years": {
            "2030": {"holidays": ["2030-01-01", "2030-01-02"], "workdays": ["2030-01-05"], "statutory": ["2030-01-01"]},
            "2031": {"holidays": ["2031-05-01"], "workdays": []},  # a year without statutory days listed
        }
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    calendar = WorkCalendar.from_file(path)
    assert calendar.holidays == {date(2030, 1, 1), date(2030, 1, 2), date(2031, 5, 1)}
    assert calendar.workdays == {date(2030, 1, 5)}
    assert calendar.statutory == {date(2030, 1, 1)}
    # 2 Jan 2030 (a Wednesday given off) is neither worked nor paid; 1 Jan is paid; Saturday 5 Jan is worked
    assert not calendar.is_working_day(date(2030, 1, 2)) and not calendar.is_paid_day(date(2030, 1, 2))
    assert calendar.is_paid_day(date(2030, 1, 1)) and not calendar.is_working_day(date(2030, 1, 1))
    assert calendar.is_working_day(date(2030, 1, 5))

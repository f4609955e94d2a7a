"""Issue 12: the record and the register as the manager sees a report whose ID number he may not
see: 年龄 where 出生日期 was, ``****`` for a company-defined date, nothing that gives the masked digits
back. Pictures at 1280×800 go to build/screenshots."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QDateEdit, QLineEdit

from hrdesk.core.accounts import auth
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.people import custom_fields, employees
from hrdesk.core.people.custom_field_types import FieldType
from hrdesk.ui.shell.app import make_session
from hrdesk.ui.shell.main_window import MainWindow
from tests.helpers import employee_input, make_id
from tests.ui.qt_helpers import screenshot

BIRTH = date(1990, 3, 7)


@pytest.fixture
def li(company):
    """李四, born 7 March 1990 (35 on 2 March 2026), with a custom 生日 date field set."""
    fx = company
    fx.clock = FixedClock(datetime(2026, 3, 2, 9, 30))
    system = ServiceContext(fx.db, fx.system.actor, fx.clock)
    custom_fields.create_definition(system, "birthday", "生日", FieldType.DATE)
    current = employees.get(system, fx.emps["李四"])
    fx.id_number = make_id(region="110105", birth=BIRTH, seq=235)
    data = employee_input(
        "E000002",
        "李四",
        fx.depts["销售部"],
        2,
        id_number=fx.id_number,
        manager_id=fx.emps["王经理"],
        position_id=current.position_id,
        custom={"birthday": BIRTH.isoformat()},
    )
    employees.update(system, current.id, data, current.version)
    return fx


def open_register(qtbot, fx, username):
    ctx = auth.login(fx.db, username, fx.users[username], fx.clock)
    window = MainWindow(make_session(ctx, "测试科技有限公司"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.show_page("employees")
    qtbot.waitUntil(lambda: page.model.total_count() > 0, timeout=5000)
    return window, page


def visible_texts(widget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLineEdit) if w.isVisibleTo(widget)]
    texts += [w.text() for w in widget.findChildren(QDateEdit) if w.isVisibleTo(widget)]
    return texts


def test_the_manager_sees_the_age_of_his_report(qtbot, li):
    fx = li
    window, page = open_register(qtbot, fx, "manager")
    columns = [c.key for c in page.model.columns]
    for key in ("age", "birth_date", "custom:birthday"):
        page._set_column_visible(columns.index(key), True)
    row = page.model.row_of(fx.emps["李四"])
    assert page.model.value(row, "age") == 35
    assert page.model.value(row, "birth_date") == "****" and page.model.value(row, "custom:birthday") == "****"
    shown = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert not [text for text in shown if "1990" in text or "03-07" in text or fx.id_number[3:14] in text]
    page.select_employee(fx.emps["李四"])
    page.table.scrollTo(page.model.index(row, columns.index("custom:birthday")))  # the new columns in view
    qtbot.wait(50)
    screenshot(window, "register_masked_birth_date_1280x800")

    dialog = page.open_employee(fx.emps["李四"])
    qtbot.addWidget(dialog)
    qtbot.wait(50)
    f = dialog.form
    assert f.lbl_birth_date.text() == "年龄"
    assert dialog.findChild(QLineEdit, "age").text() == "35 岁"
    assert not f.birth_date.isVisibleTo(dialog)
    assert dialog.findChild(QLineEdit, "custom_birthday_masked").text() == "****"
    texts = visible_texts(dialog)
    assert not [t for t in texts if "1990" in t or "03-07" in t or fx.id_number[3:14] in t], texts
    assert f.id_number.text() == "110***********" + fx.id_number[-4:]
    screenshot(dialog, "employee_dialog_masked_birth_date")


def test_hr_sees_the_birth_date(qtbot, li):
    fx = li
    window, page = open_register(qtbot, fx, "hr")
    dialog = page.open_employee(fx.emps["李四"])
    qtbot.addWidget(dialog)
    assert dialog.form.lbl_birth_date.text() == "出生日期"
    assert dialog.form.birth_date.isVisibleTo(dialog) and dialog.findChild(QLineEdit, "age") is None
    assert dialog.form.birth_date.date().toPython() == BIRTH
    assert page.model.value(page.model.row_of(fx.emps["李四"]), "birth_date") == BIRTH

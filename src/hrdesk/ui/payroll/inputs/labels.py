"""Texts more than one 工资录入 tab shows: months, where an entry came from, amounts, 是.

They are translated in the page's context ("PayrollInputsPage"), as they were when the tabs lived
in the page module, so one translation serves every tab.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from hrdesk.core.kernel.money import format_money
from hrdesk.core.payroll.rules.items import PayCategory

DEDUCTING = (PayCategory.PRE_TAX_DEDUCTION, PayCategory.AFTER_TAX_DEDUCTION)


def tr(text: str) -> str:
    return QCoreApplication.translate("PayrollInputsPage", text)


def source_label(source: str) -> str:
    return {
        "manual": tr("手工录入"),
        "import": tr("Excel导入"),
        "allowance": tr("固定津贴"),
        "settlement": tr("离职结算"),
        "adjustment": tr("更正调整"),
    }.get(source, source)


def month_text(month: date) -> str:
    return tr("{0}年{1}月").format(month.year, month.month)


def money_or_blank(value: Decimal | None) -> str:
    """An amount, or nothing for none or zero (a table of mostly empty figures reads better)."""
    return format_money(value) if value else ""


def yes_mark(flag: bool) -> str:
    return tr("是") if flag else ""

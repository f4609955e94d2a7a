"""What a payroll line is made of besides the base salary: allowances and one-off items.

The category decides where an amount goes (gross pay, taxable income, after-tax deductions or a
reimbursement added to net pay), so a company can add its own item types (餐补, 高温费 …) without
code: an item type is a name, a category and, for earnings, whether it is taxable.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hrdesk.core.kernel.labels import LabeledEnum


class PayCategory(LabeledEnum):
    EARNING = "earning"  # 应发 (allowance, bonus …), taxable or not per item type
    ANNUAL_BONUS = "annual_bonus"  # 全年一次性奖金: taxed separately if the employee chose so
    SEVERANCE = "severance"  # 解除劳动合同一次性补偿金: its own tax, never with wages
    PRE_TAX_DEDUCTION = "pre_tax_deduction"  # 缺勤扣款 …: lowers gross and taxable income
    AFTER_TAX_DEDUCTION = "after_tax_deduction"  # 借款归还、赔偿 …: taken from net pay
    REIMBURSEMENT = "reimbursement"  # 报销随工资发放: added to net pay, not income

    @classmethod
    def _labels(cls) -> dict:
        return {
            cls.EARNING: "应发项目",
            cls.ANNUAL_BONUS: "全年一次性奖金",
            cls.SEVERANCE: "解除劳动合同补偿金",
            cls.PRE_TAX_DEDUCTION: "税前扣款",
            cls.AFTER_TAX_DEDUCTION: "税后扣款",
            cls.REIMBURSEMENT: "报销（不计税）",
        }


@dataclass(frozen=True)
class PayItem:
    """One amount for one employee and month: a fixed allowance or a one-off entry."""

    code: str
    label: str
    category: PayCategory
    amount: Decimal
    taxable: bool = True
    prorate: bool = False  # fixed allowances paid for the days employed, like the base salary
    source: str = "manual"  # manual, import, allowance, settlement, adjustment
    note: str = ""

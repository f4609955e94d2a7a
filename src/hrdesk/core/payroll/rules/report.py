"""What the payroll exports and views are given: a run's header and one row per employee.

Services build these from the stored run, with sensitive fields (ID number, bank account) already
masked for users who may not see them, so an export never decides permissions itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hrdesk.core.kernel.labels import LabeledEnum
from hrdesk.core.org.ordering import DepartmentLevel, chain_from_path
from hrdesk.core.payroll.rules.calculation import Payslip


class RunStatus(LabeledEnum):
    DRAFT = "draft"
    CALCULATED = "calculated"
    APPROVED = "approved"
    PAID = "paid"

    @classmethod
    def _labels(cls) -> dict:
        return {cls.DRAFT: "草稿", cls.CALCULATED: "已计算", cls.APPROVED: "已审核", cls.PAID: "已发放"}

    @property
    def locked(self) -> bool:
        return self is RunStatus.PAID


@dataclass(frozen=True)
class RunHeader:
    company_name: str
    month: date  # first day
    status: RunStatus
    stale: bool  # inputs changed since the calculation
    calculated_at: datetime | None = None
    calculated_by: str | None = None
    approved_at: datetime | None = None
    approved_by: str | None = None
    paid_at: datetime | None = None
    paid_by: str | None = None

    @property
    def month_text(self) -> str:
        return f"{self.month.year}年{self.month.month:02d}月"


@dataclass(frozen=True)
class PayrollRow:
    """One employee's line of a run, with the register facts the sheets print beside the figures."""

    employee_id: int
    emp_no: str
    name: str
    department_id: int | None
    department: str  # full path, e.g. 销售部/华东销售部
    project_department_id: int | None  # a 项目部 the person works in: cost charged to the project
    project_department: str
    department_kind: str  # DepartmentKind value of the department: business, function or project
    id_number: str  # masked unless the viewer may see it
    bank_account: str  # masked unless the viewer may see it
    bank_name: str
    city: str
    insurance_change: str  # "add" (增员: first month contributed), "stop" (减员: last month), ""
    payslip: Payslip
    # the organisation tree from the root down to the department (its sort order and names), which
    # the lists by department follow; empty when not known (then taken from the path)
    department_chain: tuple[DepartmentLevel, ...] = ()

    @property
    def department_levels(self) -> tuple[DepartmentLevel, ...]:
        return self.department_chain or chain_from_path(self.department)

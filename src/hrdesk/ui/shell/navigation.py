"""The areas of the main window. Each page is its own module; this registry says which pages exist
and who may see them (the services check again: hiding a page is a convenience, not security)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hrdesk.core.kernel.permissions import Actor, Permission
from hrdesk.ui.common.session import AppSession


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    visible: Callable[[Actor], bool]
    factory: Callable[[AppSession, QWidget | None], QWidget]


def _tr(text: str) -> str:
    return QCoreApplication.translate("pages", text)


def _employees(session, parent):
    from hrdesk.ui.people.employees_page import EmployeesPage

    return EmployeesPage(session, parent)


def _inbox(session, parent):
    from hrdesk.ui.flows.inbox_page import InboxPage

    return InboxPage(session, parent)


def _flows(session, parent):
    from hrdesk.ui.flows.flows_page import FlowsPage

    return FlowsPage(session, parent)


def _stuck_flows(session, parent):
    from hrdesk.ui.flows.stuck_page import StuckFlowsPage

    return StuckFlowsPage(session, parent)


def _departments(session, parent):
    from hrdesk.ui.org.departments_page import DepartmentsPage

    return DepartmentsPage(session, parent)


def _positions(session, parent):
    from hrdesk.ui.org.positions_page import PositionsPage

    return PositionsPage(session, parent)


def _accounts(session, parent):
    from hrdesk.ui.accounts.accounts_page import AccountsPage

    return AccountsPage(session, parent)


def _custom_fields(session, parent):
    from hrdesk.ui.people.custom_fields_page import CustomFieldsPage

    return CustomFieldsPage(session, parent)


def _flow_settings(session, parent):
    from hrdesk.ui.flows.settings.page import FlowSettingsPage

    return FlowSettingsPage(session, parent)


def _audit(session, parent):
    from hrdesk.ui.audit.audit_page import AuditPage

    return AuditPage(session, parent)


def _company(session, parent):
    from hrdesk.ui.company.company_page import CompanyPage

    return CompanyPage(session, parent)


def _payroll(session, parent):
    from hrdesk.ui.payroll.run.page import PayrollPage

    return PayrollPage(session, parent)


def _payroll_inputs(session, parent):
    from hrdesk.ui.payroll.inputs.page import PayrollInputsPage

    return PayrollInputsPage(session, parent)


def _payroll_settings(session, parent):
    from hrdesk.ui.payroll.settings.page import PayrollSettingsPage

    return PayrollSettingsPage(session, parent)


def _my_payslips(session, parent):
    from hrdesk.ui.payroll.my_payslips_page import MyPayslipsPage

    return MyPayslipsPage(session, parent)


def _backups(session, parent):
    from hrdesk.ui.company.backup_page import BackupPage

    return BackupPage(session, parent)


def _documents(session, parent):
    from hrdesk.ui.documents.documents_page import DocumentsPage

    return DocumentsPage(session, parent)


def page_specs() -> list[PageSpec]:
    """All pages in navigation order; built on demand so titles go through the translator."""
    return [
        PageSpec("inbox", _tr("待办"), lambda a: True, _inbox),
        PageSpec("employees", _tr("员工档案"), lambda a: a.can(Permission.EMPLOYEE_VIEW), _employees),
        PageSpec("flows", _tr("流程"), lambda a: a.can(Permission.FLOW_VIEW), _flows),
        PageSpec("stuck_flows", _tr("卡住的流程"), lambda a: a.can_all(Permission.FLOW_ADMIN), _stuck_flows),
        PageSpec("payroll", _tr("工资核算"), lambda a: a.can_all(Permission.PAYROLL_VIEW), _payroll),
        PageSpec("payroll_inputs", _tr("工资录入"), lambda a: a.can_all(Permission.PAYROLL_INPUT), _payroll_inputs),
        PageSpec("my_payslips", _tr("我的工资条"), lambda a: a.employee_id is not None, _my_payslips),
        PageSpec("departments", _tr("组织架构"), lambda a: a.can_all(Permission.ORG_MANAGE), _departments),
        PageSpec("positions", _tr("岗位"), lambda a: a.can_all(Permission.ORG_MANAGE), _positions),
        PageSpec("accounts", _tr("用户账号"), lambda a: a.can_all(Permission.ACCOUNT_MANAGE), _accounts),
        PageSpec(
            "custom_fields", _tr("自定义字段"), lambda a: a.can_all(Permission.CUSTOM_FIELD_MANAGE), _custom_fields
        ),
        PageSpec(
            "payroll_settings", _tr("薪资设置"), lambda a: a.can_all(Permission.PAYROLL_POLICY), _payroll_settings
        ),
        PageSpec("documents", _tr("证明文件"), lambda a: a.can_all(Permission.DOCUMENT_ISSUE), _documents),
        PageSpec("flow_settings", _tr("流程设置"), lambda a: a.can_all(Permission.FLOW_ADMIN), _flow_settings),
        PageSpec("audit", _tr("操作日志"), lambda a: a.can_all(Permission.AUDIT_VIEW), _audit),
        PageSpec("company", _tr("公司信息"), lambda a: a.can_all(Permission.COMPANY_MANAGE), _company),
        PageSpec("backups", _tr("备份与恢复"), lambda a: a.can_all(Permission.BACKUP_MANAGE), _backups),
    ]


def pages_for(actor: Actor) -> list[PageSpec]:
    return [spec for spec in page_specs() if spec.visible(actor)]

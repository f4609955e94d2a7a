"""Roles, permissions and data scopes: the single table that says who may do what to whom.

A permission is granted to a role with a data scope (self, team, department subtree, all). A user
with several roles gets, per permission, the widest scope among them. Services ask
``actor.scope_for(permission)`` and either refuse (PermissionDenied) or narrow their query to the
scope; nothing here touches the database.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from hrdesk.core.kernel.i18n import tr


class Role(str, enum.Enum):
    EMPLOYEE = "employee"
    MANAGER = "manager"
    PROJECT_LEAD = "project_lead"
    HR = "hr"
    FINANCE = "finance"
    ADMIN = "admin"
    AUDITOR = "auditor"

    @property
    def label(self) -> str:
        return tr(_ROLE_LABELS[self])

    @classmethod
    def parse(cls, text: str) -> Role:
        """Accept the code ('hr') or the Chinese label ('人事')."""
        text = text.strip()
        for role in cls:
            if text in (role.value, role.label, _ROLE_LABELS[role]):
                return role
        raise ValueError(text)


# Source strings; translated when read (tr() at import time would run before the GUI's translator).
_ROLE_LABELS = {
    Role.EMPLOYEE: "员工",
    Role.MANAGER: "直属上级",
    Role.PROJECT_LEAD: "项目负责人",
    Role.HR: "人事",
    Role.FINANCE: "财务",
    Role.ADMIN: "管理员",
    Role.AUDITOR: "审计",
}


class Scope(enum.IntEnum):
    """Ordered: a wider scope includes every narrower one."""

    NONE = 0
    SELF = 1
    TEAM = 2  # direct reports (and self)
    DEPARTMENT = 3  # the subtrees of the departments / 项目部 the actor heads (and team, self)
    ALL = 4


class Permission(str, enum.Enum):
    EMPLOYEE_VIEW = "employee.view"
    EMPLOYEE_EDIT = "employee.edit"
    EMPLOYEE_SENSITIVE = "employee.sensitive"  # salary, bank account, ID number in clear
    ORG_VIEW = "org.view"
    ORG_MANAGE = "org.manage"  # departments and positions
    ACCOUNT_MANAGE = "account.manage"
    CUSTOM_FIELD_MANAGE = "custom_field.manage"
    COMPANY_MANAGE = "company.manage"
    AUDIT_VIEW = "audit.view"
    FLOW_VIEW = "flow.view"  # see flow instances about employees in scope
    FLOW_PROPOSE = "flow.propose"  # start a transfer or confirmation for employees in scope
    FLOW_ON_BEHALF = "flow.on_behalf"  # start or resubmit a flow on an employee's behalf (HR)
    FLOW_ADMIN = "flow.admin"  # flow definitions, notification policies, checklist templates, mail server
    CHECKLIST_WAIVE = "checklist.waive"  # waive a handover item with a written reason (HR)
    PAYROLL_VIEW = "payroll.view"  # payroll results (self: one's own payslips of paid months)
    PAYROLL_INPUT = "payroll.input"  # allowances, one-off items, special deductions, year-to-date figures
    PAYROLL_CALCULATE = "payroll.calculate"  # calculate a month (HR)
    PAYROLL_APPROVE = "payroll.approve"  # approve a calculated month and mark it paid (finance)
    PAYROLL_POLICY = "payroll.policy"  # tax tables, contribution rates, pay item types
    DOCUMENT_ISSUE = "document.issue"  # 离职证明, 在职证明, 离职结算单 (HR)
    BACKUP_MANAGE = "backup.manage"  # back up, verify and restore the company file (administrator)

    @property
    def label(self) -> str:
        return tr(_PERMISSION_LABELS[self])


_PERMISSION_LABELS = {
    Permission.EMPLOYEE_VIEW: "查看员工档案",
    Permission.EMPLOYEE_EDIT: "新建和修改员工档案",
    Permission.EMPLOYEE_SENSITIVE: "查看薪资、银行卡号和身份证号",
    Permission.ORG_VIEW: "查看组织架构",
    Permission.ORG_MANAGE: "管理部门和岗位",
    Permission.ACCOUNT_MANAGE: "管理用户账号",
    Permission.CUSTOM_FIELD_MANAGE: "管理自定义字段",
    Permission.COMPANY_MANAGE: "修改公司信息",
    Permission.AUDIT_VIEW: "查看操作日志",
    Permission.FLOW_VIEW: "查看审批流程",
    Permission.FLOW_PROPOSE: "发起调岗、调薪和转正",
    Permission.FLOW_ON_BEHALF: "代员工发起或办理流程",
    Permission.FLOW_ADMIN: "设置审批流程、通知策略、交接清单模板和邮件服务器",
    Permission.CHECKLIST_WAIVE: "豁免交接事项",
    Permission.PAYROLL_VIEW: "查看工资核算",
    Permission.PAYROLL_INPUT: "录入工资项目、专项附加扣除和年初累计数",
    Permission.PAYROLL_CALCULATE: "核算工资",
    Permission.PAYROLL_APPROVE: "审核工资和确认发放",
    Permission.PAYROLL_POLICY: "维护个税、社保公积金政策和工资项目",
    Permission.DOCUMENT_ISSUE: "开具离职证明、在职证明和离职结算单",
    Permission.BACKUP_MANAGE: "备份与恢复公司数据",
}

P, S = Permission, Scope

# Every signed-in person may see their own record, including their own salary and bank account.
BASE_GRANTS: dict[Permission, Scope] = {
    P.EMPLOYEE_VIEW: S.SELF,
    P.EMPLOYEE_SENSITIVE: S.SELF,
    P.ORG_VIEW: S.ALL,
    P.FLOW_VIEW: S.SELF,
    P.PAYROLL_VIEW: S.SELF,
}

ROLE_GRANTS: dict[Role, dict[Permission, Scope]] = {
    Role.EMPLOYEE: {},
    Role.MANAGER: {P.EMPLOYEE_VIEW: S.TEAM, P.FLOW_VIEW: S.TEAM, P.FLOW_PROPOSE: S.TEAM},
    Role.PROJECT_LEAD: {P.EMPLOYEE_VIEW: S.DEPARTMENT, P.FLOW_VIEW: S.DEPARTMENT, P.FLOW_PROPOSE: S.DEPARTMENT},
    Role.HR: {
        P.EMPLOYEE_VIEW: S.ALL,
        P.EMPLOYEE_EDIT: S.ALL,
        P.EMPLOYEE_SENSITIVE: S.ALL,
        P.FLOW_VIEW: S.ALL,
        P.FLOW_PROPOSE: S.ALL,
        P.FLOW_ON_BEHALF: S.ALL,
        P.CHECKLIST_WAIVE: S.ALL,
        P.PAYROLL_VIEW: S.ALL,
        P.PAYROLL_INPUT: S.ALL,
        P.PAYROLL_CALCULATE: S.ALL,
        P.PAYROLL_POLICY: S.ALL,
        P.DOCUMENT_ISSUE: S.ALL,
    },
    Role.FINANCE: {
        P.EMPLOYEE_VIEW: S.ALL,
        P.EMPLOYEE_SENSITIVE: S.ALL,
        P.FLOW_VIEW: S.ALL,
        P.PAYROLL_VIEW: S.ALL,
        P.PAYROLL_INPUT: S.ALL,
        P.PAYROLL_APPROVE: S.ALL,
        P.PAYROLL_POLICY: S.ALL,
    },
    Role.ADMIN: {
        P.EMPLOYEE_VIEW: S.ALL,
        P.ORG_MANAGE: S.ALL,
        P.ACCOUNT_MANAGE: S.ALL,
        P.CUSTOM_FIELD_MANAGE: S.ALL,
        P.COMPANY_MANAGE: S.ALL,
        P.FLOW_ADMIN: S.ALL,
        P.BACKUP_MANAGE: S.ALL,
    },
    Role.AUDITOR: {P.EMPLOYEE_VIEW: S.ALL, P.AUDIT_VIEW: S.ALL, P.FLOW_VIEW: S.ALL},
}


def grants_for(roles: frozenset[Role] | set[Role]) -> dict[Permission, Scope]:
    """The widest scope per permission over the base grants and all given roles."""
    result = dict(BASE_GRANTS)
    for role in roles:
        for permission, scope in ROLE_GRANTS[role].items():
            if scope > result.get(permission, Scope.NONE):
                result[permission] = scope
    return result


@dataclass(frozen=True)
class Actor:
    """Who is calling a service: the signed-in user, their linked employee and their roles."""

    user_id: int | None
    username: str
    display_name: str
    employee_id: int | None
    roles: frozenset[Role]
    grants: dict[Permission, Scope] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def create(cls, user_id, username, display_name, employee_id, roles) -> Actor:
        roles = frozenset(roles)
        return cls(user_id, username, display_name, employee_id, roles, grants_for(roles))

    @classmethod
    def system(cls, reason: str = "system") -> Actor:
        """The program itself (setup, demo generation, migrations): every permission, all scopes."""
        grants = {p: Scope.ALL for p in Permission}
        return cls(None, reason, tr("系统"), None, frozenset(), grants)

    @property
    def is_system(self) -> bool:
        return self.user_id is None

    def scope_for(self, permission: Permission) -> Scope:
        return self.grants.get(permission, Scope.NONE)

    def can(self, permission: Permission) -> bool:
        return self.scope_for(permission) > Scope.NONE

    def can_all(self, permission: Permission) -> bool:
        return self.scope_for(permission) is Scope.ALL

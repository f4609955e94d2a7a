"""The trail (操作留痕) of one employee or one flow instance: viewed in the GUI, exported to Excel.

An employee's trail is every audit record about the employee record itself, about their user
account(s) (including sign-ins) and about every flow whose subject they are, in chain order. A
flow's trail is the records of that instance (its transitions, checklist items and notices).

Auditors (审计, AUDIT_VIEW for everyone) may read any trail, HR (EMPLOYEE_EDIT for everyone) the
trails of employees and flows. For readers without the right to see every employee's sensitive
values, the records are masked exactly as in the audit viewer (audit_log.entry_view, which applies
kernel.masking: ID and bank numbers, birth dates and every amount of pay, nested values and the
summaries included).

    from hrdesk.core.audit import trail
    trail.export_trail(ctx, "留痕.xlsx", emp_no="E000002")
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from hrdesk.core.accounts.tables import User
from hrdesk.core.audit.audit_log import AuditEntryView, employee_secrets, entry_view, sees_everything
from hrdesk.core.flows.checklist_rules import ItemCategory, ItemOwner
from hrdesk.core.flows.tables import FlowInstance
from hrdesk.core.flows.workflow import Action, FlowKind, FlowStatus
from hrdesk.core.kernel.clock import local_text
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission, Role
from hrdesk.core.kernel.persistence.tables import AuditRecord, Company
from hrdesk.core.org.tables import Department, Position
from hrdesk.core.payroll.rules.report import RunStatus
from hrdesk.core.people.employee_rules import ContractType, EmployeeStatus, Gender
from hrdesk.core.people.tables import Employee

# --- labels for people -------------------------------------------------------------------------
# Source strings, translated when read. The GUI's audit viewer should use these too (one list).

ENTITY_LABELS = {
    "employee": "员工",
    "department": "部门",
    "position": "岗位",
    "user": "账号",
    "custom_field": "自定义字段",
    "company": "公司",
    "flow": "流程",
    "flow_definition": "流程定义",
    "notification_policy": "通知策略",
    "checklist_template": "交接清单模板",
    "settings": "系统设置",
    "payroll_run": "工资核算",
    "payroll_input": "工资录入",
    "pay_item_type": "工资项目",
    "policy": "薪资政策",
}

ACTION_LABELS = {
    "employee.create": "新建员工",
    "employee.bulk_create": "批量新建员工",
    "employee.update": "修改员工档案",
    "employee.correct": "更正员工档案",
    "flow.stuck": "流程无人可处理（待管理员指定）",
    "flow.assign": "管理员指定处理人",
    "import.refused": "导入被拒绝",
    "security.denied": "权限不足被拒绝",
    "audit.keyed": "操作日志改用审计密钥签名",
    "employee.status": "员工状态变更",
    "employee.separate": "离职办结",
    "employee.confirm": "转正生效",
    "employee.transfer": "调岗/调薪生效",
    "department.create": "新建部门",
    "department.update": "修改部门",
    "department.delete": "删除部门",
    "position.create": "新建岗位",
    "position.update": "修改岗位",
    "position.delete": "删除岗位",
    "user.create": "新建账号",
    "user.update": "修改账号",
    "user.reset_password": "重置密码",
    "user.unlock": "解锁账号",
    "user.change_password": "修改密码",
    "user.active_until": "设置账号停用日期",
    "login.success": "登录成功",
    "login.failed": "登录失败",
    "login.locked": "账号被锁定",
    "login.refused_locked": "登录被拒（锁定中）",
    "login.refused_inactive": "登录被拒（已停用）",
    "custom_field.create": "新增自定义字段",
    "custom_field.update": "修改自定义字段",
    "custom_field.delete": "删除自定义字段",
    "company.create": "创建公司",
    "company.update": "修改公司信息",
    "flow.submit": "流程：提交",
    "flow.approve": "流程：同意",
    "flow.reject": "流程：驳回",
    "flow.return": "流程：退回",
    "flow.comment": "流程：评论",
    "flow.withdraw": "流程：撤回",
    "flow.skip": "流程：跳过",
    "checklist.confirm": "确认交接事项",
    "checklist.waive": "豁免交接事项",
    "checklist.add": "增加交接事项",
    "notice.send": "发送通知",
    "notice.cancel": "取消通知",
    "flow_definition.save": "修改流程定义",
    "notification_policy.save": "修改通知策略",
    "checklist_template.save": "修改交接清单模板",
    "settings.smtp": "修改邮件服务器设置",
    "settings.documents": "修改证明文件设置",
    "settings.leave_rule": "修改公司福利年假规则",
    "checklist.amount": "交接事项扣款金额",
    "payroll.calculate": "计算工资",
    "payroll.approved": "审核工资",
    "payroll.paid": "确认工资发放",
    "payroll.export": "导出工资文件",
    "payroll_entry.add": "录入工资项目",
    "payroll_entry.delete": "删除工资项目",
    "payroll_entry.import": "导入工资项目",
    "allowance.set": "设置固定津贴",
    "allowance.end": "停发固定津贴",
    "special_deduction.set": "专项附加扣除申报",
    "special_deduction.import": "导入专项附加扣除",
    "tax_profile.save": "个税选项和年初累计数",
    "tax_profile.import": "导入年初累计数",
    "pay_item_type.save": "修改工资项目",
    "policy.save": "修改薪资政策",
    "settlement.params": "填写离职结算",
    "settlement.deduction": "确认离职扣款",
    "settlement.approve": "审核离职结算",
    "settlement.reopen": "离职结算退回",
    "document.issue": "开具证明文件",
    "document.reissue": "补打证明文件",
    "demo.payroll": "示例工资数据",
}

FIELD_LABELS = {
    "emp_no": "工号",
    "name": "姓名",
    "gender": "性别",
    "birth_date": "出生日期",
    "id_number": "身份证号",
    "phone": "手机",
    "email": "邮箱",
    "department_id": "部门",
    "project_department_id": "项目部",
    "position_id": "岗位",
    "manager_id": "直属上级",
    "hire_date": "入职日期",
    "probation_end_date": "试用期结束",
    "contract_type": "合同类型",
    "contract_start": "合同开始",
    "contract_end": "合同到期",
    "status": "状态",
    "last_working_day": "最后工作日",
    "social_security_city": "社保城市",
    "base_salary": "基本工资",
    "bank_account": "银行卡号",
    "bank_name": "开户行",
    "confirmation_date": "转正日期",
    "custom": "自定义字段",
    "stop_month": "停保月份",
    "evaluation": "评估意见",
    "comment": "意见",
    "step": "所在步骤",
    "username": "用户名",
    "display_name": "显示名称",
    "employee_id": "关联员工",
    "roles": "角色",
    "active": "启用",
    "active_until": "账号停用日期",
    "must_change_password": "下次登录须改密码",
    "title": "事项",
    "note": "说明",
    "reason": "原因",
    "asset_no": "资产编号",
    "amount": "金额",
    "event": "事件",
    "recipients": "收件人",
    "removed": "发送人移除的收件人",
    "count": "人数",
    "kind": "流程类型",
    "version": "版本",
    "steps": "审批步骤",
    "item_id": "事项编号",
    "income": "写明收入",
    "employee_count": "人数",
    "total_gross": "应发合计",
    "total_net": "实发合计",
    "total_tax": "个税合计",
    "total_employer_cost": "单位成本合计",
    "input_hash": "计算依据指纹",
    "results_digest": "各人结果指纹",
    "number": "编号",
    "sha256": "文件哈希（SHA-256）",
    "size": "文件大小（字节）",
}
_FIELD_ORDER = {key: n for n, key in enumerate(FIELD_LABELS)}

_ID_FIELDS = {
    "department_id": Department,
    "project_department_id": Department,
    "position_id": Position,
    "manager_id": Employee,
    "employee_id": Employee,
}


def entity_label(entity_type: str) -> str:
    label = ENTITY_LABELS.get(entity_type)
    return tr(label) if label else entity_type


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return tr(label) if label else action


def field_label(key: str) -> str:
    label = FIELD_LABELS.get(key)
    return tr(label) if label else key


# --- what the trail is --------------------------------------------------------------------------


@dataclass(frozen=True)
class TrailRow:
    """One record as people read it (the GUI table and the Excel sheet show the same text)."""

    seq: int
    time: str  # "YYYY-MM-DD HH:MM:SS" in the computer's local time (stored in UTC)
    actor: str
    on_behalf_of: str  # "代 李四" when the actor acted on someone's behalf
    action: str  # the Chinese label
    summary: str
    before: str  # "字段：值" lines
    after: str


@dataclass(frozen=True)
class TrailReport:
    subject: str  # e.g. "员工 E000002 李四" or "流程 #12 E000002 李四 离职（主动辞职）"
    company: str
    entries: list[AuditEntryView]
    rows: list[TrailRow]
    masked: bool  # sensitive values are masked for this reader


@dataclass(frozen=True)
class TrailExport:
    path: Path
    subject: str
    count: int


def can_view_trails(ctx: ServiceContext) -> bool:
    """Auditors and HR; the GUI shows the 操作记录 buttons only to them."""
    actor = ctx.actor
    return actor.can_all(Permission.AUDIT_VIEW) or actor.can_all(Permission.EMPLOYEE_EDIT)


def _require(ctx: ServiceContext) -> None:
    if not can_view_trails(ctx):
        raise PermissionDenied(tr("只有审计和人事可以查看员工或流程的操作留痕。"))


def _target(session: Session, employee_id: int | None, flow_id: int | None, emp_no: str | None):
    given = [x for x in (employee_id, flow_id, emp_no) if x not in (None, "")]
    if len(given) != 1:
        raise ValidationError({"subject": tr("请指定一名员工或一个流程（只能指定其中一个）")})
    if emp_no not in (None, ""):
        employee = session.execute(select(Employee).where(Employee.emp_no == emp_no.strip().upper())).scalar()
        if employee is None:
            raise NotFound(tr("找不到工号为 {0} 的员工。").format(emp_no.strip()))
        return employee
    if employee_id is not None:
        employee = session.get(Employee, employee_id)
        if employee is None:
            raise NotFound(tr("找不到编号为 {0} 的员工。").format(employee_id))
        return employee
    instance = session.get(FlowInstance, flow_id)
    if instance is None:
        raise NotFound(tr("找不到编号为 {0} 的流程。").format(flow_id))
    return instance


def _condition(session: Session, target):
    if isinstance(target, FlowInstance):
        return and_(AuditRecord.entity_type == "flow", AuditRecord.entity_id == str(target.id))
    users = [str(u) for u in session.execute(select(User.id).where(User.employee_id == target.id)).scalars()]
    flows = [
        str(f)
        for f in session.execute(select(FlowInstance.id).where(FlowInstance.subject_employee_id == target.id)).scalars()
    ]
    parts = [and_(AuditRecord.entity_type == "employee", AuditRecord.entity_id == str(target.id))]
    if users:
        parts.append(and_(AuditRecord.entity_type == "user", AuditRecord.entity_id.in_(users)))
    if flows:
        parts.append(and_(AuditRecord.entity_type == "flow", AuditRecord.entity_id.in_(flows)))
    return or_(*parts)


def _subject(target) -> str:
    if isinstance(target, FlowInstance):
        return tr("流程 #{0} {1}").format(target.id, target.title)
    return tr("员工 {0} {1}").format(target.emp_no, target.name)


def _entries(ctx: ServiceContext, session: Session, target) -> tuple[list[AuditEntryView], bool]:
    """The target's records as the reader may see them, and whether they are masked."""
    clear = sees_everything(ctx)
    records = (
        session.execute(select(AuditRecord).where(_condition(session, target)).order_by(AuditRecord.seq))
        .scalars()
        .all()
    )
    secrets: tuple[str, ...] = ()
    if not clear and isinstance(target, Employee):
        secrets = employee_secrets(session, {target.id}).get(target.id, ())
    return [entry_view(r, clear, secrets) for r in records], not clear


def trail(
    ctx: ServiceContext, employee_id: int | None = None, flow_id: int | None = None, *, emp_no: str | None = None
) -> list[AuditEntryView]:
    """The records of one employee (by id or 工号) or one flow, oldest first."""
    _require(ctx)
    with ctx.read() as session:
        return _entries(ctx, session, _target(session, employee_id, flow_id, emp_no))[0]


def trail_report(
    ctx: ServiceContext, employee_id: int | None = None, flow_id: int | None = None, *, emp_no: str | None = None
) -> TrailReport:
    """The trail with everything needed to show or export it: subject, company, readable rows."""
    _require(ctx)
    with ctx.read() as session:
        target = _target(session, employee_id, flow_id, emp_no)
        entries, masked = _entries(ctx, session, target)
        names = _Names(session)
        rows = [_row(e, names) for e in entries]
        company = session.execute(select(Company.name)).scalar() or ""
        return TrailReport(_subject(target), company, entries, rows, masked)


def export_trail(
    ctx: ServiceContext,
    path: str | os.PathLike,
    employee_id: int | None = None,
    flow_id: int | None = None,
    *,
    emp_no: str | None = None,
) -> TrailExport:
    """Write the trail to an .xlsx file (atomically); StorageError in Chinese if it cannot be written."""
    from hrdesk.core.audit.trail_workbook import write_trail

    report = trail_report(ctx, employee_id, flow_id, emp_no=emp_no)
    written = write_trail(path, report, exported_at=ctx.clock.now(), exported_by=ctx.actor.display_name)
    return TrailExport(written, report.subject, len(report.rows))


# --- readable values -----------------------------------------------------------------------------


class _Names:
    """Names for ids found in before/after values (department 3 → 销售部), looked up once each.
    Current names: a department renamed since shows its new name."""

    def __init__(self, session: Session):
        self.session = session
        self.cache: dict[tuple[type, int], str | None] = {}

    def of(self, model: type, value: int) -> str | None:
        key = (model, value)
        if key not in self.cache:
            row = self.session.get(model, value)
            if row is None:
                name = None
            elif model is Employee:
                name = f"{row.emp_no} {row.name}"
            else:
                name = row.name
            self.cache[key] = name
        return self.cache[key]


def id_names(session: Session) -> _Names:
    """Names for the ids in values, for readers of the trail outside this module (audit.deep_check)."""
    return _Names(session)


def _enum_label(enum_cls, value: str) -> str | None:
    try:
        return enum_cls(value).label
    except ValueError:
        return None


def value_text(key: str, value: Any, entity_type: str, names: _Names | None = None) -> str:
    """One value as people read it: labels for codes, names for ids, 是/否, dates as written."""
    if value is None or value == "":
        return tr("（空）")
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    if key in _ID_FIELDS and isinstance(value, int) and names is not None:
        name = names.of(_ID_FIELDS[key], value)
        return name if name else tr("#{0}（已删除）").format(value)
    if isinstance(value, str):
        label = None
        if key == "stop_month" and len(value) == 10 and value.endswith("-01"):
            label = value[:7]
        elif key == "status":
            statuses = {"flow": FlowStatus, "payroll_run": RunStatus}.get(entity_type, EmployeeStatus)
            label = _enum_label(statuses, value)
        elif key == "gender":
            label = _enum_label(Gender, value)
        elif key == "contract_type":
            label = _enum_label(ContractType, value)
        elif key == "kind":
            label = _enum_label(FlowKind, value)
        elif key == "category":
            label = _enum_label(ItemCategory, value)
        elif key == "owner":
            label = _enum_label(ItemOwner, value)
        elif key == "action":
            label = _enum_label(Action, value)
        return label or value
    if key == "step" and isinstance(value, int) and entity_type == "flow":
        return tr("发起人") if value < 0 else tr("第{0}步").format(value + 1)
    if key == "roles" and isinstance(value, list):
        return "、".join(_role_label(r) for r in value) or tr("（无）")
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return "、".join(str(v) for v in value) or tr("（无）")
    if isinstance(value, dict) and key == "custom":
        return "；".join(f"{k}：{v}" for k, v in value.items()) or tr("（无）")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _role_label(code: str) -> str:
    try:
        return Role(code).label
    except ValueError:
        return code


def values_text(values: dict | None, entity_type: str, names: _Names | None = None, *, skip_empty: bool = False) -> str:
    """ "字段：值" per line in the register's field order; empty when the record has no values on
    that side. ``skip_empty`` leaves out blank fields (a new record lists only what was filled in)."""
    if not values:
        return ""
    keys = sorted(values, key=lambda k: (_FIELD_ORDER.get(k, len(_FIELD_ORDER)), k))
    if skip_empty:
        keys = [k for k in keys if values[k] not in (None, "", [], {})]
    return "\n".join(f"{field_label(k)}：{value_text(k, values[k], entity_type, names)}" for k in keys)


def _row(entry: AuditEntryView, names: _Names | None) -> TrailRow:
    created = entry.before is None
    on_behalf = tr("代 {0}").format(entry.on_behalf_of) if entry.on_behalf_of else ""
    return TrailRow(
        entry.seq,
        local_text(entry.created_at, seconds=True),
        entry.actor_name,
        on_behalf,
        action_label(entry.action),
        entry.summary,
        values_text(entry.before, entry.entity_type, names),
        values_text(entry.after, entry.entity_type, names, skip_empty=created),
    )


def rows_for(entries: list[AuditEntryView]) -> list[TrailRow]:
    """Readable rows without id look-ups (for entries obtained elsewhere, e.g. the audit viewer)."""
    return [_row(e, None) for e in entries]

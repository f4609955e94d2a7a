"""The company every matrix case runs against, built once and copied for every case.

Building it takes seconds (flows walked to the steps the cases need, three payroll months through
their states, a separation completed and its certificate issued), so it is built once; each case
then gets its own copy of the encrypted file (a file copy, a millisecond), so no case, allowed or
wrongly allowed, leaks anything into another.

The company is tests.helpers.build_company plus:

- 试用甲 and 试用丁 (probation, report to 王经理, in 销售部), 试用乙 (probation, in 地铁项目部, no
  manager), 试用丙 (probation, in 销售部, no manager); a custom field, an empty department and an
  unused position; a locked account ``locked``;
- payroll inputs of 王经理 (a 交通补贴 from 2026-04, a 绩效奖金 entry of 2026-04, a 专项附加扣除 from
  2026-04, 2026 tax options, the 2025-11 wage history);
- flows: 试用甲's 转正 waiting for 王经理; 李四's 离职 waiting at 财务结算 (nothing to deduct);
  周七's 离职 waiting at 财务结算 with a 3,000 laptop deduction finance has not confirmed; 孙员工's
  own resignation waiting at its manager step, which HR takes (he has no manager); 赵六 separated
  on 2026-03-31, his 离职证明 issued;
- payroll: 2026-01 paid, 2026-02 approved, 2026-03 calculated;
- a second HR account ``hr2`` (人事乙, no employee record) starts the flows, so that the matrix's
  hr may act on their HR steps (nobody acts on a flow they started);
- the clock stands at 2026-04-02 09:00 (UTC);
- beside the company, ``inputs``: filled import sheets (wage history, entries, 专项附加扣除, 年初累计数).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import keyring
from openpyxl import Workbook
from sqlalchemy import event, select, update
from sqlalchemy.engine import Engine

from hrdesk.core.accounts import users as accounts
from hrdesk.core.accounts.tables import User
from hrdesk.core.documents import issuing
from hrdesk.core.flows import checklists, engine, lifecycle, separations
from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.flows.tables import NoticeDraft
from hrdesk.core.flows.workflow import Action
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.permissions import Actor, Role
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.datadir import DataDir
from hrdesk.core.kernel.persistence.engine import sqlcipher_engine
from hrdesk.core.org import departments, positions
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.payroll import declarations, inputs, policies, runs, wage_history
from hrdesk.core.payroll.declarations import TaxProfile
from hrdesk.core.payroll.rules import policy
from hrdesk.core.people import custom_fields, employees
from hrdesk.core.people.custom_field_types import FieldType
from hrdesk.core.people.employee_rules import EmployeeStatus
from hrdesk.core.separation import settlement
from tests.helpers import USER_PASSWORD, build_company, employee_input
from tests.memory_keyring import MemoryKeyring

NOW = datetime(2026, 4, 2, 9, 0)
JAN, FEB, MAR, APR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)

# The signed-in users of the matrix and the role each stands for (the id of a case names the role).
USERS = {
    "admin": Role.ADMIN,
    "hr": Role.HR,
    "finance": Role.FINANCE,
    "manager": Role.MANAGER,
    "lead": Role.PROJECT_LEAD,
    "staff": Role.EMPLOYEE,
    "auditor": Role.AUDITOR,
}


@dataclass
class World:
    """What a case needs to name: ids of the fixture's records, its clock and a folder for files."""

    root: Path
    inputs: Path
    key_hex: str
    clock: FixedClock
    actors: dict[str, Actor] = field(default_factory=dict)  # username -> the signed-in actor
    emp: dict[str, int] = field(default_factory=dict)  # employee name -> id
    dept: dict[str, int] = field(default_factory=dict)
    pos: dict[str, int] = field(default_factory=dict)
    user_id: dict[str, int] = field(default_factory=dict)  # username -> id
    flow: dict[str, int] = field(default_factory=dict)  # "confirmation", "li", "zhou", "sun", "zhao"
    item: dict[str, int] = field(default_factory=dict)  # checklist items by "<flow>.<what>"
    draft: dict[str, int] = field(default_factory=dict)  # notice drafts by flow
    allowance_id: int = 0
    entry_id: int = 0
    field_id: int = 0
    doc_number: str = ""
    policy_data: dict = field(default_factory=dict)  # the 减除费用与专项附加扣除标准 in force
    db_options: dict = field(default_factory=dict)  # further arguments the company's database took
    db: CompanyDatabase | None = None  # the open copy (set by :meth:`clone`)
    out: Path | None = None  # an empty folder for files a case writes

    def ctx(self, username: str) -> ServiceContext:
        assert self.db is not None
        return ServiceContext(self.db, self.actors[username], self.clock)

    @property
    def system(self) -> ServiceContext:
        assert self.db is not None
        return ServiceContext(self.db, Actor.system(), self.clock)

    def clone(self, target: Path) -> World:
        """An independent copy of the company in ``target`` (opened), with an empty ``out`` folder.

        Whatever was in ``target`` is replaced. Copies made in the same place reuse one engine
        (disposed in between), so its statement cache survives: a new engine per case compiled
        every statement again, which was most of the matrix's time."""
        engine = _ENGINES.get(target)
        if engine is not None:
            engine.dispose()
        data_dir, out = DataDir(target / "data"), target / "out"
        _refill(data_dir.root, self.root)
        _refill(out, None)
        if engine is None:
            engine = _ENGINES[target] = sqlcipher_engine(data_dir.db_path, self.key_hex)
            event.listen(engine, "connect", _no_fsync)
        db = CompanyDatabase(engine, data_dir, self.key_hex, **self.db_options)
        return replace(self, db=db, out=out, clock=FixedClock(NOW))


_ENGINES: dict[Path, Engine] = {}  # the engine of each place copies are made in


def _refill(folder: Path, source: Path | None) -> None:
    """Make ``folder`` hold exactly the files of ``source`` (nothing, for None): anything else in
    it goes (a backup, an export, the previous case's WAL, which must never meet another file),
    then the files are copied over. Cheaper than removing the folder: on a busy disk every rmdir
    took a millisecond."""
    folder.mkdir(parents=True, exist_ok=True)
    keep = {p.name for p in source.iterdir()} if source is not None else set()
    for path in folder.iterdir():
        if path.name not in keep:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    if source is not None:
        for path in source.iterdir():
            if path.is_dir():
                shutil.rmtree(folder / path.name, ignore_errors=True)
                shutil.copytree(path, folder / path.name)
            else:
                shutil.copyfile(path, folder / path.name)


def _no_fsync(dbapi_connection, _record) -> None:
    """A case's copy is thrown away after the case: its commits need not wait for the disk (on a
    busy machine an fsync per refusal record made the matrix ten times slower)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous = OFF")
    cursor.close()


def build_world(base: Path) -> World:
    """Build the company described in the module docstring in ``base`` (closed when it returns)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # module-scoped: the per-test memory keyring is not in place yet
    try:
        return _build(base)
    finally:
        keyring.set_keyring(previous)


def _xlsx(path: Path, header: list[str], rows: list[list]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _write_inputs(folder: Path) -> None:
    folder.mkdir()
    qian = ["E000007", "钱财务"]
    _xlsx(folder / "history.xlsx", ["工号", "姓名", "月份", "应发工资", "其中加班工资"], [qian + ["2025-10", 15000, 0]])
    _xlsx(folder / "entries.xlsx", ["工号", "姓名", "工资项目", "金额", "备注"], [qian + ["绩效奖金", 600, "导入"]])
    _xlsx(
        folder / "deductions.xlsx",
        ["工号", "姓名", "子女教育", "3岁以下婴幼儿照护", "赡养老人", "继续教育", "住房贷款利息", "住房租金"],
        [qian + [2000, 0, 0, 0, 0, 0]],
    )
    _xlsx(
        folder / "opening.xlsx",
        ["工号", "姓名", "已发薪月数", "累计收入", "累计免税收入", "累计专项扣除", "累计专项附加扣除"]
        + ["累计其他扣除", "累计已预扣税额", "上年工资不超过6万", "自1月起扣除减除费用"],
        [qian + [2, 30000, 0, 4000, 0, 0, 300, "否", "否"]],
    )


def _build(base: Path) -> World:
    fx = build_company(base / "company")
    _write_inputs(base / "inputs")
    clock = FixedClock(NOW)
    w = World(fx.data_dir.root, base / "inputs", fx.db.key_hex or "", clock, emp=dict(fx.emps), dept=dict(fx.depts))
    w.db = fx.db
    w.pos = dict(fx.positions)
    if hasattr(fx.db, "audit_key"):  # the audit chain's own key, where the database carries one
        w.db_options["audit_key"] = fx.db.audit_key
    system = w.system

    def probation(name: str, dept: str, seq: int, **kw) -> None:
        data = employee_input(
            f"E{seq:06d}",
            name,
            w.dept[dept],
            seq,
            status=EmployeeStatus.PROBATION,
            hire_date=date(2026, 1, 5),
            probation_end_date=date(2026, 7, 4),
            contract_start=date(2026, 1, 5),
            **kw,
        )
        w.emp[name] = employees.create(system, data).id

    probation("试用甲", "销售部", 9, manager_id=w.emp["王经理"])
    probation("试用乙", "地铁项目部", 10)
    probation("试用丙", "销售部", 11)
    probation("试用丁", "销售部", 12, manager_id=w.emp["王经理"])

    w.field_id = custom_fields.create_definition(system, "title", "职称", FieldType.TEXT).id
    w.dept["空部门"] = departments.create_department(system, "空部门", DepartmentKind.BUSINESS, w.dept["总公司"])
    w.pos["空岗位"] = positions.create_position(system, "空岗位")
    accounts.create_account(system, "locked", "锁定用户", USER_PASSWORD, {Role.EMPLOYEE}, must_change_password=False)
    # A second HR account starts the fixture's flows, so the matrix's hr may act on their HR steps
    # (nobody acts on a flow they started).
    accounts.create_account(system, "hr2", "人事乙", USER_PASSWORD, {Role.HR}, must_change_password=False)
    fx.users["hr2"] = USER_PASSWORD
    with fx.db.session() as session, session.begin():
        session.execute(update(User).where(User.username == "locked").values(locked_until=datetime(2026, 4, 3)))
        w.user_id = dict(session.execute(select(User.username, User.id)).all())

    wang = w.emp["王经理"]
    w.allowance_id = inputs.set_allowance(system, wang, "transport_allowance", "500", APR).id
    w.entry_id = inputs.add_entry(system, APR, wang, "performance_bonus", "1000", "一季度")
    declarations.set_special_deduction(system, wang, APR, {"child_education": "2000"})
    declarations.save_tax_profile(system, TaxProfile(wang, 2026, bonus_separately=False))
    wage_history.set_month(system, wang, date(2025, 11, 1), "30000")
    w.policy_data = policies.versions(system, policy.IIT_DEDUCTIONS)[0].data

    for username in [*USERS, "hr2"]:
        w.actors[username] = fx.login(username).actor

    def as_(username: str) -> ServiceContext:
        return w.ctx(username)

    # 转正 of 试用甲, proposed by HR: waits for 王经理.
    w.flow["confirmation"] = lifecycle.start_confirmation(
        as_("hr2"), w.emp["试用甲"], date(2026, 7, 5), "试用期表现良好"
    ).summary.id

    # 离职 of 李四 and of 周七, walked to 财务结算.
    w.flow["li"] = separations.start(
        as_("hr2"), w.emp["李四"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商一致"
    ).summary.id
    engine.act(as_("manager"), w.flow["li"], Action.APPROVE, "同意")
    engine.act(as_("hr"), w.flow["li"], Action.APPROVE, "同意")
    w.flow["zhou"] = separations.start(
        as_("hr2"), w.emp["周七"], SeparationReason.MUTUAL, date(2026, 4, 30), "协商一致"
    ).summary.id
    engine.act(as_("lead"), w.flow["zhou"], Action.APPROVE, "同意")  # 直属上级 陈工
    engine.act(as_("lead"), w.flow["zhou"], Action.APPROVE, "同意")  # 项目负责人 陈工
    engine.act(as_("hr"), w.flow["zhou"], Action.APPROVE, "同意")
    for who in ("李四", "周七"):
        current = settlement.statement(system, w.emp[who]).params
        settlement.save_params(system, w.emp[who], replace(current, average_wage=Decimal("12000")))
    for key in ("li", "zhou"):
        for item in engine.get(system, w.flow[key]).checklist:
            if "笔记本" in item.title:
                w.item[f"{key}.laptop"] = item.id
            elif "工作资料" in item.title:
                w.item[f"{key}.handover"] = item.id
    checklists.set_amount(as_("admin"), w.item["zhou.laptop"], "3000", "笔记本未归还")

    # 孙员工 resigns himself; his manager step goes to HR (no manager).
    w.flow["sun"] = separations.start(
        as_("staff"), w.emp["孙员工"], SeparationReason.RESIGNATION, date(2026, 5, 29), "个人原因"
    ).summary.id

    # 赵六 separated on 2026-03-31, settled, archived; his 离职证明 issued.
    zhao = w.emp["赵六"]
    w.flow["zhao"] = separations.start(
        as_("hr2"), zhao, SeparationReason.MUTUAL, date(2026, 3, 31), "协商一致"
    ).summary.id
    engine.act(as_("manager"), w.flow["zhao"], Action.APPROVE, "同意")
    engine.act(as_("hr"), w.flow["zhao"], Action.APPROVE, "同意")
    current = settlement.statement(system, zhao).params
    settlement.save_params(system, zhao, replace(current, average_wage=Decimal("12000")))
    engine.act(as_("finance"), w.flow["zhao"], Action.APPROVE, "结算无误")
    for item in engine.get(system, w.flow["zhao"]).checklist:
        checklists.waive(as_("hr"), item.id, "测试：已线下办理")
    engine.act(as_("hr"), w.flow["zhao"], Action.APPROVE, "归档")
    w.doc_number = issuing.separation_certificate(as_("hr"), zhao).number

    with fx.db.session() as session:
        for key in ("li", "zhou"):
            w.draft[key] = session.execute(
                select(NoticeDraft.id).where(NoticeDraft.instance_id == w.flow[key], NoticeDraft.status == "pending")
            ).scalar_one()

    for month in (JAN, FEB, MAR):
        runs.calculate_month(as_("hr"), month)
    runs.approve(as_("finance"), JAN)
    runs.mark_paid(as_("finance"), JAN)
    runs.approve(as_("finance"), FEB)

    fx.db.dispose()
    w.db = None
    return w


__all__ = ["APR", "FEB", "JAN", "MAR", "NOW", "USERS", "World", "build_world"]

"""User accounts: created and maintained by administrators; each may be linked to an employee and
hold several roles. Also the user's own password change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from hrdesk.core.accounts.passwords import hash_password, password_problems, verify_password
from hrdesk.core.accounts.tables import User, UserRole
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import NotFound, PermissionDenied, StateError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission, Role
from hrdesk.core.kernel.text_rules import text_problem
from hrdesk.core.people.tables import Employee

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._\-]{1,39}$")


@dataclass(frozen=True)
class AccountInfo:
    id: int
    username: str
    display_name: str
    employee_id: int | None
    employee_label: str | None  # "E000012 张三"
    roles: tuple[Role, ...]
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    must_change_password: bool


def _snapshot(user: User) -> dict:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "employee_id": user.employee_id,
        "roles": sorted(r.role for r in user.roles),
        "active": user.active,
    }


def _sign_in_state(user: User) -> dict:
    """What a password reset, an unlock or a password change does to an account, for the trail:
    the lock and whether a new password is due. Never the password or its hash."""
    return {
        "must_change_password": user.must_change_password,
        "failed_logins": user.failed_logins,
        "locked_until": user.locked_until,
    }


def _info(session, user: User) -> AccountInfo:
    label = None
    if user.employee_id is not None:
        emp = session.get(Employee, user.employee_id)
        label = f"{emp.emp_no} {emp.name}" if emp else None
    roles = tuple(sorted((Role(r.role) for r in user.roles), key=lambda r: list(Role).index(r)))
    return AccountInfo(
        user.id,
        user.username,
        user.display_name,
        user.employee_id,
        label,
        roles,
        user.active,
        user.locked_until,
        user.last_login_at,
        user.must_change_password,
    )


def list_accounts(ctx: ServiceContext) -> list[AccountInfo]:
    ctx.require_all(Permission.ACCOUNT_MANAGE)
    with ctx.read() as session:
        users = session.execute(select(User).order_by(User.username)).scalars().all()
        return [_info(session, u) for u in users]


def _validate(session, username: str, display_name: str, roles, employee_id, user_id=None) -> dict[str, str]:
    errors = {}
    if not USERNAME_PATTERN.match(username):
        errors["username"] = tr("用户名为2到40位小写字母、数字、点、下划线或短横线，以字母或数字开头")
    else:
        clash = select(User.id).where(func.lower(User.username) == username)
        if user_id is not None:
            clash = clash.where(User.id != user_id)
        if session.execute(clash).first():
            errors["username"] = tr("用户名 {0} 已被使用").format(username)
    display_problem = text_problem(display_name, tr("显示名称"))
    if display_problem:
        errors["display_name"] = display_problem
    elif not (display_name or "").strip():
        errors["display_name"] = tr("请填写显示名称")
    if not roles:
        errors["roles"] = tr("至少选择一个角色")
    if employee_id is not None:
        if session.get(Employee, employee_id) is None:
            errors["employee_id"] = tr("关联的员工不存在")
        else:
            linked = select(User.username).where(User.employee_id == employee_id)
            if user_id is not None:
                linked = linked.where(User.id != user_id)
            other = session.execute(linked).scalar()
            if other:
                errors["employee_id"] = tr("该员工已关联账号 {0}").format(other)
    return errors


def create_account(
    ctx: ServiceContext,
    username: str,
    display_name: str,
    password: str,
    roles: set[Role],
    employee_id: int | None = None,
    must_change_password: bool = True,
) -> AccountInfo:
    ctx.require_all(Permission.ACCOUNT_MANAGE)
    username = (username or "").strip().lower()
    with ctx.transaction() as tx:
        session = tx.session
        errors = _validate(session, username, display_name, roles, employee_id)
        problem = password_problems(password, username)
        if problem:
            errors["password"] = problem
        if errors:
            raise ValidationError(errors)
        user = User(
            username=username,
            display_name=display_name.strip(),
            password_hash=hash_password(password),
            employee_id=employee_id,
            active=True,
            failed_logins=0,
            must_change_password=must_change_password,
            created_at=ctx.clock.now(),
            roles=[UserRole(role=r.value) for r in roles],
        )
        session.add(user)
        session.flush()
        tx.audit("user.create", "user", user.id, tr("新建账号 {0}").format(username), None, _snapshot(user))
        tx.changed("user", "created", user.id)
        return _info(session, user)


def update_account(
    ctx: ServiceContext, user_id: int, *, display_name: str, roles: set[Role], employee_id: int | None, active: bool
) -> AccountInfo:
    ctx.require_all(Permission.ACCOUNT_MANAGE)
    with ctx.transaction() as tx:
        session = tx.session
        user = session.get(User, user_id)
        if user is None:
            raise NotFound(tr("找不到该账号。"))
        errors = _validate(session, user.username, display_name, roles, employee_id, user_id)
        if user_id == ctx.actor.user_id and not active:
            errors["active"] = tr("不能停用自己正在使用的账号")
        if user_id == ctx.actor.user_id and Role.ADMIN not in roles:
            errors["roles"] = tr("不能去掉自己的管理员角色，请让另一位管理员操作")
        if (Role.ADMIN not in roles or not active) and _is_last_admin(session, user_id):
            field = "roles" if Role.ADMIN not in roles else "active"
            errors.setdefault(field, tr("这是最后一个启用的管理员账号，不能去掉管理员角色或停用"))
        if errors:
            raise ValidationError(errors)
        before = _snapshot(user)
        user.display_name = display_name.strip()
        user.employee_id = employee_id
        user.active = active
        user.roles = [UserRole(role=r.value) for r in roles]
        session.flush()
        tx.audit("user.update", "user", user.id, tr("修改账号 {0}").format(user.username), before, _snapshot(user))
        tx.changed("user", "updated", user.id)
        return _info(session, user)


def _is_last_admin(session, user_id: int) -> bool:
    admins = (
        session.execute(
            select(User.id)
            .join(UserRole, UserRole.user_id == User.id)
            .where(UserRole.role == Role.ADMIN.value, User.active.is_(True))
        )
        .scalars()
        .all()
    )
    return admins == [user_id]


def reset_password(ctx: ServiceContext, user_id: int, new_password: str) -> None:
    """Set a temporary password; the user must change it at the next sign-in. Also unlocks."""
    ctx.require_all(Permission.ACCOUNT_MANAGE)
    with ctx.transaction() as tx:
        user = tx.session.get(User, user_id)
        if user is None:
            raise NotFound(tr("找不到该账号。"))
        problem = password_problems(new_password, user.username)
        if problem:
            raise ValidationError({"password": problem})
        before = _sign_in_state(user)
        user.password_hash = hash_password(new_password)
        user.must_change_password = True
        user.failed_logins, user.locked_until = 0, None
        tx.audit(
            "user.reset_password",
            "user",
            user.id,
            tr("重置账号 {0} 的密码").format(user.username),
            before,
            _sign_in_state(user),
        )
        tx.changed("user", "updated", user.id)


def unlock(ctx: ServiceContext, user_id: int) -> None:
    ctx.require_all(Permission.ACCOUNT_MANAGE)
    with ctx.transaction() as tx:
        user = tx.session.get(User, user_id)
        if user is None:
            raise NotFound(tr("找不到该账号。"))
        if user.locked_until is None or user.locked_until <= ctx.clock.now():
            raise StateError(tr("账号 {0} 没有被锁定。").format(user.username))
        before = _sign_in_state(user)
        user.failed_logins, user.locked_until = 0, None
        tx.audit("user.unlock", "user", user.id, tr("解锁账号 {0}").format(user.username), before, _sign_in_state(user))
        tx.changed("user", "updated", user.id)


def change_own_password(ctx: ServiceContext, old_password: str, new_password: str) -> None:
    if ctx.actor.user_id is None:
        raise PermissionDenied(tr("系统身份没有密码。"))
    with ctx.transaction() as tx:
        user = tx.session.get(User, ctx.actor.user_id)
        if user is None:
            raise NotFound(tr("找不到该账号。"))
        if not verify_password(old_password or "", user.password_hash):
            raise ValidationError({"old_password": tr("原密码不正确")})
        problem = password_problems(new_password, user.username)
        if problem is None and verify_password(new_password, user.password_hash):
            problem = tr("新密码不能与原密码相同")
        if problem:
            raise ValidationError({"new_password": problem})
        before = _sign_in_state(user)
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        tx.audit("user.change_password", "user", user.id, tr("修改了自己的密码"), before, _sign_in_state(user))
        tx.changed("user", "updated", user.id)


def must_change_password(ctx: ServiceContext) -> bool:
    if ctx.actor.user_id is None:
        return False
    with ctx.read() as session:
        return bool(session.execute(select(User.must_change_password).where(User.id == ctx.actor.user_id)).scalar())

"""Signing in: password check, lockout after repeated failures, and an audit record for each try.

The lockout lives in the database (failed_logins, locked_until), so restarting the program does not
reset it. Failures are committed even though the login itself is refused.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from hrdesk.core.accounts.passwords import DUMMY_HASH, verify_password
from hrdesk.core.accounts.tables import User
from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.clock import Clock, SystemClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import AuthenticationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor, Role
from hrdesk.core.kernel.persistence.company_file import storage_error_from
from hrdesk.core.kernel.persistence.database import CompanyDatabase

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


def actor_for(user: User) -> Actor:
    roles = {Role(r.role) for r in user.roles}
    return Actor.create(user.id, user.username, user.display_name, user.employee_id, roles)


def login(db: CompanyDatabase, username: str, password: str, clock: Clock | None = None) -> ServiceContext:
    """A service context for the user, or AuthenticationError with a message the user can act on."""
    clock = clock or SystemClock()
    now = clock.now()
    name = (username or "").strip().lower()
    try:
        with db.session() as session, session.begin():
            user = session.execute(select(User).where(func.lower(User.username) == name)).scalar_one_or_none()
            system = Actor.system(tr("登录"))
            if user is None:
                verify_password(password or "", DUMMY_HASH)
                audit_chain.append(
                    session,
                    system,
                    now,
                    "login.failed",
                    "user",
                    None,
                    tr("登录失败：用户名“{0}”不存在").format(name[:40]),
                )
                failure = AuthenticationError(tr("用户名或密码不正确。"))
            elif user.locked_until is not None and user.locked_until > now:
                audit_chain.append(
                    session, actor_for(user), now, "login.refused_locked", "user", user.id, tr("登录被拒绝：账号锁定中")
                )
                failure = AuthenticationError(_locked_message(user.locked_until, now))
            elif not verify_password(password or "", user.password_hash):
                user.failed_logins = (user.failed_logins or 0) + 1
                if user.failed_logins >= MAX_FAILED_LOGINS:
                    user.locked_until = now + LOCKOUT
                    user.failed_logins = 0
                    audit_chain.append(
                        session,
                        actor_for(user),
                        now,
                        "login.locked",
                        "user",
                        user.id,
                        tr("连续{0}次密码错误，账号锁定{1}分钟").format(
                            MAX_FAILED_LOGINS, int(LOCKOUT.total_seconds() // 60)
                        ),
                    )
                    failure = AuthenticationError(_locked_message(user.locked_until, now))
                else:
                    left = MAX_FAILED_LOGINS - user.failed_logins
                    audit_chain.append(
                        session,
                        actor_for(user),
                        now,
                        "login.failed",
                        "user",
                        user.id,
                        tr("登录失败：密码错误（第{0}次）").format(user.failed_logins),
                    )
                    failure = AuthenticationError(
                        tr("用户名或密码不正确。再错{0}次账号将被锁定{1}分钟。").format(
                            left, int(LOCKOUT.total_seconds() // 60)
                        )
                    )
            elif user.active_until is not None and clock.today() > user.active_until:
                audit_chain.append(
                    session,
                    actor_for(user),
                    now,
                    "login.refused_inactive",
                    "user",
                    user.id,
                    tr("登录被拒绝：账号已于{0}到期（离职）").format(user.active_until.isoformat()),
                )
                failure = AuthenticationError(
                    tr("该账号已于 {0} 停用（员工已离职）。").format(user.active_until.isoformat())
                )
            elif not user.active:
                audit_chain.append(
                    session,
                    actor_for(user),
                    now,
                    "login.refused_inactive",
                    "user",
                    user.id,
                    tr("登录被拒绝：账号已停用"),
                )
                failure = AuthenticationError(tr("该账号已停用，请联系管理员。"))
            else:
                user.failed_logins = 0
                user.locked_until = None
                user.last_login_at = now
                audit_chain.append(session, actor_for(user), now, "login.success", "user", user.id, tr("登录成功"))
                failure = None
                actor = actor_for(user)
    except DBAPIError as exc:
        raise storage_error_from(exc) from None
    if failure is not None:
        raise failure
    return ServiceContext(db, actor, clock)


def _locked_message(until, now) -> str:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return tr("连续多次密码错误，账号已锁定，请{0}分钟后再试，或请管理员解锁。").format(minutes)

"""Signing in: password check, lockout after repeated failures, and an audit record for each try.

The lockout lives in the database (failed_logins, locked_until), so restarting the program does not
reset it. Failures are committed even though the login itself is refused.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import DBAPIError

from hrdesk.core.accounts.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from hrdesk.core.accounts.tables import User
from hrdesk.core.kernel import audit_chain
from hrdesk.core.kernel.clock import Clock, SystemClock
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import AuthenticationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor, Role
from hrdesk.core.kernel.persistence.company_file import storage_error_from
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.engine import begin_immediate

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


def actor_for(user: User) -> Actor:
    roles = {Role(r.role) for r in user.roles}
    return Actor.create(user.id, user.username, user.display_name, user.employee_id, roles)


def refused_message() -> str:
    """The one message for an unknown name, a wrong password and a locked account alike, so that
    the answer never tells which user names exist (issue 12)."""
    return tr("用户名或密码不正确。连续输错{0}次后账号将锁定{1}分钟；如账号已锁定，请稍后再试或请管理员解锁。").format(
        MAX_FAILED_LOGINS, int(LOCKOUT.total_seconds() // 60)
    )


def login(db: CompanyDatabase, username: str, password: str, clock: Clock | None = None) -> ServiceContext:
    """A service context for the user, or AuthenticationError with a message the user can act on.

    Every try first reserves itself: one UPDATE adds it to the account's failures, and only if the
    account is not locked, committed before the password is even checked. So parallel streams of
    guesses (threads, processes) get at most MAX_FAILED_LOGINS checks between two lockouts, however
    they interleave. A right password clears the count; the fifth wrong one locks the account. An
    unknown name, a wrong password and a locked account cost the same time (one password check) and
    get the same message.
    """
    clock = clock or SystemClock()
    now = clock.now()
    name = (username or "").strip().lower()
    try:
        reserved = _reserve_try(db, name, now)
        if reserved is None:  # no such user: the same work and the same answer as a wrong password
            verify_password(password or "", DUMMY_HASH)
            _record(db, None, now, "login.failed", None, tr("登录失败：用户名“{0}”不存在").format(name[:40]))
            raise AuthenticationError(refused_message())
        user_id, tries, stored_hash = reserved
        if tries is None or tries > MAX_FAILED_LOGINS:  # locked, or others used up this window's tries
            verify_password(password or "", DUMMY_HASH)
            _record(db, user_id, now, "login.refused_locked", user_id, tr("登录被拒绝：账号锁定中"))
            raise AuthenticationError(refused_message())
        right = verify_password(password or "", stored_hash)
        return _finish(db, user_id, tries, right, password or "", stored_hash, clock, now)
    except DBAPIError as exc:
        raise storage_error_from(exc) from None


def _reserve_try(db: CompanyDatabase, name: str, now) -> tuple[int, int | None, str] | None:
    """(user id, this try's number or None when locked, stored hash); None for an unknown name."""
    with db.session() as session, session.begin():
        begin_immediate(session)
        found = session.execute(select(User.id, User.password_hash).where(func.lower(User.username) == name)).first()
        if found is None:
            return None
        counted = session.execute(
            update(User)
            .where(User.id == found.id, or_(User.locked_until.is_(None), User.locked_until <= now))
            .values(failed_logins=func.coalesce(User.failed_logins, 0) + 1)
            .returning(User.failed_logins)
        ).scalar_one_or_none()
        return found.id, counted, found.password_hash


def _record(db: CompanyDatabase, user_id: int | None, now, action: str, entity_id, summary: str) -> None:
    with db.session() as session, session.begin():
        begin_immediate(session)
        user = session.get(User, user_id) if user_id is not None else None
        actor = actor_for(user) if user is not None else Actor.system(tr("登录"))
        audit_chain.append(session, actor, now, action, "user", entity_id, summary)


def _finish(
    db: CompanyDatabase, user_id: int, tries: int, right: bool, password: str, stored_hash: str, clock, now
) -> ServiceContext:
    with db.session() as session, session.begin():
        begin_immediate(session)
        user = session.get(User, user_id)
        assert user is not None
        if not right:
            if tries >= MAX_FAILED_LOGINS:
                user.locked_until = now + LOCKOUT
                user.failed_logins = 0
                summary = tr("连续{0}次密码错误，账号锁定{1}分钟").format(
                    MAX_FAILED_LOGINS, int(LOCKOUT.total_seconds() // 60)
                )
                audit_chain.append(session, actor_for(user), now, "login.locked", "user", user.id, summary)
            else:
                audit_chain.append(
                    session,
                    actor_for(user),
                    now,
                    "login.failed",
                    "user",
                    user.id,
                    tr("登录失败：密码错误（第{0}次）").format(tries),
                )
            failure = AuthenticationError(refused_message())
        elif user.active_until is not None and clock.today() > user.active_until:
            user.failed_logins = 0
            audit_chain.append(
                session,
                actor_for(user),
                now,
                "login.refused_inactive",
                "user",
                user.id,
                tr("登录被拒绝：账号已于{0}到期（离职）").format(user.active_until.isoformat()),
            )
            ended = user.active_until.isoformat()
            failure = AuthenticationError(tr("该账号已于 {0} 停用（员工已离职）。").format(ended))
        elif not user.active:
            user.failed_logins = 0
            audit_chain.append(
                session, actor_for(user), now, "login.refused_inactive", "user", user.id, tr("登录被拒绝：账号已停用")
            )
            failure = AuthenticationError(tr("该账号已停用，请联系管理员。"))
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            if needs_rehash(stored_hash) and user.password_hash == stored_hash:
                user.password_hash = hash_password(password)  # older scheme: Argon2id from now on
            audit_chain.append(session, actor_for(user), now, "login.success", "user", user.id, tr("登录成功"))
            failure = None
            actor = actor_for(user)
    if failure is not None:
        raise failure
    return ServiceContext(db, actor, clock)

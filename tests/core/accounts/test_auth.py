"""Signing in: clear messages, lockout after 5 failures that survives a restart, every try audited."""

import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from hrdesk.core.accounts import auth, users
from hrdesk.core.accounts.tables import User
from hrdesk.core.company import setup as company_service
from hrdesk.core.kernel.clock import FixedClock
from hrdesk.core.kernel.errors import AuthenticationError
from hrdesk.core.kernel.persistence.tables import AuditRecord
from tests.helpers import USER_PASSWORD


def actions(fx) -> list[str]:
    with fx.db.session() as s:
        return list(s.execute(select(AuditRecord.action).order_by(AuditRecord.seq)).scalars())


def test_success_returns_context_with_roles_and_is_audited(company):
    ctx = auth.login(company.db, "HR ", USER_PASSWORD)  # case and spaces forgiven in the name
    assert ctx.actor.username == "hr" and ctx.actor.employee_id == company.emps["刘人事"]
    assert actions(company)[-1] == "login.success"


def failures_of(fx, username: str) -> int:
    with fx.db.session() as s:
        return s.execute(select(User.failed_logins).where(User.username == username)).scalar_one()


def test_wrong_password_is_counted_and_audited(company):
    with pytest.raises(AuthenticationError, match="用户名或密码不正确"):
        auth.login(company.db, "hr", "wrong-password")
    assert actions(company)[-1] == "login.failed" and failures_of(company, "hr") == 1


def test_an_unknown_user_a_wrong_password_and_a_locked_account_get_one_message(company):
    """Issue 12: a known user got "再错4次…", an unknown one the plain message: names could be listed."""
    messages = set()
    for name in ("nobody", "hr"):
        with pytest.raises(AuthenticationError) as refused:
            auth.login(company.db, name, "whatever-password")
        messages.add(str(refused.value))
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login(company.db, "staff", "wrong-password")
    with pytest.raises(AuthenticationError) as locked:
        auth.login(company.db, "staff", USER_PASSWORD)
    messages.add(str(locked.value))
    assert messages == {auth.refused_message()}
    assert "再错" not in auth.refused_message()


def test_unknown_and_known_names_take_the_same_time(company):
    def seconds(name: str) -> float:
        start = time.perf_counter()
        with pytest.raises(AuthenticationError):
            auth.login(company.db, name, "whatever-password")
        return time.perf_counter() - start

    unknown = sorted(seconds("nobody") for _ in range(5))[2]
    known = sorted(seconds("finance") for _ in range(4))[2]  # 4: stays below the lockout
    assert 0.5 < unknown / known < 2  # both are one Argon2id check; without the dummy check ~50×


def test_five_failures_lock_for_fifteen_minutes_even_after_restart(company):
    clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            auth.login(company.db, "hr", "wrong-password", clock)
    with pytest.raises(AuthenticationError, match="已锁定"):
        auth.login(company.db, "hr", "wrong-password", clock)
    assert actions(company)[-1] == "login.locked"
    with company.db.session() as s:
        assert (
            s.execute(select(User.locked_until).where(User.username == "hr")).scalar_one() == clock.now() + auth.LOCKOUT
        )

    company.db.dispose()  # "restart the program"
    company.db = company_service.open_company(company.data_dir)
    clock.advance(timedelta(minutes=14))
    with pytest.raises(AuthenticationError, match="已锁定"):
        auth.login(company.db, "hr", USER_PASSWORD, clock)  # even the right password
    assert actions(company)[-1] == "login.refused_locked"

    clock.advance(timedelta(minutes=1, seconds=1))
    assert auth.login(company.db, "hr", USER_PASSWORD, clock).actor.username == "hr"


def test_success_resets_the_failure_count(company):
    clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            auth.login(company.db, "hr", "wrong-password", clock)
    auth.login(company.db, "hr", USER_PASSWORD, clock)
    assert failures_of(company, "hr") == 0
    with pytest.raises(AuthenticationError):
        auth.login(company.db, "hr", "wrong-password", clock)
    assert failures_of(company, "hr") == 1 and actions(company)[-1] == "login.failed"


def test_disabled_account_cannot_sign_in(company):
    admin = company.login("admin")
    info = next(a for a in users.list_accounts(admin) if a.username == "staff")
    users.update_account(
        admin,
        info.id,
        display_name=info.display_name,
        roles=set(info.roles),
        employee_id=info.employee_id,
        active=False,
    )
    with pytest.raises(AuthenticationError, match="停用"):
        auth.login(company.db, "staff", USER_PASSWORD)


def test_admin_unlock_and_reset_force_a_new_password(company):
    admin = company.login("admin")
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login(company.db, "staff", "wrong-password")
    staff_id = next(a.id for a in users.list_accounts(admin) if a.username == "staff")
    users.unlock(admin, staff_id)
    ctx = auth.login(company.db, "staff", USER_PASSWORD)
    assert not users.must_change_password(ctx)
    users.reset_password(admin, staff_id, "Temp-pass-9876")
    ctx = auth.login(company.db, "staff", "Temp-pass-9876")
    assert users.must_change_password(ctx)
    users.change_own_password(ctx, "Temp-pass-9876", "Mine-own-pass-1")
    assert not users.must_change_password(ctx)


def test_last_admin_cannot_be_removed(company):
    admin = company.login("admin")
    me = next(a for a in users.list_accounts(admin) if a.username == "admin")
    from hrdesk.core.kernel.errors import ValidationError
    from hrdesk.core.kernel.permissions import Role

    with pytest.raises(ValidationError) as info:
        users.update_account(admin, me.id, display_name="x", roles={Role.HR}, employee_id=None, active=True)
    assert "roles" in info.value.errors


def test_an_old_scrypt_hash_still_signs_in_and_is_replaced_by_argon2id(company):
    """Issue 12: scrypt N=2^14 is below guidance; passwords move to Argon2id at the next sign-in."""
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(USER_PASSWORD.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = f"scrypt${2**14}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    with company.db.session() as s, s.begin():
        s.execute(User.__table__.update().where(User.username == "hr").values(password_hash=old))
    with pytest.raises(AuthenticationError):
        auth.login(company.db, "hr", "wrong-password")  # a wrong password changes nothing
    with company.db.session() as s:
        assert s.execute(select(User.password_hash).where(User.username == "hr")).scalar_one() == old
    assert auth.login(company.db, "hr", USER_PASSWORD).actor.username == "hr"
    with company.db.session() as s:
        stored = s.execute(select(User.password_hash).where(User.username == "hr")).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert auth.login(company.db, "hr", USER_PASSWORD).actor.username == "hr"

"""Signing in: clear messages, lockout after 5 failures that survives a restart, every try audited."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from hrdesk.core.accounts import auth, users
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


def test_wrong_password_says_so_and_counts_down(company):
    with pytest.raises(AuthenticationError, match="再错4次"):
        auth.login(company.db, "hr", "wrong-password")
    assert actions(company)[-1] == "login.failed"


def test_unknown_user_gets_the_same_message(company):
    with pytest.raises(AuthenticationError, match="用户名或密码不正确"):
        auth.login(company.db, "nobody", "whatever-password")
    assert actions(company)[-1] == "login.failed"


def test_five_failures_lock_for_fifteen_minutes_even_after_restart(company):
    clock = FixedClock(datetime(2026, 3, 2, 9, 0))
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            auth.login(company.db, "hr", "wrong-password", clock)
    with pytest.raises(AuthenticationError, match="已锁定"):
        auth.login(company.db, "hr", "wrong-password", clock)
    assert actions(company)[-1] == "login.locked"

    company.db.dispose()  # "restart the program"
    company.db = company_service.open_company(company.data_dir)
    clock.advance(timedelta(minutes=14))
    with pytest.raises(AuthenticationError, match="1分钟后"):
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
    with pytest.raises(AuthenticationError, match="再错4次"):
        auth.login(company.db, "hr", "wrong-password", clock)


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

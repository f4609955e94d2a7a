"""A company on PostgreSQL (issue 13, first step): the same set-up, the same services, the same
keyed audit chain as a company file, against a real PostgreSQL server the tests start."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

from hrdesk.core.accounts import auth
from hrdesk.core.audit import audit_log, deep_check
from hrdesk.core.company import server_database
from hrdesk.core.kernel import audit_key
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import KeyUnavailable, StorageError, ValidationError
from hrdesk.core.kernel.permissions import Actor
from hrdesk.core.kernel.persistence import keys
from hrdesk.core.org import departments
from hrdesk.core.org.tree import DepartmentKind
from hrdesk.core.people import employees
from tests import postgres_server
from tests.helpers import ADMIN_PASSWORD, employee_input


@pytest.fixture(scope="module")
def server():
    running = postgres_server.start()
    yield running
    postgres_server.stop(running)


@pytest.fixture
def database(server, monkeypatch):
    """An empty database of its own on the server, and the server's audit key in its environment."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    monkeypatch.setenv(audit_key.ENV_AUDIT_KEY, keys.generate_key())
    yield server.url.replace("/postgres?", f"/{name}?")
    admin.dispose()


def as_system(db) -> ServiceContext:
    return ServiceContext(db, Actor.system())


def init(url):
    return server_database.init_server(
        url,
        company_name="服务器科技有限公司",
        admin_username="admin",
        admin_display_name="系统管理员",
        admin_password=ADMIN_PASSWORD,
    )


def test_a_company_on_postgresql_runs_the_same_services_and_chain(database):
    db = init(database)
    try:
        admin = auth.login(db, "admin", ADMIN_PASSWORD)
        sales = departments.create_department(admin, "销售部", DepartmentKind.BUSINESS)
        system = as_system(db)
        emp = employees.create(system, employee_input("E000001", "李四", sales, 1, base_salary="12345.67"))
        assert str(employees.get(system, emp.id).base_salary) == "12345.67"  # Decimal, exactly
        assert audit_log.verify_chain(system).ok
        assert deep_check.deep_check(system).ok
    finally:
        db.dispose()
    reopened = server_database.open_server(database)
    try:
        assert audit_log.verify_chain(as_system(reopened)).ok
    finally:
        reopened.dispose()


def test_a_database_that_holds_tables_is_refused_and_left_alone(database):
    init(database).dispose()
    with pytest.raises(StorageError, match="已有数据表"):
        init(database)
    db = server_database.open_server(database)
    db.dispose()


def test_the_server_needs_its_audit_key_and_the_right_one(database, monkeypatch):
    init(database).dispose()
    monkeypatch.setenv(audit_key.ENV_AUDIT_KEY, keys.generate_key())
    with pytest.raises(KeyUnavailable, match="不符"):
        server_database.open_server(database)
    monkeypatch.delenv(audit_key.ENV_AUDIT_KEY)
    with pytest.raises(KeyUnavailable, match="HRDESK_AUDIT_KEY"):
        server_database.open_server(database)


def test_only_postgresql_urls_are_taken(database):
    with pytest.raises(ValidationError, match="PostgreSQL"):
        server_database.open_server("mysql://x@localhost/db")


def test_server_init_on_the_command_line(database, monkeypatch, capsys):
    from hrdesk.cli.main import run

    monkeypatch.setenv("HRDESK_PASSWORD", ADMIN_PASSWORD)
    command = ["server", "init", "--database", database, "--company", "命令行科技有限公司"]
    assert run(command) == 0
    assert "命令行科技有限公司" in capsys.readouterr().out
    assert run(command) == 8  # a second time: the database holds tables, nothing is overwritten
    assert "已有数据表" in capsys.readouterr().err
    db = server_database.open_server(database)
    try:
        assert auth.login(db, "admin", ADMIN_PASSWORD).actor.username == "admin"
    finally:
        db.dispose()

"""The context every service runs in: the open database, the calling actor and the clock."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from hrdesk.core.kernel import audit_chain as audit
from hrdesk.core.kernel.clock import Clock, SystemClock
from hrdesk.core.kernel.errors import Conflict, PermissionDenied
from hrdesk.core.kernel.events import Change
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Actor, Permission, Scope
from hrdesk.core.kernel.persistence.company_file import storage_error_from
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.engine import begin_immediate


@dataclass
class Transaction:
    """A session plus what the service will report as changed once it commits."""

    session: Session
    ctx: ServiceContext
    changes: list[Change] = field(default_factory=list)
    _audit_entries: list[audit.Entry] = field(default_factory=list)
    _before_chaining: list[Callable[[], None]] = field(default_factory=list)

    def audit(
        self,
        action: str,
        entity_type: str,
        entity_id: Any,
        summary: str,
        before: dict | None = None,
        after: dict | None = None,
        on_behalf_of: str | None = None,
    ) -> None:
        """Queue an audit record; all of a transaction's records are chained and written together
        just before it commits (one look-up of the chain head instead of one per record)."""
        self._audit_entries.append(audit.Entry(action, entity_type, entity_id, summary, before, after, on_behalf_of))

    def before_chaining(self, settle: Callable[[], None]) -> None:
        """Run ``settle`` just before the queued records are chained, when the service's work is
        done: for a value known only then, which ``settle`` puts into a queued record's values (where
        a flow ended up once the automatic steps after an action have run)."""
        self._before_chaining.append(settle)

    def flush_audit(self) -> None:
        settles, self._before_chaining = self._before_chaining, []
        for settle in settles:
            settle()
        if self._audit_entries:
            audit.append_many(self.session, self.ctx.actor, self.ctx.clock.now(), self._audit_entries)
            self._audit_entries = []

    def changed(self, entity_type: str, kind: str, *ids) -> None:
        self.changes.append(Change(entity_type, kind, tuple(ids)))


_open = threading.local()  # how many transactions this thread has open (refusals wait for them)


@dataclass(frozen=True)
class _Refusal:
    summary: str
    details: dict


def _calling_service() -> str:
    """The service that asked for the permission: the first frame outside this module."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        return "?"
    module = frame.f_globals.get("__name__", "?").removeprefix("hrdesk.core.")
    return f"{module}.{frame.f_code.co_name}"


@dataclass
class ServiceContext:
    db: CompanyDatabase
    actor: Actor
    clock: Clock = field(default_factory=SystemClock)

    def require(self, permission: Permission) -> Scope:
        """The actor's scope for ``permission``; PermissionDenied if they have none."""
        scope = self.actor.scope_for(permission)
        if scope is Scope.NONE:
            raise self.denied(permission)
        return scope

    def require_all(self, permission: Permission) -> None:
        if self.actor.scope_for(permission) is not Scope.ALL:
            raise self.denied(permission, whole_company=True)

    def denied(self, permission: Permission, *, whole_company: bool = False) -> PermissionDenied:
        """The refusal, recorded in the trail as a security event (who, what, which service) in a
        transaction of its own, so it stays although the caller's work is refused. Inside one of
        this thread's transactions it is recorded once that transaction has rolled back."""
        service = _calling_service()
        needed = (tr("全公司范围的“{0}”") if whole_company else tr("“{0}”")).format(permission.label)
        error = PermissionDenied(tr("您没有“{0}”的权限。").format(permission.label))
        error.refusal = _Refusal(  # type: ignore[attr-defined]
            tr("权限不足被拒绝：{0}，需要{1}权限").format(service, needed),
            {"permission": permission.value, "service": service, "scope": "all" if whole_company else "any"},
        )
        if not getattr(_open, "transactions", 0):
            self._record_refusal(error)
        return error

    def _record_refusal(self, error: PermissionDenied) -> None:
        refusal = getattr(error, "refusal", None)
        if refusal is None or self.actor.is_system:
            return
        error.refusal = None  # type: ignore[attr-defined]  # recorded once
        self.record_security_event("security.denied", refusal.summary, refusal.details)

    def record_security_event(self, action: str, summary: str, details: dict) -> None:
        """A refusal in the trail (who, what, why), in a transaction of its own: it stays although
        the work it refused left nothing (a denied write, a refused import)."""
        try:
            with self.db.session() as session, session.begin():
                begin_immediate(session)
                audit.append(
                    session, self.actor, self.clock.now(), action, "user", self.actor.user_id, summary, None, details
                )
        except DBAPIError:
            pass  # a file that cannot be written still refuses; the refusal itself is what matters

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self.db.session()
        try:
            yield session
        except DBAPIError as exc:
            raise storage_error_from(exc) from None
        finally:
            session.close()

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One unit of work: everything in it, audit records included, commits or nothing does."""
        session = self.db.session()
        tx = Transaction(session, self)
        depth = getattr(_open, "transactions", 0)
        _open.transactions = depth + 1
        refused: PermissionDenied | None = None
        try:
            with session.begin():
                begin_immediate(session)  # a writer from the start: no SQLITE_BUSY half-way through
                yield tx
                tx.flush_audit()
        except PermissionDenied as exc:
            refused = exc  # recorded below, once this transaction has rolled back
            raise
        except StaleDataError:
            raise Conflict(tr("该记录已被其他人修改，请刷新后重试。")) from None
        except IntegrityError as exc:
            raise Conflict(tr("保存失败：与已有数据冲突（{0}）。").format(exc.orig)) from None
        except DBAPIError as exc:
            raise storage_error_from(exc) from None
        finally:
            _open.transactions = depth
            session.close()
            if refused is not None and depth == 0:
                self._record_refusal(refused)
        self.db.bus.publish(tx.changes)

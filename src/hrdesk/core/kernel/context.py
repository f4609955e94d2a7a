"""The context every service runs in: the open database, the calling actor and the clock."""

from __future__ import annotations

from collections.abc import Iterator
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


@dataclass
class Transaction:
    """A session plus what the service will report as changed once it commits."""

    session: Session
    ctx: ServiceContext
    changes: list[Change] = field(default_factory=list)
    _audit_entries: list[audit.Entry] = field(default_factory=list)

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

    def flush_audit(self) -> None:
        if self._audit_entries:
            audit.append_many(self.session, self.ctx.actor, self.ctx.clock.now(), self._audit_entries)
            self._audit_entries = []

    def changed(self, entity_type: str, kind: str, *ids) -> None:
        self.changes.append(Change(entity_type, kind, tuple(ids)))


@dataclass
class ServiceContext:
    db: CompanyDatabase
    actor: Actor
    clock: Clock = field(default_factory=SystemClock)

    def require(self, permission: Permission) -> Scope:
        """The actor's scope for ``permission``; PermissionDenied if they have none."""
        scope = self.actor.scope_for(permission)
        if scope is Scope.NONE:
            raise PermissionDenied(tr("您没有“{0}”的权限。").format(permission.label))
        return scope

    def require_all(self, permission: Permission) -> None:
        if self.actor.scope_for(permission) is not Scope.ALL:
            raise PermissionDenied(tr("您没有“{0}”的权限。").format(permission.label))

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
        try:
            with session.begin():
                yield tx
                tx.flush_audit()
        except StaleDataError:
            raise Conflict(tr("该记录已被其他人修改，请刷新后重试。")) from None
        except IntegrityError as exc:
            raise Conflict(tr("保存失败：与已有数据冲突（{0}）。").format(exc.orig)) from None
        except DBAPIError as exc:
            raise storage_error_from(exc) from None
        finally:
            session.close()
        self.db.bus.publish(tx.changes)

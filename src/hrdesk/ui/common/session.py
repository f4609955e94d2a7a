"""What the GUI holds after sign-in: the service context, the change signals and the runner."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.permissions import Actor, Permission
from hrdesk.ui.common.bridge import ChangeSignals
from hrdesk.ui.common.runner import Runner


@dataclass
class AppSession:
    ctx: ServiceContext
    signals: ChangeSignals
    runner: Runner
    company_name: str

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    def can(self, permission: Permission) -> bool:
        return self.ctx.actor.can(permission)

    def settings(self) -> QSettings:
        """Per-user view preferences (column choices, window geometry), keyed by the login."""
        settings = QSettings()
        settings.beginGroup(f"user-{self.actor.username}")
        return settings

"""What other areas do, inside the flow's own transaction, when a step of a flow is approved or the
flow goes back: finance approving its step of a separation freezes the settlement statement and
posts it to the payroll month; a return or withdrawal reopens it.

The flow engine sits below the areas that react (the settlement is computed by the payroll engine,
which itself reads the flows), so the engine cannot import them. Each such area registers a hook
for the kind of flow it cares about when it is loaded, as Django's signal receivers do; every
entry point loads all areas (``hrdesk.core.areas``), so a hook is never missing at run time.
"""

from __future__ import annotations

from typing import Protocol

from hrdesk.core.flows.tables import FlowInstance
from hrdesk.core.flows.workflow import FlowDefinition, FlowKind
from hrdesk.core.kernel.context import Transaction


class StepHook(Protocol):
    def approved(self, tx: Transaction, instance: FlowInstance, definition: FlowDefinition, step_index: int) -> None:
        """Step ``step_index`` is being approved; raising refuses the approval (nothing is saved)."""

    def reopened(self, tx: Transaction, instance: FlowInstance, definition: FlowDefinition) -> None:
        """The flow was returned to its initiator, rejected or withdrawn."""


_hooks: dict[FlowKind, list[StepHook]] = {}


def register(kind: FlowKind, hook: StepHook) -> None:
    """Add ``hook`` for flows of ``kind``; registering the same hook again changes nothing."""
    hooks = _hooks.setdefault(kind, [])
    if hook not in hooks:
        hooks.append(hook)


def approved(tx: Transaction, instance: FlowInstance, definition: FlowDefinition, step_index: int) -> None:
    for hook in _hooks.get(definition.kind, ()):
        hook.approved(tx, instance, definition, step_index)


def reopened(tx: Transaction, instance: FlowInstance, definition: FlowDefinition) -> None:
    for hook in _hooks.get(definition.kind, ()):
        hook.reopened(tx, instance, definition)

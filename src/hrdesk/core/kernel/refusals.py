"""A service's own refusal that is still a security event.

``ctx.require`` and ``ctx.require_all`` record every refusal in the trail (security.denied: who,
which service, which permission). A service that refuses for a reason of its own (not the step's
approver, not the item's owner, only finance confirms a deduction) raises
``worded(ctx.denied(permission), message)`` instead of a plain PermissionDenied, which nobody
recorded: ``ctx.denied`` records it (naming the calling service) and the user reads the service's
own words.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import PermissionDenied, ValidationError
from hrdesk.core.kernel.i18n import tr

P = ParamSpec("P")
R = TypeVar("R")


def worded(error: PermissionDenied, message: str) -> PermissionDenied:
    """``error`` (from ``ctx.denied``) with ``message`` as what the user is told."""
    error.message = message
    error.args = (message,)
    return error


def recorded_when_refused(what: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """An import service whose refusal (a file with bad rows, too many rows, repeated rows) is a
    security event ("import.refused": who, which file, why), like a denied write: a file that was
    refused leaves no data but does leave a trace. A check (``check_only=True``) finding problems
    is what checks are for and is not recorded. The service's first two arguments are the context
    and the file's path."""

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(service)
        def recorded(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return service(*args, **kwargs)
            except ValidationError as exc:
                ctx = args[0] if args else None
                if isinstance(ctx, ServiceContext) and not kwargs.get("check_only"):
                    given = [a for a in (*args[1:], kwargs.get("path")) if isinstance(a, (str, os.PathLike))]
                    name = Path(given[0]).name if given else ""
                    reason = str(exc)[:200]
                    ctx.record_security_event(
                        "import.refused",
                        tr("{0}被拒绝：{1}（{2}）").format(tr(what), name, reason)[:300],
                        {"import": what, "file": name, "problems": len(exc.errors), "reason": reason},
                    )
                raise

        return recorded

    return decorate

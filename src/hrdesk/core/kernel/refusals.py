"""A service's own refusal that is still a security event.

``ctx.require`` and ``ctx.require_all`` record every refusal in the trail (security.denied: who,
which service, which permission). A service that refuses for a reason of its own (not the step's
approver, not the item's owner, only finance confirms a deduction) raises
``worded(ctx.denied(permission), message)`` instead of a plain PermissionDenied, which nobody
recorded: ``ctx.denied`` records it (naming the calling service) and the user reads the service's
own words.
"""

from __future__ import annotations

from hrdesk.core.kernel.errors import PermissionDenied


def worded(error: PermissionDenied, message: str) -> PermissionDenied:
    """``error`` (from ``ctx.denied``) with ``message`` as what the user is told."""
    error.message = message
    error.args = (message,)
    return error

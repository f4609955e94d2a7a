"""The one family of errors the core raises for anything a user can cause.

The GUI turns them into messages (ValidationError next to its fields), the command line into a
message on stderr and a non-zero exit code. Anything else escaping the core is a bug.
"""

from __future__ import annotations

from hrdesk.core.kernel.i18n import tr


class HRDeskError(Exception):
    """Base of all expected errors; ``str(error)`` is a complete message for the user."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(HRDeskError):
    """Input that breaks a rule; ``errors`` maps field names to messages."""

    exit_code = 2

    def __init__(self, errors: dict[str, str], message: str | None = None):
        self.errors = dict(errors)
        if message is None:
            message = tr("输入有误：") + "；".join(self.errors.values())
        super().__init__(message)


class PermissionDenied(HRDeskError):
    exit_code = 3


class NotFound(HRDeskError):
    exit_code = 4


class Conflict(HRDeskError):
    """The change collides with stored data (a duplicate, a record changed by someone else)."""

    exit_code = 5


class StateError(HRDeskError):
    """The operation is not allowed in the object's current state."""

    exit_code = 6


class AuthenticationError(HRDeskError):
    """Wrong user name or password, a locked or disabled account."""

    exit_code = 7


class StorageError(HRDeskError):
    """The company file cannot be opened or written: wrong key, not ours, read-only, locked."""

    exit_code = 8


class KeyUnavailable(StorageError):
    """No database key: nothing in the credential store and no HRDESK_DB_KEY."""


class WrongKey(StorageError):
    """The key does not open the file (or the file is not an HRDesk company file)."""


class MigrationFailed(StorageError):
    """Bringing the company file up to this program's version failed; the file was left as it was.
    ``repeated`` counts identical failures in a row, so a second one can offer the restore."""

    def __init__(self, message: str, *, repeated: int = 1):
        super().__init__(message)
        self.repeated = repeated


class NotInitialized(StorageError):
    """The data folder holds no company yet."""

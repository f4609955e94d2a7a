"""Where unexpected errors go: a rotating log file in the per-user log folder, never a traceback
in the user's face."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from hrdesk.core.kernel.persistence.datadir import APP_NAME

_MARK = "_hrdesk_log_file"  # set on the handler configure_logging adds


def log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "hrdesk.log"


def configure_logging() -> Path | None:
    """Log to the file if its folder is writable; return its path (None if logging to file failed).

    Calling it again (the command line, then the GUI it starts; the tests, many times) keeps one
    handler: one already writing to this path is kept, one this function added for another path is
    replaced.
    """
    path = log_path()
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, _MARK, False):
            if Path(getattr(existing, "baseFilename", "")) == path:
                return path
            root.removeHandler(existing)
            existing.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    setattr(handler, _MARK, True)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path

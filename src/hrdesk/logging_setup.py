"""Where unexpected errors go: a rotating log file in the per-user log folder, never a traceback
in the user's face."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from hrdesk.core.kernel.persistence.datadir import APP_NAME


def log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "hrdesk.log"


def configure_logging() -> Path | None:
    """Log to the file if its folder is writable; return its path (None if logging to file failed)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path

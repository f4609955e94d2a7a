"""One place that finds the files shipped beside the code, from source and from the frozen bundle.

From a checkout (editable install) the files live in ``<repo>/resources``; in the PyInstaller bundle
they are unpacked under ``sys._MEIPASS/resources``. ``HRDESK_RESOURCES`` overrides both for tests.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_root() -> Path:
    override = os.environ.get("HRDESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``."""
    return resources_root().joinpath(*parts)

"""The one version string, read from the installed package metadata (pyproject.toml).

The frozen executable has no package metadata, so build.spec writes ``_build_version.py`` beside this
module; from source the metadata of the editable install answers.
"""

from __future__ import annotations


def _read_version() -> str:
    try:
        from hrdesk._build_version import VERSION  # written by build.spec for the frozen binary

        return VERSION
    except ImportError:
        pass
    try:
        from importlib.metadata import version

        return version("hrdesk")
    except Exception:  # not installed (running from a bare checkout)
        return "0.0.0+unknown"


__version__ = _read_version()

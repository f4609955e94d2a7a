"""HRDesk 人事财务一体化桌面系统."""

from hrdesk.version import __version__

__all__ = ["__version__"]

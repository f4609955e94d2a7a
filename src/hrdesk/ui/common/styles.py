"""The few colours and text styles the screens share, so a status reads the same everywhere."""

from __future__ import annotations

from PySide6.QtGui import QColor

RED = QColor("#b3261e")
GREEN = QColor("#137333")
BLUE = QColor("#1a56c4")
ORANGE = QColor("#b06000")
GREY = QColor("#80868b")

ERROR_STYLE = "color: #b3261e;"
NOTICE_STYLE = "color: #137333;"
HINT_STYLE = "color: #5f6368;"
BADGE_STYLE = "QLabel {{ background: {0}; color: white; border-radius: 4px; padding: 3px 10px; font-weight: bold; }}"

ROW_HEIGHT = 26  # every table: fixed rows, no per-row measuring

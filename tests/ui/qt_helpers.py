"""Driving real widgets the way a user does, within what offscreen Qt supports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def type_text(qtbot, widget: QLineEdit, text: str) -> None:
    """ASCII through key clicks; Chinese as an input method commits it (keyClicks is ASCII-only and
    aborts on CJK)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def replace_text(qtbot, widget: QLineEdit, text: str) -> None:
    widget.selectAll()
    widget.del_()
    type_text(qtbot, widget, text)


def screenshot(widget: QWidget, name: str) -> Path:
    """Save what the widget looks like, for a human to look at (build/screenshots)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


def when_modal(callback, attempts: int = 100) -> None:
    """Run ``callback(dialog)`` as soon as a modal dialog is showing (for code that calls exec())."""

    def poll(remaining=attempts):
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            callback(dialog)
        elif remaining:
            QTimer.singleShot(20, lambda: poll(remaining - 1))

    QTimer.singleShot(0, poll)

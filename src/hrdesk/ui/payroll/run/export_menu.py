"""导出 ▾: the files a payroll month can be exported to, their names, and where to save one.

工资表, 工资条, 银行代发文件 (also as CSV, the format some banks take), 个税扣缴申报表, 社保公积金明细 and
人工成本汇总; hrdesk.core.payroll.exports writes them, the page runs it in the background.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from hrdesk.ui.payroll.run.texts import month_text, tr

EXPORT_KINDS = ("sheet", "payslips", "bank", "iit", "insurance", "cost")


def export_labels() -> dict[str, str]:
    return {
        "sheet": tr("工资表"),
        "payslips": tr("工资条"),
        "bank": tr("银行代发文件"),
        "iit": tr("个税扣缴申报表"),
        "insurance": tr("社保公积金明细"),
        "cost": tr("人工成本汇总"),
    }


def default_export_name(month: date, kind: str) -> str:
    """E.g. 2026年03月工资表.xlsx."""
    return f"{month_text(month)}{export_labels()[kind]}.xlsx"


def ask_export_path(parent: QWidget, month: date, kind: str) -> str:
    """The file to export to, asked in a save dialog that opens in Documents; empty when cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = default_export_name(month, kind)
    path, _ = QFileDialog.getSaveFileName(
        parent,
        tr("导出{0}").format(export_labels()[kind]),
        f"{folder}/{suggested}" if folder else suggested,
        tr("Excel 工作簿 (*.xlsx)") + (tr(";;CSV 文件 (*.csv)") if kind == "bank" else ""),
    )
    return path


def export_file_path(kind: str, path: str) -> str:
    """``path`` ending in .xlsx (the bank file may also be .csv)."""
    csv = kind == "bank" and path.lower().endswith(".csv")
    if not path.lower().endswith(".xlsx") and not csv:
        path += ".xlsx"
    return path


class ExportButton(QPushButton):
    """导出 ▾ with one menu entry per kind (``export_actions``); choosing one emits ``export_requested``."""

    export_requested = Signal(str)  # kind

    def __init__(self, parent=None):
        super().__init__(tr("导出 ▾"), parent)
        self.setObjectName("export")
        self.export_menu = QMenu(self)
        self.export_actions: dict[str, QAction] = {}
        for kind, label in export_labels().items():
            action = self.export_menu.addAction(label + "…")
            action.setObjectName(f"export_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.export_requested.emit(k))
            self.export_actions[kind] = action
        self.setMenu(self.export_menu)

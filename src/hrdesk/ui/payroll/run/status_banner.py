"""Where a payroll month stands, above the sheet: the status banner (状态 badge, who calculated,
approved and paid it when, the month's totals, what comes next, and a busy indicator while
something runs), the red warning when the inputs changed after the calculation, and the notice
line (what was just done, or the calculation's warnings).

The banner takes the colours of the status, so 已计算, 已审核 and 已发放 read apart at a glance.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar

from hrdesk.core.payroll.rules.report import RunHeader, RunStatus
from hrdesk.core.payroll.runs import RunSummary
from hrdesk.ui.payroll.run.texts import month_text, tr, when_text

BANNER_STYLES = {  # background, text, border, badge
    None: ("#f1f3f4", "#3c4043", "#dadce0", "#80868b"),
    RunStatus.DRAFT: ("#f1f3f4", "#3c4043", "#dadce0", "#80868b"),
    RunStatus.CALCULATED: ("#e8f0fe", "#174ea6", "#aecbfa", "#1a56c4"),
    RunStatus.APPROVED: ("#fef7e0", "#7a4f01", "#fdd663", "#b06000"),
    RunStatus.PAID: ("#e6f4ea", "#137333", "#a8dab5", "#137333"),
}
STALE_STYLE = (
    "QLabel { background: #fce8e6; color: #b3261e; border: 1px solid #f4b5ae; border-radius: 4px;"
    " padding: 8px 12px; font-weight: bold; }"
)
NOTICE_STYLE = "QLabel { color: #137333; }"
ERROR_TEXT_STYLE = "QLabel { color: #b3261e; }"
WARNINGS_SHOWN = 8  # the rest are marked red in the table


def run_status_text(
    month: date,
    loaded: bool,
    header: RunHeader | None,
    summary: RunSummary | None,
    can_calculate: bool,
    can_approve: bool,
) -> str:
    """The banner's sentence for ``month``; ``loaded`` False while its status is being read."""
    if not loaded:
        return tr("正在读取{0}的工资…").format(month_text(month))
    if header is None:
        text = tr("{0}尚未计算工资。").format(month_text(month))
        if can_calculate:
            text += tr("核对员工档案和工资录入后，点击“计算工资”。")
        elif can_approve:
            text += tr("人事计算后可在此审核。")
        return text
    done = [tr("{0} 于 {1} 计算").format(header.calculated_by or "", when_text(header.calculated_at))]
    if header.approved_by:
        done.append(tr("{0} 于 {1} 审核").format(header.approved_by, when_text(header.approved_at)))
    if header.paid_by:
        done.append(tr("{0} 于 {1} 确认发放").format(header.paid_by, when_text(header.paid_at)))
    text = f"{month_text(month)}：" + "，".join(done)
    if summary is not None:
        text += tr("。共 {0} 人，应发合计 {1}，实发合计 {2}，个税合计 {3}，人工成本 {4}").format(
            summary.employee_count,
            f"{summary.total_gross:,.2f}",
            f"{summary.total_net:,.2f}",
            f"{summary.total_tax:,.2f}",
            f"{summary.total_employer_cost:,.2f}",
        )
    if header.status is RunStatus.CALCULATED:
        text += tr("。待财务审核")
    elif header.status is RunStatus.APPROVED:
        text += tr("。待财务确认发放")
    elif header.status is RunStatus.PAID:
        text += tr("。本月已锁定，更正请记入下月的调整项目")
    return text


class StatusBanner(QFrame):
    """The badge, the sentence (``status_text``) and, while something runs, ``busy_label`` and ``busy``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("status_banner")
        self.status_badge = QLabel()
        self.status_badge.setObjectName("status_badge")
        self.status_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_text = QLabel()
        self.status_text.setObjectName("status_text")
        self.status_text.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setVisible(False)
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busy_label")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.status_badge)
        layout.addWidget(self.status_text, 1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy)

    def show_status(self, status: RunStatus | None, loaded: bool, text: str) -> None:
        """In the status's colours; the badge says … while the month is being read."""
        background, color, border, badge = BANNER_STYLES[status]
        self.setStyleSheet(
            f"QFrame#status_banner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QLabel {{ color: {color}; }}"
        )
        self.status_badge.setStyleSheet(
            f"QLabel {{ background: {badge}; color: white; border-radius: 4px; padding: 3px 10px; font-weight: bold; }}"
        )
        self.status_badge.setText(status.label if status else RunStatus.DRAFT.label)
        if not loaded:
            self.status_badge.setText("…")
        self.status_text.setText(text)

    def show_busy(self, busy: bool, text: str) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)


class StaleBanner(QLabel):
    """⚠ shown while the month's inputs changed after its calculation (it cannot be approved then)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stale_banner")
        self.setWordWrap(True)
        self.setStyleSheet(STALE_STYLE)
        self.setVisible(False)

    def show_stale(self, stale: bool, can_calculate: bool) -> None:
        if stale:
            message = tr("⚠ 计算后员工档案、工资项目或政策有变更，请重新计算")
            if not can_calculate:
                message += tr("（请通知人事重新计算；重新计算前不能审核或发放）")
            self.setText(message)
        self.setVisible(stale)


class RunNotice(QLabel):
    """One line on what was just done (green, or red for an error), or the calculation's warnings."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("notice")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setVisible(False)

    def say(self, text: str, error: bool = False) -> None:
        self.setStyleSheet(ERROR_TEXT_STYLE if error else NOTICE_STYLE)
        self.setText(html.escape(text))
        self.setVisible(True)

    def show_warnings(self, warnings: tuple[str, ...]) -> None:
        """The first few warnings of a calculation and how many more there are."""
        shown = warnings[:WARNINGS_SHOWN]
        more = len(warnings) - len(shown)
        lines = "<br>".join(html.escape(w) for w in shown)
        if more:
            lines += "<br>" + html.escape(tr("……另有 {0} 条，见表格中红色标记的员工").format(more))
        self.setStyleSheet(ERROR_TEXT_STYLE)
        self.setText(tr("计算完成，有 {0} 条提示：").format(len(warnings)) + "<br>" + lines)
        self.setVisible(True)

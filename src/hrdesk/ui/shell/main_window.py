"""The shell: navigation side bar (only the areas the role may use), page stack, menus, status bar."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from hrdesk.ui.common.session import AppSession
from hrdesk.ui.flows.mail_pump import MailPump
from hrdesk.ui.shell.navigation import pages_for
from hrdesk.version import __version__

NAV_WIDTH = 168


class _Pages(dict):
    """Built pages by key; asking for one not built yet builds it (pages are created lazily). Holds
    the window weakly: a reference cycle would leave the window to Python's garbage collector,
    which may run in a worker thread and must never delete widgets there."""

    def __init__(self, build):
        super().__init__()
        self._build = weakref.WeakMethod(build)

    def __missing__(self, key):
        return self._build()(key)


class MainWindow(QMainWindow):
    def __init__(self, session: AppSession):
        super().__init__()
        self.session = session
        self.setObjectName("main_window")
        self._update_title()
        session.signals.changed.connect(self._on_changes)
        self.resize(1280, 800)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #f3f5f8; border: none; font-size: 11pt; padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 8px 14px; border-radius: 4px; }"
            "QListWidget#navigation::item:selected { background: #1f6feb; color: white; }"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = _Pages(self.page)
        self._specs = pages_for(session.actor)
        for spec in self._specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # the real page is built when first shown
        self.nav.currentRowChanged.connect(self._show_page)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        user = session.actor
        roles = "、".join(r.label for r in sorted(user.roles, key=lambda r: r.value))
        self.user_label = QLabel(self.tr("当前用户：{0}（{1}）").format(user.display_name, roles or self.tr("无角色")))
        self.statusBar().addPermanentWidget(self.user_label)
        self.mail_label = QLabel()
        self.mail_label.setStyleSheet("color: #b3261e;")
        self.statusBar().insertPermanentWidget(0, self.mail_label)
        self.mail_pump = MailPump(session.ctx.db, session.runner, session.ctx.clock, self)
        self.mail_pump.status_changed.connect(self.mail_label.setText)
        self.mail_pump.start()
        if self._specs:
            self.nav.setCurrentRow(0)
        self._restore_geometry()

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{0} - HRDesk 人事财务一体化").format(self.session.company_name))

    def _on_changes(self, changes) -> None:
        if self.session.signals.touches(changes, "company"):
            from hrdesk.core.company import details

            self.session.company_name = details.get_company(self.session.ctx).name
            self._update_title()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于 HRDesk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于 HRDesk"),
            self.tr(
                "<b>HRDesk 人事财务一体化桌面系统</b><br/>版本 {0}<br/><br/>公司数据保存在本机的加密文件中。"
            ).format(__version__),
        )

    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, building it on first use."""
        for index, spec in enumerate(self._specs):
            if spec.key == key:
                if key not in self.pages:
                    widget = spec.factory(self.session, self)
                    old = self.stack.widget(index)
                    self.stack.removeWidget(old)
                    old.deleteLater()
                    self.stack.insertWidget(index, widget)
                    self.pages[key] = widget
                return self.pages[key]
        raise KeyError(key)

    def show_page(self, key: str) -> QWidget:
        for index, spec in enumerate(self._specs):
            if spec.key == key:
                self.nav.setCurrentRow(index)
                return self.pages[key]
        raise KeyError(key)

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        widget = self.page(self._specs[row].key)
        self.stack.setCurrentWidget(widget)
        self.statusBar().showMessage(self._specs[row].title, 2000)

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def _restore_geometry(self) -> None:
        geometry = self.session.settings().value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:
        self.session.settings().setValue("main_window/geometry", self.saveGeometry())
        self.mail_pump.stop()
        for widget in self.pages.values():
            close = getattr(widget, "shutdown", None)
            if close:
                close()
        self.session.runner.wait_idle()
        super().closeEvent(event)

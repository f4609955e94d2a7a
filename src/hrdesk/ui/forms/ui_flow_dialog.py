# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'flow_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTabWidget,
    QTableView, QTextBrowser, QVBoxLayout, QWidget)

class Ui_FlowDialog(object):
    def setupUi(self, FlowDialog):
        if not FlowDialog.objectName():
            FlowDialog.setObjectName(u"FlowDialog")
        FlowDialog.resize(1040, 700)
        self.main_layout = QVBoxLayout(FlowDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title = QLabel(FlowDialog)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_layout.addWidget(self.title)

        self.status_badge = QLabel(FlowDialog)
        self.status_badge.setObjectName(u"status_badge")
        self.status_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.header_layout.addWidget(self.status_badge)

        self.overdue_badge = QLabel(FlowDialog)
        self.overdue_badge.setObjectName(u"overdue_badge")
        self.overdue_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.header_layout.addWidget(self.overdue_badge)


        self.main_layout.addLayout(self.header_layout)

        self.info = QLabel(FlowDialog)
        self.info.setObjectName(u"info")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)

        self.main_layout.addWidget(self.info)

        self.banner = QLabel(FlowDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.splitter = QSplitter(FlowDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.top_part = QWidget(self.splitter)
        self.top_part.setObjectName(u"top_part")
        self.top_layout = QHBoxLayout(self.top_part)
        self.top_layout.setObjectName(u"top_layout")
        self.top_layout.setContentsMargins(0, 0, 0, 0)
        self.steps_group = QGroupBox(self.top_part)
        self.steps_group.setObjectName(u"steps_group")
        self.steps_layout = QVBoxLayout(self.steps_group)
        self.steps_layout.setObjectName(u"steps_layout")
        self.steps_list = QListWidget(self.steps_group)
        self.steps_list.setObjectName(u"steps_list")
        self.steps_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.steps_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.steps_layout.addWidget(self.steps_list)

        self.assignee_note = QLabel(self.steps_group)
        self.assignee_note.setObjectName(u"assignee_note")
        self.assignee_note.setWordWrap(True)

        self.steps_layout.addWidget(self.assignee_note)


        self.top_layout.addWidget(self.steps_group)

        self.proposal_group = QGroupBox(self.top_part)
        self.proposal_group.setObjectName(u"proposal_group")
        self.proposal_layout = QVBoxLayout(self.proposal_group)
        self.proposal_layout.setObjectName(u"proposal_layout")
        self.proposal = QTextBrowser(self.proposal_group)
        self.proposal.setObjectName(u"proposal")
        self.proposal.setOpenLinks(False)

        self.proposal_layout.addWidget(self.proposal)


        self.top_layout.addWidget(self.proposal_group)

        self.splitter.addWidget(self.top_part)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.history_tab = QWidget()
        self.history_tab.setObjectName(u"history_tab")
        self.history_layout = QVBoxLayout(self.history_tab)
        self.history_layout.setObjectName(u"history_layout")
        self.history_table = QTableView(self.history_tab)
        self.history_table.setObjectName(u"history_table")

        self.history_layout.addWidget(self.history_table)

        self.tabs.addTab(self.history_tab, "")
        self.checklist_tab = QWidget()
        self.checklist_tab.setObjectName(u"checklist_tab")
        self.checklist_layout = QVBoxLayout(self.checklist_tab)
        self.checklist_layout.setObjectName(u"checklist_layout")
        self.checklist_summary = QLabel(self.checklist_tab)
        self.checklist_summary.setObjectName(u"checklist_summary")
        self.checklist_summary.setWordWrap(True)

        self.checklist_layout.addWidget(self.checklist_summary)

        self.checklist_table = QTableView(self.checklist_tab)
        self.checklist_table.setObjectName(u"checklist_table")

        self.checklist_layout.addWidget(self.checklist_table)

        self.checklist_buttons = QHBoxLayout()
        self.checklist_buttons.setObjectName(u"checklist_buttons")
        self.lbl_checklist_note = QLabel(self.checklist_tab)
        self.lbl_checklist_note.setObjectName(u"lbl_checklist_note")

        self.checklist_buttons.addWidget(self.lbl_checklist_note)

        self.checklist_note = QLineEdit(self.checklist_tab)
        self.checklist_note.setObjectName(u"checklist_note")
        self.checklist_note.setMaxLength(300)

        self.checklist_buttons.addWidget(self.checklist_note)

        self.confirm_item = QPushButton(self.checklist_tab)
        self.confirm_item.setObjectName(u"confirm_item")

        self.checklist_buttons.addWidget(self.confirm_item)

        self.waive_item = QPushButton(self.checklist_tab)
        self.waive_item.setObjectName(u"waive_item")

        self.checklist_buttons.addWidget(self.waive_item)

        self.add_item = QPushButton(self.checklist_tab)
        self.add_item.setObjectName(u"add_item")

        self.checklist_buttons.addWidget(self.add_item)


        self.checklist_layout.addLayout(self.checklist_buttons)

        self.tabs.addTab(self.checklist_tab, "")
        self.splitter.addWidget(self.tabs)

        self.main_layout.addWidget(self.splitter)

        self.action_group = QGroupBox(FlowDialog)
        self.action_group.setObjectName(u"action_group")
        self.action_group_layout = QVBoxLayout(self.action_group)
        self.action_group_layout.setObjectName(u"action_group_layout")
        self.on_behalf = QLabel(self.action_group)
        self.on_behalf.setObjectName(u"on_behalf")
        self.on_behalf.setWordWrap(True)

        self.action_group_layout.addWidget(self.on_behalf)

        self.comment = QPlainTextEdit(self.action_group)
        self.comment.setObjectName(u"comment")
        self.comment.setMaximumSize(QSize(16777215, 60))
        self.comment.setTabChangesFocus(True)

        self.action_group_layout.addWidget(self.comment)

        self.err_comment = QLabel(self.action_group)
        self.err_comment.setObjectName(u"err_comment")
        self.err_comment.setVisible(False)
        self.err_comment.setWordWrap(True)

        self.action_group_layout.addWidget(self.err_comment)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")

        self.action_group_layout.addLayout(self.action_layout)


        self.main_layout.addWidget(self.action_group)

        self.bottom_layout = QHBoxLayout()
        self.bottom_layout.setObjectName(u"bottom_layout")
        self.nothing_to_do = QLabel(FlowDialog)
        self.nothing_to_do.setObjectName(u"nothing_to_do")

        self.bottom_layout.addWidget(self.nothing_to_do)

        self.bottom_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottom_layout.addItem(self.bottom_spacer)

        self.refresh_button = QPushButton(FlowDialog)
        self.refresh_button.setObjectName(u"refresh_button")

        self.bottom_layout.addWidget(self.refresh_button)

        self.close_button = QPushButton(FlowDialog)
        self.close_button.setObjectName(u"close_button")

        self.bottom_layout.addWidget(self.close_button)


        self.main_layout.addLayout(self.bottom_layout)

        QWidget.setTabOrder(self.comment, self.close_button)

        self.retranslateUi(FlowDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(FlowDialog)
    # setupUi

    def retranslateUi(self, FlowDialog):
        FlowDialog.setWindowTitle(QCoreApplication.translate("FlowDialog", u"\u6d41\u7a0b", None))
        self.title.setText("")
        self.status_badge.setText("")
        self.overdue_badge.setText(QCoreApplication.translate("FlowDialog", u"\u5df2\u903e\u671f", None))
        self.info.setText("")
        self.banner.setText("")
        self.steps_group.setTitle(QCoreApplication.translate("FlowDialog", u"\u5ba1\u6279\u6b65\u9aa4", None))
        self.assignee_note.setText("")
        self.proposal_group.setTitle(QCoreApplication.translate("FlowDialog", u"\u7533\u8bf7\u5185\u5bb9", None))
        self.tabs.setTabText(self.tabs.indexOf(self.history_tab), QCoreApplication.translate("FlowDialog", u"\u5ba1\u6279\u8bb0\u5f55", None))
        self.checklist_summary.setText("")
        self.lbl_checklist_note.setText(QCoreApplication.translate("FlowDialog", u"\u5907\u6ce8", None))
        self.checklist_note.setPlaceholderText(QCoreApplication.translate("FlowDialog", u"\u9009\u586b\uff0c\u5982\u201c\u7535\u8111\u5df2\u4ea4\u884c\u653f\uff0c\u8d44\u4ea7\u5df2\u5165\u5e93\u201d", None))
        self.confirm_item.setText(QCoreApplication.translate("FlowDialog", u"\u786e\u8ba4\u5b8c\u6210", None))
        self.waive_item.setText(QCoreApplication.translate("FlowDialog", u"\u8c41\u514d\u2026", None))
        self.add_item.setText(QCoreApplication.translate("FlowDialog", u"\u589e\u52a0\u4e8b\u9879\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.checklist_tab), QCoreApplication.translate("FlowDialog", u"\u4ea4\u63a5\u6e05\u5355", None))
        self.action_group.setTitle(QCoreApplication.translate("FlowDialog", u"\u6211\u7684\u5904\u7406", None))
        self.on_behalf.setText("")
        self.comment.setPlaceholderText(QCoreApplication.translate("FlowDialog", u"\u5ba1\u6279\u610f\u89c1\uff08\u9a73\u56de\u6216\u9000\u56de\u65f6\u5fc5\u586b\uff1b\u5176\u4ed6\u5ba1\u6279\u4eba\u548c\u53d1\u8d77\u4eba\u90fd\u80fd\u770b\u5230\uff09", None))
        self.err_comment.setText("")
        self.nothing_to_do.setText("")
        self.refresh_button.setText(QCoreApplication.translate("FlowDialog", u"\u5237\u65b0", None))
        self.close_button.setText(QCoreApplication.translate("FlowDialog", u"\u5173\u95ed", None))
    # retranslateUi


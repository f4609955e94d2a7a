# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'flow_definition_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_FlowDefinitionDialog(object):
    def setupUi(self, FlowDefinitionDialog):
        if not FlowDefinitionDialog.objectName():
            FlowDefinitionDialog.setObjectName(u"FlowDefinitionDialog")
        FlowDefinitionDialog.resize(1060, 560)
        self.main_layout = QVBoxLayout(FlowDefinitionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(FlowDefinitionDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.version_note = QLabel(FlowDefinitionDialog)
        self.version_note.setObjectName(u"version_note")
        self.version_note.setWordWrap(True)

        self.main_layout.addWidget(self.version_note)

        self.name_grid = QGridLayout()
        self.name_grid.setObjectName(u"name_grid")
        self.name_grid.setHorizontalSpacing(12)
        self.name_grid.setVerticalSpacing(2)
        self.lbl_name = QLabel(FlowDefinitionDialog)
        self.lbl_name.setObjectName(u"lbl_name")

        self.name_grid.addWidget(self.lbl_name, 0, 0, 1, 1)

        self.name = QLineEdit(FlowDefinitionDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(60)

        self.name_grid.addWidget(self.name, 0, 1, 1, 1)

        self.err_name = QLabel(FlowDefinitionDialog)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setVisible(False)
        self.err_name.setWordWrap(True)

        self.name_grid.addWidget(self.err_name, 1, 1, 1, 1)


        self.main_layout.addLayout(self.name_grid)

        self.lbl_steps = QLabel(FlowDefinitionDialog)
        self.lbl_steps.setObjectName(u"lbl_steps")

        self.main_layout.addWidget(self.lbl_steps)

        self.steps_layout = QHBoxLayout()
        self.steps_layout.setObjectName(u"steps_layout")
        self.steps = QTableWidget(FlowDefinitionDialog)
        self.steps.setObjectName(u"steps")
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setAlternatingRowColors(False)

        self.steps_layout.addWidget(self.steps)

        self.step_buttons = QVBoxLayout()
        self.step_buttons.setObjectName(u"step_buttons")
        self.add_step = QPushButton(FlowDefinitionDialog)
        self.add_step.setObjectName(u"add_step")

        self.step_buttons.addWidget(self.add_step)

        self.remove_step = QPushButton(FlowDefinitionDialog)
        self.remove_step.setObjectName(u"remove_step")

        self.step_buttons.addWidget(self.remove_step)

        self.move_up = QPushButton(FlowDefinitionDialog)
        self.move_up.setObjectName(u"move_up")

        self.step_buttons.addWidget(self.move_up)

        self.move_down = QPushButton(FlowDefinitionDialog)
        self.move_down.setObjectName(u"move_down")

        self.step_buttons.addWidget(self.move_down)

        self.step_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.step_buttons.addItem(self.step_buttons_spacer)


        self.steps_layout.addLayout(self.step_buttons)


        self.main_layout.addLayout(self.steps_layout)

        self.err_steps = QLabel(FlowDefinitionDialog)
        self.err_steps.setObjectName(u"err_steps")
        self.err_steps.setVisible(False)
        self.err_steps.setWordWrap(True)

        self.main_layout.addWidget(self.err_steps)

        self.hint = QLabel(FlowDefinitionDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.main_layout.addWidget(self.hint)

        self.buttons = QDialogButtonBox(FlowDefinitionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.name, self.steps)
        QWidget.setTabOrder(self.steps, self.add_step)
        QWidget.setTabOrder(self.add_step, self.remove_step)
        QWidget.setTabOrder(self.remove_step, self.move_up)
        QWidget.setTabOrder(self.move_up, self.move_down)

        self.retranslateUi(FlowDefinitionDialog)

        QMetaObject.connectSlotsByName(FlowDefinitionDialog)
    # setupUi

    def retranslateUi(self, FlowDefinitionDialog):
        FlowDefinitionDialog.setWindowTitle(QCoreApplication.translate("FlowDefinitionDialog", u"\u7f16\u8f91\u5ba1\u6279\u6d41\u7a0b", None))
        self.banner.setText("")
        self.version_note.setText(QCoreApplication.translate("FlowDefinitionDialog", u"\u4fdd\u5b58\u540e\u6210\u4e3a\u65b0\u7248\u672c\u3002\u5df2\u5728\u5ba1\u6279\u4e2d\u7684\u6d41\u7a0b\u4ecd\u6309\u53d1\u8d77\u65f6\u7684\u7248\u672c\u8d70\u5b8c\uff0c\u53ea\u6709\u4e4b\u540e\u53d1\u8d77\u7684\u6d41\u7a0b\u4f7f\u7528\u65b0\u7248\u672c\u3002", None))
        self.lbl_name.setText(QCoreApplication.translate("FlowDefinitionDialog", u"\u6d41\u7a0b\u540d\u79f0 *", None))
        self.name.setPlaceholderText(QCoreApplication.translate("FlowDefinitionDialog", u"\u5982 \u79bb\u804c\u5ba1\u6279", None))
        self.err_name.setText("")
        self.lbl_steps.setText(QCoreApplication.translate("FlowDefinitionDialog", u"\u5ba1\u6279\u6b65\u9aa4\uff08\u6309\u987a\u5e8f\u8fdb\u884c\uff1b\u6709\u6761\u4ef6\u7684\u6b65\u9aa4\u5728\u6761\u4ef6\u4e0d\u6ee1\u8db3\u65f6\u81ea\u52a8\u8df3\u8fc7\uff09", None))
        self.add_step.setText(QCoreApplication.translate("FlowDefinitionDialog", u"\u6dfb\u52a0\u6b65\u9aa4", None))
        self.remove_step.setText(QCoreApplication.translate("FlowDefinitionDialog", u"\u5220\u9664\u6b65\u9aa4", None))
        self.move_up.setText(QCoreApplication.translate("FlowDefinitionDialog", u"\u4e0a\u79fb", None))
        self.move_down.setText(QCoreApplication.translate("FlowDefinitionDialog", u"\u4e0b\u79fb", None))
        self.err_steps.setText("")
        self.hint.setText(QCoreApplication.translate("FlowDefinitionDialog", u"\u6bcf\u4e00\u6b65\u90fd\u53ef\u4ee5\u201c\u540c\u610f\u201d\uff1b\u201c\u9a73\u56de\u201d\u7ed3\u675f\u6d41\u7a0b\uff0c\u201c\u9000\u56de\u201d\u4ea4\u56de\u4e0a\u4e00\u6b65\u3002\u5ba1\u6279\u4eba\u4e3a\u201c\u89d2\u8272\u201d\u65f6\uff0c\u8be5\u89d2\u8272\u7684\u6240\u6709\u8d26\u53f7\u90fd\u53ef\u4ee5\u5904\u7406\uff1b\u627e\u4e0d\u5230\u5ba1\u6279\u4eba\u65f6\u7531\u4eba\u4e8b\u4ee3\u529e\u3002", None))
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'confirmation_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ConfirmationDialog(object):
    def setupUi(self, ConfirmationDialog):
        if not ConfirmationDialog.objectName():
            ConfirmationDialog.setObjectName(u"ConfirmationDialog")
        ConfirmationDialog.resize(600, 420)
        self.main_layout = QVBoxLayout(ConfirmationDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(ConfirmationDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(12)
        self.lbl_employee = QLabel(ConfirmationDialog)
        self.lbl_employee.setObjectName(u"lbl_employee")
        self.lbl_employee.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_employee, 0, 0, 1, 1)

        self.employee = QLineEdit(ConfirmationDialog)
        self.employee.setObjectName(u"employee")

        self.grid.addWidget(self.employee, 0, 1, 1, 1)

        self.err_employee = QLabel(ConfirmationDialog)
        self.err_employee.setObjectName(u"err_employee")
        self.err_employee.setVisible(False)
        self.err_employee.setWordWrap(True)

        self.grid.addWidget(self.err_employee, 1, 1, 1, 1)

        self.employee_info = QLabel(ConfirmationDialog)
        self.employee_info.setObjectName(u"employee_info")

        self.grid.addWidget(self.employee_info, 2, 1, 1, 1)

        self.lbl_confirmation_date = QLabel(ConfirmationDialog)
        self.lbl_confirmation_date.setObjectName(u"lbl_confirmation_date")
        self.lbl_confirmation_date.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_confirmation_date, 3, 0, 1, 1)

        self.confirmation_date = QDateEdit(ConfirmationDialog)
        self.confirmation_date.setObjectName(u"confirmation_date")
        self.confirmation_date.setCalendarPopup(True)

        self.grid.addWidget(self.confirmation_date, 3, 1, 1, 1)

        self.err_confirmation_date = QLabel(ConfirmationDialog)
        self.err_confirmation_date.setObjectName(u"err_confirmation_date")
        self.err_confirmation_date.setVisible(False)
        self.err_confirmation_date.setWordWrap(True)

        self.grid.addWidget(self.err_confirmation_date, 4, 1, 1, 1)

        self.lbl_evaluation = QLabel(ConfirmationDialog)
        self.lbl_evaluation.setObjectName(u"lbl_evaluation")
        self.lbl_evaluation.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.lbl_evaluation.setMargin(4)

        self.grid.addWidget(self.lbl_evaluation, 5, 0, 1, 1)

        self.evaluation = QPlainTextEdit(ConfirmationDialog)
        self.evaluation.setObjectName(u"evaluation")
        self.evaluation.setTabChangesFocus(True)
        self.evaluation.setMinimumSize(QSize(0, 80))
        self.evaluation.setMaximumSize(QSize(16777215, 160))

        self.grid.addWidget(self.evaluation, 5, 1, 1, 1)

        self.err_evaluation = QLabel(ConfirmationDialog)
        self.err_evaluation.setObjectName(u"err_evaluation")
        self.err_evaluation.setVisible(False)
        self.err_evaluation.setWordWrap(True)

        self.grid.addWidget(self.err_evaluation, 6, 1, 1, 1)


        self.main_layout.addLayout(self.grid)

        self.buttons = QDialogButtonBox(ConfirmationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.employee, self.confirmation_date)
        QWidget.setTabOrder(self.confirmation_date, self.evaluation)
        QWidget.setTabOrder(self.evaluation, self.buttons)

        self.retranslateUi(ConfirmationDialog)

        QMetaObject.connectSlotsByName(ConfirmationDialog)
    # setupUi

    def retranslateUi(self, ConfirmationDialog):
        ConfirmationDialog.setWindowTitle(QCoreApplication.translate("ConfirmationDialog", u"\u53d1\u8d77\u8f6c\u6b63", None))
        self.banner.setText("")
        self.lbl_employee.setText(QCoreApplication.translate("ConfirmationDialog", u"\u8bd5\u7528\u671f\u5458\u5de5 *", None))
        self.employee.setPlaceholderText(QCoreApplication.translate("ConfirmationDialog", u"\u8f93\u5165\u5de5\u53f7\u6216\u59d3\u540d\uff0c\u4ece\u5217\u8868\u4e2d\u9009\u62e9", None))
        self.err_employee.setText("")
        self.employee_info.setText("")
        self.lbl_confirmation_date.setText(QCoreApplication.translate("ConfirmationDialog", u"\u8f6c\u6b63\u65e5\u671f *", None))
        self.confirmation_date.setDisplayFormat(QCoreApplication.translate("ConfirmationDialog", u"yyyy-MM-dd", None))
        self.err_confirmation_date.setText("")
        self.lbl_evaluation.setText(QCoreApplication.translate("ConfirmationDialog", u"\u8bd5\u7528\u671f\u8bc4\u4f30 *", None))
        self.evaluation.setPlaceholderText(QCoreApplication.translate("ConfirmationDialog", u"\u5de5\u4f5c\u8868\u73b0\u3001\u80fd\u529b\u3001\u662f\u5426\u8fbe\u5230\u5c97\u4f4d\u8981\u6c42\u7b49\uff08\u81f3\u5c114\u4e2a\u5b57\uff09", None))
        self.err_evaluation.setText("")
    # retranslateUi


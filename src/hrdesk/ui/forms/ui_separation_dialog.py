# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'separation_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_SeparationDialog(object):
    def setupUi(self, SeparationDialog):
        if not SeparationDialog.objectName():
            SeparationDialog.setObjectName(u"SeparationDialog")
        SeparationDialog.resize(600, 520)
        self.main_layout = QVBoxLayout(SeparationDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(SeparationDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.intro = QLabel(SeparationDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(12)
        self.lbl_employee = QLabel(SeparationDialog)
        self.lbl_employee.setObjectName(u"lbl_employee")
        self.lbl_employee.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_employee, 0, 0, 1, 1)

        self.employee = QLineEdit(SeparationDialog)
        self.employee.setObjectName(u"employee")

        self.grid.addWidget(self.employee, 0, 1, 1, 1)

        self.err_employee = QLabel(SeparationDialog)
        self.err_employee.setObjectName(u"err_employee")
        self.err_employee.setVisible(False)
        self.err_employee.setWordWrap(True)

        self.grid.addWidget(self.err_employee, 1, 1, 1, 1)

        self.employee_info = QLabel(SeparationDialog)
        self.employee_info.setObjectName(u"employee_info")

        self.grid.addWidget(self.employee_info, 2, 1, 1, 1)

        self.lbl_reason = QLabel(SeparationDialog)
        self.lbl_reason.setObjectName(u"lbl_reason")
        self.lbl_reason.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_reason, 3, 0, 1, 1)

        self.reason = QComboBox(SeparationDialog)
        self.reason.setObjectName(u"reason")

        self.grid.addWidget(self.reason, 3, 1, 1, 1)

        self.err_reason = QLabel(SeparationDialog)
        self.err_reason.setObjectName(u"err_reason")
        self.err_reason.setVisible(False)
        self.err_reason.setWordWrap(True)

        self.grid.addWidget(self.err_reason, 4, 1, 1, 1)

        self.lbl_notice_date = QLabel(SeparationDialog)
        self.lbl_notice_date.setObjectName(u"lbl_notice_date")
        self.lbl_notice_date.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_notice_date, 5, 0, 1, 1)

        self.notice_date = QDateEdit(SeparationDialog)
        self.notice_date.setObjectName(u"notice_date")
        self.notice_date.setCalendarPopup(True)

        self.grid.addWidget(self.notice_date, 5, 1, 1, 1)

        self.err_notice_date = QLabel(SeparationDialog)
        self.err_notice_date.setObjectName(u"err_notice_date")
        self.err_notice_date.setVisible(False)
        self.err_notice_date.setWordWrap(True)

        self.grid.addWidget(self.err_notice_date, 6, 1, 1, 1)

        self.lbl_last_working_day = QLabel(SeparationDialog)
        self.lbl_last_working_day.setObjectName(u"lbl_last_working_day")
        self.lbl_last_working_day.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_last_working_day, 7, 0, 1, 1)

        self.last_working_day = QDateEdit(SeparationDialog)
        self.last_working_day.setObjectName(u"last_working_day")
        self.last_working_day.setCalendarPopup(True)

        self.grid.addWidget(self.last_working_day, 7, 1, 1, 1)

        self.err_last_working_day = QLabel(SeparationDialog)
        self.err_last_working_day.setObjectName(u"err_last_working_day")
        self.err_last_working_day.setVisible(False)
        self.err_last_working_day.setWordWrap(True)

        self.grid.addWidget(self.err_last_working_day, 8, 1, 1, 1)

        self.notice_warning = QLabel(SeparationDialog)
        self.notice_warning.setObjectName(u"notice_warning")
        self.notice_warning.setVisible(False)
        self.notice_warning.setWordWrap(True)

        self.grid.addWidget(self.notice_warning, 9, 1, 1, 1)

        self.lbl_comment = QLabel(SeparationDialog)
        self.lbl_comment.setObjectName(u"lbl_comment")
        self.lbl_comment.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.lbl_comment.setMargin(4)

        self.grid.addWidget(self.lbl_comment, 10, 0, 1, 1)

        self.comment = QPlainTextEdit(SeparationDialog)
        self.comment.setObjectName(u"comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setMinimumSize(QSize(0, 64))
        self.comment.setMaximumSize(QSize(16777215, 128))

        self.grid.addWidget(self.comment, 10, 1, 1, 1)

        self.err_comment = QLabel(SeparationDialog)
        self.err_comment.setObjectName(u"err_comment")
        self.err_comment.setVisible(False)
        self.err_comment.setWordWrap(True)

        self.grid.addWidget(self.err_comment, 11, 1, 1, 1)


        self.main_layout.addLayout(self.grid)

        self.buttons = QDialogButtonBox(SeparationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.employee, self.reason)
        QWidget.setTabOrder(self.reason, self.notice_date)
        QWidget.setTabOrder(self.notice_date, self.last_working_day)
        QWidget.setTabOrder(self.last_working_day, self.comment)
        QWidget.setTabOrder(self.comment, self.buttons)

        self.retranslateUi(SeparationDialog)

        QMetaObject.connectSlotsByName(SeparationDialog)
    # setupUi

    def retranslateUi(self, SeparationDialog):
        SeparationDialog.setWindowTitle(QCoreApplication.translate("SeparationDialog", u"\u7533\u8bf7\u79bb\u804c", None))
        self.banner.setText("")
        self.intro.setText("")
        self.lbl_employee.setText(QCoreApplication.translate("SeparationDialog", u"\u5458\u5de5 *", None))
        self.employee.setPlaceholderText(QCoreApplication.translate("SeparationDialog", u"\u8f93\u5165\u5de5\u53f7\u6216\u59d3\u540d\uff0c\u4ece\u5217\u8868\u4e2d\u9009\u62e9", None))
        self.err_employee.setText("")
        self.employee_info.setText("")
        self.lbl_reason.setText(QCoreApplication.translate("SeparationDialog", u"\u79bb\u804c\u539f\u56e0 *", None))
        self.err_reason.setText("")
        self.lbl_notice_date.setText(QCoreApplication.translate("SeparationDialog", u"\u63d0\u51fa\u65e5\u671f *", None))
        self.notice_date.setDisplayFormat(QCoreApplication.translate("SeparationDialog", u"yyyy-MM-dd", None))
        self.err_notice_date.setText("")
        self.lbl_last_working_day.setText(QCoreApplication.translate("SeparationDialog", u"\u6700\u540e\u5de5\u4f5c\u65e5 *", None))
        self.last_working_day.setDisplayFormat(QCoreApplication.translate("SeparationDialog", u"yyyy-MM-dd", None))
        self.err_last_working_day.setText("")
        self.notice_warning.setText("")
        self.lbl_comment.setText(QCoreApplication.translate("SeparationDialog", u"\u8bf4\u660e", None))
        self.comment.setPlaceholderText(QCoreApplication.translate("SeparationDialog", u"\u79bb\u804c\u539f\u56e0\u7684\u5177\u4f53\u8bf4\u660e\uff1b\u63d0\u524d\u901a\u77e5\u671f\u4e0d\u8db3\u65f6\u5fc5\u987b\u586b\u5199", None))
        self.err_comment.setText("")
    # retranslateUi


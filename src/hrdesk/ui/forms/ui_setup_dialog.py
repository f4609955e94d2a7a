# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QGroupBox, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.resize(560, 480)
        self.main_layout = QVBoxLayout(SetupDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(SetupDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.company_group = QGroupBox(SetupDialog)
        self.company_group.setObjectName(u"company_group")
        self.company_layout = QGridLayout(self.company_group)
        self.company_layout.setObjectName(u"company_layout")
        self.lbl_company_name = QLabel(self.company_group)
        self.lbl_company_name.setObjectName(u"lbl_company_name")

        self.company_layout.addWidget(self.lbl_company_name, 0, 0, 1, 1)

        self.company_name = QLineEdit(self.company_group)
        self.company_name.setObjectName(u"company_name")

        self.company_layout.addWidget(self.company_name, 0, 1, 1, 1)

        self.err_company_name = QLabel(self.company_group)
        self.err_company_name.setObjectName(u"err_company_name")
        self.err_company_name.setVisible(False)

        self.company_layout.addWidget(self.err_company_name, 1, 1, 1, 1)

        self.lbl_credit_code = QLabel(self.company_group)
        self.lbl_credit_code.setObjectName(u"lbl_credit_code")

        self.company_layout.addWidget(self.lbl_credit_code, 2, 0, 1, 1)

        self.credit_code = QLineEdit(self.company_group)
        self.credit_code.setObjectName(u"credit_code")
        self.credit_code.setMaxLength(18)

        self.company_layout.addWidget(self.credit_code, 2, 1, 1, 1)

        self.err_credit_code = QLabel(self.company_group)
        self.err_credit_code.setObjectName(u"err_credit_code")
        self.err_credit_code.setVisible(False)

        self.company_layout.addWidget(self.err_credit_code, 3, 1, 1, 1)


        self.main_layout.addWidget(self.company_group)

        self.admin_group = QGroupBox(SetupDialog)
        self.admin_group.setObjectName(u"admin_group")
        self.admin_layout = QGridLayout(self.admin_group)
        self.admin_layout.setObjectName(u"admin_layout")
        self.lbl_admin_display_name = QLabel(self.admin_group)
        self.lbl_admin_display_name.setObjectName(u"lbl_admin_display_name")

        self.admin_layout.addWidget(self.lbl_admin_display_name, 0, 0, 1, 1)

        self.admin_display_name = QLineEdit(self.admin_group)
        self.admin_display_name.setObjectName(u"admin_display_name")

        self.admin_layout.addWidget(self.admin_display_name, 0, 1, 1, 1)

        self.err_admin_display_name = QLabel(self.admin_group)
        self.err_admin_display_name.setObjectName(u"err_admin_display_name")
        self.err_admin_display_name.setVisible(False)

        self.admin_layout.addWidget(self.err_admin_display_name, 1, 1, 1, 1)

        self.lbl_admin_username = QLabel(self.admin_group)
        self.lbl_admin_username.setObjectName(u"lbl_admin_username")

        self.admin_layout.addWidget(self.lbl_admin_username, 2, 0, 1, 1)

        self.admin_username = QLineEdit(self.admin_group)
        self.admin_username.setObjectName(u"admin_username")

        self.admin_layout.addWidget(self.admin_username, 2, 1, 1, 1)

        self.err_admin_username = QLabel(self.admin_group)
        self.err_admin_username.setObjectName(u"err_admin_username")
        self.err_admin_username.setVisible(False)

        self.admin_layout.addWidget(self.err_admin_username, 3, 1, 1, 1)

        self.lbl_admin_password = QLabel(self.admin_group)
        self.lbl_admin_password.setObjectName(u"lbl_admin_password")

        self.admin_layout.addWidget(self.lbl_admin_password, 4, 0, 1, 1)

        self.admin_password = QLineEdit(self.admin_group)
        self.admin_password.setObjectName(u"admin_password")
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.admin_layout.addWidget(self.admin_password, 4, 1, 1, 1)

        self.err_admin_password = QLabel(self.admin_group)
        self.err_admin_password.setObjectName(u"err_admin_password")
        self.err_admin_password.setVisible(False)

        self.admin_layout.addWidget(self.err_admin_password, 5, 1, 1, 1)

        self.lbl_admin_password2 = QLabel(self.admin_group)
        self.lbl_admin_password2.setObjectName(u"lbl_admin_password2")

        self.admin_layout.addWidget(self.lbl_admin_password2, 6, 0, 1, 1)

        self.admin_password2 = QLineEdit(self.admin_group)
        self.admin_password2.setObjectName(u"admin_password2")
        self.admin_password2.setEchoMode(QLineEdit.EchoMode.Password)

        self.admin_layout.addWidget(self.admin_password2, 6, 1, 1, 1)

        self.err_admin_password2 = QLabel(self.admin_group)
        self.err_admin_password2.setObjectName(u"err_admin_password2")
        self.err_admin_password2.setVisible(False)

        self.admin_layout.addWidget(self.err_admin_password2, 7, 1, 1, 1)


        self.main_layout.addWidget(self.admin_group)

        self.error_label = QLabel(SetupDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setVisible(False)
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(SetupDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.company_name, self.credit_code)
        QWidget.setTabOrder(self.credit_code, self.admin_display_name)
        QWidget.setTabOrder(self.admin_display_name, self.admin_username)
        QWidget.setTabOrder(self.admin_username, self.admin_password)
        QWidget.setTabOrder(self.admin_password, self.admin_password2)

        self.retranslateUi(SetupDialog)

        QMetaObject.connectSlotsByName(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"\u521b\u5efa\u516c\u53f8 - HRDesk", None))
        self.intro.setText(QCoreApplication.translate("SetupDialog", u"\u6b22\u8fce\u4f7f\u7528 HRDesk\u3002\u9996\u6b21\u4f7f\u7528\u8bf7\u521b\u5efa\u516c\u53f8\u548c\u7b2c\u4e00\u4e2a\u7ba1\u7406\u5458\u8d26\u53f7\u3002\u516c\u53f8\u6570\u636e\u4fdd\u5b58\u5728\u672c\u673a\u7684\u52a0\u5bc6\u6587\u4ef6\u4e2d\uff0c\u5bc6\u94a5\u4fdd\u5b58\u5728\u7cfb\u7edf\u51ed\u636e\u5b58\u50a8\u91cc\u3002", None))
        self.company_group.setTitle(QCoreApplication.translate("SetupDialog", u"\u516c\u53f8", None))
        self.lbl_company_name.setText(QCoreApplication.translate("SetupDialog", u"\u516c\u53f8\u540d\u79f0 *", None))
        self.err_company_name.setText("")
        self.lbl_credit_code.setText(QCoreApplication.translate("SetupDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.credit_code.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u53ef\u7a0d\u540e\u586b\u5199", None))
        self.err_credit_code.setText("")
        self.admin_group.setTitle(QCoreApplication.translate("SetupDialog", u"\u7ba1\u7406\u5458\u8d26\u53f7", None))
        self.lbl_admin_display_name.setText(QCoreApplication.translate("SetupDialog", u"\u59d3\u540d *", None))
        self.err_admin_display_name.setText("")
        self.lbl_admin_username.setText(QCoreApplication.translate("SetupDialog", u"\u7528\u6237\u540d *", None))
        self.admin_username.setText(QCoreApplication.translate("SetupDialog", u"admin", None))
        self.err_admin_username.setText("")
        self.lbl_admin_password.setText(QCoreApplication.translate("SetupDialog", u"\u5bc6\u7801 *", None))
        self.admin_password.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u81f3\u5c1110\u4e2a\u5b57\u7b26", None))
        self.err_admin_password.setText("")
        self.lbl_admin_password2.setText(QCoreApplication.translate("SetupDialog", u"\u786e\u8ba4\u5bc6\u7801 *", None))
        self.err_admin_password2.setText("")
        self.error_label.setText("")
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AccountDialog(object):
    def setupUi(self, AccountDialog):
        if not AccountDialog.objectName():
            AccountDialog.setObjectName(u"AccountDialog")
        AccountDialog.resize(560, 440)
        self.main_layout = QVBoxLayout(AccountDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(AccountDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.lbl_username = QLabel(AccountDialog)
        self.lbl_username.setObjectName(u"lbl_username")

        self.grid.addWidget(self.lbl_username, 0, 0, 1, 1)

        self.username = QLineEdit(AccountDialog)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(40)

        self.grid.addWidget(self.username, 0, 1, 1, 1)

        self.err_username = QLabel(AccountDialog)
        self.err_username.setObjectName(u"err_username")
        self.err_username.setVisible(False)
        self.err_username.setWordWrap(True)

        self.grid.addWidget(self.err_username, 1, 1, 1, 1)

        self.lbl_display_name = QLabel(AccountDialog)
        self.lbl_display_name.setObjectName(u"lbl_display_name")

        self.grid.addWidget(self.lbl_display_name, 2, 0, 1, 1)

        self.display_name = QLineEdit(AccountDialog)
        self.display_name.setObjectName(u"display_name")

        self.grid.addWidget(self.display_name, 2, 1, 1, 1)

        self.err_display_name = QLabel(AccountDialog)
        self.err_display_name.setObjectName(u"err_display_name")
        self.err_display_name.setVisible(False)
        self.err_display_name.setWordWrap(True)

        self.grid.addWidget(self.err_display_name, 3, 1, 1, 1)

        self.lbl_employee_id = QLabel(AccountDialog)
        self.lbl_employee_id.setObjectName(u"lbl_employee_id")

        self.grid.addWidget(self.lbl_employee_id, 4, 0, 1, 1)

        self.employee_id = QLineEdit(AccountDialog)
        self.employee_id.setObjectName(u"employee_id")

        self.grid.addWidget(self.employee_id, 4, 1, 1, 1)

        self.err_employee_id = QLabel(AccountDialog)
        self.err_employee_id.setObjectName(u"err_employee_id")
        self.err_employee_id.setVisible(False)
        self.err_employee_id.setWordWrap(True)

        self.grid.addWidget(self.err_employee_id, 5, 1, 1, 1)

        self.lbl_roles = QLabel(AccountDialog)
        self.lbl_roles.setObjectName(u"lbl_roles")
        self.lbl_roles.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.grid.addWidget(self.lbl_roles, 6, 0, 1, 1)

        self.roles_box = QWidget(AccountDialog)
        self.roles_box.setObjectName(u"roles_box")
        self.roles_layout = QGridLayout(self.roles_box)
        self.roles_layout.setObjectName(u"roles_layout")
        self.roles_layout.setHorizontalSpacing(16)
        self.roles_layout.setContentsMargins(0, 2, 0, 2)
        self.role_employee = QCheckBox(self.roles_box)
        self.role_employee.setObjectName(u"role_employee")

        self.roles_layout.addWidget(self.role_employee, 0, 0, 1, 1)

        self.role_manager = QCheckBox(self.roles_box)
        self.role_manager.setObjectName(u"role_manager")

        self.roles_layout.addWidget(self.role_manager, 0, 1, 1, 1)

        self.role_project_lead = QCheckBox(self.roles_box)
        self.role_project_lead.setObjectName(u"role_project_lead")

        self.roles_layout.addWidget(self.role_project_lead, 0, 2, 1, 1)

        self.role_hr = QCheckBox(self.roles_box)
        self.role_hr.setObjectName(u"role_hr")

        self.roles_layout.addWidget(self.role_hr, 0, 3, 1, 1)

        self.role_finance = QCheckBox(self.roles_box)
        self.role_finance.setObjectName(u"role_finance")

        self.roles_layout.addWidget(self.role_finance, 1, 0, 1, 1)

        self.role_admin = QCheckBox(self.roles_box)
        self.role_admin.setObjectName(u"role_admin")

        self.roles_layout.addWidget(self.role_admin, 1, 1, 1, 1)

        self.role_auditor = QCheckBox(self.roles_box)
        self.role_auditor.setObjectName(u"role_auditor")

        self.roles_layout.addWidget(self.role_auditor, 1, 2, 1, 1)


        self.grid.addWidget(self.roles_box, 6, 1, 1, 1)

        self.err_roles = QLabel(AccountDialog)
        self.err_roles.setObjectName(u"err_roles")
        self.err_roles.setVisible(False)
        self.err_roles.setWordWrap(True)

        self.grid.addWidget(self.err_roles, 7, 1, 1, 1)

        self.lbl_password = QLabel(AccountDialog)
        self.lbl_password.setObjectName(u"lbl_password")

        self.grid.addWidget(self.lbl_password, 8, 0, 1, 1)

        self.password = QLineEdit(AccountDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.grid.addWidget(self.password, 8, 1, 1, 1)

        self.err_password = QLabel(AccountDialog)
        self.err_password.setObjectName(u"err_password")
        self.err_password.setVisible(False)
        self.err_password.setWordWrap(True)

        self.grid.addWidget(self.err_password, 9, 1, 1, 1)

        self.lbl_password2 = QLabel(AccountDialog)
        self.lbl_password2.setObjectName(u"lbl_password2")

        self.grid.addWidget(self.lbl_password2, 10, 0, 1, 1)

        self.password2 = QLineEdit(AccountDialog)
        self.password2.setObjectName(u"password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)

        self.grid.addWidget(self.password2, 10, 1, 1, 1)

        self.err_password2 = QLabel(AccountDialog)
        self.err_password2.setObjectName(u"err_password2")
        self.err_password2.setVisible(False)
        self.err_password2.setWordWrap(True)

        self.grid.addWidget(self.err_password2, 11, 1, 1, 1)

        self.lbl_active = QLabel(AccountDialog)
        self.lbl_active.setObjectName(u"lbl_active")

        self.grid.addWidget(self.lbl_active, 12, 0, 1, 1)

        self.active = QCheckBox(AccountDialog)
        self.active.setObjectName(u"active")
        self.active.setChecked(True)

        self.grid.addWidget(self.active, 12, 1, 1, 1)

        self.err_active = QLabel(AccountDialog)
        self.err_active.setObjectName(u"err_active")
        self.err_active.setVisible(False)
        self.err_active.setWordWrap(True)

        self.grid.addWidget(self.err_active, 13, 1, 1, 1)

        self.hint = QLabel(AccountDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.grid.addWidget(self.hint, 14, 1, 1, 1)


        self.main_layout.addLayout(self.grid)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(AccountDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.username, self.display_name)
        QWidget.setTabOrder(self.display_name, self.employee_id)
        QWidget.setTabOrder(self.employee_id, self.role_employee)
        QWidget.setTabOrder(self.role_employee, self.role_manager)
        QWidget.setTabOrder(self.role_manager, self.role_project_lead)
        QWidget.setTabOrder(self.role_project_lead, self.role_hr)
        QWidget.setTabOrder(self.role_hr, self.role_finance)
        QWidget.setTabOrder(self.role_finance, self.role_admin)
        QWidget.setTabOrder(self.role_admin, self.role_auditor)
        QWidget.setTabOrder(self.role_auditor, self.password)
        QWidget.setTabOrder(self.password, self.password2)
        QWidget.setTabOrder(self.password2, self.active)

        self.retranslateUi(AccountDialog)

        QMetaObject.connectSlotsByName(AccountDialog)
    # setupUi

    def retranslateUi(self, AccountDialog):
        AccountDialog.setWindowTitle(QCoreApplication.translate("AccountDialog", u"\u7528\u6237\u8d26\u53f7", None))
        self.banner.setText("")
        self.lbl_username.setText(QCoreApplication.translate("AccountDialog", u"\u7528\u6237\u540d *", None))
        self.username.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"\u767b\u5f55\u7528\uff0c\u5c0f\u5199\u5b57\u6bcd\u6216\u6570\u5b57\uff0c\u5982 zhangsan", None))
        self.err_username.setText("")
        self.lbl_display_name.setText(QCoreApplication.translate("AccountDialog", u"\u663e\u793a\u540d\u79f0 *", None))
        self.display_name.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"\u5982 \u5f20\u4e09\uff1b\u9009\u62e9\u5173\u8054\u5458\u5de5\u540e\u81ea\u52a8\u586b\u5199", None))
        self.err_display_name.setText("")
        self.lbl_employee_id.setText(QCoreApplication.translate("AccountDialog", u"\u5173\u8054\u5458\u5de5", None))
        self.employee_id.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"\u8f93\u5165\u5de5\u53f7\u6216\u59d3\u540d\u641c\u7d22\uff1b\u53ef\u4e0d\u5173\u8054", None))
        self.err_employee_id.setText("")
        self.lbl_roles.setText(QCoreApplication.translate("AccountDialog", u"\u89d2\u8272 *", None))
        self.role_employee.setText(QCoreApplication.translate("AccountDialog", u"\u5458\u5de5", None))
        self.role_manager.setText(QCoreApplication.translate("AccountDialog", u"\u76f4\u5c5e\u4e0a\u7ea7", None))
        self.role_project_lead.setText(QCoreApplication.translate("AccountDialog", u"\u9879\u76ee\u8d1f\u8d23\u4eba", None))
        self.role_hr.setText(QCoreApplication.translate("AccountDialog", u"\u4eba\u4e8b", None))
        self.role_finance.setText(QCoreApplication.translate("AccountDialog", u"\u8d22\u52a1", None))
        self.role_admin.setText(QCoreApplication.translate("AccountDialog", u"\u7ba1\u7406\u5458", None))
        self.role_auditor.setText(QCoreApplication.translate("AccountDialog", u"\u5ba1\u8ba1", None))
        self.err_roles.setText("")
        self.lbl_password.setText(QCoreApplication.translate("AccountDialog", u"\u521d\u59cb\u5bc6\u7801 *", None))
        self.password.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"\u81f3\u5c1110\u4e2a\u5b57\u7b26", None))
        self.err_password.setText("")
        self.lbl_password2.setText(QCoreApplication.translate("AccountDialog", u"\u786e\u8ba4\u5bc6\u7801 *", None))
        self.err_password2.setText("")
        self.lbl_active.setText(QCoreApplication.translate("AccountDialog", u"\u72b6\u6001", None))
        self.active.setText(QCoreApplication.translate("AccountDialog", u"\u542f\u7528\uff08\u505c\u7528\u540e\u8be5\u8d26\u53f7\u4e0d\u80fd\u767b\u5f55\uff09", None))
        self.err_active.setText("")
        self.hint.setText(QCoreApplication.translate("AccountDialog", u"\u628a\u521d\u59cb\u5bc6\u7801\u544a\u8bc9\u672c\u4eba\uff1b\u9996\u6b21\u767b\u5f55\u65f6\u7cfb\u7edf\u4f1a\u8981\u6c42\u5176\u8bbe\u7f6e\u53ea\u6709\u81ea\u5df1\u77e5\u9053\u7684\u65b0\u5bc6\u7801\u3002", None))
    # retranslateUi


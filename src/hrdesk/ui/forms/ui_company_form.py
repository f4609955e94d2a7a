# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'company_form.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_CompanyForm(object):
    def setupUi(self, CompanyForm):
        if not CompanyForm.objectName():
            CompanyForm.setObjectName(u"CompanyForm")
        CompanyForm.resize(900, 520)
        self.outer_layout = QHBoxLayout(CompanyForm)
        self.outer_layout.setObjectName(u"outer_layout")
        self.column_layout = QVBoxLayout()
        self.column_layout.setObjectName(u"column_layout")
        self.banner = QLabel(CompanyForm)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.column_layout.addWidget(self.banner)

        self.company_group = QGroupBox(CompanyForm)
        self.company_group.setObjectName(u"company_group")
        self.grid = QGridLayout(self.company_group)
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(12)
        self.lbl_company_name = QLabel(self.company_group)
        self.lbl_company_name.setObjectName(u"lbl_company_name")
        self.lbl_company_name.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_company_name, 0, 0, 1, 1)

        self.company_name = QLineEdit(self.company_group)
        self.company_name.setObjectName(u"company_name")
        self.company_name.setMaxLength(100)

        self.grid.addWidget(self.company_name, 0, 1, 1, 1)

        self.err_company_name = QLabel(self.company_group)
        self.err_company_name.setObjectName(u"err_company_name")
        self.err_company_name.setVisible(False)
        self.err_company_name.setWordWrap(True)

        self.grid.addWidget(self.err_company_name, 1, 1, 1, 1)

        self.lbl_credit_code = QLabel(self.company_group)
        self.lbl_credit_code.setObjectName(u"lbl_credit_code")
        self.lbl_credit_code.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_credit_code, 2, 0, 1, 1)

        self.credit_code = QLineEdit(self.company_group)
        self.credit_code.setObjectName(u"credit_code")
        self.credit_code.setMaxLength(18)

        self.grid.addWidget(self.credit_code, 2, 1, 1, 1)

        self.err_credit_code = QLabel(self.company_group)
        self.err_credit_code.setObjectName(u"err_credit_code")
        self.err_credit_code.setVisible(False)
        self.err_credit_code.setWordWrap(True)

        self.grid.addWidget(self.err_credit_code, 3, 1, 1, 1)

        self.lbl_address = QLabel(self.company_group)
        self.lbl_address.setObjectName(u"lbl_address")
        self.lbl_address.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_address, 4, 0, 1, 1)

        self.address = QLineEdit(self.company_group)
        self.address.setObjectName(u"address")
        self.address.setMaxLength(200)

        self.grid.addWidget(self.address, 4, 1, 1, 1)

        self.err_address = QLabel(self.company_group)
        self.err_address.setObjectName(u"err_address")
        self.err_address.setVisible(False)
        self.err_address.setWordWrap(True)

        self.grid.addWidget(self.err_address, 5, 1, 1, 1)

        self.lbl_phone = QLabel(self.company_group)
        self.lbl_phone.setObjectName(u"lbl_phone")
        self.lbl_phone.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_phone, 6, 0, 1, 1)

        self.phone = QLineEdit(self.company_group)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(40)

        self.grid.addWidget(self.phone, 6, 1, 1, 1)

        self.err_phone = QLabel(self.company_group)
        self.err_phone.setObjectName(u"err_phone")
        self.err_phone.setVisible(False)
        self.err_phone.setWordWrap(True)

        self.grid.addWidget(self.err_phone, 7, 1, 1, 1)


        self.column_layout.addWidget(self.company_group)

        self.hint = QLabel(CompanyForm)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.column_layout.addWidget(self.hint)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")
        self.status = QLabel(CompanyForm)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.action_layout.addWidget(self.status)

        self.action_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_layout.addItem(self.action_spacer)

        self.revert = QPushButton(CompanyForm)
        self.revert.setObjectName(u"revert")

        self.action_layout.addWidget(self.revert)

        self.save = QPushButton(CompanyForm)
        self.save.setObjectName(u"save")

        self.action_layout.addWidget(self.save)


        self.column_layout.addLayout(self.action_layout)

        self.bottom_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column_layout.addItem(self.bottom_spacer)


        self.outer_layout.addLayout(self.column_layout)

        self.right_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.right_spacer)

        QWidget.setTabOrder(self.company_name, self.credit_code)
        QWidget.setTabOrder(self.credit_code, self.address)
        QWidget.setTabOrder(self.address, self.phone)
        QWidget.setTabOrder(self.phone, self.revert)
        QWidget.setTabOrder(self.revert, self.save)

        self.retranslateUi(CompanyForm)

        self.save.setDefault(True)


        QMetaObject.connectSlotsByName(CompanyForm)
    # setupUi

    def retranslateUi(self, CompanyForm):
        CompanyForm.setWindowTitle(QCoreApplication.translate("CompanyForm", u"\u516c\u53f8\u4fe1\u606f", None))
        self.banner.setText("")
        self.company_group.setTitle(QCoreApplication.translate("CompanyForm", u"\u516c\u53f8\u57fa\u672c\u4fe1\u606f", None))
        self.lbl_company_name.setText(QCoreApplication.translate("CompanyForm", u"\u516c\u53f8\u540d\u79f0 *", None))
        self.err_company_name.setText("")
        self.lbl_credit_code.setText(QCoreApplication.translate("CompanyForm", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.credit_code.setPlaceholderText(QCoreApplication.translate("CompanyForm", u"18\u4f4d\uff0c\u89c1\u8425\u4e1a\u6267\u7167", None))
        self.err_credit_code.setText("")
        self.lbl_address.setText(QCoreApplication.translate("CompanyForm", u"\u5730\u5740", None))
        self.address.setPlaceholderText(QCoreApplication.translate("CompanyForm", u"\u6ce8\u518c\u5730\u5740\u6216\u529e\u516c\u5730\u5740", None))
        self.err_address.setText("")
        self.lbl_phone.setText(QCoreApplication.translate("CompanyForm", u"\u7535\u8bdd", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("CompanyForm", u"\u5982 021-12345678", None))
        self.err_phone.setText("")
        self.hint.setText(QCoreApplication.translate("CompanyForm", u"\u8fd9\u4e9b\u4fe1\u606f\u7528\u4e8e\u5de5\u8d44\u6761\u3001\u79bb\u804c\u8bc1\u660e\u7b49\u6587\u4ef6\u7684\u62ac\u5934\uff1b\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801\u53ef\u4e0d\u586b\uff0c\u586b\u5199\u65f6\u4f1a\u6821\u9a8c\u683c\u5f0f\u548c\u6821\u9a8c\u4f4d\u3002", None))
        self.status.setText("")
        self.revert.setText(QCoreApplication.translate("CompanyForm", u"\u64a4\u9500\u4fee\u6539", None))
        self.save.setText(QCoreApplication.translate("CompanyForm", u"\u4fdd\u5b58", None))
    # retranslateUi


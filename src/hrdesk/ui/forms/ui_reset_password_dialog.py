# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reset_password_dialog.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ResetPasswordDialog(object):
    def setupUi(self, ResetPasswordDialog):
        if not ResetPasswordDialog.objectName():
            ResetPasswordDialog.setObjectName(u"ResetPasswordDialog")
        ResetPasswordDialog.resize(460, 260)
        self.main_layout = QVBoxLayout(ResetPasswordDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(ResetPasswordDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.lbl_password = QLabel(ResetPasswordDialog)
        self.lbl_password.setObjectName(u"lbl_password")

        self.grid.addWidget(self.lbl_password, 0, 0, 1, 1)

        self.password = QLineEdit(ResetPasswordDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.grid.addWidget(self.password, 0, 1, 1, 1)

        self.generate = QPushButton(ResetPasswordDialog)
        self.generate.setObjectName(u"generate")
        self.generate.setAutoDefault(False)

        self.grid.addWidget(self.generate, 0, 2, 1, 1)

        self.err_password = QLabel(ResetPasswordDialog)
        self.err_password.setObjectName(u"err_password")
        self.err_password.setVisible(False)
        self.err_password.setWordWrap(True)

        self.grid.addWidget(self.err_password, 1, 1, 1, 2)

        self.lbl_password2 = QLabel(ResetPasswordDialog)
        self.lbl_password2.setObjectName(u"lbl_password2")

        self.grid.addWidget(self.lbl_password2, 2, 0, 1, 1)

        self.password2 = QLineEdit(ResetPasswordDialog)
        self.password2.setObjectName(u"password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)

        self.grid.addWidget(self.password2, 2, 1, 1, 1)

        self.show_password = QCheckBox(ResetPasswordDialog)
        self.show_password.setObjectName(u"show_password")

        self.grid.addWidget(self.show_password, 2, 2, 1, 1)

        self.err_password2 = QLabel(ResetPasswordDialog)
        self.err_password2.setObjectName(u"err_password2")
        self.err_password2.setVisible(False)
        self.err_password2.setWordWrap(True)

        self.grid.addWidget(self.err_password2, 3, 1, 1, 2)


        self.main_layout.addLayout(self.grid)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(ResetPasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.password, self.password2)
        QWidget.setTabOrder(self.password2, self.generate)
        QWidget.setTabOrder(self.generate, self.show_password)

        self.retranslateUi(ResetPasswordDialog)

        QMetaObject.connectSlotsByName(ResetPasswordDialog)
    # setupUi

    def retranslateUi(self, ResetPasswordDialog):
        ResetPasswordDialog.setWindowTitle(QCoreApplication.translate("ResetPasswordDialog", u"\u91cd\u7f6e\u5bc6\u7801", None))
        self.intro.setText("")
        self.lbl_password.setText(QCoreApplication.translate("ResetPasswordDialog", u"\u4e34\u65f6\u5bc6\u7801", None))
        self.password.setPlaceholderText(QCoreApplication.translate("ResetPasswordDialog", u"\u81f3\u5c1110\u4e2a\u5b57\u7b26", None))
        self.generate.setText(QCoreApplication.translate("ResetPasswordDialog", u"\u968f\u673a\u751f\u6210", None))
        self.err_password.setText("")
        self.lbl_password2.setText(QCoreApplication.translate("ResetPasswordDialog", u"\u786e\u8ba4\u5bc6\u7801", None))
        self.show_password.setText(QCoreApplication.translate("ResetPasswordDialog", u"\u663e\u793a\u5bc6\u7801", None))
        self.err_password2.setText("")
    # retranslateUi


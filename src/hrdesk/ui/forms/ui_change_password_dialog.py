# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_password_dialog.ui'
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
    QGridLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ChangePasswordDialog(object):
    def setupUi(self, ChangePasswordDialog):
        if not ChangePasswordDialog.objectName():
            ChangePasswordDialog.setObjectName(u"ChangePasswordDialog")
        ChangePasswordDialog.resize(420, 280)
        self.main_layout = QVBoxLayout(ChangePasswordDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(ChangePasswordDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.lbl_old_password = QLabel(ChangePasswordDialog)
        self.lbl_old_password.setObjectName(u"lbl_old_password")

        self.grid.addWidget(self.lbl_old_password, 0, 0, 1, 1)

        self.old_password = QLineEdit(ChangePasswordDialog)
        self.old_password.setObjectName(u"old_password")
        self.old_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.grid.addWidget(self.old_password, 0, 1, 1, 1)

        self.err_old_password = QLabel(ChangePasswordDialog)
        self.err_old_password.setObjectName(u"err_old_password")
        self.err_old_password.setVisible(False)

        self.grid.addWidget(self.err_old_password, 1, 1, 1, 1)

        self.lbl_new_password = QLabel(ChangePasswordDialog)
        self.lbl_new_password.setObjectName(u"lbl_new_password")

        self.grid.addWidget(self.lbl_new_password, 2, 0, 1, 1)

        self.new_password = QLineEdit(ChangePasswordDialog)
        self.new_password.setObjectName(u"new_password")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.grid.addWidget(self.new_password, 2, 1, 1, 1)

        self.err_new_password = QLabel(ChangePasswordDialog)
        self.err_new_password.setObjectName(u"err_new_password")
        self.err_new_password.setVisible(False)

        self.grid.addWidget(self.err_new_password, 3, 1, 1, 1)

        self.lbl_new_password2 = QLabel(ChangePasswordDialog)
        self.lbl_new_password2.setObjectName(u"lbl_new_password2")

        self.grid.addWidget(self.lbl_new_password2, 4, 0, 1, 1)

        self.new_password2 = QLineEdit(ChangePasswordDialog)
        self.new_password2.setObjectName(u"new_password2")
        self.new_password2.setEchoMode(QLineEdit.EchoMode.Password)

        self.grid.addWidget(self.new_password2, 4, 1, 1, 1)

        self.err_new_password2 = QLabel(ChangePasswordDialog)
        self.err_new_password2.setObjectName(u"err_new_password2")
        self.err_new_password2.setVisible(False)

        self.grid.addWidget(self.err_new_password2, 5, 1, 1, 1)


        self.main_layout.addLayout(self.grid)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(ChangePasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.old_password, self.new_password)
        QWidget.setTabOrder(self.new_password, self.new_password2)

        self.retranslateUi(ChangePasswordDialog)

        QMetaObject.connectSlotsByName(ChangePasswordDialog)
    # setupUi

    def retranslateUi(self, ChangePasswordDialog):
        ChangePasswordDialog.setWindowTitle(QCoreApplication.translate("ChangePasswordDialog", u"\u4fee\u6539\u5bc6\u7801", None))
        self.intro.setText("")
        self.lbl_old_password.setText(QCoreApplication.translate("ChangePasswordDialog", u"\u539f\u5bc6\u7801", None))
        self.err_old_password.setText("")
        self.lbl_new_password.setText(QCoreApplication.translate("ChangePasswordDialog", u"\u65b0\u5bc6\u7801", None))
        self.new_password.setPlaceholderText(QCoreApplication.translate("ChangePasswordDialog", u"\u81f3\u5c1110\u4e2a\u5b57\u7b26", None))
        self.err_new_password.setText("")
        self.lbl_new_password2.setText(QCoreApplication.translate("ChangePasswordDialog", u"\u786e\u8ba4\u65b0\u5bc6\u7801", None))
        self.err_new_password2.setText("")
    # retranslateUi


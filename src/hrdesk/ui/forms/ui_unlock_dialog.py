# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_dialog.ui'
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
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_UnlockDialog(object):
    def setupUi(self, UnlockDialog):
        if not UnlockDialog.objectName():
            UnlockDialog.setObjectName(u"UnlockDialog")
        UnlockDialog.resize(560, 260)
        self.main_layout = QVBoxLayout(UnlockDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.explanation = QLabel(UnlockDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.main_layout.addWidget(self.explanation)

        self.recovery_key = QLineEdit(UnlockDialog)
        self.recovery_key.setObjectName(u"recovery_key")

        self.main_layout.addWidget(self.recovery_key)

        self.audit_key_label = QLabel(UnlockDialog)
        self.audit_key_label.setObjectName(u"audit_key_label")
        self.audit_key_label.setWordWrap(True)

        self.main_layout.addWidget(self.audit_key_label)

        self.audit_key = QLineEdit(UnlockDialog)
        self.audit_key.setObjectName(u"audit_key")

        self.main_layout.addWidget(self.audit_key)

        self.error_label = QLabel(UnlockDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setVisible(False)
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(UnlockDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)


        self.retranslateUi(UnlockDialog)

        QMetaObject.connectSlotsByName(UnlockDialog)
    # setupUi

    def retranslateUi(self, UnlockDialog):
        UnlockDialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", u"\u8f93\u5165\u6062\u590d\u5bc6\u94a5 - HRDesk", None))
        self.explanation.setText("")
        self.recovery_key.setPlaceholderText(QCoreApplication.translate("UnlockDialog", u"XXXX-XXXX-XXXX-\u2026\uff08\u517114\u7ec4\uff09", None))
        self.audit_key_label.setText(QCoreApplication.translate("UnlockDialog", u"\u5ba1\u8ba1\u5bc6\u94a5\uff08\u6062\u590d\u5355\u4e0a\u7684\u7b2c\u4e8c\u628a\u5bc6\u94a5\uff1b\u672c\u673a\u5df2\u4fdd\u5b58\u65f6\u53ef\u4e0d\u586b\uff09\uff1a", None))
        self.audit_key.setPlaceholderText(QCoreApplication.translate("UnlockDialog", u"XXXX-XXXX-XXXX-\u2026\uff08\u517114\u7ec4\uff0c\u53ef\u4e0d\u586b\uff09", None))
        self.error_label.setText("")
    # retranslateUi


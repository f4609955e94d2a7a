# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_key_dialog.ui'
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
    QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_RecoveryKeyDialog(object):
    def setupUi(self, RecoveryKeyDialog):
        if not RecoveryKeyDialog.objectName():
            RecoveryKeyDialog.setObjectName(u"RecoveryKeyDialog")
        RecoveryKeyDialog.resize(600, 360)
        self.main_layout = QVBoxLayout(RecoveryKeyDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.warning = QLabel(RecoveryKeyDialog)
        self.warning.setObjectName(u"warning")
        self.warning.setWordWrap(True)

        self.main_layout.addWidget(self.warning)

        self.key_text = QPlainTextEdit(RecoveryKeyDialog)
        self.key_text.setObjectName(u"key_text")
        self.key_text.setReadOnly(True)
        self.key_text.setMaximumSize(QSize(16777215, 170))

        self.main_layout.addWidget(self.key_text)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.copy_button = QPushButton(RecoveryKeyDialog)
        self.copy_button.setObjectName(u"copy_button")

        self.actions_layout.addWidget(self.copy_button)

        self.save_button = QPushButton(RecoveryKeyDialog)
        self.save_button.setObjectName(u"save_button")

        self.actions_layout.addWidget(self.save_button)

        self.print_button = QPushButton(RecoveryKeyDialog)
        self.print_button.setObjectName(u"print_button")

        self.actions_layout.addWidget(self.print_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)


        self.main_layout.addLayout(self.actions_layout)

        self.confirm = QCheckBox(RecoveryKeyDialog)
        self.confirm.setObjectName(u"confirm")

        self.main_layout.addWidget(self.confirm)

        self.buttons = QDialogButtonBox(RecoveryKeyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)


        self.retranslateUi(RecoveryKeyDialog)

        QMetaObject.connectSlotsByName(RecoveryKeyDialog)
    # setupUi

    def retranslateUi(self, RecoveryKeyDialog):
        RecoveryKeyDialog.setWindowTitle(QCoreApplication.translate("RecoveryKeyDialog", u"\u6062\u590d\u5355 - \u8bf7\u7acb\u5373\u4fdd\u5b58", None))
        self.warning.setText(QCoreApplication.translate("RecoveryKeyDialog", u"<b>\u8bf7\u7acb\u5373\u6253\u5370\u6216\u6284\u5199\u4e0b\u9762\u7684\u6062\u590d\u5355\uff0c\u5e76\u5b58\u653e\u5728\u5b89\u5168\u7684\u5730\u65b9\uff08\u5982\u4fdd\u9669\u67dc\uff09\u3002</b><br/>\u6362\u7535\u8111\u3001\u91cd\u88c5\u7cfb\u7edf\u6216 Windows \u8d26\u6237\u53d8\u5316\u540e\uff0c\u53ea\u6709\u51ed\u6062\u590d\u5bc6\u94a5\u624d\u80fd\u6253\u5f00\u516c\u53f8\u6570\u636e\uff0c\u51ed\u5ba1\u8ba1\u5bc6\u94a5\u624d\u80fd\u7ee7\u7eed\u9a8c\u8bc1\u548c\u8bb0\u5f55\u64cd\u4f5c\u65e5\u5fd7\u3002\u4e24\u628a\u5bc6\u94a5\u53ea\u663e\u793a\u8fd9\u4e00\u6b21\uff0cHRDesk \u548c\u4efb\u4f55\u4eba\u90fd\u65e0\u6cd5\u627e\u56de\uff1b\u5206\u5f00\u4fdd\u7ba1\u66f4\u5b89\u5168\u3002", None))
        self.copy_button.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u590d\u5236", None))
        self.save_button.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u4fdd\u5b58\u4e3a\u6587\u4ef6\u2026", None))
        self.print_button.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u6253\u5370\u2026", None))
        self.confirm.setText(QCoreApplication.translate("RecoveryKeyDialog", u"\u6211\u5df2\u628a\u6062\u590d\u5bc6\u94a5\u548c\u5ba1\u8ba1\u5bc6\u94a5\u6253\u5370\u6216\u6284\u5199\u4e0b\u6765\uff0c\u5e76\u59a5\u5584\u4fdd\u7ba1", None))
    # retranslateUi


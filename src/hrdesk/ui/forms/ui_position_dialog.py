# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'position_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PositionDialog(object):
    def setupUi(self, PositionDialog):
        if not PositionDialog.objectName():
            PositionDialog.setObjectName(u"PositionDialog")
        PositionDialog.resize(500, 340)
        self.main_layout = QVBoxLayout(PositionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(PositionDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(12)
        self.lbl_name = QLabel(PositionDialog)
        self.lbl_name.setObjectName(u"lbl_name")
        self.lbl_name.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_name, 0, 0, 1, 1)

        self.name = QLineEdit(PositionDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(60)

        self.grid.addWidget(self.name, 0, 1, 1, 1)

        self.err_name = QLabel(PositionDialog)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setVisible(False)
        self.err_name.setWordWrap(True)

        self.grid.addWidget(self.err_name, 1, 1, 1, 1)

        self.lbl_code = QLabel(PositionDialog)
        self.lbl_code.setObjectName(u"lbl_code")
        self.lbl_code.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_code, 2, 0, 1, 1)

        self.code = QLineEdit(PositionDialog)
        self.code.setObjectName(u"code")
        self.code.setMaxLength(30)

        self.grid.addWidget(self.code, 2, 1, 1, 1)

        self.err_code = QLabel(PositionDialog)
        self.err_code.setObjectName(u"err_code")
        self.err_code.setVisible(False)
        self.err_code.setWordWrap(True)

        self.grid.addWidget(self.err_code, 3, 1, 1, 1)

        self.lbl_description = QLabel(PositionDialog)
        self.lbl_description.setObjectName(u"lbl_description")
        self.lbl_description.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.lbl_description.setMargin(4)

        self.grid.addWidget(self.lbl_description, 4, 0, 1, 1)

        self.description = QPlainTextEdit(PositionDialog)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)

        self.grid.addWidget(self.description, 4, 1, 1, 1)

        self.err_description = QLabel(PositionDialog)
        self.err_description.setObjectName(u"err_description")
        self.err_description.setVisible(False)
        self.err_description.setWordWrap(True)

        self.grid.addWidget(self.err_description, 5, 1, 1, 1)

        self.lbl_active = QLabel(PositionDialog)
        self.lbl_active.setObjectName(u"lbl_active")
        self.lbl_active.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_active, 6, 0, 1, 1)

        self.active = QCheckBox(PositionDialog)
        self.active.setObjectName(u"active")
        self.active.setChecked(True)

        self.grid.addWidget(self.active, 6, 1, 1, 1)

        self.err_active = QLabel(PositionDialog)
        self.err_active.setObjectName(u"err_active")
        self.err_active.setVisible(False)
        self.err_active.setWordWrap(True)

        self.grid.addWidget(self.err_active, 7, 1, 1, 1)


        self.main_layout.addLayout(self.grid)

        self.buttons = QDialogButtonBox(PositionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.name, self.code)
        QWidget.setTabOrder(self.code, self.description)
        QWidget.setTabOrder(self.description, self.active)

        self.retranslateUi(PositionDialog)

        QMetaObject.connectSlotsByName(PositionDialog)
    # setupUi

    def retranslateUi(self, PositionDialog):
        PositionDialog.setWindowTitle(QCoreApplication.translate("PositionDialog", u"\u5c97\u4f4d", None))
        self.banner.setText("")
        self.lbl_name.setText(QCoreApplication.translate("PositionDialog", u"\u5c97\u4f4d\u540d\u79f0 *", None))
        self.name.setPlaceholderText(QCoreApplication.translate("PositionDialog", u"\u5982 \u4eba\u4e8b\u4e13\u5458\u3001\u9500\u552e\u7ecf\u7406", None))
        self.err_name.setText("")
        self.lbl_code.setText(QCoreApplication.translate("PositionDialog", u"\u5c97\u4f4d\u7f16\u7801", None))
        self.code.setPlaceholderText(QCoreApplication.translate("PositionDialog", u"\u9009\u586b\uff0c\u5168\u516c\u53f8\u552f\u4e00\uff0c\u5982 P-HR-01", None))
        self.err_code.setText("")
        self.lbl_description.setText(QCoreApplication.translate("PositionDialog", u"\u5c97\u4f4d\u8bf4\u660e", None))
        self.description.setPlaceholderText(QCoreApplication.translate("PositionDialog", u"\u9009\u586b\uff1a\u4e3b\u8981\u804c\u8d23\u3001\u4efb\u804c\u8981\u6c42\u7b49\uff0c\u6700\u591a300\u5b57", None))
        self.err_description.setText("")
        self.lbl_active.setText(QCoreApplication.translate("PositionDialog", u"\u72b6\u6001", None))
        self.active.setText(QCoreApplication.translate("PositionDialog", u"\u542f\u7528\uff08\u505c\u7528\u540e\u4e0d\u80fd\u518d\u5206\u914d\u7ed9\u5458\u5de5\uff09", None))
        self.err_active.setText("")
    # retranslateUi


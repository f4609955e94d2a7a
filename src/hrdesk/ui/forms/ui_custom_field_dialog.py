# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'custom_field_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_CustomFieldDialog(object):
    def setupUi(self, CustomFieldDialog):
        if not CustomFieldDialog.objectName():
            CustomFieldDialog.setObjectName(u"CustomFieldDialog")
        CustomFieldDialog.resize(520, 440)
        self.main_layout = QVBoxLayout(CustomFieldDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(CustomFieldDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.lbl_label = QLabel(CustomFieldDialog)
        self.lbl_label.setObjectName(u"lbl_label")

        self.grid.addWidget(self.lbl_label, 0, 0, 1, 1)

        self.label = QLineEdit(CustomFieldDialog)
        self.label.setObjectName(u"label")
        self.label.setMaxLength(30)

        self.grid.addWidget(self.label, 0, 1, 1, 1)

        self.err_label = QLabel(CustomFieldDialog)
        self.err_label.setObjectName(u"err_label")
        self.err_label.setVisible(False)
        self.err_label.setWordWrap(True)

        self.grid.addWidget(self.err_label, 1, 1, 1, 1)

        self.lbl_key = QLabel(CustomFieldDialog)
        self.lbl_key.setObjectName(u"lbl_key")

        self.grid.addWidget(self.lbl_key, 2, 0, 1, 1)

        self.key = QLineEdit(CustomFieldDialog)
        self.key.setObjectName(u"key")
        self.key.setMaxLength(40)

        self.grid.addWidget(self.key, 2, 1, 1, 1)

        self.err_key = QLabel(CustomFieldDialog)
        self.err_key.setObjectName(u"err_key")
        self.err_key.setVisible(False)
        self.err_key.setWordWrap(True)

        self.grid.addWidget(self.err_key, 3, 1, 1, 1)

        self.lbl_field_type = QLabel(CustomFieldDialog)
        self.lbl_field_type.setObjectName(u"lbl_field_type")

        self.grid.addWidget(self.lbl_field_type, 4, 0, 1, 1)

        self.field_type = QComboBox(CustomFieldDialog)
        self.field_type.setObjectName(u"field_type")

        self.grid.addWidget(self.field_type, 4, 1, 1, 1)

        self.err_field_type = QLabel(CustomFieldDialog)
        self.err_field_type.setObjectName(u"err_field_type")
        self.err_field_type.setVisible(False)
        self.err_field_type.setWordWrap(True)

        self.grid.addWidget(self.err_field_type, 5, 1, 1, 1)

        self.lbl_choices = QLabel(CustomFieldDialog)
        self.lbl_choices.setObjectName(u"lbl_choices")
        self.lbl_choices.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.grid.addWidget(self.lbl_choices, 6, 0, 1, 1)

        self.choices = QPlainTextEdit(CustomFieldDialog)
        self.choices.setObjectName(u"choices")
        self.choices.setTabChangesFocus(True)

        self.grid.addWidget(self.choices, 6, 1, 1, 1)

        self.err_choices = QLabel(CustomFieldDialog)
        self.err_choices.setObjectName(u"err_choices")
        self.err_choices.setVisible(False)
        self.err_choices.setWordWrap(True)

        self.grid.addWidget(self.err_choices, 7, 1, 1, 1)

        self.lbl_options = QLabel(CustomFieldDialog)
        self.lbl_options.setObjectName(u"lbl_options")

        self.grid.addWidget(self.lbl_options, 8, 0, 1, 1)

        self.options_layout = QHBoxLayout()
        self.options_layout.setSpacing(24)
        self.options_layout.setObjectName(u"options_layout")
        self.required = QCheckBox(CustomFieldDialog)
        self.required.setObjectName(u"required")

        self.options_layout.addWidget(self.required)

        self.active = QCheckBox(CustomFieldDialog)
        self.active.setObjectName(u"active")
        self.active.setChecked(True)

        self.options_layout.addWidget(self.active)

        self.options_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.options_layout.addItem(self.options_spacer)


        self.grid.addLayout(self.options_layout, 8, 1, 1, 1)

        self.err_required = QLabel(CustomFieldDialog)
        self.err_required.setObjectName(u"err_required")
        self.err_required.setVisible(False)
        self.err_required.setWordWrap(True)

        self.grid.addWidget(self.err_required, 9, 1, 1, 1)

        self.hint = QLabel(CustomFieldDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.grid.addWidget(self.hint, 10, 1, 1, 1)


        self.main_layout.addLayout(self.grid)

        self.buttons = QDialogButtonBox(CustomFieldDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.label, self.key)
        QWidget.setTabOrder(self.key, self.field_type)
        QWidget.setTabOrder(self.field_type, self.choices)
        QWidget.setTabOrder(self.choices, self.required)
        QWidget.setTabOrder(self.required, self.active)

        self.retranslateUi(CustomFieldDialog)

        QMetaObject.connectSlotsByName(CustomFieldDialog)
    # setupUi

    def retranslateUi(self, CustomFieldDialog):
        CustomFieldDialog.setWindowTitle(QCoreApplication.translate("CustomFieldDialog", u"\u81ea\u5b9a\u4e49\u5b57\u6bb5", None))
        self.banner.setText("")
        self.lbl_label.setText(QCoreApplication.translate("CustomFieldDialog", u"\u540d\u79f0 *", None))
        self.label.setPlaceholderText(QCoreApplication.translate("CustomFieldDialog", u"\u5458\u5de5\u6863\u6848\u4e2d\u663e\u793a\u7684\u540d\u79f0\uff0c\u5982 \u6559\u5e08\u804c\u79f0", None))
        self.err_label.setText("")
        self.lbl_key.setText(QCoreApplication.translate("CustomFieldDialog", u"\u4ee3\u7801 *", None))
        self.key.setPlaceholderText(QCoreApplication.translate("CustomFieldDialog", u"\u5c0f\u5199\u5b57\u6bcd\u5f00\u5934\uff0c\u5982 teacher_title", None))
        self.err_key.setText("")
        self.lbl_field_type.setText(QCoreApplication.translate("CustomFieldDialog", u"\u7c7b\u578b *", None))
        self.err_field_type.setText("")
        self.lbl_choices.setText(QCoreApplication.translate("CustomFieldDialog", u"\u9009\u9879", None))
        self.choices.setPlaceholderText(QCoreApplication.translate("CustomFieldDialog", u"\u6bcf\u884c\u4e00\u4e2a\u9009\u9879\uff0c\u5982\uff1a\n"
"\u521d\u7ea7\n"
"\u4e2d\u7ea7\n"
"\u9ad8\u7ea7", None))
        self.err_choices.setText("")
        self.lbl_options.setText(QCoreApplication.translate("CustomFieldDialog", u"\u8bbe\u7f6e", None))
        self.required.setText(QCoreApplication.translate("CustomFieldDialog", u"\u5fc5\u586b", None))
        self.active.setText(QCoreApplication.translate("CustomFieldDialog", u"\u542f\u7528\uff08\u505c\u7528\u540e\u4e0d\u518d\u51fa\u73b0\u5728\u5458\u5de5\u6863\u6848\u4e2d\uff0c\u5df2\u586b\u7684\u5185\u5bb9\u4fdd\u7559\uff09", None))
        self.err_required.setText("")
        self.hint.setText(QCoreApplication.translate("CustomFieldDialog", u"\u4ee3\u7801\u548c\u7c7b\u578b\u4fdd\u5b58\u540e\u4e0d\u80fd\u4fee\u6539\u3002", None))
    # retranslateUi


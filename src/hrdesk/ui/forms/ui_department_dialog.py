# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'department_dialog.ui'
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
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_DepartmentDialog(object):
    def setupUi(self, DepartmentDialog):
        if not DepartmentDialog.objectName():
            DepartmentDialog.setObjectName(u"DepartmentDialog")
        DepartmentDialog.resize(500, 380)
        self.main_layout = QVBoxLayout(DepartmentDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(DepartmentDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(12)
        self.lbl_name = QLabel(DepartmentDialog)
        self.lbl_name.setObjectName(u"lbl_name")
        self.lbl_name.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_name, 0, 0, 1, 1)

        self.name = QLineEdit(DepartmentDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(60)

        self.grid.addWidget(self.name, 0, 1, 1, 1)

        self.err_name = QLabel(DepartmentDialog)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setVisible(False)
        self.err_name.setWordWrap(True)

        self.grid.addWidget(self.err_name, 1, 1, 1, 1)

        self.lbl_code = QLabel(DepartmentDialog)
        self.lbl_code.setObjectName(u"lbl_code")
        self.lbl_code.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_code, 2, 0, 1, 1)

        self.code = QLineEdit(DepartmentDialog)
        self.code.setObjectName(u"code")
        self.code.setMaxLength(30)

        self.grid.addWidget(self.code, 2, 1, 1, 1)

        self.err_code = QLabel(DepartmentDialog)
        self.err_code.setObjectName(u"err_code")
        self.err_code.setVisible(False)
        self.err_code.setWordWrap(True)

        self.grid.addWidget(self.err_code, 3, 1, 1, 1)

        self.lbl_kind = QLabel(DepartmentDialog)
        self.lbl_kind.setObjectName(u"lbl_kind")
        self.lbl_kind.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_kind, 4, 0, 1, 1)

        self.kind = QComboBox(DepartmentDialog)
        self.kind.setObjectName(u"kind")

        self.grid.addWidget(self.kind, 4, 1, 1, 1)

        self.err_kind = QLabel(DepartmentDialog)
        self.err_kind.setObjectName(u"err_kind")
        self.err_kind.setVisible(False)
        self.err_kind.setWordWrap(True)

        self.grid.addWidget(self.err_kind, 5, 1, 1, 1)

        self.lbl_parent_id = QLabel(DepartmentDialog)
        self.lbl_parent_id.setObjectName(u"lbl_parent_id")
        self.lbl_parent_id.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_parent_id, 6, 0, 1, 1)

        self.parent_id = QComboBox(DepartmentDialog)
        self.parent_id.setObjectName(u"parent_id")

        self.grid.addWidget(self.parent_id, 6, 1, 1, 1)

        self.err_parent_id = QLabel(DepartmentDialog)
        self.err_parent_id.setObjectName(u"err_parent_id")
        self.err_parent_id.setVisible(False)
        self.err_parent_id.setWordWrap(True)

        self.grid.addWidget(self.err_parent_id, 7, 1, 1, 1)

        self.lbl_head_employee_id = QLabel(DepartmentDialog)
        self.lbl_head_employee_id.setObjectName(u"lbl_head_employee_id")
        self.lbl_head_employee_id.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_head_employee_id, 8, 0, 1, 1)

        self.head_employee_id = QLineEdit(DepartmentDialog)
        self.head_employee_id.setObjectName(u"head_employee_id")

        self.grid.addWidget(self.head_employee_id, 8, 1, 1, 1)

        self.err_head_employee_id = QLabel(DepartmentDialog)
        self.err_head_employee_id.setObjectName(u"err_head_employee_id")
        self.err_head_employee_id.setVisible(False)
        self.err_head_employee_id.setWordWrap(True)

        self.grid.addWidget(self.err_head_employee_id, 9, 1, 1, 1)

        self.lbl_sort_order = QLabel(DepartmentDialog)
        self.lbl_sort_order.setObjectName(u"lbl_sort_order")
        self.lbl_sort_order.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_sort_order, 10, 0, 1, 1)

        self.sort_order_layout = QHBoxLayout()
        self.sort_order_layout.setObjectName(u"sort_order_layout")
        self.sort_order = QSpinBox(DepartmentDialog)
        self.sort_order.setObjectName(u"sort_order")
        self.sort_order.setMaximum(9999)
        self.sort_order.setMinimumSize(QSize(90, 0))

        self.sort_order_layout.addWidget(self.sort_order)

        self.sort_order_hint = QLabel(DepartmentDialog)
        self.sort_order_hint.setObjectName(u"sort_order_hint")

        self.sort_order_layout.addWidget(self.sort_order_hint)

        self.sort_order_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sort_order_layout.addItem(self.sort_order_spacer)


        self.grid.addLayout(self.sort_order_layout, 10, 1, 1, 1)

        self.err_sort_order = QLabel(DepartmentDialog)
        self.err_sort_order.setObjectName(u"err_sort_order")
        self.err_sort_order.setVisible(False)
        self.err_sort_order.setWordWrap(True)

        self.grid.addWidget(self.err_sort_order, 11, 1, 1, 1)

        self.lbl_active = QLabel(DepartmentDialog)
        self.lbl_active.setObjectName(u"lbl_active")
        self.lbl_active.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_active, 12, 0, 1, 1)

        self.active = QCheckBox(DepartmentDialog)
        self.active.setObjectName(u"active")
        self.active.setChecked(True)

        self.grid.addWidget(self.active, 12, 1, 1, 1)

        self.err_active = QLabel(DepartmentDialog)
        self.err_active.setObjectName(u"err_active")
        self.err_active.setVisible(False)
        self.err_active.setWordWrap(True)

        self.grid.addWidget(self.err_active, 13, 1, 1, 1)


        self.main_layout.addLayout(self.grid)

        self.spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(DepartmentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.name, self.code)
        QWidget.setTabOrder(self.code, self.kind)
        QWidget.setTabOrder(self.kind, self.parent_id)
        QWidget.setTabOrder(self.parent_id, self.head_employee_id)
        QWidget.setTabOrder(self.head_employee_id, self.sort_order)
        QWidget.setTabOrder(self.sort_order, self.active)

        self.retranslateUi(DepartmentDialog)

        QMetaObject.connectSlotsByName(DepartmentDialog)
    # setupUi

    def retranslateUi(self, DepartmentDialog):
        DepartmentDialog.setWindowTitle(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u95e8", None))
        self.banner.setText("")
        self.lbl_name.setText(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u95e8\u540d\u79f0 *", None))
        self.name.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"\u5982 \u4eba\u4e8b\u90e8\u3001\u534e\u4e1c\u9500\u552e\u90e8", None))
        self.err_name.setText("")
        self.lbl_code.setText(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u95e8\u7f16\u7801", None))
        self.code.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"\u9009\u586b\uff0c\u5168\u516c\u53f8\u552f\u4e00\uff0c\u5982 D-HR", None))
        self.err_code.setText("")
        self.lbl_kind.setText(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u95e8\u7c7b\u578b *", None))
        self.err_kind.setText("")
        self.lbl_parent_id.setText(QCoreApplication.translate("DepartmentDialog", u"\u4e0a\u7ea7\u90e8\u95e8", None))
        self.err_parent_id.setText("")
        self.lbl_head_employee_id.setText(QCoreApplication.translate("DepartmentDialog", u"\u8d1f\u8d23\u4eba", None))
        self.head_employee_id.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"\u8f93\u5165\u5de5\u53f7\u6216\u59d3\u540d\u641c\u7d22\uff0c\u53ef\u4e0d\u586b", None))
        self.err_head_employee_id.setText("")
        self.lbl_sort_order.setText(QCoreApplication.translate("DepartmentDialog", u"\u6392\u5e8f\u53f7", None))
#if QT_CONFIG(tooltip)
        self.sort_order.setToolTip(QCoreApplication.translate("DepartmentDialog", u"\u540c\u4e00\u4e0a\u7ea7\u4e0b\u7684\u90e8\u95e8\u6309\u6392\u5e8f\u53f7\u4ece\u5c0f\u5230\u5927\u6392\u5217", None))
#endif // QT_CONFIG(tooltip)
        self.sort_order_hint.setText(QCoreApplication.translate("DepartmentDialog", u"\u540c\u7ea7\u90e8\u95e8\u6309\u6b64\u6570\u5b57\u4ece\u5c0f\u5230\u5927\u6392\u5217", None))
        self.err_sort_order.setText("")
        self.lbl_active.setText(QCoreApplication.translate("DepartmentDialog", u"\u72b6\u6001", None))
        self.active.setText(QCoreApplication.translate("DepartmentDialog", u"\u542f\u7528", None))
        self.err_active.setText("")
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_TransferDialog(object):
    def setupUi(self, TransferDialog):
        if not TransferDialog.objectName():
            TransferDialog.setObjectName(u"TransferDialog")
        TransferDialog.resize(720, 600)
        self.main_layout = QVBoxLayout(TransferDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(TransferDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(12)
        self.lbl_employee = QLabel(TransferDialog)
        self.lbl_employee.setObjectName(u"lbl_employee")
        self.lbl_employee.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_employee, 0, 0, 1, 1)

        self.employee = QLineEdit(TransferDialog)
        self.employee.setObjectName(u"employee")

        self.grid.addWidget(self.employee, 0, 1, 1, 1)

        self.err_employee = QLabel(TransferDialog)
        self.err_employee.setObjectName(u"err_employee")
        self.err_employee.setVisible(False)
        self.err_employee.setWordWrap(True)

        self.grid.addWidget(self.err_employee, 1, 1, 1, 1)

        self.employee_info = QLabel(TransferDialog)
        self.employee_info.setObjectName(u"employee_info")

        self.grid.addWidget(self.employee_info, 2, 1, 1, 1)

        self.lbl_effective_date = QLabel(TransferDialog)
        self.lbl_effective_date.setObjectName(u"lbl_effective_date")
        self.lbl_effective_date.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.lbl_effective_date, 3, 0, 1, 1)

        self.effective_date = QDateEdit(TransferDialog)
        self.effective_date.setObjectName(u"effective_date")
        self.effective_date.setCalendarPopup(True)

        self.grid.addWidget(self.effective_date, 3, 1, 1, 1)

        self.err_effective_date = QLabel(TransferDialog)
        self.err_effective_date.setObjectName(u"err_effective_date")
        self.err_effective_date.setVisible(False)
        self.err_effective_date.setWordWrap(True)

        self.grid.addWidget(self.err_effective_date, 4, 1, 1, 1)

        self.changes_group = QGroupBox(TransferDialog)
        self.changes_group.setObjectName(u"changes_group")
        self.changes_layout = QGridLayout(self.changes_group)
        self.changes_layout.setObjectName(u"changes_layout")
        self.changes_layout.setVerticalSpacing(4)
        self.changes_layout.setHorizontalSpacing(12)
        self.head_current = QLabel(self.changes_group)
        self.head_current.setObjectName(u"head_current")

        self.changes_layout.addWidget(self.head_current, 0, 1, 1, 1)

        self.head_new = QLabel(self.changes_group)
        self.head_new.setObjectName(u"head_new")

        self.changes_layout.addWidget(self.head_new, 0, 2, 1, 1)

        self.lbl_department_id = QLabel(self.changes_group)
        self.lbl_department_id.setObjectName(u"lbl_department_id")
        self.lbl_department_id.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.changes_layout.addWidget(self.lbl_department_id, 1, 0, 1, 1)

        self.current_department_id = QLabel(self.changes_group)
        self.current_department_id.setObjectName(u"current_department_id")

        self.changes_layout.addWidget(self.current_department_id, 1, 1, 1, 1)

        self.department_id = QComboBox(self.changes_group)
        self.department_id.setObjectName(u"department_id")

        self.changes_layout.addWidget(self.department_id, 1, 2, 1, 1)

        self.err_department_id = QLabel(self.changes_group)
        self.err_department_id.setObjectName(u"err_department_id")
        self.err_department_id.setVisible(False)
        self.err_department_id.setWordWrap(True)

        self.changes_layout.addWidget(self.err_department_id, 2, 2, 1, 1)

        self.lbl_project_department_id = QLabel(self.changes_group)
        self.lbl_project_department_id.setObjectName(u"lbl_project_department_id")
        self.lbl_project_department_id.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.changes_layout.addWidget(self.lbl_project_department_id, 3, 0, 1, 1)

        self.current_project_department_id = QLabel(self.changes_group)
        self.current_project_department_id.setObjectName(u"current_project_department_id")

        self.changes_layout.addWidget(self.current_project_department_id, 3, 1, 1, 1)

        self.project_department_id = QComboBox(self.changes_group)
        self.project_department_id.setObjectName(u"project_department_id")

        self.changes_layout.addWidget(self.project_department_id, 3, 2, 1, 1)

        self.err_project_department_id = QLabel(self.changes_group)
        self.err_project_department_id.setObjectName(u"err_project_department_id")
        self.err_project_department_id.setVisible(False)
        self.err_project_department_id.setWordWrap(True)

        self.changes_layout.addWidget(self.err_project_department_id, 4, 2, 1, 1)

        self.lbl_position_id = QLabel(self.changes_group)
        self.lbl_position_id.setObjectName(u"lbl_position_id")
        self.lbl_position_id.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.changes_layout.addWidget(self.lbl_position_id, 5, 0, 1, 1)

        self.current_position_id = QLabel(self.changes_group)
        self.current_position_id.setObjectName(u"current_position_id")

        self.changes_layout.addWidget(self.current_position_id, 5, 1, 1, 1)

        self.position_id = QComboBox(self.changes_group)
        self.position_id.setObjectName(u"position_id")

        self.changes_layout.addWidget(self.position_id, 5, 2, 1, 1)

        self.err_position_id = QLabel(self.changes_group)
        self.err_position_id.setObjectName(u"err_position_id")
        self.err_position_id.setVisible(False)
        self.err_position_id.setWordWrap(True)

        self.changes_layout.addWidget(self.err_position_id, 6, 2, 1, 1)

        self.lbl_manager_id = QLabel(self.changes_group)
        self.lbl_manager_id.setObjectName(u"lbl_manager_id")
        self.lbl_manager_id.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.changes_layout.addWidget(self.lbl_manager_id, 7, 0, 1, 1)

        self.current_manager_id = QLabel(self.changes_group)
        self.current_manager_id.setObjectName(u"current_manager_id")

        self.changes_layout.addWidget(self.current_manager_id, 7, 1, 1, 1)

        self.manager_id = QLineEdit(self.changes_group)
        self.manager_id.setObjectName(u"manager_id")

        self.changes_layout.addWidget(self.manager_id, 7, 2, 1, 1)

        self.err_manager_id = QLabel(self.changes_group)
        self.err_manager_id.setObjectName(u"err_manager_id")
        self.err_manager_id.setVisible(False)
        self.err_manager_id.setWordWrap(True)

        self.changes_layout.addWidget(self.err_manager_id, 8, 2, 1, 1)

        self.lbl_base_salary = QLabel(self.changes_group)
        self.lbl_base_salary.setObjectName(u"lbl_base_salary")
        self.lbl_base_salary.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.changes_layout.addWidget(self.lbl_base_salary, 9, 0, 1, 1)

        self.current_base_salary = QLabel(self.changes_group)
        self.current_base_salary.setObjectName(u"current_base_salary")

        self.changes_layout.addWidget(self.current_base_salary, 9, 1, 1, 1)

        self.base_salary = QLineEdit(self.changes_group)
        self.base_salary.setObjectName(u"base_salary")

        self.changes_layout.addWidget(self.base_salary, 9, 2, 1, 1)

        self.err_base_salary = QLabel(self.changes_group)
        self.err_base_salary.setObjectName(u"err_base_salary")
        self.err_base_salary.setVisible(False)
        self.err_base_salary.setWordWrap(True)

        self.changes_layout.addWidget(self.err_base_salary, 10, 2, 1, 1)


        self.grid.addWidget(self.changes_group, 5, 0, 1, 2)

        self.err_changes = QLabel(TransferDialog)
        self.err_changes.setObjectName(u"err_changes")
        self.err_changes.setVisible(False)
        self.err_changes.setWordWrap(True)

        self.grid.addWidget(self.err_changes, 6, 1, 1, 1)

        self.lbl_reason = QLabel(TransferDialog)
        self.lbl_reason.setObjectName(u"lbl_reason")
        self.lbl_reason.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.lbl_reason.setMargin(4)

        self.grid.addWidget(self.lbl_reason, 7, 0, 1, 1)

        self.reason = QPlainTextEdit(TransferDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumSize(QSize(0, 50))
        self.reason.setMaximumSize(QSize(16777215, 100))

        self.grid.addWidget(self.reason, 7, 1, 1, 1)

        self.err_reason = QLabel(TransferDialog)
        self.err_reason.setObjectName(u"err_reason")
        self.err_reason.setVisible(False)
        self.err_reason.setWordWrap(True)

        self.grid.addWidget(self.err_reason, 8, 1, 1, 1)


        self.main_layout.addLayout(self.grid)

        self.buttons = QDialogButtonBox(TransferDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.employee, self.effective_date)
        QWidget.setTabOrder(self.effective_date, self.department_id)
        QWidget.setTabOrder(self.department_id, self.project_department_id)
        QWidget.setTabOrder(self.project_department_id, self.position_id)
        QWidget.setTabOrder(self.position_id, self.manager_id)
        QWidget.setTabOrder(self.manager_id, self.base_salary)
        QWidget.setTabOrder(self.base_salary, self.reason)
        QWidget.setTabOrder(self.reason, self.buttons)

        self.retranslateUi(TransferDialog)

        QMetaObject.connectSlotsByName(TransferDialog)
    # setupUi

    def retranslateUi(self, TransferDialog):
        TransferDialog.setWindowTitle(QCoreApplication.translate("TransferDialog", u"\u53d1\u8d77\u8c03\u5c97/\u8c03\u85aa", None))
        self.banner.setText("")
        self.lbl_employee.setText(QCoreApplication.translate("TransferDialog", u"\u5458\u5de5 *", None))
        self.employee.setPlaceholderText(QCoreApplication.translate("TransferDialog", u"\u8f93\u5165\u5de5\u53f7\u6216\u59d3\u540d\uff0c\u4ece\u5217\u8868\u4e2d\u9009\u62e9", None))
        self.err_employee.setText("")
        self.employee_info.setText("")
        self.lbl_effective_date.setText(QCoreApplication.translate("TransferDialog", u"\u751f\u6548\u65e5\u671f *", None))
        self.effective_date.setDisplayFormat(QCoreApplication.translate("TransferDialog", u"yyyy-MM-dd", None))
        self.err_effective_date.setText("")
        self.changes_group.setTitle(QCoreApplication.translate("TransferDialog", u"\u53d8\u52a8\u5185\u5bb9\uff08\u53ea\u6539\u9700\u8981\u53d8\u52a8\u7684\u9879\uff0c\u5176\u4f59\u4fdd\u6301\u4e0d\u53d8\uff09", None))
        self.head_current.setText(QCoreApplication.translate("TransferDialog", u"\u5f53\u524d", None))
        self.head_new.setText(QCoreApplication.translate("TransferDialog", u"\u8c03\u6574\u4e3a", None))
        self.lbl_department_id.setText(QCoreApplication.translate("TransferDialog", u"\u90e8\u95e8", None))
        self.current_department_id.setText("")
        self.err_department_id.setText("")
        self.lbl_project_department_id.setText(QCoreApplication.translate("TransferDialog", u"\u9879\u76ee\u90e8", None))
        self.current_project_department_id.setText("")
        self.err_project_department_id.setText("")
        self.lbl_position_id.setText(QCoreApplication.translate("TransferDialog", u"\u5c97\u4f4d", None))
        self.current_position_id.setText("")
        self.err_position_id.setText("")
        self.lbl_manager_id.setText(QCoreApplication.translate("TransferDialog", u"\u76f4\u5c5e\u4e0a\u7ea7", None))
        self.current_manager_id.setText("")
        self.manager_id.setPlaceholderText(QCoreApplication.translate("TransferDialog", u"\u8f93\u5165\u5de5\u53f7\u6216\u59d3\u540d\uff0c\u4ece\u5217\u8868\u4e2d\u9009\u62e9\uff1b\u6e05\u7a7a\u8868\u793a\u4e0d\u8bbe\u76f4\u5c5e\u4e0a\u7ea7", None))
        self.err_manager_id.setText("")
        self.lbl_base_salary.setText(QCoreApplication.translate("TransferDialog", u"\u57fa\u672c\u5de5\u8d44\uff08\u5143/\u6708\uff09", None))
        self.current_base_salary.setText("")
        self.base_salary.setPlaceholderText(QCoreApplication.translate("TransferDialog", u"\u4e0d\u8c03\u85aa\u8bf7\u7559\u7a7a", None))
        self.err_base_salary.setText("")
        self.err_changes.setText("")
        self.lbl_reason.setText(QCoreApplication.translate("TransferDialog", u"\u8c03\u52a8\u539f\u56e0 *", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("TransferDialog", u"\u5982 \u664b\u5347\u3001\u5c97\u4f4d\u8c03\u6574\u3001\u5e74\u5ea6\u8c03\u85aa", None))
        self.err_reason.setText("")
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'employee_dialog.ui'
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
    QDialog, QDialogButtonBox, QFrame, QGridLayout,
    QGroupBox, QLabel, QLineEdit, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_EmployeeDialog(object):
    def setupUi(self, EmployeeDialog):
        if not EmployeeDialog.objectName():
            EmployeeDialog.setObjectName(u"EmployeeDialog")
        EmployeeDialog.resize(920, 660)
        self.main_layout = QVBoxLayout(EmployeeDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(EmployeeDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.scroll = QScrollArea(EmployeeDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_body = QWidget()
        self.scroll_body.setObjectName(u"scroll_body")
        self.body_layout = QGridLayout(self.scroll_body)
        self.body_layout.setObjectName(u"body_layout")
        self.body_layout.setHorizontalSpacing(16)
        self.basic_group = QGroupBox(self.scroll_body)
        self.basic_group.setObjectName(u"basic_group")
        self.basic_group_layout = QGridLayout(self.basic_group)
        self.basic_group_layout.setObjectName(u"basic_group_layout")
        self.basic_group_layout.setVerticalSpacing(2)
        self.basic_group_layout.setHorizontalSpacing(10)
        self.lbl_emp_no = QLabel(self.basic_group)
        self.lbl_emp_no.setObjectName(u"lbl_emp_no")

        self.basic_group_layout.addWidget(self.lbl_emp_no, 0, 0, 1, 1)

        self.emp_no = QLineEdit(self.basic_group)
        self.emp_no.setObjectName(u"emp_no")

        self.basic_group_layout.addWidget(self.emp_no, 0, 1, 1, 1)

        self.err_emp_no = QLabel(self.basic_group)
        self.err_emp_no.setObjectName(u"err_emp_no")
        self.err_emp_no.setVisible(False)
        self.err_emp_no.setWordWrap(True)

        self.basic_group_layout.addWidget(self.err_emp_no, 1, 1, 1, 1)

        self.lbl_name = QLabel(self.basic_group)
        self.lbl_name.setObjectName(u"lbl_name")

        self.basic_group_layout.addWidget(self.lbl_name, 2, 0, 1, 1)

        self.name = QLineEdit(self.basic_group)
        self.name.setObjectName(u"name")

        self.basic_group_layout.addWidget(self.name, 2, 1, 1, 1)

        self.err_name = QLabel(self.basic_group)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setVisible(False)
        self.err_name.setWordWrap(True)

        self.basic_group_layout.addWidget(self.err_name, 3, 1, 1, 1)

        self.lbl_id_number = QLabel(self.basic_group)
        self.lbl_id_number.setObjectName(u"lbl_id_number")

        self.basic_group_layout.addWidget(self.lbl_id_number, 4, 0, 1, 1)

        self.id_number = QLineEdit(self.basic_group)
        self.id_number.setObjectName(u"id_number")
        self.id_number.setMaxLength(18)

        self.basic_group_layout.addWidget(self.id_number, 4, 1, 1, 1)

        self.err_id_number = QLabel(self.basic_group)
        self.err_id_number.setObjectName(u"err_id_number")
        self.err_id_number.setVisible(False)
        self.err_id_number.setWordWrap(True)

        self.basic_group_layout.addWidget(self.err_id_number, 5, 1, 1, 1)

        self.lbl_gender = QLabel(self.basic_group)
        self.lbl_gender.setObjectName(u"lbl_gender")

        self.basic_group_layout.addWidget(self.lbl_gender, 6, 0, 1, 1)

        self.gender = QComboBox(self.basic_group)
        self.gender.setObjectName(u"gender")

        self.basic_group_layout.addWidget(self.gender, 6, 1, 1, 1)

        self.err_gender = QLabel(self.basic_group)
        self.err_gender.setObjectName(u"err_gender")
        self.err_gender.setVisible(False)
        self.err_gender.setWordWrap(True)

        self.basic_group_layout.addWidget(self.err_gender, 7, 1, 1, 1)

        self.lbl_birth_date = QLabel(self.basic_group)
        self.lbl_birth_date.setObjectName(u"lbl_birth_date")

        self.basic_group_layout.addWidget(self.lbl_birth_date, 8, 0, 1, 1)

        self.birth_date = QDateEdit(self.basic_group)
        self.birth_date.setObjectName(u"birth_date")
        self.birth_date.setCalendarPopup(True)

        self.basic_group_layout.addWidget(self.birth_date, 8, 1, 1, 1)

        self.err_birth_date = QLabel(self.basic_group)
        self.err_birth_date.setObjectName(u"err_birth_date")
        self.err_birth_date.setVisible(False)
        self.err_birth_date.setWordWrap(True)

        self.basic_group_layout.addWidget(self.err_birth_date, 9, 1, 1, 1)

        self.lbl_phone = QLabel(self.basic_group)
        self.lbl_phone.setObjectName(u"lbl_phone")

        self.basic_group_layout.addWidget(self.lbl_phone, 10, 0, 1, 1)

        self.phone = QLineEdit(self.basic_group)
        self.phone.setObjectName(u"phone")

        self.basic_group_layout.addWidget(self.phone, 10, 1, 1, 1)

        self.err_phone = QLabel(self.basic_group)
        self.err_phone.setObjectName(u"err_phone")
        self.err_phone.setVisible(False)
        self.err_phone.setWordWrap(True)

        self.basic_group_layout.addWidget(self.err_phone, 11, 1, 1, 1)

        self.lbl_email = QLabel(self.basic_group)
        self.lbl_email.setObjectName(u"lbl_email")

        self.basic_group_layout.addWidget(self.lbl_email, 12, 0, 1, 1)

        self.email = QLineEdit(self.basic_group)
        self.email.setObjectName(u"email")

        self.basic_group_layout.addWidget(self.email, 12, 1, 1, 1)

        self.err_email = QLabel(self.basic_group)
        self.err_email.setObjectName(u"err_email")
        self.err_email.setVisible(False)
        self.err_email.setWordWrap(True)

        self.basic_group_layout.addWidget(self.err_email, 13, 1, 1, 1)


        self.body_layout.addWidget(self.basic_group, 0, 0, 1, 1)

        self.job_group = QGroupBox(self.scroll_body)
        self.job_group.setObjectName(u"job_group")
        self.job_group_layout = QGridLayout(self.job_group)
        self.job_group_layout.setObjectName(u"job_group_layout")
        self.job_group_layout.setVerticalSpacing(2)
        self.job_group_layout.setHorizontalSpacing(10)
        self.lbl_department_id = QLabel(self.job_group)
        self.lbl_department_id.setObjectName(u"lbl_department_id")

        self.job_group_layout.addWidget(self.lbl_department_id, 0, 0, 1, 1)

        self.department_id = QComboBox(self.job_group)
        self.department_id.setObjectName(u"department_id")

        self.job_group_layout.addWidget(self.department_id, 0, 1, 1, 1)

        self.err_department_id = QLabel(self.job_group)
        self.err_department_id.setObjectName(u"err_department_id")
        self.err_department_id.setVisible(False)
        self.err_department_id.setWordWrap(True)

        self.job_group_layout.addWidget(self.err_department_id, 1, 1, 1, 1)

        self.lbl_project_department_id = QLabel(self.job_group)
        self.lbl_project_department_id.setObjectName(u"lbl_project_department_id")

        self.job_group_layout.addWidget(self.lbl_project_department_id, 2, 0, 1, 1)

        self.project_department_id = QComboBox(self.job_group)
        self.project_department_id.setObjectName(u"project_department_id")

        self.job_group_layout.addWidget(self.project_department_id, 2, 1, 1, 1)

        self.err_project_department_id = QLabel(self.job_group)
        self.err_project_department_id.setObjectName(u"err_project_department_id")
        self.err_project_department_id.setVisible(False)
        self.err_project_department_id.setWordWrap(True)

        self.job_group_layout.addWidget(self.err_project_department_id, 3, 1, 1, 1)

        self.lbl_position_id = QLabel(self.job_group)
        self.lbl_position_id.setObjectName(u"lbl_position_id")

        self.job_group_layout.addWidget(self.lbl_position_id, 4, 0, 1, 1)

        self.position_id = QComboBox(self.job_group)
        self.position_id.setObjectName(u"position_id")

        self.job_group_layout.addWidget(self.position_id, 4, 1, 1, 1)

        self.err_position_id = QLabel(self.job_group)
        self.err_position_id.setObjectName(u"err_position_id")
        self.err_position_id.setVisible(False)
        self.err_position_id.setWordWrap(True)

        self.job_group_layout.addWidget(self.err_position_id, 5, 1, 1, 1)

        self.lbl_manager_id = QLabel(self.job_group)
        self.lbl_manager_id.setObjectName(u"lbl_manager_id")

        self.job_group_layout.addWidget(self.lbl_manager_id, 6, 0, 1, 1)

        self.manager_id = QLineEdit(self.job_group)
        self.manager_id.setObjectName(u"manager_id")

        self.job_group_layout.addWidget(self.manager_id, 6, 1, 1, 1)

        self.err_manager_id = QLabel(self.job_group)
        self.err_manager_id.setObjectName(u"err_manager_id")
        self.err_manager_id.setVisible(False)
        self.err_manager_id.setWordWrap(True)

        self.job_group_layout.addWidget(self.err_manager_id, 7, 1, 1, 1)

        self.lbl_hire_date = QLabel(self.job_group)
        self.lbl_hire_date.setObjectName(u"lbl_hire_date")

        self.job_group_layout.addWidget(self.lbl_hire_date, 8, 0, 1, 1)

        self.hire_date = QDateEdit(self.job_group)
        self.hire_date.setObjectName(u"hire_date")
        self.hire_date.setCalendarPopup(True)

        self.job_group_layout.addWidget(self.hire_date, 8, 1, 1, 1)

        self.err_hire_date = QLabel(self.job_group)
        self.err_hire_date.setObjectName(u"err_hire_date")
        self.err_hire_date.setVisible(False)
        self.err_hire_date.setWordWrap(True)

        self.job_group_layout.addWidget(self.err_hire_date, 9, 1, 1, 1)

        self.lbl_probation_end_date = QLabel(self.job_group)
        self.lbl_probation_end_date.setObjectName(u"lbl_probation_end_date")

        self.job_group_layout.addWidget(self.lbl_probation_end_date, 10, 0, 1, 1)

        self.probation_end_date = QDateEdit(self.job_group)
        self.probation_end_date.setObjectName(u"probation_end_date")
        self.probation_end_date.setCalendarPopup(True)

        self.job_group_layout.addWidget(self.probation_end_date, 10, 1, 1, 1)

        self.err_probation_end_date = QLabel(self.job_group)
        self.err_probation_end_date.setObjectName(u"err_probation_end_date")
        self.err_probation_end_date.setVisible(False)
        self.err_probation_end_date.setWordWrap(True)

        self.job_group_layout.addWidget(self.err_probation_end_date, 11, 1, 1, 1)

        self.lbl_status = QLabel(self.job_group)
        self.lbl_status.setObjectName(u"lbl_status")

        self.job_group_layout.addWidget(self.lbl_status, 12, 0, 1, 1)

        self.status = QComboBox(self.job_group)
        self.status.setObjectName(u"status")

        self.job_group_layout.addWidget(self.status, 12, 1, 1, 1)

        self.err_status = QLabel(self.job_group)
        self.err_status.setObjectName(u"err_status")
        self.err_status.setVisible(False)
        self.err_status.setWordWrap(True)

        self.job_group_layout.addWidget(self.err_status, 13, 1, 1, 1)

        self.lbl_last_working_day = QLabel(self.job_group)
        self.lbl_last_working_day.setObjectName(u"lbl_last_working_day")

        self.job_group_layout.addWidget(self.lbl_last_working_day, 14, 0, 1, 1)

        self.last_working_day = QDateEdit(self.job_group)
        self.last_working_day.setObjectName(u"last_working_day")
        self.last_working_day.setCalendarPopup(True)

        self.job_group_layout.addWidget(self.last_working_day, 14, 1, 1, 1)

        self.err_last_working_day = QLabel(self.job_group)
        self.err_last_working_day.setObjectName(u"err_last_working_day")
        self.err_last_working_day.setVisible(False)
        self.err_last_working_day.setWordWrap(True)

        self.job_group_layout.addWidget(self.err_last_working_day, 15, 1, 1, 1)


        self.body_layout.addWidget(self.job_group, 0, 1, 2, 1)

        self.contract_group = QGroupBox(self.scroll_body)
        self.contract_group.setObjectName(u"contract_group")
        self.contract_group_layout = QGridLayout(self.contract_group)
        self.contract_group_layout.setObjectName(u"contract_group_layout")
        self.contract_group_layout.setVerticalSpacing(2)
        self.contract_group_layout.setHorizontalSpacing(10)
        self.lbl_contract_type = QLabel(self.contract_group)
        self.lbl_contract_type.setObjectName(u"lbl_contract_type")

        self.contract_group_layout.addWidget(self.lbl_contract_type, 0, 0, 1, 1)

        self.contract_type = QComboBox(self.contract_group)
        self.contract_type.setObjectName(u"contract_type")

        self.contract_group_layout.addWidget(self.contract_type, 0, 1, 1, 1)

        self.err_contract_type = QLabel(self.contract_group)
        self.err_contract_type.setObjectName(u"err_contract_type")
        self.err_contract_type.setVisible(False)
        self.err_contract_type.setWordWrap(True)

        self.contract_group_layout.addWidget(self.err_contract_type, 1, 1, 1, 1)

        self.lbl_contract_start = QLabel(self.contract_group)
        self.lbl_contract_start.setObjectName(u"lbl_contract_start")

        self.contract_group_layout.addWidget(self.lbl_contract_start, 2, 0, 1, 1)

        self.contract_start = QDateEdit(self.contract_group)
        self.contract_start.setObjectName(u"contract_start")
        self.contract_start.setCalendarPopup(True)

        self.contract_group_layout.addWidget(self.contract_start, 2, 1, 1, 1)

        self.err_contract_start = QLabel(self.contract_group)
        self.err_contract_start.setObjectName(u"err_contract_start")
        self.err_contract_start.setVisible(False)
        self.err_contract_start.setWordWrap(True)

        self.contract_group_layout.addWidget(self.err_contract_start, 3, 1, 1, 1)

        self.lbl_contract_end = QLabel(self.contract_group)
        self.lbl_contract_end.setObjectName(u"lbl_contract_end")

        self.contract_group_layout.addWidget(self.lbl_contract_end, 4, 0, 1, 1)

        self.contract_end = QDateEdit(self.contract_group)
        self.contract_end.setObjectName(u"contract_end")
        self.contract_end.setCalendarPopup(True)

        self.contract_group_layout.addWidget(self.contract_end, 4, 1, 1, 1)

        self.err_contract_end = QLabel(self.contract_group)
        self.err_contract_end.setObjectName(u"err_contract_end")
        self.err_contract_end.setVisible(False)
        self.err_contract_end.setWordWrap(True)

        self.contract_group_layout.addWidget(self.err_contract_end, 5, 1, 1, 1)


        self.body_layout.addWidget(self.contract_group, 1, 0, 1, 1)

        self.pay_group = QGroupBox(self.scroll_body)
        self.pay_group.setObjectName(u"pay_group")
        self.pay_group_layout = QGridLayout(self.pay_group)
        self.pay_group_layout.setObjectName(u"pay_group_layout")
        self.pay_group_layout.setVerticalSpacing(2)
        self.pay_group_layout.setHorizontalSpacing(10)
        self.lbl_social_security_city = QLabel(self.pay_group)
        self.lbl_social_security_city.setObjectName(u"lbl_social_security_city")

        self.pay_group_layout.addWidget(self.lbl_social_security_city, 0, 0, 1, 1)

        self.social_security_city = QComboBox(self.pay_group)
        self.social_security_city.setObjectName(u"social_security_city")
        self.social_security_city.setEditable(True)

        self.pay_group_layout.addWidget(self.social_security_city, 0, 1, 1, 1)

        self.err_social_security_city = QLabel(self.pay_group)
        self.err_social_security_city.setObjectName(u"err_social_security_city")
        self.err_social_security_city.setVisible(False)
        self.err_social_security_city.setWordWrap(True)

        self.pay_group_layout.addWidget(self.err_social_security_city, 1, 1, 1, 1)

        self.lbl_base_salary = QLabel(self.pay_group)
        self.lbl_base_salary.setObjectName(u"lbl_base_salary")

        self.pay_group_layout.addWidget(self.lbl_base_salary, 2, 0, 1, 1)

        self.base_salary = QLineEdit(self.pay_group)
        self.base_salary.setObjectName(u"base_salary")

        self.pay_group_layout.addWidget(self.base_salary, 2, 1, 1, 1)

        self.err_base_salary = QLabel(self.pay_group)
        self.err_base_salary.setObjectName(u"err_base_salary")
        self.err_base_salary.setVisible(False)
        self.err_base_salary.setWordWrap(True)

        self.pay_group_layout.addWidget(self.err_base_salary, 3, 1, 1, 1)

        self.lbl_insurance_base = QLabel(self.pay_group)
        self.lbl_insurance_base.setObjectName(u"lbl_insurance_base")

        self.pay_group_layout.addWidget(self.lbl_insurance_base, 4, 0, 1, 1)

        self.insurance_base = QLineEdit(self.pay_group)
        self.insurance_base.setObjectName(u"insurance_base")

        self.pay_group_layout.addWidget(self.insurance_base, 4, 1, 1, 1)

        self.err_insurance_base = QLabel(self.pay_group)
        self.err_insurance_base.setObjectName(u"err_insurance_base")
        self.err_insurance_base.setVisible(False)
        self.err_insurance_base.setWordWrap(True)

        self.pay_group_layout.addWidget(self.err_insurance_base, 5, 1, 1, 1)

        self.lbl_housing_fund_base = QLabel(self.pay_group)
        self.lbl_housing_fund_base.setObjectName(u"lbl_housing_fund_base")

        self.pay_group_layout.addWidget(self.lbl_housing_fund_base, 6, 0, 1, 1)

        self.housing_fund_base = QLineEdit(self.pay_group)
        self.housing_fund_base.setObjectName(u"housing_fund_base")

        self.pay_group_layout.addWidget(self.housing_fund_base, 6, 1, 1, 1)

        self.err_housing_fund_base = QLabel(self.pay_group)
        self.err_housing_fund_base.setObjectName(u"err_housing_fund_base")
        self.err_housing_fund_base.setVisible(False)
        self.err_housing_fund_base.setWordWrap(True)

        self.pay_group_layout.addWidget(self.err_housing_fund_base, 7, 1, 1, 1)

        self.lbl_bank_account = QLabel(self.pay_group)
        self.lbl_bank_account.setObjectName(u"lbl_bank_account")

        self.pay_group_layout.addWidget(self.lbl_bank_account, 8, 0, 1, 1)

        self.bank_account = QLineEdit(self.pay_group)
        self.bank_account.setObjectName(u"bank_account")

        self.pay_group_layout.addWidget(self.bank_account, 8, 1, 1, 1)

        self.err_bank_account = QLabel(self.pay_group)
        self.err_bank_account.setObjectName(u"err_bank_account")
        self.err_bank_account.setVisible(False)
        self.err_bank_account.setWordWrap(True)

        self.pay_group_layout.addWidget(self.err_bank_account, 9, 1, 1, 1)

        self.lbl_bank_name = QLabel(self.pay_group)
        self.lbl_bank_name.setObjectName(u"lbl_bank_name")

        self.pay_group_layout.addWidget(self.lbl_bank_name, 10, 0, 1, 1)

        self.bank_name = QLineEdit(self.pay_group)
        self.bank_name.setObjectName(u"bank_name")

        self.pay_group_layout.addWidget(self.bank_name, 10, 1, 1, 1)

        self.err_bank_name = QLabel(self.pay_group)
        self.err_bank_name.setObjectName(u"err_bank_name")
        self.err_bank_name.setVisible(False)
        self.err_bank_name.setWordWrap(True)

        self.pay_group_layout.addWidget(self.err_bank_name, 11, 1, 1, 1)


        self.body_layout.addWidget(self.pay_group, 2, 0, 1, 1)

        self.custom_group = QGroupBox(self.scroll_body)
        self.custom_group.setObjectName(u"custom_group")
        self.custom_layout = QGridLayout(self.custom_group)
        self.custom_layout.setObjectName(u"custom_layout")
        self.custom_layout.setVerticalSpacing(2)

        self.body_layout.addWidget(self.custom_group, 2, 1, 1, 1)

        self.body_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.body_layout.addItem(self.body_spacer, 3, 0, 1, 2)

        self.scroll.setWidget(self.scroll_body)

        self.main_layout.addWidget(self.scroll)

        self.buttons = QDialogButtonBox(EmployeeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

        QWidget.setTabOrder(self.emp_no, self.name)
        QWidget.setTabOrder(self.name, self.id_number)
        QWidget.setTabOrder(self.id_number, self.gender)
        QWidget.setTabOrder(self.gender, self.birth_date)
        QWidget.setTabOrder(self.birth_date, self.phone)
        QWidget.setTabOrder(self.phone, self.email)
        QWidget.setTabOrder(self.email, self.contract_type)
        QWidget.setTabOrder(self.contract_type, self.contract_start)
        QWidget.setTabOrder(self.contract_start, self.contract_end)
        QWidget.setTabOrder(self.contract_end, self.department_id)
        QWidget.setTabOrder(self.department_id, self.project_department_id)
        QWidget.setTabOrder(self.project_department_id, self.position_id)
        QWidget.setTabOrder(self.position_id, self.manager_id)
        QWidget.setTabOrder(self.manager_id, self.hire_date)
        QWidget.setTabOrder(self.hire_date, self.probation_end_date)
        QWidget.setTabOrder(self.probation_end_date, self.status)
        QWidget.setTabOrder(self.status, self.last_working_day)
        QWidget.setTabOrder(self.last_working_day, self.social_security_city)
        QWidget.setTabOrder(self.social_security_city, self.base_salary)
        QWidget.setTabOrder(self.base_salary, self.insurance_base)
        QWidget.setTabOrder(self.insurance_base, self.housing_fund_base)
        QWidget.setTabOrder(self.housing_fund_base, self.bank_account)
        QWidget.setTabOrder(self.bank_account, self.bank_name)

        self.retranslateUi(EmployeeDialog)

        QMetaObject.connectSlotsByName(EmployeeDialog)
    # setupUi

    def retranslateUi(self, EmployeeDialog):
        EmployeeDialog.setWindowTitle(QCoreApplication.translate("EmployeeDialog", u"\u5458\u5de5\u6863\u6848", None))
        self.banner.setText("")
        self.basic_group.setTitle(QCoreApplication.translate("EmployeeDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.lbl_emp_no.setText(QCoreApplication.translate("EmployeeDialog", u"\u5de5\u53f7 *", None))
        self.emp_no.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"\u5982 E000123", None))
        self.err_emp_no.setText("")
        self.lbl_name.setText(QCoreApplication.translate("EmployeeDialog", u"\u59d3\u540d *", None))
        self.err_name.setText("")
        self.lbl_id_number.setText(QCoreApplication.translate("EmployeeDialog", u"\u8eab\u4efd\u8bc1\u53f7 *", None))
        self.id_number.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"18\u4f4d\uff0c\u672b\u4f4d\u53ef\u4e3aX", None))
        self.err_id_number.setText("")
        self.lbl_gender.setText(QCoreApplication.translate("EmployeeDialog", u"\u6027\u522b", None))
        self.err_gender.setText("")
        self.lbl_birth_date.setText(QCoreApplication.translate("EmployeeDialog", u"\u51fa\u751f\u65e5\u671f", None))
        self.birth_date.setDisplayFormat(QCoreApplication.translate("EmployeeDialog", u"yyyy-MM-dd", None))
        self.err_birth_date.setText("")
        self.lbl_phone.setText(QCoreApplication.translate("EmployeeDialog", u"\u624b\u673a *", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"11\u4f4d\u624b\u673a\u53f7", None))
        self.err_phone.setText("")
        self.lbl_email.setText(QCoreApplication.translate("EmployeeDialog", u"\u90ae\u7bb1", None))
        self.err_email.setText("")
        self.job_group.setTitle(QCoreApplication.translate("EmployeeDialog", u"\u4efb\u804c\u4fe1\u606f", None))
        self.lbl_department_id.setText(QCoreApplication.translate("EmployeeDialog", u"\u90e8\u95e8 *", None))
        self.err_department_id.setText("")
        self.lbl_project_department_id.setText(QCoreApplication.translate("EmployeeDialog", u"\u9879\u76ee\u90e8", None))
        self.err_project_department_id.setText("")
        self.lbl_position_id.setText(QCoreApplication.translate("EmployeeDialog", u"\u5c97\u4f4d", None))
        self.err_position_id.setText("")
        self.lbl_manager_id.setText(QCoreApplication.translate("EmployeeDialog", u"\u76f4\u5c5e\u4e0a\u7ea7", None))
        self.manager_id.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"\u8f93\u5165\u5de5\u53f7\u6216\u59d3\u540d\u641c\u7d22", None))
        self.err_manager_id.setText("")
        self.lbl_hire_date.setText(QCoreApplication.translate("EmployeeDialog", u"\u5165\u804c\u65e5\u671f *", None))
        self.hire_date.setDisplayFormat(QCoreApplication.translate("EmployeeDialog", u"yyyy-MM-dd", None))
        self.err_hire_date.setText("")
        self.lbl_probation_end_date.setText(QCoreApplication.translate("EmployeeDialog", u"\u8bd5\u7528\u671f\u7ed3\u675f\u65e5\u671f", None))
        self.probation_end_date.setDisplayFormat(QCoreApplication.translate("EmployeeDialog", u"yyyy-MM-dd", None))
        self.err_probation_end_date.setText("")
        self.lbl_status.setText(QCoreApplication.translate("EmployeeDialog", u"\u5458\u5de5\u72b6\u6001", None))
        self.err_status.setText("")
        self.lbl_last_working_day.setText(QCoreApplication.translate("EmployeeDialog", u"\u6700\u540e\u5de5\u4f5c\u65e5", None))
        self.last_working_day.setDisplayFormat(QCoreApplication.translate("EmployeeDialog", u"yyyy-MM-dd", None))
        self.err_last_working_day.setText("")
        self.contract_group.setTitle(QCoreApplication.translate("EmployeeDialog", u"\u52b3\u52a8\u5408\u540c", None))
        self.lbl_contract_type.setText(QCoreApplication.translate("EmployeeDialog", u"\u5408\u540c\u7c7b\u578b", None))
        self.err_contract_type.setText("")
        self.lbl_contract_start.setText(QCoreApplication.translate("EmployeeDialog", u"\u5408\u540c\u5f00\u59cb\u65e5\u671f", None))
        self.contract_start.setDisplayFormat(QCoreApplication.translate("EmployeeDialog", u"yyyy-MM-dd", None))
        self.err_contract_start.setText("")
        self.lbl_contract_end.setText(QCoreApplication.translate("EmployeeDialog", u"\u5408\u540c\u7ed3\u675f\u65e5\u671f", None))
        self.contract_end.setDisplayFormat(QCoreApplication.translate("EmployeeDialog", u"yyyy-MM-dd", None))
        self.err_contract_end.setText("")
        self.pay_group.setTitle(QCoreApplication.translate("EmployeeDialog", u"\u85aa\u916c\u4e0e\u94f6\u884c\u5361", None))
        self.lbl_social_security_city.setText(QCoreApplication.translate("EmployeeDialog", u"\u793e\u4fdd\u7f34\u7eb3\u57ce\u5e02", None))
        self.err_social_security_city.setText("")
        self.lbl_base_salary.setText(QCoreApplication.translate("EmployeeDialog", u"\u57fa\u672c\u5de5\u8d44\uff08\u5143/\u6708\uff09*", None))
        self.base_salary.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"\u5982 8000.00", None))
        self.err_base_salary.setText("")
        self.lbl_insurance_base.setText(QCoreApplication.translate("EmployeeDialog", u"\u793e\u4fdd\u57fa\u6570\uff08\u5143/\u6708\uff09", None))
        self.insurance_base.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"\u7559\u7a7a\u5219\u6309\u57fa\u672c\u5de5\u8d44", None))
        self.err_insurance_base.setText("")
        self.lbl_housing_fund_base.setText(QCoreApplication.translate("EmployeeDialog", u"\u516c\u79ef\u91d1\u57fa\u6570\uff08\u5143/\u6708\uff09", None))
        self.housing_fund_base.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"\u7559\u7a7a\u5219\u6309\u57fa\u672c\u5de5\u8d44", None))
        self.err_housing_fund_base.setText("")
        self.lbl_bank_account.setText(QCoreApplication.translate("EmployeeDialog", u"\u94f6\u884c\u5361\u53f7", None))
        self.bank_account.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"\u5de5\u8d44\u5361\u5361\u53f7", None))
        self.err_bank_account.setText("")
        self.lbl_bank_name.setText(QCoreApplication.translate("EmployeeDialog", u"\u5f00\u6237\u884c", None))
        self.bank_name.setPlaceholderText(QCoreApplication.translate("EmployeeDialog", u"\u5982 \u4e2d\u56fd\u5de5\u5546\u94f6\u884c\u4e0a\u6d77\u5206\u884c", None))
        self.err_bank_name.setText("")
        self.custom_group.setTitle(QCoreApplication.translate("EmployeeDialog", u"\u81ea\u5b9a\u4e49\u5b57\u6bb5", None))
    # retranslateUi


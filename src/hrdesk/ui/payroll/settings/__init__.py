"""The tabs and dialogs of 薪资设置 (hrdesk.ui.payroll.settings.page holds the page itself).

One module per tab: insurance (社保公积金, with city_rules_dialog), average_wage (当地平均工资),
tax_tables (个税税率表), deductions_standard (减除费用与扣除标准), item_types (工资项目) and
company_leave (公司福利年假). What the versioned policy tables share: policy_dialog (the editor
that saves a new version), version_list (the list of versions), policy_numbers (rates and amounts
as shown and as typed).
"""

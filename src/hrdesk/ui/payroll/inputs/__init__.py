"""The tabs and dialogs of 工资录入 (hrdesk.ui.payroll.inputs.page holds the page itself).

One module per tab: entries (本月项目) with entry_dialog, allowances (固定津贴), deductions
(专项附加扣除), opening (年初累计数); input_tab is what the tabs share (period, loading, Excel
imports), filtered_table the 工号/姓名 filter over a table, labels the texts several tabs show.
"""

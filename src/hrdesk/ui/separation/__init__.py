"""离职 in the flow dialog: the 离职结算 statement and what the dialog adds for a separation.

separation_section (the 离职结算 tab and the 离职证明预览 button, all flow_dialog.py calls) shows
settlement_panel (the statement: loading, saving, finance's confirmations, printing), which is
built from statement_lines (the lines table), params_form (结算参数) and deductions_list (扣款 from
the handover checklist); texts holds the amounts, months and header lines they share.
"""

"""流程设置: the page (page.py) and one module per tab: flows_tab (审批流程), notices_tab (通知策略),
mail_tab (邮件服务器), checklist_tab (交接清单模板); parts holds what they share."""

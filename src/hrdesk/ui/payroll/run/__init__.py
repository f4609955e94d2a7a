"""The parts of 工资核算 (hrdesk.ui.payroll.run.page holds the page itself).

status_banner (the run's status, who did what when, the busy indicator; the stale warning and the
notice line below it), export_menu (导出 ▾ and the exported files' names), payroll_sheet (the
month's table with department subtotals and the pinned totals row), sheet_filters (search, the
department filter and the count above the table); texts holds the months and times they write.
"""

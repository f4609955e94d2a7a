"""The payroll workbooks finance files and sends on: 工资表, 工资条, 银行代发, 个税扣缴申报,
社保公积金明细 and the department cost summary."""

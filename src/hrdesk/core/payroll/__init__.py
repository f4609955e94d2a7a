"""Payroll (工资核算): the rules (income tax, social insurance, the monthly calculation, policy
versions), runs, inputs, employees' tax declarations, Excel imports and the Excel files finance needs."""

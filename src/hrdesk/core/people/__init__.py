"""The employee register (员工档案): the employee record's rules, the register as display rows,
company-defined fields, and the data scope of who may see whom."""

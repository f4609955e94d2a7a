"""工资核算, 工资录入, 薪资设置 and 我的工资条: payroll's pages with their parts, and the tax calculator."""

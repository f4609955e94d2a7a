"""What is owed when an employee leaves (离职结算): economic compensation (经济补偿) and pay for untaken
annual leave (未休年休假工资) as pure rules on plain values, and the settlement statement of a
separation flow, computed with the payroll engine, frozen when finance approves its step and posted
to the payroll month.
"""

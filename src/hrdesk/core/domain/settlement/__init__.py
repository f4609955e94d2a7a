"""What is owed when an employee leaves: economic compensation (经济补偿) and pay for untaken annual
leave (未休年休假工资). Pure rules on plain values; the services look up wages and dates and put the
results on the settlement statement.
"""

"""Reading the audit trail (操作留痕): the auditor's log with its chain check, and the complete trail
of one employee or one flow, viewed and exported."""

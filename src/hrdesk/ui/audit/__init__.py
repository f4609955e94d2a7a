"""操作日志: the audit log page and the trail of one employee or flow."""

"""员工档案 and 自定义字段: the register page with its table model, the employee dialog and the
employee lookup used by other areas' dialogs."""

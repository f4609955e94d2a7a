"""公司信息 and the company file: the company page, the set-up, unlock and recovery key dialogs."""

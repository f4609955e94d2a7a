"""组织架构 and 岗位: the pages and dialogs for departments and positions, and the department tree."""

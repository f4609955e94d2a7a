"""The organisation (组织架构): departments as a tree (a 项目部 is a kind of department) and positions."""

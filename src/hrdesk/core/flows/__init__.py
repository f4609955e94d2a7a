"""Lifecycle flows (流程): definitions as data, the engine that moves an instance step by step,
the lifecycle flows themselves (入职, 转正, 调岗/调薪, 离职), handover checklists, targeted notices
and the mail outbox."""

"""待办, 流程 and 流程设置: the inbox, the flow list and dialogs, starting each lifecycle flow, notices,
flow settings, and the background mail pump."""

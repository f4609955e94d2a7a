"""Use cases: the only entrance for a change. Each checks permission and scope, runs in one
transaction, appends to the audit chain and returns plain data."""

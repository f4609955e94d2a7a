"""What every area builds on and nothing in it knows an area: the company file (engines, the key,
migrations, the shared declarative base), the audit chain, roles and permissions, the service
context with its transaction, errors, change events, the clock, translation, money, months, the
working-day calendar, masking, and writing files atomically."""

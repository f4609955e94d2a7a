"""Storage: the shared declarative base and the kernel's own tables, engines over SQLCipher (and any
SQLAlchemy URL for a server), the key store, the company file and the one Alembic history."""

"""User accounts (用户账号): passwords, roles, and signing in with lockout."""

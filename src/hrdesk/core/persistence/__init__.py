"""Storage: the SQLAlchemy model, engines over SQLCipher, the key store and the migrations."""

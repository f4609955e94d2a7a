"""Qt table models over display rows built by the core."""

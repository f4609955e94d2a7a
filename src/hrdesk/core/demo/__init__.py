"""A fictitious but realistic demo company, for trying HRDesk out, screenshots, training and load tests."""

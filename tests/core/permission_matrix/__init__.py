"""The permission matrix of issue 12 (table.py) and the company it runs against (world.py)."""

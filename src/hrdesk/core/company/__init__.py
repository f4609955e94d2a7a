"""The company file as a whole: creating it with its first administrator, opening it with the
stored key or the recovery key, and the company's details."""

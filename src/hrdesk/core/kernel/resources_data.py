"""Reading the JSON data files shipped in resources/data (defaults for a new company)."""

from __future__ import annotations

import json
from functools import cache

from hrdesk.resources import resource_path


@cache
def _load(name: str) -> str:
    return resource_path("data", name).read_text(encoding="utf-8")


def load_data_file(name: str) -> dict:
    """A fresh copy of the parsed file (callers may modify it)."""
    return json.loads(_load(name))

"""Run a test as if the computer were set to another time zone (the TZ variable, applied with
time.tzset), and put the zone back afterwards whatever happens: stored times are UTC and everything
shown is local, so the zone is the input these tests vary."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

SHANGHAI = "Asia/Shanghai"


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() is not available on this system (Windows)")
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()

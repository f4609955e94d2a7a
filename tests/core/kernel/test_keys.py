import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrdesk.core.kernel.persistence import keys


def test_recovery_key_round_trip_and_shape():
    key = keys.generate_key()
    recovery = keys.recovery_key_for(key)
    groups = recovery.split("-")
    assert len(groups) == 14 and all(len(g) == 4 for g in groups)
    assert keys.key_from_recovery(recovery) == key


@given(st.binary(min_size=32, max_size=32))
def test_recovery_key_round_trip_any_key(raw):
    key = raw.hex()
    assert keys.key_from_recovery(keys.recovery_key_for(key)) == key


def test_recovery_key_tolerates_case_spaces_and_confusable_characters():
    key = keys.generate_key()
    recovery = keys.recovery_key_for(key)
    sloppy = recovery.lower().replace("-", " ").replace("o", "0").replace("i", "1")
    assert keys.key_from_recovery(sloppy) == key


def test_recovery_key_typo_is_reported_as_a_typo():
    recovery = keys.recovery_key_for(keys.generate_key())
    first = recovery[0]
    typo = ("B" if first != "B" else "C") + recovery[1:]
    with pytest.raises(ValueError, match="输入错误"):
        keys.key_from_recovery(typo)
    with pytest.raises(ValueError, match="56"):
        keys.key_from_recovery(recovery[:-5])


def test_environment_key_accepts_hex_or_recovery_key(monkeypatch):
    key = keys.generate_key()
    monkeypatch.setenv(keys.ENV_KEY, key.upper())
    assert keys.key_from_environment() == key
    monkeypatch.setenv(keys.ENV_KEY, keys.recovery_key_for(key))
    assert keys.key_from_environment() == key
    monkeypatch.setenv(keys.ENV_KEY, "not-a-key")
    with pytest.raises(keys.StorageError, match="HRDESK_DB_KEY"):
        keys.key_from_environment()

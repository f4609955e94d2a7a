"""Password rules and hashing.

New hashes are Argon2id (argon2-cffi) at OWASP's parameters (19 MiB, 2 passes, 1 lane: about
50 ms here). Hashes an earlier version stored (scrypt, N = 2^14, below current guidance) still
verify, and :func:`needs_rehash` tells the sign-in to replace them with Argon2id the next time the
user signs in with the right password, so no one has to reset a password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

import argon2
import argon2.exceptions

from hrdesk.core.kernel.i18n import tr

MIN_PASSWORD_LENGTH = 10
_HASHER = argon2.PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16)


def password_problems(password: str, username: str = "") -> str | None:
    """A message if the password breaks a rule, None if it is acceptable."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        return tr("密码至少需要{0}个字符").format(MIN_PASSWORD_LENGTH)
    if username and password.lower() == username.lower():
        return tr("密码不能与用户名相同")
    if len(set(password)) < 4:
        return tr("密码过于简单，请混合使用不同的字符")
    return None


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password: str, stored: str) -> bool:
    if stored.startswith("$argon2"):
        try:
            return _HASHER.verify(stored, password)
        except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
            return False
    return _verify_scrypt(password, stored)


def needs_rehash(stored: str) -> bool:
    """Whether a hash that just verified should be replaced (an older scheme or weaker parameters)."""
    if not stored.startswith("$argon2"):
        return True
    try:
        return _HASHER.check_needs_rehash(stored)
    except argon2.exceptions.InvalidHashError:
        return True


def _verify_scrypt(password: str, stored: str) -> bool:
    """Hashes written before Argon2id: ``scrypt$N$r$p$salt$digest``."""
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt, expected = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected), maxmem=2**26
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# Verified against when the user name is unknown, so that a wrong name costs as long as a wrong
# password and the timing does not reveal which names exist.
DUMMY_HASH = hash_password("not-a-real-password-0")

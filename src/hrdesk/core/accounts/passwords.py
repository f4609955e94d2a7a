"""Password rules and hashing (scrypt from the standard library: memory-hard, no extra dependency)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from hrdesk.core.kernel.i18n import tr

MIN_PASSWORD_LENGTH = 10
_N, _R, _P, _DKLEN = 2**14, 8, 1, 32


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
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt, expected = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# Verified against when the user name is unknown, so that a wrong name costs as long as a wrong
# password and the timing does not reveal which names exist.
DUMMY_HASH = hash_password("not-a-real-password-0")

"""The database key: generation, the OS credential store (keyring), HRDESK_DB_KEY and recovery keys.

The key is 256 random bits used as a raw SQLCipher key (no PBKDF2 per connection). It lives in the
credential store under service "HRDesk" and the database's random identifier. HRDESK_DB_KEY (64 hex
digits, or the recovery key) overrides the store for automation, tests and machines without one.
The recovery key is the same 256 bits written for humans: base32 in groups of four with a 24-bit
checksum, so a typo is reported as a typo.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import secrets

import keyring
import keyring.errors

from hrdesk.core.kernel.errors import KeyUnavailable, StorageError
from hrdesk.core.kernel.i18n import tr

KEYRING_SERVICE = "HRDesk"
ENV_KEY = "HRDESK_DB_KEY"
_HEX_KEY = re.compile(r"^[0-9a-fA-F]{64}$")
_CHECKSUM_BYTES = 3


def generate_key() -> str:
    return secrets.token_hex(32)


def parse_hex_key(text: str) -> str:
    text = (text or "").strip()
    if not _HEX_KEY.match(text):
        raise ValueError(tr("密钥应为64位十六进制数字"))
    return text.lower()


def recovery_key_for(key_hex: str) -> str:
    """'ABCD-EFGH-…' (14 groups): the key plus a checksum in base32, readable and typeable."""
    raw = bytes.fromhex(parse_hex_key(key_hex))
    payload = raw + hashlib.sha256(raw).digest()[:_CHECKSUM_BYTES]
    text = base64.b32encode(payload).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def key_from_recovery(text: str) -> str:
    """Inverse of recovery_key_for; tolerant of case, spaces, dashes and 0/O, 1/I, 8/B mix-ups."""
    cleaned = re.sub(r"[\s\-]", "", text or "").upper().translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 56 or not re.fullmatch(r"[A-Z2-7]+", cleaned):
        raise ValueError(tr("恢复密钥应为56个字母和数字（14组，每组4个）"))
    payload = base64.b32decode(cleaned)
    raw, checksum = payload[:32], payload[32:]
    if hashlib.sha256(raw).digest()[:_CHECKSUM_BYTES] != checksum:
        raise ValueError(tr("恢复密钥有输入错误，请逐组核对"))
    return raw.hex()


def key_from_environment(variable: str = ENV_KEY) -> str | None:
    """The key in ``variable`` (64 hex digits or the recovery form), None when it is not set."""
    value = os.environ.get(variable)
    if value is None or not value.strip():
        return None
    for parse in (parse_hex_key, key_from_recovery):
        try:
            return parse(value)
        except ValueError:
            continue
    raise StorageError(tr("环境变量 {0} 应为64位十六进制密钥或恢复密钥").format(variable))


def _no_backend_message() -> str:
    return tr(
        "本机没有可用的系统凭据存储（如 Windows 凭据管理器、Secret Service），无法读取或保存数据库密钥。"
        "请设置环境变量 {0}（64位十六进制密钥），或使用恢复密钥打开。"
    ).format(ENV_KEY)


def _backend_usable() -> bool:
    backend = keyring.get_keyring()
    # The null backend silently stores nothing and the fail backend raises: neither can keep a key.
    module = type(backend).__module__
    return not module.startswith(("keyring.backends.null", "keyring.backends.fail"))


class KeyStore:
    """One key of one database in the OS credential store: the database key, or (``purpose``
    "audit") the key of its audit chain, which is kept apart from it (kernel.audit_key)."""

    def __init__(self, database_id: str, purpose: str = "database"):
        self.database_id = database_id
        self.purpose = purpose

    @property
    def username(self) -> str:
        return f"{self.purpose}-{self.database_id}"

    def load(self) -> str | None:
        """The stored key, None if nothing is stored; KeyUnavailable if there is no store at all."""
        if not _backend_usable():
            raise KeyUnavailable(_no_backend_message())
        try:
            value = keyring.get_password(KEYRING_SERVICE, self.username)
        except keyring.errors.KeyringError as exc:
            raise KeyUnavailable(_no_backend_message() + f" ({exc})") from None
        if value is None:
            return None
        try:
            return parse_hex_key(value)
        except ValueError:
            raise StorageError(tr("凭据存储中的密钥（{0}）已损坏，请使用恢复单打开。").format(self.username)) from None

    def save(self, key_hex: str) -> None:
        if not _backend_usable():
            raise KeyUnavailable(_no_backend_message())
        try:
            keyring.set_password(KEYRING_SERVICE, self.username, parse_hex_key(key_hex))
        except keyring.errors.KeyringError as exc:
            raise KeyUnavailable(_no_backend_message() + f" ({exc})") from None

    def delete(self) -> None:
        try:
            keyring.delete_password(KEYRING_SERVICE, self.username)
        except keyring.errors.PasswordDeleteError:
            pass

    # A key replaced by ``key rotate`` stays in the store under its public key id for as long as
    # backups made with it are kept, so they remain restorable without the old recovery sheet.

    def _retired_username(self, key_id: str) -> str:
        return f"{self.username}-retired-{key_id}"

    def save_retired(self, key_id: str, key_hex: str) -> None:
        if not _backend_usable():
            raise KeyUnavailable(_no_backend_message())
        try:
            keyring.set_password(KEYRING_SERVICE, self._retired_username(key_id), parse_hex_key(key_hex))
        except keyring.errors.KeyringError as exc:
            raise KeyUnavailable(_no_backend_message() + f" ({exc})") from None

    def load_retired(self, key_id: str) -> str | None:
        """The retired key with that id, None when it is not (or no longer) kept."""
        if not _backend_usable():
            return None
        try:
            value = keyring.get_password(KEYRING_SERVICE, self._retired_username(key_id))
        except keyring.errors.KeyringError:
            return None
        try:
            return parse_hex_key(value) if value else None
        except ValueError:
            return None

    def delete_retired(self, key_id: str) -> None:
        try:
            keyring.delete_password(KEYRING_SERVICE, self._retired_username(key_id))
        except keyring.errors.KeyringError:
            pass


def resolve_key(database_id: str) -> str:
    """HRDESK_DB_KEY if set, else the credential store; KeyUnavailable says what to do."""
    env = key_from_environment()
    if env:
        return env
    stored = KeyStore(database_id).load()
    if stored is None:
        raise KeyUnavailable(
            tr(
                "系统凭据存储中没有这家公司的数据库密钥（可能是换了电脑或 Windows 账户）。请输入恢复密钥，"
                "或设置环境变量 {0}。"
            ).format(ENV_KEY)
        )
    return stored

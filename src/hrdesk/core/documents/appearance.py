"""How the company's documents look: the seal image printed on certificates and statements, whether
a seal is required before anything is issued, and whether the 离职证明 states the reason.

The seal is stored in the (encrypted) company file under its SHA-256, so an issued document can
name the exact seal it was printed with and be reissued with it even after the seal changes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence.tables import Setting

OPTIONS_KEY = "documents.options"
SEAL_PREFIX = "documents.seal."
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_SEAL_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class DocumentOptions:
    require_seal: bool = False  # refuse to issue until a seal image is configured
    show_reason: bool = False  # print the reason on the 离职证明 (off by default, art. 50 does not ask for it)
    seal_sha256: str | None = None  # the current seal


def options(session: Session) -> DocumentOptions:
    row = session.get(Setting, OPTIONS_KEY)
    if row is None:
        return DocumentOptions()
    data = json.loads(row.value)
    return DocumentOptions(bool(data.get("require_seal")), bool(data.get("show_reason")), data.get("seal_sha256"))


def seal_png(session: Session, sha256: str | None) -> bytes | None:
    if not sha256:
        return None
    row = session.get(Setting, SEAL_PREFIX + sha256)
    return base64.b64decode(row.value) if row else None


def get_options(ctx: ServiceContext) -> DocumentOptions:
    with ctx.read() as session:
        return options(session)


def current_seal(ctx: ServiceContext) -> bytes | None:
    with ctx.read() as session:
        return seal_png(session, options(session).seal_sha256)


def save_options(
    ctx: ServiceContext, *, require_seal: bool, show_reason: bool, seal: bytes | None = None, remove_seal: bool = False
) -> DocumentOptions:
    """Administrators set the seal (a PNG, ideally with a transparent background) and the options."""
    ctx.require_all(Permission.COMPANY_MANAGE)
    if seal is not None:
        if not seal.startswith(PNG_SIGNATURE):
            raise ValidationError({"seal": tr("公章图片须为 PNG 格式（建议透明背景）")})
        if len(seal) > MAX_SEAL_BYTES:
            raise ValidationError({"seal": tr("公章图片不能超过 2 MB")})
    with ctx.transaction() as tx:
        session = tx.session
        current = options(session)
        sha = current.seal_sha256
        if remove_seal:
            sha = None
        if seal is not None:
            sha = hashlib.sha256(seal).hexdigest()
            if session.get(Setting, SEAL_PREFIX + sha) is None:
                session.add(
                    Setting(
                        key=SEAL_PREFIX + sha, value=base64.b64encode(seal).decode("ascii"), updated_at=ctx.clock.now()
                    )
                )
        if require_seal and not sha:
            raise ValidationError({"seal": tr("要求加盖公章时，请先上传公章图片")})
        new = DocumentOptions(require_seal, show_reason, sha)
        row = session.get(Setting, OPTIONS_KEY)
        value = json.dumps({"require_seal": require_seal, "show_reason": show_reason, "seal_sha256": sha})
        if row is None:
            row = Setting(key=OPTIONS_KEY)
            session.add(row)
        row.value, row.updated_at = value, ctx.clock.now()
        tx.audit(
            "settings.documents",
            "settings",
            OPTIONS_KEY,
            tr("修改证明文件设置（公章、离职原因）"),
            {
                "require_seal": current.require_seal,
                "show_reason": current.show_reason,
                "seal_sha256": current.seal_sha256,
            },
            json.loads(value),
        )
        tx.changed("settings", "updated", OPTIONS_KEY)
        return new

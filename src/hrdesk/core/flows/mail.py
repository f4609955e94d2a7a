"""E-mail delivery: the SMTP server set by the administrator, and the outbox that keeps every
message until the server accepted it.

Messages wait in the ``outbox`` table; ``deliver_due`` sends what is due and, when the server is
down, schedules the next try with exponential backoff (1, 2, 4 … minutes, at most an hour), so
closing the program with messages pending loses nothing. The SMTP password lives in the OS
credential store (or HRDESK_SMTP_PASSWORD), never in the company file.
"""

from __future__ import annotations

import base64
import json
import os
import smtplib
import ssl
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

import keyring
import keyring.errors
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrdesk.core.flows.tables import OutboxMessage
from hrdesk.core.kernel.context import ServiceContext
from hrdesk.core.kernel.errors import HRDeskError, StorageError, ValidationError
from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.permissions import Permission
from hrdesk.core.kernel.persistence.database import CompanyDatabase
from hrdesk.core.kernel.persistence.tables import Setting
from hrdesk.core.people.employee_rules import parse_email

SETTING_KEY = "smtp"
PASSWORD_SERVICE = "HRDesk-SMTP"
PASSWORD_ENV = "HRDESK_SMTP_PASSWORD"
SECURITY = ("starttls", "ssl", "none")
MAX_BACKOFF = timedelta(hours=1)
SEND_TIMEOUT = 20  # seconds per connection attempt
PERMANENT_AFTER = 50  # attempts before a message is marked failed and shown to the admin


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    username: str
    from_address: str
    from_name: str = "HRDesk"


@dataclass(frozen=True)
class DeliveryReport:
    sent: int
    failed: int  # tried and failed this round (will be retried)
    pending: int  # still waiting after this round
    last_error: str | None


def load_settings(session: Session) -> SmtpSettings | None:
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        return None
    return SmtpSettings(**json.loads(row.value))


def get_settings(ctx: ServiceContext) -> SmtpSettings | None:
    ctx.require_all(Permission.FLOW_ADMIN)
    with ctx.read() as session:
        return load_settings(session)


def _password_user(db: CompanyDatabase, settings: SmtpSettings) -> str:
    database_id = db.data_dir.database_id() if db.data_dir else "server"
    return f"{database_id}:{settings.username}@{settings.host}"


def save_settings(ctx: ServiceContext, settings: SmtpSettings, password: str | None) -> None:
    """Store the server settings; the password goes to the credential store (None keeps it)."""
    ctx.require_all(Permission.FLOW_ADMIN)
    errors = {}
    if not settings.host.strip():
        errors["host"] = tr("请填写邮件服务器地址")
    if not 1 <= settings.port <= 65535:
        errors["port"] = tr("端口应在1到65535之间")
    if settings.security not in SECURITY:
        errors["security"] = tr("加密方式应为 STARTTLS、SSL 或不加密")
    try:
        parse_email(settings.from_address)
    except ValueError:
        errors["from_address"] = tr("发件人地址格式不正确")
    if errors:
        raise ValidationError(errors)
    if password:
        try:
            keyring.set_password(PASSWORD_SERVICE, _password_user(ctx.db, settings), password)
        except keyring.errors.KeyringError:
            raise StorageError(
                tr("系统凭据存储不可用，无法保存邮箱密码；请改用环境变量 {0}。").format(PASSWORD_ENV)
            ) from None
    with ctx.transaction() as tx:
        row = tx.session.get(Setting, SETTING_KEY)
        before = json.loads(row.value) if row else None
        if row is None:
            row = Setting(key=SETTING_KEY, value="{}", updated_at=ctx.clock.now())
            tx.session.add(row)
        row.value = json.dumps(asdict(settings), ensure_ascii=False)
        row.updated_at = ctx.clock.now()
        tx.audit("settings.smtp", "settings", SETTING_KEY, tr("修改邮件服务器设置"), before, asdict(settings))
        tx.changed("settings", "updated", SETTING_KEY)


def _password(db: CompanyDatabase, settings: SmtpSettings) -> str | None:
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if not settings.username:
        return None
    try:
        return keyring.get_password(PASSWORD_SERVICE, _password_user(db, settings))
    except keyring.errors.KeyringError:
        return None


def enabled(session: Session) -> bool:
    return session.get(Setting, SETTING_KEY) is not None


def backoff(attempts: int) -> timedelta:
    """Wait before the next try after ``attempts`` failures: 1, 2, 4 … minutes, at most an hour."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _build(settings: SmtpSettings, row: OutboxMessage) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((settings.from_name, settings.from_address))
    message["To"] = formataddr((row.to_name, row.to_address))
    message["Subject"] = row.subject
    message["Message-ID"] = make_msgid(idstring=f"hrdesk-{row.id}")
    message.set_content(row.body)
    return message


def _connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    if settings.security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=SEND_TIMEOUT, context=ssl.create_default_context()
        )
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=SEND_TIMEOUT)
        if settings.security == "starttls":
            server.starttls(context=ssl.create_default_context())
    if settings.username and password:
        _login(server, settings.username, password)
    return server


def _login(server: smtplib.SMTP, username: str, password: str) -> None:
    """smtplib encodes AUTH as ASCII, so a name or password beyond it (授权码-… , 人事部@…) raised
    UnicodeEncodeError. Those go as UTF-8 in AUTH PLAIN (RFC 4616 allows it); the rest as smtplib does."""
    if username.isascii() and password.isascii():
        server.login(username, password)
        return
    server.ehlo_or_helo_if_needed()
    if not server.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
    blob = base64.b64encode(b"\0" + username.encode("utf-8") + b"\0" + password.encode("utf-8")).decode("ascii")
    code, reply = server.docmd("AUTH", "PLAIN " + blob)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def deliver_due(db: CompanyDatabase, now: datetime, limit: int = 200) -> DeliveryReport:
    """Send due messages over one connection; failures are rescheduled, never dropped.

    Runs without a signed-in user (a background job), so it takes the database, not a context.
    """
    with db.session() as session:
        settings = load_settings(session)
        due = (
            session.execute(
                select(OutboxMessage)
                .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
                .order_by(OutboxMessage.id)
                .limit(limit)
            )
            .scalars()
            .all()
        )
        if settings is None or not due:
            pending = session.execute(select(func.count()).where(OutboxMessage.status == "pending")).scalar_one()
            return DeliveryReport(0, 0, pending, None)
        sent = failed = 0
        last_error = None
        server = None
        try:
            server = _connect(settings, _password(db, settings))
        except (OSError, smtplib.SMTPException) as exc:
            last_error = f"{type(exc).__name__}: {exc}"[:300]
        for row in due:
            if server is None:
                _reschedule(row, now, last_error)
                failed += 1
                continue
            try:
                server.send_message(_build(settings, row))
            except smtplib.SMTPRecipientsRefused as exc:
                row.status, row.last_error = "failed", f"recipient refused: {exc.recipients}"[:300]
                row.attempts += 1
                failed += 1
            except (OSError, smtplib.SMTPException) as exc:
                last_error = f"{type(exc).__name__}: {exc}"[:300]
                _reschedule(row, now, last_error)
                failed += 1
                server = None  # the connection is gone; the rest wait for the next round
            else:
                row.status, row.sent_at = "sent", now
                row.attempts += 1
                sent += 1
            session.commit()  # each message's outcome is kept even if the next one crashes
        if server is not None:
            try:
                server.quit()
            except (OSError, smtplib.SMTPException):
                pass
        session.commit()
        pending = session.execute(select(func.count()).where(OutboxMessage.status == "pending")).scalar_one()
        return DeliveryReport(sent, failed, pending, last_error)


def _reschedule(row: OutboxMessage, now: datetime, error: str | None) -> None:
    row.attempts += 1
    row.last_error = error
    row.next_attempt_at = now + backoff(row.attempts)
    if row.attempts >= PERMANENT_AFTER:
        row.status = "failed"


def outbox_counts(ctx: ServiceContext) -> dict[str, int]:
    with ctx.read() as session:
        return dict(session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all())


class MailSendError(HRDeskError):
    """A test message could not be sent; the message says why and what to check."""


def send_test(ctx: ServiceContext, to_address: str) -> None:
    """Send one test message now, with the saved settings and password (administrators).

    Synchronous and outside the outbox, so that the administrator sees at once whether the server,
    the encryption and the password work; MailSendError with the reason when they do not.
    """
    ctx.require_all(Permission.FLOW_ADMIN)
    try:
        address = parse_email(to_address)
    except ValueError:
        address = None
    if not address:
        raise ValidationError({"to_address": tr("请填写正确的收件人邮箱地址")})
    with ctx.read() as session:
        settings = load_settings(session)
    if settings is None:
        raise MailSendError(tr("还没有设置邮件服务器，请先填写并保存设置。"))
    where = f"{settings.host}:{settings.port}"
    row = OutboxMessage(
        id=0,
        to_address=address,
        to_name="",
        subject=tr("HRDesk 测试邮件"),
        body=tr(
            "这是一封来自 HRDesk 的测试邮件。\n\n收到这封邮件，说明邮件服务器设置正确：{0}（{1}），"
            "发件人 {2}。\n\n发送人：{3}"
        ).format(
            where, tr(_SECURITY_LABELS.get(settings.security, "?")), settings.from_address, ctx.actor.display_name
        ),
    )
    message = _build(settings, row)
    del message["Message-ID"]
    message["Message-ID"] = make_msgid(idstring="hrdesk-test")
    server = None
    try:
        server = _connect(settings, _password(ctx.db, settings))
        server.send_message(message)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailSendError(
            tr(
                "邮件服务器 {0} 拒绝了用户名或密码（{1}）。请检查用户名和密码；有的邮箱需要使用“授权码”而不是登录密码。"
            ).format(where, _reply(exc))
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        if "STARTTLS" in str(exc).upper():
            raise MailSendError(
                tr(
                    "邮件服务器 {0} 不支持 STARTTLS 加密。请改用 SSL（通常是 465 端口），或向邮件服务商确认加密方式。"
                ).format(where)
            ) from None
        raise MailSendError(
            tr("邮件服务器 {0} 不支持登录验证（{1}）。如果服务器不需要登录，请清空用户名。").format(where, exc)
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailSendError(
            tr("邮件服务器拒收收件人 {0}（{1}）。").format(
                address, "; ".join(_reply(e) for e in exc.recipients.values())
            )
        ) from None
    except smtplib.SMTPSenderRefused as exc:
        raise MailSendError(
            tr("邮件服务器拒绝了发件人地址 {0}（{1}）。发件人通常必须与登录的邮箱一致。").format(
                settings.from_address, _reply(exc)
            )
        ) from None
    except smtplib.SMTPServerDisconnected as exc:
        raise MailSendError(
            tr(
                "邮件服务器 {0} 中断了连接（{1}）。请检查端口和加密方式是否匹配"
                "（SSL 通常用 465 端口，STARTTLS 通常用 587）。"
            ).format(where, str(exc) or "-")
        ) from None
    except smtplib.SMTPException as exc:
        raise MailSendError(tr("邮件服务器 {0} 返回错误：{1}").format(where, _reply(exc))) from None
    except ssl.SSLError as exc:
        raise MailSendError(
            tr(
                "与邮件服务器 {0} 建立加密连接失败（{1}）。请检查加密方式与端口是否匹配"
                "（SSL 通常用 465 端口，STARTTLS 通常用 587）。"
            ).format(where, exc.reason or exc)
        ) from None
    except TimeoutError:
        raise MailSendError(
            tr("连接邮件服务器 {0} 超时（{1} 秒）。请检查服务器地址、端口和网络。").format(where, SEND_TIMEOUT)
        ) from None
    except OSError as exc:
        raise MailSendError(
            tr("无法连接邮件服务器 {0}：{1}。请检查服务器地址、端口和网络。").format(where, _network_reason(exc))
        ) from None
    finally:
        if server is not None:
            try:
                server.quit()
            except (OSError, smtplib.SMTPException):
                pass


_SECURITY_LABELS = {"starttls": "STARTTLS", "ssl": "SSL", "none": "不加密"}


def _network_reason(exc: OSError) -> str:
    import errno
    import socket

    if isinstance(exc, socket.gaierror):
        return tr("找不到这个服务器地址（{0}）").format(exc.strerror or exc)
    reasons = {
        errno.ECONNREFUSED: tr("服务器拒绝连接，该端口上没有邮件服务"),
        errno.ECONNRESET: tr("连接被服务器重置"),
        errno.EHOSTUNREACH: tr("无法到达该服务器"),
        errno.ENETUNREACH: tr("网络不可用"),
    }
    reason = reasons.get(exc.errno) if exc.errno is not None else None
    return f"{reason}（{exc.strerror}）" if reason and exc.strerror else reason or str(exc.strerror or exc)


def _reply(exc) -> str:
    """The server's code and text from an smtplib error, or a tuple from SMTPRecipientsRefused."""
    if isinstance(exc, tuple) and len(exc) == 2:
        code, text = exc
    else:
        code, text = getattr(exc, "smtp_code", None), getattr(exc, "smtp_error", None)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip() if code else str(text or exc)

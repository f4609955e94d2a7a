"""Mail over STARTTLS and SSL with a login, against a real aiosmtpd server with its own certificate
(issue 12: delivery was only ever tested without encryption or login)."""

from __future__ import annotations

import datetime as dt
import ssl
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from hrdesk.core.flows import mail
from hrdesk.core.flows.mail import MailSendError, SmtpSettings
from tests.smtp_sink import _Handler, free_port

USER, PASSWORD = "hr@example.cn", "Auth-code-2026"


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, which the test trusts as its only CA."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(__import__("ipaddress").ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


UNICODE_USER, UNICODE_PASSWORD = "人事部@example.cn", "授权码-2026"


def authenticator(server, session, envelope, mechanism, auth_data):
    given = (auth_data.login.decode(), auth_data.password.decode()) if isinstance(auth_data, LoginPassword) else None
    ok = given in ((USER, PASSWORD), (UNICODE_USER, UNICODE_PASSWORD))
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd sends the 235 or 535


@pytest.fixture
def tls(tmp_path, monkeypatch):
    cert_file, key_file = certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))  # the client trusts exactly this certificate
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return context


def server(kind: str, context: ssl.SSLContext):
    handler = _Handler()
    port = free_port()
    # aiosmtpd counts only STARTTLS as TLS for auth_require_tls; implicit TLS is TLS from the first byte
    options = dict(authenticator=authenticator, auth_required=True, auth_require_tls=kind == "starttls")
    if kind == "starttls":
        controller = Controller(
            handler, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True, **options
        )
    else:
        controller = Controller(handler, hostname="127.0.0.1", port=port, ssl_context=context, **options)
    controller.start()
    return controller, handler, port


@pytest.mark.parametrize("kind", ["starttls", "ssl"])
def test_a_test_message_goes_out_encrypted_and_signed_in(company, tls, monkeypatch, kind):
    controller, handler, port = server(kind, tls)
    try:
        admin = company.login("admin")
        monkeypatch.setenv(mail.PASSWORD_ENV, PASSWORD)
        mail.save_settings(admin, SmtpSettings("127.0.0.1", port, kind, USER, USER, "人事部"), None)
        mail.send_test(admin, "lisi@example.cn")
        (envelope,) = handler.envelopes
        assert envelope.rcpt_tos == ["lisi@example.cn"] and "HRDesk" in handler.messages[0]["Subject"]
    finally:
        controller.stop()


def test_a_password_beyond_ascii_signs_in(company, tls, monkeypatch):
    """smtplib encodes AUTH as ASCII: a password such as 授权码 raised UnicodeEncodeError, which the
    outbox did not catch. Such credentials go as UTF-8 (RFC 4616 AUTH PLAIN)."""
    controller, handler, port = server("starttls", tls)
    try:
        admin = company.login("admin")
        monkeypatch.setenv(mail.PASSWORD_ENV, UNICODE_PASSWORD)
        mail.save_settings(admin, SmtpSettings("127.0.0.1", port, "starttls", UNICODE_USER, USER), None)
        mail.send_test(admin, "lisi@example.cn")
        assert len(handler.envelopes) == 1
    finally:
        controller.stop()


def test_a_wrong_password_says_so(company, tls, monkeypatch):
    controller, handler, port = server("starttls", tls)
    try:
        admin = company.login("admin")
        monkeypatch.setenv(mail.PASSWORD_ENV, "wrong")
        mail.save_settings(admin, SmtpSettings("127.0.0.1", port, "starttls", USER, USER), None)
        with pytest.raises(MailSendError, match="拒绝了用户名或密码"):
            mail.send_test(admin, "lisi@example.cn")
        assert handler.envelopes == []
    finally:
        controller.stop()


def test_an_untrusted_certificate_is_refused(company, tls, monkeypatch, tmp_path):
    controller, handler, port = server("ssl", tls)
    other, _ = certificate(tmp_path / "other" if (tmp_path / "other").mkdir() is None else tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(other))  # the client now trusts another certificate only
    try:
        admin = company.login("admin")
        monkeypatch.setenv(mail.PASSWORD_ENV, PASSWORD)
        mail.save_settings(admin, SmtpSettings("127.0.0.1", port, "ssl", USER, USER), None)
        with pytest.raises(MailSendError, match="加密连接失败"):
            mail.send_test(admin, "lisi@example.cn")
        assert handler.envelopes == []
    finally:
        controller.stop()


def test_the_outbox_delivers_over_starttls_with_login(company, tls, monkeypatch):
    controller, handler, port = server("starttls", tls)
    try:
        admin = company.login("admin")
        monkeypatch.setenv(mail.PASSWORD_ENV, PASSWORD)
        mail.save_settings(admin, SmtpSettings("127.0.0.1", port, "starttls", USER, USER), None)
        from hrdesk.core.flows.tables import OutboxMessage

        now = dt.datetime(2026, 3, 2, 9, 0)
        with company.db.session() as s, s.begin():
            s.add(
                OutboxMessage(
                    to_address="lisi@example.cn",
                    to_name="李四",
                    subject="离职办理通知",
                    body="正文",
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )
        report = mail.deliver_due(company.db, now)
        assert report.sent == 1 and report.failed == 0 and handler.messages[0]["Subject"] == "离职办理通知"
    finally:
        controller.stop()

"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for delivery tests."""

from __future__ import annotations

import email
import email.policy
import socket

from aiosmtpd.controller import Controller


class _Handler:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpSink:
    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.handler = _Handler()
        self._controller: Controller | None = None

    def start(self) -> SmtpSink:
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def messages(self):
        return self.handler.messages

    def recipients(self) -> set[str]:
        return {rcpt for env in self.handler.envelopes for rcpt in env.rcpt_tos}

"""A server whose reply is JSON of the wrong shape: each call of the transport says in
one sentence that the reply was not understood, naming the first wrong field, and with
the error its caller handles (an enrollment's own, the server-unavailable one for the
rest). A real HTTP server on loopback answers every request with the same body."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sync.errors import EnrollmentFailed, ServerUnavailable
from sync.protocol import DeviceCredential, RoleGrantRedemption, SessionReport, SessionState
from sync.transport import Transport

WRONG_SHAPE = b'{"protocol_version": "one", "elsewhere": 5}'


class _WrongShape(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(WRONG_SHAPE)))
        self.end_headers()
        self.wfile.write(WRONG_SHAPE)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def transport() -> Iterator[Transport]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _WrongShape)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    client = Transport(f"http://127.0.0.1:{server.server_port}")
    try:
        yield client
    finally:
        client.close()
        server.shutdown()
        server.server_close()


CREDENTIAL = DeviceCredential(device_id="device-1", secret="s" * 43)


@pytest.mark.parametrize("call", [
    lambda t: t.health(),
    lambda t: t.whoami(CREDENTIAL),
    lambda t: t.redeem_role_grant(RoleGrantRedemption(code="K7QM-2WXC", username="jo.lead", role="agency_admin"),
                                  CREDENTIAL),
    lambda t: t.report_session(SessionReport(user="jo.lead", state=SessionState.SIGNED_IN), CREDENTIAL),
], ids=["health", "whoami", "role_grant", "session"])
def test_a_reply_of_the_wrong_shape_is_not_understood(transport: Transport, call) -> None:
    with pytest.raises(ServerUnavailable, match=r"^The server's reply was not understood \(.+\)\.$"):
        call(transport)


def test_an_enrollment_reply_of_the_wrong_shape_fails_the_enrollment(transport: Transport) -> None:
    with pytest.raises(EnrollmentFailed, match=r"^The server's enrollment reply was not understood \(.+\)\.$"):
        transport.enroll("K7QM-2WXC-HPRT", "laptop-test")

"""A fault-injecting HTTP proxy on loopback, between the device and the real server.

Each request takes the next mode from the plan (then ``default``):

- ``pass``            forward and relay the reply
- ``500_before``      answer 500 without forwarding (nothing applied)
- ``drop_before``     close the connection without forwarding
- ``drop_after``      forward (the server commits), then close without a reply
- ``500_after``       forward (the server commits), then answer 500
- ``malformed_after`` forward (the server commits), then answer 200 with broken JSON
- ``timeout_after``   forward (the server commits), then hold the reply past the
                      client's read timeout
- ``slow``            forward and relay after ``slow_seconds``

A session report (``POST /v1/sessions``, MO-PWD-6), which a sync sends after its
batches, is forwarded as it is and takes no mode, so a plan counts the same requests
as before it existed.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterable

FAULT_MODES = ("500_before", "drop_before", "drop_after", "500_after", "malformed_after", "timeout_after")


def _read_message(sock: socket.socket) -> tuple[bytes, bytes]:
    """Headers and body of one HTTP/1.1 request with a Content-Length (or none)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("client closed")
        data += chunk
        if len(data) > 1 << 20:
            raise ConnectionError("headers too large")
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("client closed mid-body")
        body += chunk
    return head, body


def _with_connection_close(head: bytes) -> bytes:
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"])


def _response(status: str, body: bytes, content_type: bytes = b"application/json") -> bytes:
    return (f"HTTP/1.1 {status}\r\n".encode() + b"Content-Type: " + content_type
            + f"\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)


class FaultProxy:
    def __init__(self, upstream_port: int, plan: Iterable[str] = (), default: str = "pass",
                 hold_seconds: float = 3.0, slow_seconds: float = 0.3) -> None:
        self.upstream_port = upstream_port
        self.plan = list(plan)
        self.default = default
        self.hold_seconds = hold_seconds
        self.slow_seconds = slow_seconds
        self.applied: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def set_plan(self, plan: Iterable[str], default: str | None = None) -> None:
        with self._lock:
            self.plan = list(plan)
            if default is not None:
                self.default = default

    def _next_mode(self) -> str:
        with self._lock:
            mode = self.plan.pop(0) if self.plan else self.default
            self.applied.append(mode)
            return mode

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._handle, args=(client,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _forward(self, head: bytes, body: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as upstream:
            upstream.sendall(_with_connection_close(head) + b"\r\n\r\n" + body)
            chunks = []
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)

    def _handle(self, client: socket.socket) -> None:
        try:
            client.settimeout(30)
            head, body = _read_message(client)
            if head.split(b"\r\n", 1)[0].startswith(b"POST /v1/sessions "):
                client.sendall(self._forward(head, body))
                return
            mode = self._next_mode()
            if mode == "500_before":
                client.sendall(_response("500 Internal Server Error", b'{"detail":"injected"}'))
                return
            if mode == "drop_before":
                return
            reply = self._forward(head, body)
            if mode == "pass":
                client.sendall(reply)
            elif mode == "slow":
                self._stop.wait(self.slow_seconds)
                client.sendall(reply)
            elif mode == "500_after":
                client.sendall(_response("500 Internal Server Error", b'{"detail":"injected"}'))
            elif mode == "malformed_after":
                client.sendall(_response("200 OK", b'{"batch_id": "x", "results": [{"idem'))
            elif mode == "timeout_after":
                self._stop.wait(self.hold_seconds)
            # drop_after: close without a reply
        except (ConnectionError, OSError):
            pass
        finally:
            client.close()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        self._accept.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)

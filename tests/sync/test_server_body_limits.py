"""Memory exhaustion, tried against ``hmis-intake-server serve`` as a real process on
loopback: huge chunked bodies (no Content-Length) with no credential and with one, an
oversized enrollment, an oversized record. The server must answer without reading what
it refuses, and its resident memory must stay flat (measured from /proc)."""

from __future__ import annotations

import select
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sync_support import ProcessServer, free_port, new_code

from sync.protocol import MAX_BATCH_BODY_BYTES, MAX_RECORD_BYTES
from sync.server import storage
from sync.transport import Transport

MiB = 1024 * 1024


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def chunked_post(port: int, path: str, total: int, authorization: str | None = None,
                 chunk: int = MiB) -> tuple[int | None, int]:
    """POST ``total`` bytes with Transfer-Encoding: chunked, stopping as soon as the
    server answers; returns (HTTP status or None, bytes of body sent)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n")
    if authorization:
        head += f"Authorization: {authorization}\r\n"
    sock.sendall((head + "\r\n").encode("ascii"))
    opening = b'{"protocol_version":1,"batch_id":"b","records":[],"pad":"'
    filler = b"x" * chunk
    sent = 0
    try:
        while sent < total:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            data = opening if sent == 0 else filler
            sock.sendall(f"{len(data):x}\r\n".encode("ascii") + data + b"\r\n")
            sent += len(data)
        else:
            sock.sendall(b'3\r\n"}]\r\n0\r\n\r\n')
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may hang up mid-body: that refusal is what the caller asserts on
    reply = b""
    try:
        while b"\r\n" not in reply:
            piece = sock.recv(65536)
            if not piece:
                break
            reply += piece
    except (ConnectionResetError, TimeoutError):
        pass  # a reset after the status line still leaves the reply read so far to assert on
    finally:
        sock.close()
    status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.1 ") else None
    return status, sent


@pytest.fixture
def process_server(tmp_path: Path) -> Iterator[tuple[ProcessServer, str]]:
    db = f"sqlite:///{tmp_path / 'server.db'}"
    engine = storage.open_engine(db)
    storage.create_schema(engine)
    server = ProcessServer(db, free_port(), tmp_path / "server.log")
    server.start()
    credential = Transport(server.url).enroll(new_code(engine), "laptop").credential
    engine.dispose()
    yield server, credential.header()
    server.stop()


def test_a_chunked_body_without_credential_is_refused_unread(process_server: tuple[ProcessServer, str]) -> None:
    """Trials: 3 chunked POSTs of up to 256 MiB each with no credential, 1 with a wrong one."""
    server, _ = process_server
    assert server.proc is not None
    before = rss_bytes(server.proc.pid)
    for authorization in (None, None, None, f"Bearer {uuid.uuid4()}.wrong-secret"):
        status, sent = chunked_post(server.port, "/v1/batches", 256 * MiB, authorization)
        assert status == 401
        assert sent < 64 * MiB, f"the server read {sent // MiB} MiB before refusing"
    growth = rss_bytes(server.proc.pid) - before
    assert growth < 32 * MiB, f"the server grew by {growth // MiB} MiB"


def test_a_chunked_body_over_the_cap_with_a_credential_is_refused(
        process_server: tuple[ProcessServer, str]) -> None:
    """Trials: 3 chunked POSTs of up to 256 MiB with a valid credential; 1 chunked
    enrollment of 8 MiB (no credential exists for enrollment)."""
    server, authorization = process_server
    assert server.proc is not None
    before = rss_bytes(server.proc.pid)
    for _ in range(3):
        status, sent = chunked_post(server.port, "/v1/batches", 256 * MiB, authorization)
        assert status == 413
        assert sent < MAX_BATCH_BODY_BYTES + 32 * MiB
    status, sent = chunked_post(server.port, "/v1/enrollments", 8 * MiB, chunk=64 * 1024)
    assert status == 413 and sent < 4 * MiB
    growth = rss_bytes(server.proc.pid) - before
    assert growth < 64 * MiB, f"the server grew by {growth // MiB} MiB"
    # The server still serves.
    assert requests.get(server.url + "/v1/health", timeout=5).status_code == 200


def test_an_oversized_record_is_refused_alone(process_server: tuple[ProcessServer, str]) -> None:
    server, authorization = process_server

    def person(note: str) -> dict[str, object]:
        pid = str(uuid.uuid4())
        return {"idempotency_key": str(uuid.uuid4()), "entity": "person", "entity_id": pid,
                "operation": "upsert", "collected_at": "2026-03-01T10:00:00+00:00",
                "payload": {"personal_id": pid, "name_data_quality": 1, "ssn_data_quality": 99,
                            "dob_data_quality": 99, "note": note}}

    records = [person("small"), person("y" * (MAX_RECORD_BYTES + 1)), person("small")]
    response = requests.post(server.url + "/v1/batches", timeout=30, headers={"Authorization": authorization},
                             json={"protocol_version": 1, "batch_id": "big", "records": records})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["accepted", "refused", "accepted"]
    assert "larger than" in results[1]["reason"]

"""The reference server over HTTP: enrollment, authentication, idempotent batches."""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import text
from support import REPO_ROOT, child_env, single_sentence
from sync_support import ThreadServer, new_code, server_keys

from sync.errors import AuthRefused, EnrollmentFailed, InsecureServer
from sync.protocol import OutboxRecord, RecordStatus, new_batch
from sync.server import storage
from sync.transport import Transport, check_server_url


def _person(personal_id: str | None = None, **fields: object) -> dict[str, object]:
    payload: dict[str, object] = {
        "personal_id": personal_id or str(uuid.uuid4()), "first_name": "Synthfirst",
        "last_name": "Synthlast", "name_data_quality": 1, "ssn_data_quality": 99,
        "dob": "1980-02-03", "dob_data_quality": 1, "is_demo": True,
    }
    payload.update(fields)
    return payload


def _record(payload: dict[str, object], key: str | None = None, collected_at: str = "2026-03-01T10:00:00+00:00",
            entity_id: str | None = None) -> OutboxRecord:
    pid = entity_id if entity_id is not None else str(payload.get("personal_id", "x"))
    return OutboxRecord(idempotency_key=key or str(uuid.uuid4()), entity="person", entity_id=pid,
                        operation="upsert", collected_at=collected_at, payload=payload)


@pytest.fixture
def transport(live_server: ThreadServer) -> Transport:
    return Transport(live_server.url, timeout=(5, 10))


def test_enrollment_code_is_single_use(live_server: ThreadServer, transport: Transport) -> None:
    code = new_code(live_server.engine, "Riverbend Test Shelter")
    enrollment = transport.enroll(code, "laptop-1")
    assert enrollment.agency == "Riverbend Test Shelter"
    assert transport.whoami(enrollment.credential).device_id == enrollment.credential.device_id
    with pytest.raises(EnrollmentFailed, match="already used"):
        transport.enroll(code, "laptop-2")
    # Only a hash of the secret is on the server.
    with live_server.engine.connect() as conn:
        stored = conn.execute(text("SELECT secret_hash FROM device")).scalar_one()
    assert enrollment.credential.secret not in stored


def test_expired_and_unknown_codes_are_refused(live_server: ThreadServer, transport: Transport) -> None:
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=30)
    expired = storage.new_enrollment_code(live_server.engine, "Agency", dt.timedelta(hours=24), now=long_ago)
    with pytest.raises(EnrollmentFailed, match="expired"):
        transport.enroll(expired, "laptop")
    with pytest.raises(EnrollmentFailed, match="not valid"):
        transport.enroll("ABCD-EFGH-JKLM", "laptop")


def test_revoked_device_and_wrong_secret_are_refused(live_server: ThreadServer, transport: Transport) -> None:
    credential = transport.enroll(new_code(live_server.engine), "laptop").credential
    batch = new_batch([_record(_person())])
    assert transport.send_batch(batch, credential).result.count(RecordStatus.ACCEPTED) == 1

    forged = type(credential)(credential.device_id, "not-the-secret")
    with pytest.raises(AuthRefused, match="credential"):
        transport.whoami(forged)

    assert storage.revoke_device(live_server.engine, credential.device_id)
    with pytest.raises(AuthRefused, match="revoked"):
        transport.whoami(credential)
    with pytest.raises(AuthRefused, match="revoked"):
        transport.send_batch(new_batch([_record(_person())]), credential)
    response = requests.post(live_server.url + "/v1/batches", json={}, timeout=5)
    assert response.status_code in (401, 422)


def test_same_batch_twice_is_applied_once(live_server: ThreadServer, transport: Transport) -> None:
    credential = transport.enroll(new_code(live_server.engine), "laptop").credential
    records = tuple(_record(_person()) for _ in range(5))
    first = transport.send_batch(new_batch(records, "batch-1"), credential).result
    assert [r.status for r in first.results] == [RecordStatus.ACCEPTED] * 5
    again = transport.send_batch(new_batch(records, "batch-1-retry"), credential).result
    assert [r.status for r in again.results] == [RecordStatus.DUPLICATE] * 5
    # One record of it inside another batch is still a duplicate.
    mixed = transport.send_batch(new_batch((records[2], _record(_person())), "batch-2"), credential).result
    assert [r.status for r in mixed.results] == [RecordStatus.DUPLICATE, RecordStatus.ACCEPTED]
    keys = server_keys(live_server.engine)
    assert len(keys) == len(set(keys)) == 6


def test_reused_key_with_other_content_is_refused(live_server: ThreadServer, transport: Transport) -> None:
    credential = transport.enroll(new_code(live_server.engine), "laptop").credential
    original = _record(_person())
    transport.send_batch(new_batch([original], "b1"), credential)
    changed = original.model_copy(update={"payload": {**original.payload, "first_name": "Otherfirst"}})
    result = transport.send_batch(new_batch([changed], "b2"), credential).result
    assert result.results[0].status is RecordStatus.REFUSED
    assert "different record" in (result.results[0].reason or "")
    with live_server.engine.connect() as conn:
        payload = conn.execute(text("SELECT payload FROM entity_state")).scalar_one()
    assert "Otherfirst" not in payload


def test_malformed_records_are_refused_with_reasons_and_the_rest_apply(
    live_server: ThreadServer, transport: Transport
) -> None:
    credential = transport.enroll(new_code(live_server.engine), "laptop").credential
    no_id = _person()
    del no_id["personal_id"]
    good = [_record(_person()) for _ in range(3)]
    bad = [
        _record(no_id, entity_id=str(uuid.uuid4())),
        _record(_person(dob="1980-13-45")),
        _record(_person(sex="female")),
        _record(_person(), collected_at="yesterday"),
        OutboxRecord(idempotency_key=str(uuid.uuid4()), entity="spaceship", entity_id="x", operation="upsert",
                     collected_at="2026-03-01T10:00:00+00:00", payload={}),
    ]
    result = transport.send_batch(new_batch((good[0], *bad, good[1], good[2]), "b"), credential).result
    statuses = [r.status for r in result.results]
    assert statuses == [RecordStatus.ACCEPTED, *[RecordStatus.REFUSED] * 5, RecordStatus.ACCEPTED,
                        RecordStatus.ACCEPTED]
    reasons = [r.reason or "" for r in result.results[1:6]]
    assert "personal_id" in reasons[0]
    assert "dob" in reasons[1]
    assert "sex" in reasons[2]
    assert "collected_at" in reasons[3]
    assert "entity type" in reasons[4]
    # Reasons name fields, never values.
    assert not any("Synth" in r or "1980" in r or "female" in r for r in reasons)
    assert set(server_keys(live_server.engine)) == {r.idempotency_key for r in good}


def test_the_newest_collection_wins_in_the_current_state(live_server: ThreadServer, transport: Transport) -> None:
    credential = transport.enroll(new_code(live_server.engine), "laptop").credential
    pid = str(uuid.uuid4())
    newer = _record(_person(pid, first_name="Newerfirst"), collected_at="2026-03-01T12:00:00+00:00")
    older = _record(_person(pid, first_name="Olderfirst"), collected_at="2026-03-01T09:00:00+00:00")
    transport.send_batch(new_batch([newer], "b1"), credential)
    transport.send_batch(new_batch([older], "b2"), credential)
    with live_server.engine.connect() as conn:
        rows = conn.execute(text("SELECT payload FROM entity_state")).all()
    assert len(rows) == 1 and "Newerfirst" in rows[0][0]
    assert len(server_keys(live_server.engine)) == 2


def test_health_and_openapi(live_server: ThreadServer, server_engine: object) -> None:
    health = requests.get(live_server.url + "/v1/health", timeout=5).json()
    assert health["status"] == "ok" and health["protocol_version"] == 1
    # The API's map is off unless the operator turns it on (serve --api-docs).
    for path in ("/openapi.json", "/docs", "/redoc"):
        assert requests.get(live_server.url + path, timeout=5).status_code == 404
    documented = ThreadServer(live_server.engine, api_docs=True)
    try:
        spec = requests.get(documented.url + "/openapi.json", timeout=5).json()
        assert requests.get(documented.url + "/docs", timeout=5).status_code == 200
    finally:
        documented.stop()
    assert {"/v1/health", "/v1/enrollments", "/v1/device", "/v1/batches"} <= set(spec["paths"])
    unsupported = requests.post(live_server.url + "/v1/enrollments", timeout=5,
                                json={"code": "ABCD", "device_name": "x", "protocol_version": 99})
    assert unsupported.status_code == 400


def test_plain_http_only_to_loopback() -> None:
    for ok in ("http://127.0.0.1:8000", "http://127.5.6.7", "http://localhost:9/", "http://[::1]:80",
               "https://hmis.example.org"):
        check_server_url(ok)
    for refused in ("http://hmis.example.org", "http://10.0.0.5:8000", "http://192.168.1.10",
                    "http://localhost.example.org", "ftp://127.0.0.1", "https://user:pw@host.example",
                    "127.0.0.1:8000"):
        with pytest.raises(InsecureServer):
            check_server_url(refused)


def _server_cli(*args: str) -> subprocess.CompletedProcess[str]:
    server = Path(sys.executable).parent / "hmis-intake-server"
    return subprocess.run([str(server), *args], capture_output=True, text=True, env=child_env(),
                          cwd=str(REPO_ROOT), timeout=60)


def test_server_cli_enrollment_code_and_export(server_db_url: str, tmp_path: Path) -> None:
    done = _server_cli("enrollment-code", "--db", server_db_url, "--agency", "Riverbend Test Shelter")
    assert done.returncode == 0, done.stderr
    code = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    engine = storage.open_engine(server_db_url)
    try:
        issued = storage.redeem_code(engine, code, "laptop", "test")
        assert issued.agency == "Riverbend Test Shelter"
    finally:
        engine.dispose()

    export = _server_cli("export-hmis-csv", "--db", server_db_url, str(tmp_path / "out.zip"))
    assert export.returncode != 0
    assert "no records" in export.stderr and single_sentence(export.stderr)
    assert not (tmp_path / "out.zip").exists()

    bad = _server_cli("enrollment-code", "--db", "nosuchdriver://x", "--agency", "A")
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1


def test_sync_package_imports_no_qt_or_ui() -> None:
    for path in sorted((REPO_ROOT / "sync").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(("PySide6", "shiboken6", "ui")), f"{path} imports {name}"


def test_serve_gives_the_api_description_only_with_api_docs(tmp_path: Path) -> None:
    """/openapi.json and /docs map the API for anyone who reaches it: off unless asked for."""
    from sync_support import ProcessServer, free_port

    db = f"sqlite:///{tmp_path / 'server.db'}"
    for extra, expected in (((), 404), (("--api-docs",), 200)):
        server = ProcessServer(db, free_port(), tmp_path / "server.log", extra)
        server.start()
        try:
            assert requests.get(server.url + "/openapi.json", timeout=5).status_code == expected
            assert requests.get(server.url + "/docs", timeout=5).status_code == expected
        finally:
            server.stop()

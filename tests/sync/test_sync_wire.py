"""The two ends of the sync protocol cannot drift apart.

The device and the server use one set of wire models (``sync/protocol.py``); the
server's OpenAPI document is generated from them and committed as
``docs/sync-openapi.json``. These tests fail if

* the committed document is not what the server generates now (a model changed and
  the document, which other implementations of the server read, was not regenerated);
* a request the real device code sends, or a reply the real server gives it, does not
  validate against that document (the operation's request body and the schema of the
  status it answered with), or does not parse with the device's models.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from jsonschema import Draft202012Validator
from pydantic import BaseModel
from support import REPO_ROOT
from sync_support import ThreadServer, new_code

from app.demo import add_demo_people
from app.session import Session
from sync import protocol
from sync.errors import EnrollmentFailed, GrantRefused
from sync.server.app import openapi_document
from sync.server.role_grants import new_role_grant
from sync.service import SyncJob
from sync.transport import Transport

COMMITTED = REPO_ROOT / "docs" / "sync-openapi.json"
REGENERATE = "regenerate it with: hmis-intake-server openapi > docs/sync-openapi.json"


def committed() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(COMMITTED.read_text("utf-8"))
    return document


def test_the_committed_openapi_document_is_what_the_server_generates() -> None:
    assert committed() == openapi_document(), f"docs/sync-openapi.json is out of date; {REGENERATE}"


def test_the_running_server_serves_the_committed_document(tmp_path: Path) -> None:
    from sync.server import storage

    engine = storage.open_engine(f"sqlite:///{tmp_path / 'server.db'}")
    storage.create_schema(engine)
    server = ThreadServer(engine, api_docs=True)
    try:
        served = requests.get(server.url + "/openapi.json", timeout=10).json()
    finally:
        server.stop()
        engine.dispose()
    assert served == committed(), f"the server serves another document than docs/sync-openapi.json; {REGENERATE}"


@dataclass(frozen=True)
class Exchange:
    """One request the device made and the reply it got, as bytes on the wire."""

    method: str
    path: str
    request_body: bytes | None
    status: int
    reply_body: bytes


def record_exchanges(session: requests.Session, seen: list[Exchange]) -> None:
    """Add every exchange ``session`` makes from now on to ``seen`` (a requests response hook)."""

    def hook(response: requests.Response, *args: object, **kwargs: object) -> None:
        request = response.request
        body = request.body.encode() if isinstance(request.body, str) else request.body
        path = requests.utils.urlparse(request.url or "").path
        seen.append(Exchange(request.method or "", path, body, response.status_code, response.content))

    session.hooks["response"].append(hook)


def _schema_validator(document: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator (OpenAPI 3.1's dialect) whose ``#/components``
    references resolve inside ``document``."""
    return Draft202012Validator({**schema, "components": document["components"]})


def schema_problems(document: dict[str, Any], exchange: Exchange) -> list[str]:
    """Why this exchange does not fit the document; empty if it does."""
    where = f"{exchange.method} {exchange.path}"
    operation = document["paths"].get(exchange.path, {}).get(exchange.method.lower())
    if operation is None:
        return [f"{where} is not in the document"]
    problems: list[str] = []
    if exchange.request_body:
        schema = operation["requestBody"]["content"]["application/json"]["schema"]
        problems += [f"{where} request: {e.message}"
                     for e in _schema_validator(document, schema).iter_errors(json.loads(exchange.request_body))]
    answer = operation["responses"].get(str(exchange.status))
    if answer is None:
        return [*problems, f"{where} answered {exchange.status}, which the document does not list"]
    schema = answer["content"]["application/json"]["schema"]
    problems += [f"{where} reply {exchange.status}: {e.message}"
                 for e in _schema_validator(document, schema).iter_errors(json.loads(exchange.reply_body))]
    return problems


# What the device reads each successful reply as.
DEVICE_MODELS: dict[tuple[str, str], type[BaseModel]] = {
    ("GET", protocol.HEALTH_PATH): protocol.Health,
    ("POST", protocol.ENROLLMENTS_PATH): protocol.Enrollment,
    ("GET", protocol.DEVICE_PATH): protocol.DeviceInfo,
    ("POST", protocol.BATCHES_PATH): protocol.BatchResult,
    ("POST", protocol.ROLE_GRANTS_PATH): protocol.RoleGrant,
    ("POST", protocol.SESSIONS_PATH): protocol.SessionsReply,
}


@pytest.fixture
def traffic(device: Session, live_server: ThreadServer) -> Iterator[list[Exchange]]:
    """The real device code against the real server: health, a refused and an accepted
    enrollment, who-am-I, then a sync of synthetic households (people, enrollments,
    consents, with the audit chain head) in small batches so there are several."""
    http = requests.Session()
    seen: list[Exchange] = []
    record_exchanges(http, seen)
    transport = Transport(live_server.url, session=http)
    transport.health()
    with pytest.raises(EnrollmentFailed):
        transport.enroll("ABCD-EFGH-JKLM", "wire-laptop")  # no such code: 403 with a detail
    code = new_code(live_server.engine)
    credential = transport.enroll(code, "wire-laptop").credential
    transport.whoami(credential)
    # VT-2.1-4: a role grant refused (another user name: 403 with a detail), then redeemed.
    grant = protocol.RoleGrantRedemption(code=new_role_grant(live_server.engine, "Riverbend Test Shelter",
                                                             "jo.lead", "agency_admin"),
                                         username="jo.lead", role="agency_admin")
    with pytest.raises(GrantRefused):
        transport.redeem_role_grant(grant.model_copy(update={"username": "kim.other"}), credential)
    transport.redeem_role_grant(grant, credential)
    transport.close()

    from sync.credentials import StoreKind
    from sync.service import enroll_device

    enroll_device(device, live_server.url, new_code(live_server.engine), StoreKind.VAULT)
    add_demo_people(device, 6, seed=11)
    job = SyncJob(device, batch_size=10)
    record_exchanges(job.transport.session, seen)
    report = job.run()
    assert report.complete and report.accepted > 10, report
    yield seen


def test_device_requests_and_server_replies_fit_the_committed_document(traffic: list[Exchange]) -> None:
    document = committed()
    batches = [e for e in traffic if e.path == protocol.BATCHES_PATH]
    assert len(batches) >= 2 and all(e.request_body for e in batches)
    assert any(b'"audit_head"' in (e.request_body or b"") for e in batches)
    # MO-PWD-6: the sync of the Missouri device also reported its signed-in user.
    assert [e.status for e in traffic if e.path == protocol.SESSIONS_PATH] == [200]
    assert {e.status for e in traffic} >= {200, 201, 403}
    problems = [p for e in traffic for p in schema_problems(document, e)]
    assert problems == []


def test_server_replies_parse_with_the_device_models(traffic: list[Exchange]) -> None:
    for exchange in traffic:
        if exchange.status >= 300:
            assert protocol.parse_reply(protocol.ErrorReply, exchange.reply_body, "error reply").detail
            continue
        model = DEVICE_MODELS[(exchange.method, exchange.path)]
        protocol.parse_reply(model, exchange.reply_body, "reply")
        if model is protocol.BatchResult:
            request = protocol.BatchRequest.model_validate_json(exchange.request_body or b"")
            reply = protocol.parse_reply(protocol.BatchResult, exchange.reply_body, "batch reply")
            assert reply.batch_id == request.batch_id
            assert [r.idempotency_key for r in reply.results] == [r.idempotency_key for r in request.records]


def test_a_drifted_request_or_reply_is_caught(traffic: list[Exchange]) -> None:
    """The check above can fail: the same real exchange, changed the way a drift would
    change it, no longer fits the document."""
    document = committed()
    batch = next(e for e in traffic if e.path == protocol.BATCHES_PATH)
    sent = json.loads(batch.request_body or b"")
    renamed = copy.deepcopy(sent)
    renamed["records"][0]["entity_type"] = renamed["records"][0].pop("entity")
    untyped = copy.deepcopy(sent)
    untyped["protocol_version"] = "1"
    replied = json.loads(batch.reply_body)
    del replied["results"][0]["status"]
    for request, reply in ((renamed, None), (untyped, None), (None, replied)):
        drifted = Exchange(batch.method, batch.path,
                           json.dumps(request).encode() if request is not None else batch.request_body,
                           batch.status, json.dumps(reply).encode() if reply is not None else batch.reply_body)
        assert schema_problems(document, drifted), (request, reply)
    with pytest.raises(protocol.MalformedReply, match=r"results\.0\.status"):
        protocol.parse_reply(protocol.BatchResult, json.dumps(replied).encode(), "batch reply")

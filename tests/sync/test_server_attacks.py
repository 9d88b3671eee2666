"""The reference server attacked as a malicious enrolled device would, over real HTTP on
loopback: another agency's records, dates in the future, values that overflow or are
not valid Unicode, an audit trail cut short. Each refusal is per record (or, for the
audit trail, per batch), with a one-sentence reason; nothing else is lost."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from sync_support import ThreadServer, add_outbox_records, new_code

from app.session import Session
from sync.credentials import StoreKind
from sync.errors import AuthRefused
from sync.protocol import DeviceCredential, OutboxRecord, RecordStatus, new_batch
from sync.server import storage
from sync.service import SyncJob, enroll_device
from sync.transport import Transport

AGENCY_A = "Alderbrook Test Shelter"
AGENCY_B = "Birchfield Test Outreach"


def _person(personal_id: str, first: str) -> dict[str, object]:
    return {"personal_id": personal_id, "first_name": first, "last_name": "Synthlast",
            "name_data_quality": 1, "ssn_data_quality": 99, "dob": "1980-02-03", "dob_data_quality": 1,
            "is_demo": True}


def _rec(entity_id: str, payload: dict[str, object], operation: str = "upsert", entity: str = "person",
         collected_at: str | None = None, key: str | None = None) -> OutboxRecord:
    when = collected_at or (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()
    return OutboxRecord(idempotency_key=key or str(uuid.uuid4()), entity=entity, entity_id=entity_id,
                        operation=operation, collected_at=when, payload=payload)


def _send(transport: Transport, credential: DeviceCredential, *records: OutboxRecord) -> list[tuple[RecordStatus, str]]:
    result = transport.send_batch(new_batch(records), credential).result
    assert [r.idempotency_key for r in result.results] == [r.idempotency_key for r in records]
    return [(r.status, r.reason or "") for r in result.results]


def _state(engine: Engine, entity: str, entity_id: str) -> tuple[str, dict[str, Any]] | None:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT operation, payload FROM entity_state WHERE entity = :e AND entity_id = :i"),
                           {"e": entity, "i": entity_id}).first()
    return None if row is None else (row[0], json.loads(row[1]))


@pytest.fixture
def devices(live_server: ThreadServer) -> Iterator[tuple[Transport, dict[str, DeviceCredential]]]:
    """Two agencies, three devices: a1 and a2 of agency A, b1 of agency B."""
    transport = Transport(live_server.url, timeout=(5, 30))
    creds = {
        "a1": transport.enroll(new_code(live_server.engine, AGENCY_A), "a1").credential,
        "a2": transport.enroll(new_code(live_server.engine, AGENCY_A), "a2").credential,
        "b1": transport.enroll(new_code(live_server.engine, AGENCY_B), "b1").credential,
    }
    yield transport, creds
    transport.close()


# -- Item 1: every record belongs to its agency ---------------------------------------------------------


def test_a_device_may_write_only_its_own_agencys_records(
        live_server: ThreadServer, devices: tuple[Transport, dict[str, DeviceCredential]]) -> None:
    transport, creds = devices
    engine = live_server.engine
    pid = str(uuid.uuid4())
    assert _send(transport, creds["a1"], _rec(pid, _person(pid, "Alphaname")))[0][0] is RecordStatus.ACCEPTED
    # The same agency's other device may update it.
    assert _send(transport, creds["a2"], _rec(pid, _person(pid, "Alphasecond")))[0][0] is RecordStatus.ACCEPTED

    # Agency B's device: overwrite (newer, even), delete, revoke: each refused with a reason; the
    # rest of its batch applies.
    own = str(uuid.uuid4())
    attacks = [
        _rec(pid, _person(pid, "Intrudername"), collected_at=dt.datetime.now(dt.UTC).isoformat()),
        _rec(pid, _person(pid, "Intrudername"), operation="delete"),
        _rec(pid, _person(pid, "Intrudername"), operation="create"),
        _rec(own, _person(own, "Betaname")),
    ]
    answers = _send(transport, creds["b1"], *attacks)
    assert [s for s, _ in answers] == [RecordStatus.REFUSED] * 3 + [RecordStatus.ACCEPTED]
    assert all("another agency" in reason for _, reason in answers[:3])
    assert _state(engine, "person", pid) == ("upsert", _person(pid, "Alphasecond"))
    with engine.connect() as conn:
        assert "Intrudername" not in " ".join(r[0] for r in conn.execute(text("SELECT payload FROM received_record")))
    # And back the other way: agency A cannot touch B's record.
    assert _send(transport, creds["a1"], _rec(own, _person(own, "X"), operation="delete"))[0][0] \
        is RecordStatus.REFUSED
    assert _state(engine, "person", own) == ("upsert", _person(own, "Betaname"))


def test_guessed_and_copied_ids_of_another_agency_are_refused_record_by_record(
        live_server: ThreadServer, devices: tuple[Transport, dict[str, DeviceCredential]]) -> None:
    """Trials: 40 of A's IDs (person, enrollment, consent) sent by B as upserts and deletes
    with the same IDs (as if copied or guessed), in a batch with 40 fresh IDs of B's own."""
    transport, creds = devices
    a_records = []
    for i in range(40):
        entity, field = [("person", "personal_id"), ("enrollment", "enrollment_id"), ("consent", "consent_id")][i % 3]
        ident = str(uuid.uuid4())
        payload: dict[str, object] = _person(ident, f"Alpha{i}") if entity == "person" else {field: ident, "n": i}
        a_records.append(_rec(ident, payload, entity=entity))
    assert {s for s, _ in _send(transport, creds["a1"], *a_records)} == {RecordStatus.ACCEPTED}

    hostile = []
    for i, r in enumerate(a_records):
        hostile.append(_rec(r.entity_id, {**r.payload, "n": -1, "first_name": "Intruder"}, entity=r.entity,
                            operation="delete" if i % 2 else "upsert"))
    fresh = [_rec(pid, _person(pid, "Betaown")) for pid in (str(uuid.uuid4()) for _ in range(40))]
    batch = [x for pair in zip(hostile, fresh, strict=True) for x in pair]
    answers = _send(transport, creds["b1"], *batch)
    assert [s for s, _ in answers[0::2]] == [RecordStatus.REFUSED] * 40
    assert [s for s, _ in answers[1::2]] == [RecordStatus.ACCEPTED] * 40
    for r in a_records:
        assert _state(live_server.engine, r.entity, r.entity_id) == ("upsert", r.payload)
    # A reused idempotency key of A's is refused too (not a duplicate, not applied).
    stolen = a_records[0]
    replay = _send(transport, creds["b1"], stolen)
    assert replay[0][0] is RecordStatus.REFUSED


def test_records_that_point_at_another_agencys_person_or_enrollment_are_refused(
        live_server: ThreadServer, devices: tuple[Transport, dict[str, DeviceCredential]]) -> None:
    """A "shared" consent of B's own naming A's Not Shared person would publish that person
    in the all-agency export; an enrollment or service of B's would attach to A's client."""
    transport, creds = devices
    pid, eid = str(uuid.uuid4()), str(uuid.uuid4())
    a_batch = (_rec(pid, _person(pid, "Alphaname")),
               _rec(eid, {"enrollment_id": eid, "personal_id": pid}, entity="enrollment"),
               _rec(cid := str(uuid.uuid4()), {"consent_id": cid, "personal_id": pid, "method": "written",
                                               "sharing": "not_shared"}, entity="consent"))
    assert {s for s, _ in _send(transport, creds["a1"], *a_batch)} == {RecordStatus.ACCEPTED}
    own_pid = str(uuid.uuid4())
    hostile = (
        _rec(c := str(uuid.uuid4()), {"consent_id": c, "personal_id": pid, "method": "written",
                                      "sharing": "shared"}, entity="consent", operation="create"),
        _rec(e := str(uuid.uuid4()), {"enrollment_id": e, "personal_id": pid}, entity="enrollment"),
        _rec(v := str(uuid.uuid4()), {"service_id": v, "enrollment_id": eid, "personal_id": own_pid},
             entity="service"),
        _rec(own_pid, _person(own_pid, "Betaname")),
        _rec(e2 := str(uuid.uuid4()), {"enrollment_id": e2, "personal_id": own_pid}, entity="enrollment"),
    )
    answers = _send(transport, creds["b1"], *hostile)
    assert [s for s, _ in answers] == [RecordStatus.REFUSED] * 3 + [RecordStatus.ACCEPTED] * 2
    assert "person of another agency" in answers[0][1] and "person of another agency" in answers[1][1]
    assert "enrollment of another agency" in answers[2][1]
    # Agency A's other device may attach to A's person.
    c2 = str(uuid.uuid4())
    assert _send(transport, creds["a2"], _rec(c2, {"consent_id": c2, "personal_id": pid, "method": "written",
                                                    "sharing": "shared"}, entity="consent"))[0][0] \
        is RecordStatus.ACCEPTED


def test_collected_at_in_the_future_is_refused_per_record(
        live_server: ThreadServer, devices: tuple[Transport, dict[str, DeviceCredential]]) -> None:
    transport, creds = devices
    now = dt.datetime.now(dt.UTC)
    pid = str(uuid.uuid4())
    answers = _send(
        transport, creds["a1"],
        _rec(pid, _person(pid, "Nowname"), collected_at=now.isoformat()),
        _rec(pid, _person(pid, "Farfuture"), collected_at="2099-01-01T00:00:00+00:00"),
        _rec(pid, _person(pid, "Sixminutes"), collected_at=(now + dt.timedelta(minutes=6)).isoformat()),
        _rec(pid, _person(pid, "Skewed"), collected_at=(now + dt.timedelta(minutes=2)).isoformat()),
    )
    assert [s for s, _ in answers] == [RecordStatus.ACCEPTED, RecordStatus.REFUSED, RecordStatus.REFUSED,
                                       RecordStatus.ACCEPTED]
    assert all("future" in reason for _, reason in answers[1:3])
    state = _state(live_server.engine, "person", pid)
    assert state is not None and state[1]["first_name"] == "Skewed"
    # An honest later edit still wins over the slightly-skewed one once its time comes.
    later = _rec(pid, _person(pid, "Laterfix"), collected_at=(now + dt.timedelta(minutes=3)).isoformat())
    assert _send(transport, creds["a2"], later)[0][0] is RecordStatus.ACCEPTED
    assert _state(live_server.engine, "person", pid)[1]["first_name"] == "Laterfix"  # type: ignore[index]


# -- Item 3: one bad record is refused alone ---------------------------------------------------------------


def _raw_batch(url: str, credential: DeviceCredential, records: list[dict[str, Any]],
               head: dict[str, Any] | None = None) -> requests.Response:
    body: dict[str, Any] = {"protocol_version": 1, "batch_id": uuid.uuid4().hex, "records": records}
    if head is not None:
        body["audit_head"] = head
    # ensure_ascii: a lone surrogate travels as the JSON escape a hostile client would send.
    return requests.post(url + "/v1/batches", data=json.dumps(body, ensure_ascii=True).encode("ascii"),
                         headers={"Authorization": credential.header(), "Content-Type": "application/json"},
                         timeout=30)


def _good(pid: str | None = None) -> dict[str, Any]:
    pid = pid or str(uuid.uuid4())
    return _rec(pid, _person(pid, "Goodname")).model_dump(mode="json")


def test_overflowing_dates_and_a_lone_surrogate_are_refused_alone(
        live_server: ThreadServer, devices: tuple[Transport, dict[str, DeviceCredential]]) -> None:
    _, creds = devices
    bad = []
    for when in ("9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"):
        record = _good()
        record["collected_at"] = when
        bad.append(record)
    for field in ("idempotency_key", "entity_id", "collected_at"):
        record = _good()
        record[field] = record[field] + "\ud800"
        bad.append(record)
    record = _good()
    record["payload"]["first_name"] = "Bad\udfff"
    bad.append(record)
    record = _good()
    record["payload"]["bad\ud834key"] = 1
    bad.append(record)
    record = _good()
    record["entity_id"] = 12345
    bad.append(record)
    record = _good()
    record["payload"]["score"] = float("nan")  # json.dumps writes NaN, which Python's parser accepts
    bad.append(record)
    good = [_good(), _good()]
    response = _raw_batch(live_server.url, creds["a1"], [good[0], *bad, good[1]])
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == len(bad) + 2
    assert [r["status"] for r in results] == ["accepted", *["refused"] * len(bad), "accepted"]
    assert all(r["reason"] and r["reason"].endswith(".") for r in results[1:-1])
    assert "collected_at" in results[1]["reason"] and "collected_at" in results[2]["reason"]
    assert "idempotency key" in results[3]["reason"]


_TEXT = st.text(st.characters(exclude_categories=()), max_size=30)  # surrogates and controls included
_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
                       max_leaves=8)
_MOMENTS = st.one_of(
    _TEXT,
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2099-01-01T00:00:00Z"]),
)


@st.composite
def _fuzzed_record(draw: st.DrawFn) -> dict[str, Any]:
    record = _good()
    for field, strategy in (("idempotency_key", st.one_of(_TEXT, st.uuids().map(str), st.integers())),
                            ("entity", st.one_of(st.sampled_from(["person", "consent", "project", "x"]), _TEXT)),
                            ("entity_id", st.one_of(_TEXT, st.integers(), st.none())),
                            ("operation", st.one_of(st.sampled_from(["upsert", "delete", "revoke"]), _TEXT)),
                            ("collected_at", _MOMENTS)):
        if draw(st.booleans()):
            record[field] = draw(strategy)
    if draw(st.booleans()):
        record["payload"] = {**record["payload"], **draw(st.dictionaries(_TEXT, _VALUES, max_size=4))}
    if draw(st.integers(0, 9)) == 0:
        record["payload"] = draw(_VALUES)
    return record


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ThreadServer, DeviceCredential]]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    engine = storage.open_engine(f"sqlite:///{folder / 'server.db'}")
    storage.create_schema(engine)
    server = ThreadServer(engine)
    credential = Transport(server.url).enroll(new_code(engine), "fuzz-device").credential
    yield server, credential
    server.stop()
    engine.dispose()


@given(records=st.lists(_fuzzed_record(), min_size=1, max_size=4))
@settings(max_examples=120, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_fuzzed_records_never_fail_their_batch(fuzz_server: tuple[ThreadServer, DeviceCredential],
                                               records: list[dict[str, Any]]) -> None:
    """A well-formed record beside any mix of fuzzed ones is always accepted; every
    record gets its own answer and a refused one a one-sentence reason."""
    server, credential = fuzz_server
    good = _good()
    response = _raw_batch(server.url, credential, [*records, good])
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == len(records) + 1
    assert results[-1]["status"] == "accepted"
    for r in results:
        assert r["status"] in ("accepted", "duplicate", "refused")
        if r["status"] == "refused":
            assert r["reason"] and r["reason"].endswith(".") and "\n" not in r["reason"]


# -- Item 5 (server half): an audit trail that goes backwards is refused -----------------------------------


def test_an_audit_chain_head_that_goes_backwards_is_refused(
        live_server: ThreadServer, devices: tuple[Transport, dict[str, DeviceCredential]]) -> None:
    _, creds = devices
    h = [format(i, "064x") for i in range(10)]
    assert _raw_batch(live_server.url, creds["a1"], [_good()], {"seq": 5, "hash": h[5]}).status_code == 200
    assert _raw_batch(live_server.url, creds["a1"], [_good()], {"seq": 7, "hash": h[7]}).status_code == 200
    assert _raw_batch(live_server.url, creds["a1"], [_good()], {"seq": 7, "hash": h[7]}).status_code == 200
    before = storage.received_count(live_server.engine)
    cut = _raw_batch(live_server.url, creds["a1"], [_good()], {"seq": 6, "hash": h[6]})
    assert cut.status_code == 403 and "removed" in cut.json()["detail"]
    rewritten = _raw_batch(live_server.url, creds["a1"], [_good()], {"seq": 7, "hash": h[8]})
    assert rewritten.status_code == 403 and "rewritten" in rewritten.json()["detail"]
    assert storage.received_count(live_server.engine) == before
    # Per device: another device's lower head is its own business.
    assert _raw_batch(live_server.url, creds["a2"], [_good()], {"seq": 1, "hash": h[1]}).status_code == 200


def test_a_device_whose_audit_events_were_cut_cannot_sync(
        device: Session, live_server: ThreadServer) -> None:
    """The device sends its head with every batch; removing its newest audit events (the
    triggers dropped, as an attacker with the vault open would) stops the next sync."""
    enroll_device(device, live_server.url, new_code(live_server.engine), StoreKind.VAULT)
    add_outbox_records(device, 3)
    report = SyncJob(device, batch_size=1).run()
    assert report.error is None and report.accepted == 3
    with live_server.engine.connect() as conn:
        reported = int(conn.execute(text("SELECT seq FROM device_audit_head")).scalar_one())
    assert reported >= 1
    add_outbox_records(device, 1)
    conn = device.conn
    conn.execute("DROP TRIGGER audit_event_no_delete")
    conn.execute("DELETE FROM audit_event WHERE seq >= ?", (reported - 1,))
    report = SyncJob(device).run()
    assert isinstance(report.error, AuthRefused)
    assert "audit trail" in str(report.error) and report.accepted == 0


def test_a_database_written_before_owners_existed_gives_each_record_to_its_first_agency(
        live_server: ThreadServer, devices: tuple[Transport, dict[str, DeviceCredential]], server_db_url: str,
        tmp_path: Path) -> None:
    """A server upgraded from the version that let B overwrite A's person: the owner is
    the agency that sent the first version, and B's version leaves no trace in exports."""
    from test_server_export import server_cli

    transport, creds = devices
    engine = live_server.engine
    pid = str(uuid.uuid4())
    assert _send(transport, creds["a1"], _rec(pid, _person(pid, "Alphaname")))[0][0] is RecordStatus.ACCEPTED
    # What the old server accepted from agency B, written as it wrote it; then its owners forgotten.
    later = dt.datetime.now(dt.UTC).isoformat()
    with engine.begin() as conn:
        conn.execute(storage.received_record.insert().values(
            idempotency_key=str(uuid.uuid4()), fingerprint="0" * 64, device_id=creds["b1"].device_id,
            batch_id="old", entity="person", entity_id=pid, operation="upsert", collected_at=later,
            received_at=later, payload=json.dumps(_person(pid, "Intrudername"))))
        conn.execute(storage.record_owner.delete())
    storage.create_schema(engine)
    with engine.connect() as conn:
        owner = conn.execute(text("SELECT agency FROM record_owner WHERE entity_id = :i"), {"i": pid}).scalar_one()
    assert owner == AGENCY_A
    assert _send(transport, creds["b1"], _rec(pid, _person(pid, "Again")))[0][0] is RecordStatus.REFUSED
    # What every export reads: only the owning agency's versions.
    from sync.server import export_store

    with export_store.read_snapshot(engine) as conn:
        versions = [json.loads(row.payload)["first_name"] for row in export_store.stored_rows(conn, "person", None)]
    assert versions == ["Alphaname"]
    done = server_cli("export-hmis-csv", "--db", server_db_url, str(tmp_path / "all.zip"), "--json")
    assert done.returncode == 0, done.stderr

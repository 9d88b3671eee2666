"""The server's database, through SQLAlchemy Core: the same code on SQLite and PostgreSQL.

Every piece of state lives here (enrollment codes, devices, received records), so API
processes hold nothing between requests. A batch is one transaction: either all of
its accepted records and their effect on the current state commit, or none do.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import ConnectionPoolEntry

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

from sync.protocol import OutboxRecord, RecordResult, RecordStatus, record_fingerprint
from sync.server.ownership import (
    OTHER_AGENCY,
    OTHER_AGENCY_REFERENCE,
    AuditChainWentBack,
    check_audit_head,
    claim_existing,
    owners,
    references,
)
from sync.server.schema import (
    device,
    device_audit_head,
    enrollment_code,
    entity_state,
    metadata,
    received_record,
    record_owner,
)
from sync.server.validation import clean_text, parse_collected_at, record_problem

__all__ = [
    "OTHER_AGENCY", "OTHER_AGENCY_REFERENCE", "AuditChainWentBack", "device", "device_audit_head",
    "enrollment_code", "entity_state", "metadata", "received_record", "record_owner",
]

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: read aloud safely
CODE_LENGTH = 12  # 60 bits
DEFAULT_CODE_TTL = timedelta(hours=24)


class EnrollmentRefused(Exception):
    """The code is unknown, used or expired; the message says which."""


class ConcurrentBatch(Exception):
    """Another request committed one of these keys first; the device retries."""


class NotAuthenticated(Exception):
    pass


class DeviceRevoked(Exception):
    pass


def normalize_url(url: str) -> str:
    """A plain path means a SQLite file; ``postgresql://`` means psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    # Take the write lock at BEGIN (see the "begin" listener) and wait for it, rather
    # than failing when a reader tries to upgrade; full fsync on commit.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.close()


#: Execution option of a read-only transaction (an export's snapshot): on SQLite it
#: takes no write lock, so devices keep syncing while it reads (WAL readers see the
#: database as it was when they started).
READ_ONLY = "hmis_read_only"


def _sqlite_on_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


def open_engine(url: str) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
    return engine


def create_schema(engine: Engine) -> None:
    from sync.server import export_store  # noqa: F401 - its tables are on this metadata too

    metadata.create_all(engine, checkfirst=True)
    claim_existing(engine)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def format_code(raw: str) -> str:
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


# -- enrollment ----------------------------------------------------------------------


def new_enrollment_code(engine: Engine, agency: str, ttl: timedelta = DEFAULT_CODE_TTL,
                        now: datetime | None = None) -> str:
    """A one-time code for pairing one device; only its hash is stored."""
    now = now or utc_now()
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    with engine.begin() as conn:
        conn.execute(insert(enrollment_code).values(
            code_hash=_sha256(raw), agency=agency, created_at=_iso(now), expires_at=_iso(now + ttl),
        ))
    return format_code(raw)


@dataclass(frozen=True)
class IssuedDevice:
    device_id: str
    secret: str
    agency: str


def redeem_code(engine: Engine, code: str, device_name: str, app_version: str,
                now: datetime | None = None) -> IssuedDevice:
    now = now or utc_now()
    raw = normalize_code(code)
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        raise EnrollmentRefused("This enrollment code is not valid; check it or ask for a new one.")
    code_hash = _sha256(raw)
    device_id = str(uuid.uuid4())
    secret = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        row = conn.execute(
            select(enrollment_code.c.agency, enrollment_code.c.expires_at, enrollment_code.c.used_at)
            .where(enrollment_code.c.code_hash == code_hash)
        ).first()
        if row is None:
            raise EnrollmentRefused("This enrollment code is not valid; check it or ask for a new one.")
        if row.used_at is not None:
            raise EnrollmentRefused("This enrollment code was already used; ask for a new one.")
        if row.expires_at <= _iso(now):
            raise EnrollmentRefused("This enrollment code has expired; ask for a new one.")
        # The guard in the WHERE clause makes the code single-use even when two
        # devices race with it through two server processes.
        claimed = conn.execute(
            update(enrollment_code)
            .where(enrollment_code.c.code_hash == code_hash, enrollment_code.c.used_at.is_(None))
            .values(used_at=_iso(now), device_id=device_id)
        ).rowcount
        if claimed != 1:
            raise EnrollmentRefused("This enrollment code was already used; ask for a new one.")
        conn.execute(insert(device).values(
            device_id=device_id, agency=row.agency, name=device_name, app_version=app_version,
            secret_hash=_sha256(secret), enrolled_at=_iso(now),
        ))
    return IssuedDevice(device_id, secret, row.agency)


@dataclass(frozen=True)
class AuthenticatedDevice:
    device_id: str
    agency: str
    name: str


def authenticate(engine: Engine, authorization: str | None) -> AuthenticatedDevice:
    """``Bearer <device id>.<secret>``; unknown or wrong → NotAuthenticated."""
    if not authorization or not authorization.startswith("Bearer "):
        raise NotAuthenticated()
    device_id, sep, secret = authorization[len("Bearer "):].strip().partition(".")
    try:
        uuid.UUID(device_id)
    except ValueError as exc:
        raise NotAuthenticated() from exc
    if not sep or not secret or len(secret) > 200 or not clean_text(secret):
        raise NotAuthenticated()
    with engine.connect() as conn:
        row = conn.execute(
            select(device.c.agency, device.c.name, device.c.secret_hash, device.c.revoked_at)
            .where(device.c.device_id == device_id)
        ).first()
    if row is None or not hmac.compare_digest(row.secret_hash, _sha256(secret)):
        raise NotAuthenticated()
    if row.revoked_at is not None:
        raise DeviceRevoked()
    return AuthenticatedDevice(device_id, row.agency, row.name)


def revoke_device(engine: Engine, device_id: str, now: datetime | None = None) -> bool:
    with engine.begin() as conn:
        return conn.execute(
            update(device).where(device.c.device_id == device_id, device.c.revoked_at.is_(None))
            .values(revoked_at=_iso(now or utc_now()))
        ).rowcount == 1


def list_devices(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(device.c.device_id, device.c.agency, device.c.name, device.c.enrolled_at,
                   device.c.revoked_at).order_by(device.c.enrolled_at)
        ).all()
    return [dict(r._mapping) for r in rows]


# -- batches -------------------------------------------------------------------------


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _upsert_state(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    stmt: postgresql.Insert | sqlite.Insert
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        stmt = postgresql_insert(entity_state)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(entity_state)
    excluded = stmt.excluded
    stmt = stmt.on_conflict_do_update(
        index_elements=[entity_state.c.entity, entity_state.c.entity_id],
        set_={
            "operation": excluded.operation,
            "collected_at": excluded.collected_at,
            "idempotency_key": excluded.idempotency_key,
            "device_id": excluded.device_id,
            "updated_at": excluded.updated_at,
            "payload": excluded.payload,
        },
        where=entity_state.c.collected_at <= excluded.collected_at,
    )
    conn.execute(stmt, rows)


def _device_agency(conn: Connection, device_id: str) -> str:
    row = conn.execute(select(device.c.agency).where(device.c.device_id == device_id)).first()
    if row is None:
        raise NotAuthenticated()
    return str(row.agency)


def printable(value: str) -> str:
    """Text that can be written back as JSON even if what was sent is not valid Unicode."""
    return value.encode("utf-8", "replace").decode("utf-8")


def _result(key: object, status: RecordStatus, reason: str | None = None) -> RecordResult:
    """A record's answer; its key echoed as text (a key that was not text was refused for that)."""
    return RecordResult(idempotency_key=printable(str(key)), status=status, reason=reason)


def _known_keys(conn: Connection, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
    """The fingerprint and device the server already holds for each of ``keys``."""
    known: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(keys, 500):
        for row in conn.execute(
            select(received_record.c.idempotency_key, received_record.c.fingerprint,
                   received_record.c.device_id)
            .where(received_record.c.idempotency_key.in_(chunk))
        ):
            known[row.idempotency_key] = (row.fingerprint, row.device_id)
    return known


def _not_applied(record: OutboxRecord, fingerprint: str, known: Mapping[str, tuple[str, str]], device_id: str,
                 owner_of: Mapping[tuple[str, str], str], agency: str) -> RecordResult | None:
    """Why a well-formed record is not applied (a duplicate, a reused key, another
    agency's record or reference), or None when it is new and this agency's."""
    key = record.idempotency_key
    if key in known:
        had_fingerprint, had_device = known[key]
        if had_fingerprint == fingerprint and had_device == device_id:
            return _result(key, RecordStatus.DUPLICATE)
        return _result(
            key, RecordStatus.REFUSED,
            "This idempotency key was already used for a different record "
            "(reused key, IETF 422).",
        )
    owner = owner_of.get((record.entity, record.entity_id))
    if owner is not None and owner != agency:
        return _result(key, RecordStatus.REFUSED, OTHER_AGENCY)
    foreign = [e for e, i in references(record) if owner_of.get((e, i), agency) != agency]
    if foreign:
        return _result(key, RecordStatus.REFUSED, OTHER_AGENCY_REFERENCE.format(entity=foreign[0]))
    return None


def _received_row(record: OutboxRecord, fingerprint: str, device_id: str, batch_id: str,
                  now_iso: str) -> dict[str, Any]:
    collected = parse_collected_at(record.collected_at)
    assert collected is not None  # record_problem checked it
    return {
        "idempotency_key": record.idempotency_key, "fingerprint": fingerprint, "device_id": device_id,
        "batch_id": batch_id, "entity": record.entity, "entity_id": record.entity_id,
        "operation": record.operation, "collected_at": _iso(collected),
        "received_at": now_iso,
        "payload": json.dumps(record.payload, sort_keys=True, separators=(",", ":")),
    }


def apply_batch(engine: Engine, device_id: str, batch_id: str, records: Sequence[OutboxRecord],
                now: datetime | None = None, agency: str | None = None,
                audit_head: tuple[int, str] | None = None) -> list[RecordResult]:
    """Apply the new records of a batch in one transaction; report on every record.

    A record whose key the server has with the same fingerprint is a duplicate (no
    second apply); with another fingerprint it is refused, as the IETF idempotency-key
    draft answers 422. A record whose (entity, entity_id) belongs to another agency is
    refused; a new one becomes this device's agency's. Refusing one record never stops
    the others. An ``audit_head`` behind the one this device reported before refuses
    the whole batch (:class:`AuditChainWentBack`).
    """
    moment = now or utc_now()
    now_iso = _iso(moment)
    problems = [
        record_problem(r.entity, r.entity_id, r.operation, r.collected_at, r.payload, r.idempotency_key,
                       now=moment)
        for r in records
    ]
    candidate_keys = sorted({r.idempotency_key for r, p in zip(records, problems, strict=True) if p is None})
    results: list[RecordResult] = []
    try:
        with engine.begin() as conn:
            if agency is None:
                agency = _device_agency(conn, device_id)
            if audit_head is not None:
                check_audit_head(conn, device_id, audit_head, now_iso)
            valid = [r for r, p in zip(records, problems, strict=True) if p is None]
            owner_of = owners(conn, [(r.entity, r.entity_id) for r in valid]
                              + [ref for r in valid for ref in references(r)])
            claims: list[dict[str, Any]] = []
            known = _known_keys(conn, candidate_keys)
            new_rows: list[dict[str, Any]] = []
            latest: dict[tuple[str, str], dict[str, Any]] = {}
            for record, problem in zip(records, problems, strict=True):
                key = record.idempotency_key
                if problem is not None:
                    results.append(_result(key, RecordStatus.REFUSED, problem))
                    continue
                fingerprint = record_fingerprint(record.entity, record.entity_id, record.operation,
                                                 record.collected_at, record.payload)
                verdict = _not_applied(record, fingerprint, known, device_id, owner_of, agency)
                if verdict is not None:
                    results.append(verdict)
                    continue
                ident = (record.entity, record.entity_id)
                owner = owner_of.get(ident)
                if owner is None:
                    owner_of[ident] = agency
                    claims.append({"entity": record.entity, "entity_id": record.entity_id, "agency": agency,
                                   "device_id": device_id, "claimed_at": now_iso})
                row = _received_row(record, fingerprint, device_id, batch_id, now_iso)
                known[key] = (fingerprint, device_id)
                new_rows.append(row)
                previous = latest.get(ident)
                if previous is None or previous["collected_at"] <= row["collected_at"]:
                    latest[ident] = row
                results.append(_result(key, RecordStatus.ACCEPTED))
            if claims:
                # Two agencies claiming one new ID at once: the second insert fails, its
                # batch is retried (409) and then finds the owner.
                conn.execute(insert(record_owner), claims)
            if new_rows:
                conn.execute(insert(received_record), new_rows)
                _upsert_state(conn, [
                    {"entity": r["entity"], "entity_id": r["entity_id"], "operation": r["operation"],
                     "collected_at": r["collected_at"], "idempotency_key": r["idempotency_key"],
                     "device_id": r["device_id"], "updated_at": now_iso, "payload": r["payload"]}
                    for r in latest.values()
                ])
    except IntegrityError as exc:
        raise ConcurrentBatch() from exc
    return results


def check_database(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def received_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM received_record")).scalar_one())

"""What the server keeps for its HMIS CSV exports, and the snapshot an export reads.

* The server's own identity: ``Export.ImplementationID`` must stay the same for one
  source database (HUD CSV spec, "Export parameters"), so it is a random ID kept
  in the database itself, made by the first export.
* One ``export_event`` per export: when, the ExportID, the options and the rows per
  file, never a path or a value from a record; the server's counterpart of the
  device's ``hmis_csv.exported`` audit event (CT-207-12).
* :func:`read_snapshot`: every file of an export comes from one snapshot (spec,
  "Export parameters"), read without blocking devices that sync meanwhile.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Engine, String, Table, Text, func, insert, select
from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

from sync.server.storage import READ_ONLY, device, metadata, received_record, record_owner, utc_now

__all__ = [
    "ServerIdentity",
    "StoredRow",
    "agencies",
    "agency_devices",
    "export_event",
    "owned_ids",
    "read_snapshot",
    "record_export",
    "server_identity",
    "server_setting",
    "stored_rows",
]

server_setting = Table(
    "server_setting", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

export_event = Table(
    "export_event", metadata,
    Column("export_id", String(32), primary_key=True),
    Column("exported_at", String(40), nullable=False),
    Column("detail", Text, nullable=False),  # options and row counts as JSON; nothing personal
)

_IMPLEMENTATION_ID = "implementation_id"
_CREATED_AT = "created_at"
#: Rows fetched at a time from a server-side cursor (PostgreSQL) while an export reads.
_FETCH = 2000


@dataclass(frozen=True)
class ServerIdentity:
    implementation_id: str
    created_at: datetime


def _insert_missing(conn: Connection, rows: list[dict[str, str]]) -> None:
    stmt: postgresql.Insert | sqlite.Insert
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        stmt = postgresql_insert(server_setting)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(server_setting)
    conn.execute(stmt.on_conflict_do_nothing(index_elements=["key"]), rows)


def server_identity(engine: Engine) -> ServerIdentity:
    """The server database's implementation ID and when it was made; made once, by
    whichever export comes first (two at once agree on the first one stored)."""
    with engine.begin() as conn:
        _insert_missing(conn, [{"key": _IMPLEMENTATION_ID, "value": uuid.uuid4().hex},
                               {"key": _CREATED_AT, "value": utc_now().isoformat(timespec="seconds")}])
        values = dict(conn.execute(select(server_setting.c.key, server_setting.c.value).where(
            server_setting.c.key.in_([_IMPLEMENTATION_ID, _CREATED_AT]))).tuples().all())
    return ServerIdentity(values[_IMPLEMENTATION_ID], datetime.fromisoformat(values[_CREATED_AT]))


@contextmanager
def read_snapshot(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction that sees the database as of its first read: REPEATABLE
    READ on PostgreSQL, a deferred (WAL reader) transaction on SQLite."""
    options: dict[str, Any] = {READ_ONLY: True}
    if engine.dialect.name == "postgresql":
        options.update(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    with engine.connect() as conn:
        conn = conn.execution_options(**options)
        with conn.begin():
            yield conn


def agency_devices(conn: Connection, agency: str) -> tuple[str, list[str]]:
    """The agency's name as enrolled and its devices (revoked ones too: what they sent
    before is still theirs); matched without regard to case. Empty if none."""
    wanted = agency.strip().casefold()
    found: list[str] = []
    name = ""
    for device_id, enrolled_as in conn.execute(select(device.c.device_id, device.c.agency)):
        if enrolled_as.strip().casefold() == wanted:
            found.append(device_id)
            name = enrolled_as.strip()
    return name, found


def agencies(conn: Connection, device_ids: Sequence[str] | None = None) -> list[str]:
    """The distinct agencies of ``device_ids`` (all enrolled devices if ``None``)."""
    query = select(func.distinct(device.c.agency))
    if device_ids is not None:
        query = query.where(device.c.device_id.in_(list(device_ids)))
    return sorted(str(row[0]) for row in conn.execute(query))


def owned_ids(conn: Connection, entity: str, agency: str) -> set[str]:
    """The IDs of ``entity`` records that belong to ``agency`` (matched without regard
    to case, as :func:`agency_devices` does)."""
    wanted = agency.strip().casefold()
    query = select(record_owner.c.entity_id, record_owner.c.agency).where(record_owner.c.entity == entity)
    return {str(entity_id) for entity_id, owner in conn.execute(query) if owner.strip().casefold() == wanted}


@dataclass(frozen=True, slots=True)
class StoredRow:
    entity_id: str
    operation: str
    collected_at: str
    payload: str


def stored_rows(conn: Connection, entity: str, device_ids: Sequence[str] | None) -> Iterator[StoredRow]:
    """Every version of every record of ``entity`` sent by its owning agency (from
    ``device_ids`` only, if given), grouped by record and in collection order within
    it, so a caller can fold each record's versions while reading only one at a time."""
    r, o = received_record.c, record_owner.c
    # Only versions sent by the owning agency's devices: a database that accepted another
    # agency's writes before records had owners does not export them.
    query = (
        select(r.entity_id, r.operation, r.collected_at, r.payload)
        .join(device, device.c.device_id == r.device_id)
        .join(record_owner, (o.entity == r.entity) & (o.entity_id == r.entity_id))
        .where(r.entity == entity, device.c.agency == o.agency)
    )
    if device_ids is not None:
        query = query.where(r.device_id.in_(list(device_ids)))
    query = query.order_by(r.entity_id, r.collected_at, r.received_at, r.idempotency_key)
    result = conn.execution_options(stream_results=True, yield_per=_FETCH).execute(query)
    for row in result:
        yield StoredRow(row[0], row[1], row[2], row[3])


def record_export(engine: Engine, export_id: str, detail: dict[str, object]) -> None:
    with engine.begin() as conn:
        conn.execute(insert(export_event).values(
            export_id=export_id, exported_at=utc_now().isoformat(timespec="seconds"),
            detail=json.dumps(detail, sort_keys=True, separators=(",", ":")),
        ))

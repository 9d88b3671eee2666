"""Whose each record is, and whether a device's audit trail went backwards.

* A record belongs to the agency whose device first sent its ``(entity, entity_id)``
  (:data:`~sync.server.schema.record_owner`); only that agency's devices may change,
  revoke or delete it, or attach records to it (a consent, enrollment or service
  naming its person or enrollment).
* Each device's newest audit chain head (sequence number and hash) is kept; a batch
  carrying a head behind it is refused whole (:class:`AuditChainWentBack`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.engine import Connection

from sync.protocol import OutboxRecord
from sync.server.schema import device, device_audit_head, received_record, record_owner


class AuditChainWentBack(Exception):
    """The device reported an audit chain head behind one it reported before."""


OTHER_AGENCY = ("This ID belongs to a record of another agency; a device may write only its own "
                "agency's records.")
OTHER_AGENCY_REFERENCE = ("This record refers to a {entity} of another agency; a device may attach records "
                          "only to its own agency's people and enrollments.")
#: Payload fields that point at another record, checked like the record's own ID: a
#: consent or enrollment that names another agency's person would change how that
#: person is shared (a "shared" consent would publish a Not Shared client).
REFERENCES = (("personal_id", "person"), ("enrollment_id", "enrollment"))


def references(record: OutboxRecord) -> list[tuple[str, str]]:
    found = []
    for field, entity in REFERENCES:
        value = record.payload.get(field)
        if record.entity != entity and isinstance(value, str) and value:
            found.append((entity, value))
    return found


def owners(conn: Connection, idents: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The owning agency of each (entity, entity_id) that has one."""
    found: dict[tuple[str, str], str] = {}
    by_entity: dict[str, list[str]] = {}
    for entity, entity_id in idents:
        by_entity.setdefault(entity, []).append(entity_id)
    for entity, ids in by_entity.items():
        ordered = sorted(set(ids))
        for chunk in (ordered[i:i + 500] for i in range(0, len(ordered), 500)):
            for row in conn.execute(
                select(record_owner.c.entity_id, record_owner.c.agency)
                .where(record_owner.c.entity == entity, record_owner.c.entity_id.in_(chunk))
            ):
                found[(entity, row.entity_id)] = row.agency
    return found


def check_audit_head(conn: Connection, device_id: str, head: tuple[int, str], now_iso: str) -> None:
    """Refuse a head behind the last one this device reported; remember a newer one."""
    seq, digest = head
    row = conn.execute(
        select(device_audit_head.c.seq, device_audit_head.c.hash)
        .where(device_audit_head.c.device_id == device_id)
    ).first()
    if row is not None:
        known_seq, known_hash = int(row.seq), row.hash
        if seq < known_seq:
            raise AuditChainWentBack(
                f"This device's audit trail ends at event {seq}, but it reported event {known_seq} "
                "before: events were removed, so nothing was applied; an administrator must check the device.")
        if seq == known_seq and digest != known_hash:
            raise AuditChainWentBack(
                f"This device's audit event {seq} has a different hash than it reported before: the trail "
                "was rewritten, so nothing was applied; an administrator must check the device.")
        if seq == known_seq:
            return
        conn.execute(update(device_audit_head).where(device_audit_head.c.device_id == device_id)
                     .values(seq=str(seq), hash=digest, reported_at=now_iso))
    else:
        conn.execute(insert(device_audit_head).values(device_id=device_id, seq=str(seq), hash=digest,
                                                      reported_at=now_iso))


def claim_existing(engine: Engine) -> None:
    """A database made before records had owners: each record belongs to the agency of
    the device that sent its first version (not its newest, which another agency may
    have sent while nothing stopped it)."""
    with engine.begin() as conn:
        if conn.execute(select(record_owner.c.entity).limit(1)).first() is not None:
            return
        if conn.execute(select(received_record.c.entity).limit(1)).first() is None:
            return
        r, first = received_record.alias("r"), received_record.alias("first")
        earliest = (
            select(first.c.idempotency_key)
            .where(first.c.entity == r.c.entity, first.c.entity_id == r.c.entity_id)
            .order_by(first.c.received_at, first.c.collected_at, first.c.idempotency_key)
            .limit(1)
            .scalar_subquery()
        )
        conn.execute(insert(record_owner).from_select(
            ["entity", "entity_id", "agency", "device_id", "claimed_at"],
            select(r.c.entity, r.c.entity_id, device.c.agency, r.c.device_id, r.c.received_at)
            .join(device, device.c.device_id == r.c.device_id)
            .where(r.c.idempotency_key == earliest),
        ))

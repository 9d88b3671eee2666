"""The audit trail: append-only and tamper-evident (CT-207-12, CT-207-6, VT-2.1-10).

Each event stores the SHA-256 of the previous event's hash and its own canonical
content, so changing, removing or reordering any row breaks every hash after it.
Triggers refuse UPDATE and DELETE; the chain catches anyone who drops them.

A row keeps its hash as 32 bytes (schema 16) and not the previous event's hash, which
the verifier carries from row to row; everything handed out (the chain head for the
key file's anchor and the central server) is hex, as it always was. Schema 17 keeps
an event's time, its record's id and the ids in its detail in binary (app.vault.packed);
the view ``audit_event`` gives them back as written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from app.clock import Clock, system_clock
from app.vault import packed
from app.vault.connection import Connection

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str
    user_id: str | None
    action: str
    entity: str | None
    entity_id: str | None
    detail: dict[str, Any]


def _digest(prev_hash: str, at: str, user_id: str | None, action: str,
            entity: str | None, entity_id: str | None, detail: str) -> str:
    canonical = json.dumps(
        [prev_hash, at, user_id, action, entity, entity_id, detail],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    conn: Connection,
    action: str,
    user_id: str | None,
    entity: str | None = None,
    entity_id: str | None = None,
    detail: dict[str, Any] | None = None,
    clock: Clock = system_clock,
    at: str | None = None,
) -> None:
    """Append one event; call inside the transaction of the change it describes."""
    row = conn.execute("SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    prev = _hex(row[0]) if row else GENESIS
    when = at or clock.now_iso()
    body = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = _digest(prev, when, user_id, action, entity, entity_id, body)
    # Written to the row itself, not through the view, so that the detail's ids are
    # packed too (schema 17); the view gives back exactly when, entity_id and body.
    conn.execute(
        "INSERT INTO audit_kind (action, entity, user_id) SELECT ?, ?, ? WHERE NOT EXISTS"
        " (SELECT 1 FROM audit_kind WHERE action IS ? AND entity IS ? AND user_id IS ?)",
        (action, entity, user_id, action, entity, user_id),
    )
    packed_detail, refs = packed.pack_detail(body)
    conn.execute(
        "INSERT INTO audit_event_row (at, kind_id, entity_id, detail, refs, hash) VALUES (?,"
        " (SELECT kind_id FROM audit_kind WHERE action IS ? AND entity IS ? AND user_id IS ?), ?, ?, ?, ?)",
        (packed.pack_time(when), action, entity, user_id, packed.pack_id(entity_id), packed_detail, refs,
         bytes.fromhex(digest)),
    )


def _hex(stored: object) -> str:
    """A stored hash as hex: its 32 bytes, or whatever else a row holds, as text (which
    then matches no digest)."""
    if isinstance(stored, bytes) and len(stored) == 32:
        return stored.hex()
    return f"not a hash: {stored!r}"


def chain_head(conn: Connection) -> tuple[int, str]:
    """The newest event's sequence number and hash, ``(0, GENESIS)`` for an empty trail.

    The head is what an anchor remembers (the key file, the central server): a trail
    cut back to an earlier event and re-hashed ends before the anchored head."""
    row = conn.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        return 0, GENESIS
    return int(row[0]), _hex(row[1])


@dataclass(frozen=True)
class ChainCheck:
    events: int
    first_broken_seq: int | None
    cuts: tuple[dict[str, Any], ...] = ()  # anchored heads the trail fell short of

    @property
    def intact(self) -> bool:
        return self.first_broken_seq is None and not self.cuts

    def describe(self) -> str:
        if self.first_broken_seq is not None:
            return f"The audit trail was altered at event {self.first_broken_seq} of {self.events}."
        if self.cuts:
            cut = self.cuts[-1]
            return (f"The audit trail was cut: it had reached event {cut['anchored_seq']}, but on "
                    f"{cut['detected_at'][:10]} it ended at event {cut['found_seq']}"
                    f"{f' ({len(self.cuts)} cuts found)' if len(self.cuts) > 1 else ''}.")
        return f"The audit trail is intact ({self.events} events)."


def anchor_broken(conn: Connection, anchor: tuple[int, str] | list[Any] | None) -> bool:
    """True when the trail no longer holds the anchored head: the events from there on
    were removed (a cut), or rewritten. An empty anchor (0) holds for any trail."""
    if not anchor or int(anchor[0]) <= 0:
        return False
    row = conn.execute("SELECT hash FROM audit_event WHERE seq = ?", (int(anchor[0]),)).fetchone()
    return row is None or _hex(row[0]) != anchor[1]


def verify_chain(conn: Connection, cuts: list[dict[str, Any]] | None = None) -> ChainCheck:
    """Every hash in order, plus the cuts found against the key file's anchor: a trail cut
    back and left consistent is intact by hashes alone."""
    prev = GENESIS
    count = 0
    last_seq = 0
    rows = conn.execute(
        "SELECT seq, at, user_id, action, entity, entity_id, detail, hash FROM audit_event ORDER BY seq"
    )
    for seq, at, user_id, action, entity, entity_id, detail, stored in rows:
        count += 1
        expected = _digest(prev, at, user_id, action, entity, entity_id, detail)
        if _hex(stored) != expected or seq != last_seq + 1:
            return ChainCheck(count, seq, tuple(cuts or ()))
        prev, last_seq = expected, seq
    return ChainCheck(count, None, tuple(cuts or ()))


def events_for(conn: Connection, entity: str, entity_id: str) -> list[AuditEvent]:
    """Who added, viewed or changed one record (CT-207-6: the client's right to know)."""
    # The index holds the id as stored (schema 17: 16 bytes for a UUID), so the events are
    # found by the packed id and read through the view.
    rows = conn.execute(
        "SELECT seq, at, user_id, action, entity, entity_id, detail FROM audit_event"
        " WHERE seq IN (SELECT seq FROM audit_event_row WHERE entity_id = ?) AND entity = ? ORDER BY seq",
        (packed.pack_id(entity_id), entity),
    ).fetchall()
    return [AuditEvent(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6])) for r in rows]


def events_of(conn: Connection, action: str, since: str = "") -> list[AuditEvent]:
    """Every event of one kind at or after ``since`` (an ISO date or time), oldest first.

    The kind is matched on the rows first and the time on the few events found: the
    time is worked out from its stored form (schema 17), which costs for every row."""
    rows = conn.execute(
        "SELECT seq, at, user_id, action, entity, entity_id, detail FROM audit_event WHERE seq IN"
        " (SELECT r.seq FROM audit_event_row r JOIN audit_kind k ON k.kind_id = r.kind_id WHERE k.action = ?)"
        " ORDER BY seq",
        (action,),
    ).fetchall()
    return [AuditEvent(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "{}")) for r in rows if r[1] >= since]

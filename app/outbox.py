"""The transactional outbox: each saved change and its outbox row commit together.

The sync engine (``sync/``) reads pending rows, deletes those the server acknowledged
(counting them) and marks the refused ones; nothing here talks to the network.

Rows may share a ``group`` (a household's intake, a household's lock): the sync
sends a group whole in one batch, lowest ``rank`` first, so a declined household's
consent and lock reach the server before or with its members' identities, whatever
the batch size (MO-ROI-8, A31). ``RANK`` gives each entity its place.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.settings import Settings
from app.vault.connection import Connection

# The sync deletes a row once the server acknowledged it, counting it in a setting
# (sync/store.py, apply_result): the "acknowledged" count adds them back.

# Within a group: the consent first, then the enrollments that carry the lock, then
# the people themselves, then anything else.
RANK = {"consent": 0, "enrollment": 1, "person": 2}
OTHER_RANK = 3


def new_key(collected_at: datetime) -> str:
    """A fresh idempotency key: a UUIDv7 (RFC 9562) whose time is the collection time,
    74 random bits after it. The sync sends and deletes rows in deadline order, which
    is collection order within a window, so keys made this way sort nearly as they go:
    a batch's deletes touch a few neighbouring pages of the key index instead of one
    page per row, as random UUIDv4 keys did. The collection time is in the record
    anyway, and unique keys need only the random bits."""
    millis = int(collected_at.timestamp() * 1000) & ((1 << 48) - 1)
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis << 80) | (0x7 << 76) | (((rand >> 62) & 0xFFF) << 64) | (0b10 << 62) | (rand & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))


def enqueue(
    conn: Connection,
    entity: str,
    entity_id: str,
    operation: str,
    payload: dict[str, Any],
    collected_at: datetime,
    window_hours: int,
    now: datetime,
    group: str | None = None,
) -> str:
    """Add one change; call inside the transaction that makes the change.

    Times are stored in UTC so that deadlines compare correctly as text. ``group``
    names the rows that must travel in one batch (a household's id)."""
    collected_at = collected_at.astimezone(UTC)
    key = new_key(collected_at)
    now = now.astimezone(UTC)
    conn.execute(
        "INSERT INTO outbox (idempotency_key, entity, entity_id, operation, payload,"
        " collected_at, deadline_at, created_at, batch_group, batch_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            key, entity, entity_id, operation,
            json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
            collected_at.isoformat(timespec="seconds"),
            (collected_at + timedelta(hours=window_hours)).isoformat(timespec="seconds"),
            now.isoformat(timespec="seconds"),
            group,
            RANK.get(entity, OTHER_RANK),
        ),
    )
    return key


@dataclass(frozen=True)
class OutboxStatus:
    pending: int
    refused: int
    acknowledged: int
    oldest_pending_hours: float | None
    window_hours: int
    hours_left_for_oldest: float | None
    due_soon: int  # pending and within warn_before_hours of the deadline
    overdue: int  # pending past the deadline

    def as_json(self) -> dict[str, Any]:
        return {
            "pending": self.pending,
            "refused": self.refused,
            "acknowledged": self.acknowledged,
            "oldest_pending_hours": self.oldest_pending_hours,
            "window_hours": self.window_hours,
            "hours_left_for_oldest": self.hours_left_for_oldest,
            "due_soon": self.due_soon,
            "overdue": self.overdue,
        }


def pruned_count(conn: Connection) -> int:
    return Settings(conn).acknowledged_pruned


def counts(conn: Connection) -> dict[str, int]:
    """Records in each state (pending, acknowledged, refused), from the tally the outbox's
    triggers keep (schema 18): a few rows, however many records wait."""
    found = dict.fromkeys(("pending", "acknowledged", "refused"), 0)
    found.update((str(state), int(records)) for state, records in conn.execute(
        "SELECT state, sum(records) FROM outbox_tally GROUP BY state"))
    return found


def pending_due_by(conn: Connection, moment: str) -> int:
    """Pending records whose deadline is at or before ``moment`` (ISO text, compared as
    the deadlines are stored): the tally's whole hours before its hour, and the rows of
    that one hour counted through the index."""
    hour = moment[:13]
    whole_hours = conn.execute("SELECT coalesce(sum(records), 0) FROM outbox_tally"
                               " WHERE state = 'pending' AND deadline_hour < ?", (hour,)).fetchone()[0]
    # A deadline in the same hour starts with the same 13 characters, so it is >= them.
    this_hour = conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending' AND deadline_at >= ?"
                             " AND deadline_at <= ?", (hour, moment)).fetchone()[0]
    return int(whole_hours) + int(this_hour)


def status(conn: Connection, now: datetime, window_hours: int, warn_before_hours: int) -> OutboxStatus:
    """Timeliness is measured from collection, not from saving or syncing (MO-TIME-1)."""
    tally = counts(conn)
    # Two queries, not one: each min() then reads a single entry of its own index.
    oldest = conn.execute("SELECT min(collected_at) FROM outbox WHERE state = 'pending'").fetchone()[0]
    first_deadline = conn.execute("SELECT min(deadline_at) FROM outbox WHERE state = 'pending'").fetchone()[0]
    oldest_hours = left = None
    if oldest and first_deadline:
        oldest_hours = round((now - datetime.fromisoformat(oldest)).total_seconds() / 3600, 2)
        left = round((datetime.fromisoformat(first_deadline) - now).total_seconds() / 3600, 2)
    now_iso = now.isoformat(timespec="seconds")
    soon_iso = (now + timedelta(hours=warn_before_hours)).isoformat(timespec="seconds")
    overdue = pending_due_by(conn, now_iso)
    due_soon = pending_due_by(conn, soon_iso) - overdue
    return OutboxStatus(
        pending=tally["pending"],
        refused=tally["refused"],
        acknowledged=tally["acknowledged"] + pruned_count(conn),
        oldest_pending_hours=oldest_hours,
        window_hours=window_hours,
        hours_left_for_oldest=left,
        due_soon=due_soon,
        overdue=overdue,
    )

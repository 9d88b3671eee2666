"""What the sync engine reads from and writes to the vault: outbox rows and batch history.

All sync state is in the outbox table, so a crash or a lock at any point loses
nothing: a record is ``pending`` until a per-record result from the server is
committed here, and the results of one batch commit in one transaction together with
its history row. A record acknowledged by the server is deleted in that same
transaction (counted in the acknowledged total); a refused record keeps its row and
payload, so it can be sent again once fixed.
The ``sync_lease`` row makes sure only one run at a time works on these rows.
"""

from __future__ import annotations

import json
import os
import platform
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app import outbox
from app.clock import Clock
from app.settings import Settings
from app.vault.connection import Connection, transaction
from sync.outgoing import StoredRecord, looks_like_object
from sync.protocol import BatchResult, RecordStatus

UNREADABLE = "The saved change could not be read for sending; it needs an administrator."
_PENDING = ("SELECT id, idempotency_key, entity, entity_id, operation, payload, collected_at, deadline_at,"
            " batch_group FROM outbox")
# One row of ``_PENDING``: id, key, entity, entity_id, operation, payload, collected_at, deadline_at, group.
_Row = tuple[int, str, str, str, str, str, str, str, "str | None"]


@dataclass(frozen=True)
class PendingRecord:
    row_id: int
    record: StoredRecord
    deadline_at: str
    size: int  # bytes of the payload as stored
    group: str | None = None  # rows of one group travel in one batch (app/outbox.py)


@dataclass(frozen=True)
class BatchCounts:
    accepted: int = 0
    duplicate: int = 0
    refused: int = 0
    unanswered: int = 0


@dataclass(frozen=True)
class BatchHistoryEntry:
    batch_id: str
    started_at: str
    finished_at: str
    records: int
    accepted: int
    duplicate: int
    refused: int
    bytes_sent: int
    outcome: str
    error: str | None


@dataclass(frozen=True)
class RefusedRecord:
    row_id: int
    entity: str
    entity_id: str
    collected_at: str
    deadline_at: str
    reason: str


@dataclass(frozen=True)
class Backlog:
    records: int
    payload_bytes: int


# Free pages (4 MiB) that make a run give them back while it goes (``OutboxStore.tidy``).
GIVE_BACK_PAGES = 1024


class OutboxStore:
    def __init__(self, conn: Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock
        # Rows were deleted since the freed pages were last given back.
        self._freed = False

    def backlog(self) -> Backlog:
        row = self.conn.execute(
            "SELECT count(*), coalesce(sum(length(CAST(payload AS BLOB))), 0) FROM outbox WHERE state = 'pending'"
        ).fetchone()
        return Backlog(int(row[0]), int(row[1]))

    def pending_count(self) -> int:
        """How many records are still pending (the outbox's tally: one read)."""
        return outbox.counts(self.conn)["pending"]

    def next_batch(self, limit: int, max_bytes: int, exclude: set[int]) -> list[PendingRecord]:
        """The pending records closest to their timeliness deadline, oldest save first on ties.

        A row of a group brings the group's other pending rows with it, lowest rank
        first, and a group is never cut: a batch that has no room for a whole group
        ends before it, and a group larger than the limit is a batch of its own. So a
        declined household's consent and lock are in the batch that carries its
        members' identities, ahead of them (MO-ROI-8, A31)."""
        batch: list[PendingRecord] = []
        unreadable: list[int] = []
        taken: set[int] = set()
        total = 0
        # The rows left out are skipped by their ids in the index, before their payloads are read.
        rows = self.conn.execute(
            _PENDING + " WHERE state = 'pending' AND id NOT IN (SELECT value FROM json_each(?))"
            " ORDER BY deadline_at, id LIMIT ?", (json.dumps(sorted(exclude)), limit),
        ).fetchall()
        groups = self._groups(rows, exclude)
        for row in rows:
            if row[0] in taken:
                continue
            group = row[8]
            members = [row] if group is None else groups.get(group, [row])
            records: list[PendingRecord] = []
            for row_id, key, entity, entity_id, operation, payload_text, collected_at, deadline_at, grp in members:
                # Sent as stored, unparsed (sync/outgoing.py); text that is not even shaped
                # like an object is held back here, anything else wrong the server finds.
                if not looks_like_object(payload_text):
                    unreadable.append(row_id)
                    continue
                record = StoredRecord(key, entity, entity_id, operation, collected_at, payload_text)
                records.append(PendingRecord(row_id, record, deadline_at, len(payload_text.encode("utf-8")), grp))
            taken.update(m[0] for m in members)
            size = sum(r.size for r in records)
            if batch and (total + size > max_bytes or len(batch) + len(records) > limit):
                break
            batch.extend(records)
            total += size
            if len(batch) >= limit:
                break
        if unreadable:
            self.quarantine(unreadable, UNREADABLE)
        return batch

    def _groups(self, rows: list[_Row], exclude: set[int]) -> dict[str, list[_Row]]:
        """The pending rows of the groups these rows belong to, each group's lowest rank
        first. The members are found in the index of pending group rows alone (one
        statement, ``json_each`` over the names; the planner, left to itself, would walk
        every pending row by state), and only those not read already are read."""
        names = {row[8] for row in rows if row[8] is not None}
        if not names:
            return {}
        members: dict[str, list[int]] = {}
        for group, row_id in self.conn.execute(
            "SELECT batch_group, id FROM outbox INDEXED BY outbox_pending_group WHERE state = 'pending'"
            " AND batch_group IS NOT NULL AND batch_group IN (SELECT value FROM json_each(?))"
            " ORDER BY batch_group, batch_rank, id",
            (json.dumps(sorted(names)),),
        ):
            if row_id not in exclude:
                members.setdefault(group, []).append(row_id)
        read = {row[0]: row for row in rows}
        missing = [i for ids in members.values() for i in ids if i not in read]
        if missing:
            read.update((row[0], row) for row in self.conn.execute(
                _PENDING + " WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(missing),)))
        return {group: [read[i] for i in ids if i in read] for group, ids in members.items()}

    def apply_result(self, rows: Sequence[PendingRecord], result: BatchResult, started_at: datetime,
                     bytes_sent: int) -> tuple[BatchCounts, set[int]]:
        """Mark each answered record in one transaction; returns counts and unanswered row ids."""
        by_key = {r.idempotency_key: r for r in result.results}
        acknowledged: list[tuple[int]] = []
        refused: list[tuple[str, int]] = []
        unanswered: set[int] = set()
        accepted = duplicate = 0
        for row in rows:
            answer = by_key.get(row.record.idempotency_key)
            if answer is None:
                unanswered.add(row.row_id)
            elif answer.status is RecordStatus.REFUSED:
                refused.append((answer.reason or "Refused by the server.", row.row_id))
            else:
                acknowledged.append((row.row_id,))
                if answer.status is RecordStatus.ACCEPTED:
                    accepted += 1
                else:
                    duplicate += 1
        with transaction(self.conn) as conn:
            # The server holds an acknowledged record now and the device never sends it
            # again, so the row goes, in the transaction that records the answer: the
            # acknowledged total counts it (``Settings.acknowledged_pruned``) and the
            # batch's row in ``sync_batch`` says what was sent. A crash before this
            # commit leaves the rows pending, and the server answers their resend, with
            # the same keys, as duplicates.
            gone = int(conn.executemany("DELETE FROM outbox WHERE id = ? AND state = 'pending'",
                                        acknowledged).rowcount)
            if gone:
                settings = Settings(conn)
                settings.acknowledged_pruned = settings.acknowledged_pruned + gone
            conn.executemany(
                "UPDATE outbox SET state = 'refused', last_error = ?, attempts = attempts + 1"
                " WHERE id = ? AND state = 'pending'",
                refused,
            )
            if unanswered:
                conn.executemany(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                    [("The server's reply did not mention this record.", i) for i in unanswered],
                )
            self._history(conn, result.batch_id, started_at, len(rows), accepted, duplicate, len(refused),
                          bytes_sent, "acknowledged", None)
        self._freed = True
        return BatchCounts(accepted, duplicate, len(refused), len(unanswered)), unanswered

    def tidy(self) -> None:
        """Give back the freed pages once ``GIVE_BACK_PAGES`` of them wait, in a
        transaction of its own: the engine calls it after each batch, once the next batch
        is on its way, so the wire does not wait for it, nor the end of a run for all of it."""
        if self._freed and int(self.conn.execute("PRAGMA freelist_count").fetchone()[0]) >= GIVE_BACK_PAGES:
            self.settle()

    def settle(self) -> None:
        """Give back the pages the deleted rows freed, in a transaction of its own; the
        engine calls it when a run ends."""
        if self._freed:
            with transaction(self.conn) as conn:
                give_back_free_pages(conn)
            self._freed = False

    def note_failure(self, rows: Sequence[PendingRecord], batch_id: str, started_at: datetime,
                     bytes_sent: int, error: str) -> None:
        with transaction(self.conn) as conn:
            conn.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'pending'",
                [(error, r.row_id) for r in rows],
            )
            self._history(conn, batch_id, started_at, len(rows), 0, 0, 0, bytes_sent, "failed", error)

    def quarantine(self, row_ids: Iterable[int], reason: str) -> None:
        with transaction(self.conn) as conn:
            conn.executemany(
                "UPDATE outbox SET state = 'refused', last_error = ?, attempts = attempts + 1"
                " WHERE id = ? AND state = 'pending'",
                [(reason, i) for i in row_ids],
            )

    def _history(self, conn: Connection, batch_id: str, started_at: datetime, records: int, accepted: int,
                 duplicate: int, refused: int, bytes_sent: int, outcome: str, error: str | None) -> None:
        conn.execute(
            "INSERT INTO sync_batch (batch_id, started_at, finished_at, records, accepted, duplicate,"
            " refused, bytes_sent, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (batch_id, started_at.isoformat(timespec="seconds"), self.clock.now().isoformat(timespec="seconds"),
             records, accepted, duplicate, refused, bytes_sent, outcome, error),
        )

    # -- for the admin's sync screen ------------------------------------------------

    def history(self, limit: int = 100) -> list[BatchHistoryEntry]:
        rows = self.conn.execute(
            "SELECT batch_id, started_at, finished_at, records, accepted, duplicate, refused, bytes_sent,"
            " outcome, error FROM sync_batch ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [BatchHistoryEntry(*row) for row in rows]

    def refused_records(self, limit: int = 1000) -> list[RefusedRecord]:
        rows = self.conn.execute(
            "SELECT id, entity, entity_id, collected_at, deadline_at, coalesce(last_error, '') FROM outbox"
            " WHERE state = 'refused' ORDER BY deadline_at, id LIMIT ?",
            (limit,),
        ).fetchall()
        return [RefusedRecord(*row) for row in rows]

    def requeue_refused(self, row_ids: Iterable[int]) -> int:
        """An administrator fixed the cause: send these again, with the same keys."""
        with transaction(self.conn) as conn:
            return requeue_rows(conn, row_ids)


def drop_acknowledged(conn: Connection) -> int:
    """Delete the acknowledged rows an older version kept (for 30 days, payload
    dropped) or the demo data marked sent, counting them in the ``acknowledged``
    total; call inside a transaction. The device needs nothing of them: the server has
    the records, the counts are in ``Settings.acknowledged_pruned`` and the batches in
    ``sync_batch``, and the retention purge asks only whether anything of a person is
    not yet acknowledged. Returns how many went."""
    gone = int(conn.execute("DELETE FROM outbox WHERE state = 'acknowledged'").rowcount)
    if gone:
        settings = Settings(conn)
        settings.acknowledged_pruned = settings.acknowledged_pruned + gone
        give_back_free_pages(conn)
    return gone


def give_back_free_pages(conn: Connection) -> int:
    """Shorten the file by its free pages, where the vault was made for it
    (``auto_vacuum = INCREMENTAL``, every vault created since schema 13); a vault made
    before keeps them and reuses them for new rows. Returns the pages given back."""
    if int(conn.execute("PRAGMA auto_vacuum").fetchone()[0]) != 2:
        return 0
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    if free:
        conn.execute("PRAGMA incremental_vacuum").fetchall()
    return free


def requeue_rows(conn: Connection, row_ids: Iterable[int]) -> int:
    """Refused rows back to pending; call inside a transaction. Returns how many moved."""
    cursor = conn.executemany(
        "UPDATE outbox SET state = 'pending', last_error = NULL WHERE id = ? AND state = 'refused'",
        [(i,) for i in row_ids],
    )
    return int(cursor.rowcount)


# -- one sync at a time ------------------------------------------------------------------

# A run renews its lease after every batch and before every backoff wait; a renewal
# writes (one more fsync'd commit) only once a tenth of the lease has passed since the
# last write. The longest gap between two writes is then 30 s plus one request (5 s
# connect + 60 s read) plus one wait (at most 60 s), so five minutes is never reached
# by a run that is alive.
LEASE_SECONDS = 300


@dataclass(frozen=True)
class LeaseHolder:
    host: str
    pid: int
    acquired_at: str
    expires_at: str


def _process_alive(pid: int) -> bool:
    """Whether a process with this id exists on this computer. Where that cannot be
    asked cheaply (Windows: ``os.kill`` would end the process), say yes and let the
    lease's expiry free it."""
    if os.name != "posix":
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists under another user
        return True
    return True


class SyncLease:
    """The ``sync_lease`` row: whoever holds it is the only sync on this vault.

    Taken and renewed in ``BEGIN IMMEDIATE`` transactions, so two connections (two
    threads or two processes) cannot both see it free. A holder that stopped renewing
    loses it after ``seconds``; one whose process on this computer has gone loses it
    at once, so a killed ``hmis-intake sync`` does not block the next run.
    """

    def __init__(self, conn: Connection, clock: Clock, seconds: int = LEASE_SECONDS) -> None:
        self.conn = conn
        self.clock = clock
        self.seconds = seconds
        self.owner = str(uuid.uuid4())
        self.host = platform.node() or "device"
        self.pid = os.getpid()
        self.held = False
        self._written_at: datetime | None = None

    def _expiry(self, now: datetime) -> str:
        return (now + timedelta(seconds=self.seconds)).isoformat(timespec="seconds")

    def _stale(self, row: tuple[str, str, int, str, str], now: datetime) -> bool:
        _owner, host, pid, _acquired, expires_at = row
        if datetime.fromisoformat(expires_at) <= now:
            return True
        return host == self.host and pid != self.pid and not _process_alive(pid)

    def acquire(self) -> LeaseHolder | None:
        """Take the lease; returns ``None`` on success, or who holds it."""
        now = self.clock.now()
        stamp = now.isoformat(timespec="seconds")
        with transaction(self.conn) as conn:
            row = conn.execute(
                "SELECT owner, host, pid, acquired_at, expires_at FROM sync_lease WHERE id = 1"
            ).fetchone()
            if row is not None and not self._stale(tuple(row), now):
                return LeaseHolder(row[1], int(row[2]), row[3], row[4])
            conn.execute(
                "INSERT INTO sync_lease (id, owner, host, pid, acquired_at, renewed_at, expires_at)"
                " VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET owner = excluded.owner,"
                " host = excluded.host, pid = excluded.pid, acquired_at = excluded.acquired_at,"
                " renewed_at = excluded.renewed_at, expires_at = excluded.expires_at",
                (self.owner, self.host, self.pid, stamp, stamp, self._expiry(now)),
            )
        self.held = True
        self._written_at = now
        return None

    def renew(self) -> bool:
        """Push the expiry on; ``False`` if someone else took the lease meanwhile."""
        if not self.held:
            return False
        now = self.clock.now()
        if self._written_at is not None and timedelta(0) <= now - self._written_at < timedelta(
                seconds=self.seconds / 10):
            return True  # written moments ago; nobody can have taken an unexpired lease
        with transaction(self.conn) as conn:
            cursor = conn.execute(
                "UPDATE sync_lease SET renewed_at = ?, expires_at = ? WHERE id = 1 AND owner = ?",
                (now.isoformat(timespec="seconds"), self._expiry(now), self.owner),
            )
            self.held = cursor.rowcount == 1
        self._written_at = now
        return self.held

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        with transaction(self.conn) as conn:
            conn.execute("DELETE FROM sync_lease WHERE id = 1 AND owner = ?", (self.owner,))


def current_lease(conn: Connection) -> LeaseHolder | None:
    row = conn.execute("SELECT host, pid, acquired_at, expires_at FROM sync_lease WHERE id = 1").fetchone()
    return LeaseHolder(row[0], int(row[1]), row[2], row[3]) if row else None

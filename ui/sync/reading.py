"""What the sync screen reads from the vault: one function over a session, so the same
read runs on the UI thread's connection or on a worker's (``Session.worker()``)."""

from __future__ import annotations

from dataclasses import dataclass

from app import outbox
from app.session import Session
from sync.credentials import DeviceEnrollment, current_enrollment
from sync.store import BatchHistoryEntry, OutboxStore, RefusedRecord

HISTORY_ROWS = 200
REFUSED_ROWS = 1000


@dataclass(frozen=True)
class SyncReading:
    """What the screen shows from the vault, read in one go (on either connection)."""

    enrollment: DeviceEnrollment | None
    status: outbox.OutboxStatus
    history: list[BatchHistoryEntry]
    refused: list[RefusedRecord]


def read_sync_state(session: Session) -> SyncReading:
    """The enrollment, the outbox's counts, the batch history and the refused records."""
    timeliness = session.pack.timeliness
    state = outbox.status(session.conn, session.clock.now(), timeliness.window_hours,
                          timeliness.warn_before_hours)
    store = OutboxStore(session.conn, session.clock)
    return SyncReading(current_enrollment(session.conn), state, store.history(HISTORY_ROWS),
                       store.refused_records(REFUSED_ROWS))

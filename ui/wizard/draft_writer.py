"""The intake's encrypted draft, written off the UI thread.

Every step change keeps the intake as a draft (S3); a draft write is a small
transaction with a full fsync, which on a busy laptop takes longer than a frame, so
it runs on the session's second connection through the same one-thread queue as the
intake's save (``ui.wizard.intake_save``): the writes and the save are serialised,
and a draft written before the save can never land after the save dropped it.

Last write wins: a write asked for while another waits its turn replaces that one's
answers (only the newest is ever written). The draft's id is chosen when the first
write is asked for, so a lock or a close that writes the draft itself uses the same
row; they call ``flush`` first, which waits for the write in flight.
"""

from __future__ import annotations

import logging
import threading
import uuid
from typing import Any

from PySide6.QtCore import QObject

from app.drafts import save_draft
from app.errors import UserFacingError
from app.session import Session
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

FLUSH_WAIT_MS = 30_000


class DraftWriter(QObject):
    def __init__(self, kind: str, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._tasks = tasks
        self._guard = threading.Lock()
        self._waiting: tuple[Session, dict[str, Any], str] | None = None  # the newest, not yet begun
        self._queued = False

    def write(self, session: Session, payload: dict[str, Any], draft_id: str | None) -> str:
        """Queue the draft; the id it is (or will be) kept under comes back at once."""
        draft_id = draft_id or str(uuid.uuid4())
        with self._guard:
            self._waiting = (session, payload, draft_id)
            if self._queued:
                return draft_id  # the write already queued takes these answers instead
            self._queued = True
        self._tasks.submit(self._work, lambda _none: None, self._failed)
        return draft_id

    def cancel(self) -> None:
        """Drop a write not yet begun (the intake is being discarded or was saved)."""
        with self._guard:
            self._waiting = None

    def flush(self) -> None:
        """Block until every write asked for so far is in the vault."""
        self._tasks.wait(FLUSH_WAIT_MS)

    def _work(self) -> None:
        with self._guard:
            job, self._waiting, self._queued = self._waiting, None, False
        if job is None:
            return
        session, payload, draft_id = job
        with session.worker() as worker:
            save_draft(worker, self._kind, payload, draft_id)

    def _failed(self, error: UserFacingError) -> None:
        log.error("could not keep the intake draft: %s", type(error).__name__)

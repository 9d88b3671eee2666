"""Saving an intake off the UI thread, on the session's second vault connection.

``app.intake.save_intake`` is one transaction that returns only after the WAL is
fsynced; on a slow disk or a large vault that wait must not freeze the window, so it
runs through ``ui.tasks.TaskRunner`` on ``Session.worker()`` (a connection may not be
shared between threads). A lock during a save waits for it: the transaction is short
and is never cut in half, and ``wait`` then says whether the intake was stored, so
the wizard keeps no draft of an intake already saved (resuming it would store the
household twice).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.drafts import discard_draft
from app.errors import UserFacingError
from app.intake import IntakeDocument, IntakeResult, save_intake
from app.session import Session
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

LOCK_WAIT_MS = 30_000


class IntakeSave(QObject):
    save_did_finish = Signal(object)  # IntakeResult
    save_did_fail = Signal(object)  # UserFacingError, IntakeRefused included

    def __init__(self, parent: QObject | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks or TaskRunner(self)  # shared with the draft writes, which it must follow
        self._stored: IntakeResult | None = None  # set on the worker thread once committed
        self.running = False

    def start(self, session: Session, document: IntakeDocument, draft_id: str | None) -> None:
        """Save, then drop the intake's draft in the same job, so a lock arriving before
        the result reaches the window cannot leave a draft of a saved intake behind."""
        self.running = True
        self._stored = None

        def work() -> IntakeResult:
            with session.worker() as worker:
                result = save_intake(worker, document)
                self._stored = result
                if draft_id:
                    try:
                        discard_draft(worker, draft_id)
                    except UserFacingError as exc:
                        log.warning("could not drop the intake draft: %s", type(exc).__name__)
            return result

        self._tasks.submit(work, self._finished, self._failed)

    def wait(self) -> IntakeResult | None:
        """Block until a running save has ended; the result if it stored the intake."""
        if self.running:
            self._tasks.wait(LOCK_WAIT_MS)
        return self._stored

    def _finished(self, result: IntakeResult) -> None:
        self.running = False
        self.save_did_finish.emit(result)

    def _failed(self, error: UserFacingError) -> None:
        self.running = False
        self.save_did_fail.emit(error)

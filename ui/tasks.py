"""Slow work off the UI thread: each job has the work, a success callback and a
failure callback, and the work never touches a widget.

Signing in runs Argon2id for 0.5-1 s (S6) and creating a vault calibrates it, so
both run here while the screen shows a busy state. Callbacks always run on the UI
thread. A job's failure reaches the callback as a ``UserFacingError``; anything else
is replaced by a generic one whose text cannot quote data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import UserFacingError

log = logging.getLogger(__name__)


class UnexpectedFailure(UserFacingError):
    """Shown for a bug: the type of the original error goes to the log, not its text."""


class _Job(QObject, QRunnable):
    finished = Signal(object, object)

    def __init__(self, work: Callable[[], Any], on_success: Callable[[Any], None],
                 on_failure: Callable[[UserFacingError], None], runner: TaskRunner) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._runner = runner
        self.finished.connect(self._deliver)

    def run(self) -> None:
        try:
            result = self._work()
        except UserFacingError as exc:
            self.finished.emit(None, exc)
        except Exception as exc:  # noqa: BLE001 - reported to the screen, never lost
            log.error("background job failed: %s", type(exc).__name__)
            self.finished.emit(None, UnexpectedFailure(
                "Something went wrong and nothing was changed; please try again."))
        else:
            self.finished.emit(result, None)

    @Slot(object, object)
    def _deliver(self, result: Any, error: UserFacingError | None) -> None:
        self._runner.forget(self)
        if error is not None:
            self._on_failure(error)
        else:
            self._on_success(result)


class TaskRunner(QObject):
    """Owns the jobs in flight so they outlive the call that started them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs: set[_Job] = set()

    def submit(self, work: Callable[[], Any], on_success: Callable[[Any], None],
               on_failure: Callable[[UserFacingError], None]) -> None:
        job = _Job(work, on_success, on_failure, self)
        self._jobs.add(job)
        self._pool.start(job)

    def forget(self, job: _Job) -> None:
        self._jobs.discard(job)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, timeout_ms: int = -1) -> bool:
        return self._pool.waitForDone(timeout_ms)

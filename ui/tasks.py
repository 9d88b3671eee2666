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


class _Delivery(QObject):
    """Carries one job's result back to the UI thread.

    It is a separate object from the runnable on purpose: the pool still touches a
    runnable after ``run()`` returns, so the UI thread must never be the one to free
    it. The pool owns and deletes the runnable; the runner keeps this object alive
    until the result has been delivered.
    """

    finished = Signal(object, object)

    def __init__(self, on_success: Callable[[Any], None], on_failure: Callable[[UserFacingError], None],
                 runner: TaskRunner) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_failure = on_failure
        self._runner = runner
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, error: UserFacingError | None) -> None:
        self._runner.forget(self)
        if error is not None:
            self._on_failure(error)
        else:
            self._on_success(result)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._delivery = delivery

    def run(self) -> None:
        try:
            result = self._work()
        except UserFacingError as exc:
            self._delivery.finished.emit(None, exc)
        except Exception as exc:
            log.error("background job failed: %s", type(exc).__name__)
            self._delivery.finished.emit(None, UnexpectedFailure(
                "Something went wrong and nothing was changed; please try again."))
        else:
            self._delivery.finished.emit(result, None)


class TaskRunner(QObject):
    """Keeps each job's delivery alive until its result reaches the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs: set[_Delivery] = set()

    def submit(self, work: Callable[[], Any], on_success: Callable[[Any], None],
               on_failure: Callable[[UserFacingError], None]) -> None:
        delivery = _Delivery(on_success, on_failure, self)
        self._jobs.add(delivery)
        self._pool.start(_Job(work, delivery))

    def forget(self, delivery: _Delivery) -> None:
        self._jobs.discard(delivery)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, timeout_ms: int = -1) -> bool:
        return self._pool.waitForDone(timeout_ms)

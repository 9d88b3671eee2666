"""Jobs that need the vault off the UI thread: each runs on its own thread with its own
connection from ``Session.worker()`` (a SQLCipher connection is never used from two
threads), and its result comes back to the UI thread through a queued signal.

The second connection is opened on the UI thread, before the thread starts, so it
copies the key while the session is certainly unlocked; the thread closes it (and
zeroes its key copy) when the work ends. A lock waits for the jobs of the session
(``wait_all``) and drops any result that arrives after it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.errors import UserFacingError
from app.session import Session
from ui.tasks import UnexpectedFailure

log = logging.getLogger(__name__)


class WorkerJob(QObject):
    _did_end = Signal(object, object)  # result, UserFacingError | None

    def __init__(self, work: Callable[[Session], Any], on_success: Callable[[Any], None],
                 on_failure: Callable[[UserFacingError], None], name: str,
                 on_end: Callable[[WorkerJob], None] | None = None) -> None:
        super().__init__()
        self._work = work
        self._on_end = on_end
        self._on_success = on_success
        self._on_failure = on_failure
        self.name = name
        self._thread: threading.Thread | None = None
        self.detached = False
        self._did_end.connect(self._deliver)

    def start(self, session: Session) -> None:
        stack = contextlib.ExitStack()
        worker = stack.enter_context(session.worker())
        try:
            self._thread = threading.Thread(target=self._run, args=(stack, worker), name=self.name, daemon=True)
            self._thread.start()
        except BaseException:
            stack.close()
            raise

    def _run(self, stack: contextlib.ExitStack, worker: Session) -> None:
        result: Any = None
        error: UserFacingError | None = None
        try:
            with stack:
                result = self._work(worker)
        except UserFacingError as exc:
            error = exc
        except Exception as exc:
            log.error("%s failed: %s", self.name, type(exc).__name__)
            error = UnexpectedFailure("Something went wrong and nothing was changed; please try again.")
        with contextlib.suppress(RuntimeError):  # the session's objects are gone (the app is quitting)
            self._did_end.emit(result, error)

    @Slot(object, object)
    def _deliver(self, result: Any, error: UserFacingError | None) -> None:
        if self._on_end is not None:
            self._on_end(self)
        if self.detached:
            return
        if error is not None:
            self._on_failure(error)
        else:
            self._on_success(result)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout_s: float) -> bool:
        if self._thread is not None:
            self._thread.join(timeout_s)
        return not self.running


class WorkerJobs:
    """The worker jobs of one signed-in session."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._jobs: list[WorkerJob] = []

    def start(self, work: Callable[[Session], Any], on_success: Callable[[Any], None],
              on_failure: Callable[[UserFacingError], None], name: str) -> WorkerJob:
        job = WorkerJob(work, on_success, on_failure, name, self._forget)
        self._jobs.append(job)
        job.start(self._session)
        return job

    def _forget(self, job: WorkerJob) -> None:
        if job in self._jobs:
            self._jobs.remove(job)

    def wait_all(self, timeout_s: float) -> bool:
        """Wait for every job to end (their results are then dropped); ``False`` if
        one is still running when the time is up (it closes its connection itself)."""
        finished = True
        for job in list(self._jobs):
            job.detached = True
            if not job.wait(timeout_s):
                log.warning("%s still running after the lock; it ends on its own", job.name)
                finished = False
        self._jobs = [j for j in self._jobs if j.running]
        return finished

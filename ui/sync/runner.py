"""The GUI's side of the sync engine: one run at a time, on a worker thread, with
progress as signals; and the background schedule.

A run is ``sync.service.SyncJob`` on a second vault connection (``WorkerJobs``). The
engine's progress callback runs on that thread and only emits a signal; the UI thread
receives it queued. "Sync now" and the background timer share this one runner, so
inside the app two runs cannot overlap; the vault's ``sync_lease`` keeps an
``hmis-intake sync`` in a terminal from overlapping with either.

Background runs are quiet: they start a little after sign-in, soon after a save,
and every few minutes while records wait (MO-TIME-1: the window runs from
collection, so waiting for someone to press a button costs time). A failed run
gives up sooner than an on-demand one, and the next run waits longer after each
failure in a row; a failure the next attempt cannot fix (certificate, credential,
revoked device) waits the longest. Results go to the status bar, never a pop-up.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app import outbox
from app.errors import UserFacingError
from app.session import Session
from sync.credentials import current_enrollment
from sync.engine import SyncProgress, SyncReport
from sync.errors import SyncError
from sync.service import SyncAlreadyRunning, SyncJob
from ui.sync.schedule import RunKind, SyncSchedule
from ui.sync.worker_jobs import WorkerJob, WorkerJobs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunOutcome:
    kind: RunKind
    finished_at: datetime
    report: SyncReport | None = None
    error: UserFacingError | None = None  # why the run stopped early, one sentence

    @property
    def message(self) -> str | None:
        if self.error is not None:
            return str(self.error)
        if self.report is not None and self.report.error is not None:
            return str(self.report.error)
        return None

    @property
    def cause(self) -> UserFacingError | None:
        return self.report.error if self.report is not None and self.report.error else self.error

    @property
    def already_running(self) -> bool:
        """Another run (the command line, or one that took over a lapsed lease) had the vault."""
        return isinstance(self.cause, SyncAlreadyRunning)

    @property
    def failed(self) -> bool:
        return self.message is not None and not self.already_running

    @property
    def retry_can_help(self) -> bool:
        cause = self.cause
        return isinstance(cause, SyncError) and cause.transient


class SyncRunner(QObject):
    run_did_start = Signal(object)  # RunKind
    progress_did_change = Signal(object)  # SyncProgress
    run_did_finish = Signal(object)  # RunOutcome
    # Emitted on the worker thread; relayed on the UI thread as progress_did_change,
    # so whatever connects to that one runs on the UI thread.
    _progress_from_worker = Signal(object)

    def __init__(self, session: Session, jobs: WorkerJobs, schedule: SyncSchedule | None = None) -> None:
        super().__init__()
        self._session: Session | None = session
        self._jobs = jobs
        self.schedule = schedule or SyncSchedule()
        self.running_kind: RunKind | None = None
        self.last_progress: SyncProgress | None = None
        self.last_outcome: RunOutcome | None = None
        self.failures = 0  # failed runs in a row
        self.next_run_at: datetime | None = None  # wall time of the next background run
        self._job: WorkerJob | None = None
        self._sync_job: SyncJob | None = None
        self._cancel_requested = False
        self._guard = threading.Lock()  # _sync_job and _cancel_requested, shared with the worker
        self._pending_seen: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._background_due)
        self._progress_from_worker.connect(self._relay_progress)

    # -- state --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.running_kind is not None

    @property
    def enrolled(self) -> bool:
        session = self._session
        return session is not None and current_enrollment(session.conn) is not None

    def start(self) -> None:
        """Begin the background schedule for this session."""
        self._schedule_in(self.schedule.first_run)

    def _schedule_in(self, seconds: float) -> None:
        session = self._session
        if session is None:
            return
        self._timer.start(max(0, int(seconds * 1000)))
        self.next_run_at = session.clock.now() + timedelta(seconds=seconds)

    def _schedule_sooner(self, seconds: float) -> None:
        """Move the next run earlier, never later, and never into a failure's wait."""
        if self.failures or self.running or self._session is None:
            return
        remaining = self._timer.remainingTime()
        if not self._timer.isActive() or remaining < 0 or remaining > seconds * 1000:
            self._schedule_in(seconds)

    def note_outbox(self, status: outbox.OutboxStatus) -> None:
        """Called whenever the main window counts the outbox: more waiting than last
        time means something was saved, so sync soon."""
        before, self._pending_seen = self._pending_seen, status.pending
        if before is not None and status.pending > before:
            self._schedule_sooner(self.schedule.after_save)

    def sync_soon(self) -> None:
        """After an enrollment: the first run need not wait for the period."""
        self.failures = 0
        self._schedule_sooner(1.0)

    # -- runs ---------------------------------------------------------------------------

    def sync_now(self) -> bool:
        """An on-demand run; ``False`` if one is already going (its progress shows)."""
        return self.run_now(RunKind.ON_DEMAND)

    def run_now(self, kind: RunKind) -> bool:
        """A run of ``kind`` now (a background one for a role without the sync screen)."""
        if self.running or self._session is None:
            return False
        self._start(kind)
        return True

    def cancel(self) -> None:
        with self._guard:
            self._cancel_requested = True
            job = self._sync_job
        if job is not None:
            job.cancel()

    def _background_due(self) -> None:
        session = self._session
        if session is None or self.running:
            return
        if not self.enrolled or not self._has_pending(session):
            self._schedule_in(self.schedule.period)
            return
        self._start(RunKind.BACKGROUND)

    @staticmethod
    def _has_pending(session: Session) -> bool:
        return session.conn.execute("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1").fetchone() is not None

    def _start(self, kind: RunKind) -> None:
        session = self._session
        assert session is not None
        self._timer.stop()
        self.next_run_at = None
        self.running_kind = kind
        self.last_progress = None
        with self._guard:
            self._cancel_requested = False
            self._sync_job = None
        retry = self.schedule.background_retry if kind is RunKind.BACKGROUND else self.schedule.on_demand_retry
        progress_signal = self._progress_from_worker

        def work(worker: Session) -> SyncReport:
            job = SyncJob(worker, on_progress=progress_signal.emit, retry=retry,
                          background=kind is RunKind.BACKGROUND)
            with self._guard:
                self._sync_job = job
                if self._cancel_requested:
                    job.cancel()
            return job.run()

        self.run_did_start.emit(kind)
        try:
            self._job = self._jobs.start(work, lambda report: self._finished(kind, report, None),
                                         lambda error: self._finished(kind, None, error), "sync")
        except UserFacingError as exc:  # the second connection did not open
            self._finished(kind, None, exc)

    @Slot(object)
    def _relay_progress(self, progress: SyncProgress) -> None:
        if self.running_kind is None:
            return  # a late report from a run that has already been handed back
        self.last_progress = progress
        self.progress_did_change.emit(progress)

    def _finished(self, kind: RunKind, report: SyncReport | None, error: UserFacingError | None) -> None:
        self._job = None
        with self._guard:
            self._sync_job = None
        self.running_kind = None
        session = self._session
        if session is None:
            return
        outcome = RunOutcome(kind, session.clock.now(), report, error)
        self.last_outcome = outcome
        if outcome.failed:
            self.failures += 1
            log.info("sync run failed (%s)", type(outcome.cause).__name__)
        elif not outcome.already_running:
            self.failures = 0
        self._schedule_in(self._wait_after(outcome))
        self.run_did_finish.emit(outcome)

    def _wait_after(self, outcome: RunOutcome) -> float:
        schedule = self.schedule
        if not outcome.failed:
            return schedule.period
        if not outcome.retry_can_help:
            return schedule.longest_wait
        return min(schedule.longest_wait, schedule.period * 2.0 ** (self.failures - 1))

    # -- lock ---------------------------------------------------------------------------

    def stop_for_lock(self) -> bool:
        """Cancel a run and wait for it: the engine stops between requests and has
        committed every batch it finished, so nothing is lost; its connection closes
        before this returns (unless a request outlasts ``lock_wait``)."""
        self._session = None
        self._timer.stop()
        self.next_run_at = None
        self.cancel()
        job = self._job
        stopped = job.wait(self.schedule.lock_wait) if job is not None else True
        self.running_kind = None
        return stopped


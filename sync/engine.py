"""The sync engine: a plain-Python job queue over the outbox table.

It sends the pending records closest to their timeliness deadline first, in batches (a
household's rows in one batch, its consent and lock first: MO-ROI-8); retries a failed
batch with the same idempotency keys after an exponential backoff with jitter, within
a retry budget; splits a batch the server rejects as a whole until the one bad record
is found and quarantined; and reports progress (records and bytes). It never touches a
widget: a GUI wraps it in a thread and turns the progress callback into signals.
Cancelling takes effect between requests and during a backoff wait; whatever the
server acknowledged is already recorded.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from app.clock import Clock
from sync.errors import BatchRejected, SyncError
from sync.outgoing import OutgoingBatch, outgoing_batch
from sync.protocol import DeviceCredential, OpenSession, RecordStatus
from sync.store import Backlog, OutboxStore, PendingRecord
from sync.transport import Sent

log = logging.getLogger("hmis_intake.sync")

DEFAULT_BATCH_SIZE = 100
DEFAULT_MAX_BATCH_BYTES = 2 * 1024 * 1024


def split_point(rows: list[PendingRecord]) -> int:
    """Where to halve a batch the server rejected whole: the group boundary nearest
    the middle, so a household's rows stay together; inside one group the first half
    (sent first) holds its consent and lock, which come first (MO-ROI-8, A31)."""
    middle = len(rows) // 2
    bounds = [i for i in range(1, len(rows))
              if rows[i].group is None or rows[i].group != rows[i - 1].group]
    return min(bounds, key=lambda i: (abs(i - middle), i)) if bounds else middle


class BatchSender(Protocol):
    def send_batch(self, batch: OutgoingBatch, credential: DeviceCredential) -> Sent: ...


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter and a budget, after CouchDB's "data must flow":
    transient failures are retried; credential and certificate failures are not."""

    base_delay: float = 1.0
    max_delay: float = 60.0
    max_consecutive_failures: int = 8
    time_budget: float = 15 * 60.0  # seconds for one run, waits included

    def delay(self, failures: int, rng: random.Random) -> float:
        """Half fixed, half random ("equal jitter"), so devices do not retry in step."""
        ceiling: float = min(self.max_delay, self.base_delay * (2 ** max(0, failures - 1)))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


@dataclass(frozen=True)
class SyncProgress:
    records_total: int
    records_done: int  # acknowledged (accepted or duplicate) or refused in this run
    payload_bytes_total: int
    payload_bytes_done: int
    bytes_sent: int  # on the wire, retries included
    batches: int
    retry_in_seconds: float | None = None
    last_error: str | None = None


@dataclass
class SyncReport:
    accepted: int = 0
    duplicate: int = 0
    refused: int = 0
    left: int = 0  # still pending when the run ended
    batches: int = 0
    failed_attempts: int = 0
    bytes_sent: int = 0
    cancelled: bool = False
    error: SyncError | None = None  # why the run stopped early, if it did
    refused_reasons: dict[str, int] = field(default_factory=dict)
    # MO-PWD-6: the signed-in user's live sessions on the agency's other devices (sync/sessions.py).
    sessions_elsewhere: tuple[OpenSession, ...] = ()

    @property
    def complete(self) -> bool:
        return self.left == 0 and self.error is None and not self.cancelled


class SyncEngine:
    def __init__(
        self,
        store: OutboxStore,
        sender: BatchSender,
        credential: DeviceCredential,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_batch_bytes: int = DEFAULT_MAX_BATCH_BYTES,
        retry: RetryPolicy | None = None,
        on_progress: Callable[[SyncProgress], None] | None = None,
        rng: random.Random | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        audit_head: Callable[[], tuple[int, str] | None] | None = None,
        before_send: Callable[[], None] | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.store = store
        self.sender = sender
        self.credential = credential
        self.batch_size = batch_size
        self.max_batch_bytes = max_batch_bytes
        self.retry = retry or RetryPolicy()
        self.on_progress = on_progress
        self.rng = rng or random.Random()
        self.monotonic = monotonic
        self.audit_head = audit_head  # sent with every batch: the server refuses a trail cut short
        # Called before each batch goes out (the sync lease's heartbeat); it may cancel the run.
        self.before_send = before_send
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> SyncReport:
        """Send the backlog, batch by batch, until it is empty, the run is cancelled or a
        failure ends it. Batches go out strictly one after another, so the server has
        applied a batch (a household's lock, MO-ROI-8) before the next one arrives. What
        overlaps is local work: while a batch is on the wire, this thread (the only one
        that touches the vault) commits the answers to the one before and reads and
        builds the one after, which the sender's thread posts as soon as the answer
        comes back, without waiting for this thread. After a failure, a rejection or a
        cancel, a batch built ahead is not sent (its rows are still pending). The
        backlog is counted once the first batch is on the wire (it reads every pending
        row), and the first progress report follows."""
        run = _Run(SyncReport(), None, self.monotonic() + self.retry.time_budget)
        wire = _Wire(self.sender, self.credential, self._cancel, self.store.clock)
        queued: deque[_InFlight] = deque()  # handed to the wire, oldest first; at most two
        try:
            while True:
                if not queued:
                    first = self._prepare(run, set())
                    if first is None:
                        break
                    queued.append(wire.post(first))
                    self._count(run)
                if len(queued) == 1 and not run.split and not queued[0].split:
                    # Read and build the next batch while this one is on the wire,
                    # leaving out the rows on the wire; it goes once their answer is in.
                    ahead = self._prepare(run, {r.row_id for r in queued[0].rows})
                    if ahead is not None:
                        queued.append(wire.post(ahead))
                self.store.tidy()  # housekeeping while the wire is busy
                flight = wire.answered()
                oldest = queued.popleft()
                assert flight is oldest
                if flight.outcome is None:
                    continue  # not sent: built ahead of a failure, a rejection or a cancel
                if isinstance(flight.outcome, Sent):
                    run.failures = 0
                    self._answered(run, flight, flight.outcome)
                    continue
                wire.drain(queued)
                if isinstance(flight.outcome, BatchRejected):
                    self._rejected(run, flight, flight.outcome)
                elif not isinstance(flight.outcome, SyncError):
                    raise flight.outcome
                elif not self._failed(run, flight, flight.outcome):
                    break
        finally:
            wire.close()
        self.store.settle()
        self._count(run)
        run.report.cancelled = self._cancel.is_set()
        run.report.left = self.store.pending_count()
        self._progress(run, error=str(run.report.error) if run.report.error else None)
        return run.report

    def _count(self, run: _Run) -> None:
        """Count the backlog, once a run, and report it."""
        if run.backlog is None:
            run.backlog = self.store.backlog()
            self._progress(run)

    def _progress(self, run: _Run, retry_in: float | None = None, error: str | None = None) -> None:
        if self.on_progress is not None:
            backlog = run.backlog or Backlog(0, 0)
            self.on_progress(SyncProgress(backlog.records, run.done, backlog.payload_bytes, run.bytes_done,
                                          run.report.bytes_sent, run.report.batches, retry_in, error))

    def _prepare(self, run: _Run, on_the_wire: set[int]) -> _InFlight | None:
        """The next batch, built: half of a rejected one first, else the outbox's next
        (leaving out rows set aside and those on the wire); ``None`` when there is
        nothing to send or the run is cancelled."""
        if not self._may_send():
            return None
        from_split = bool(run.split)
        rows = run.split.pop() if run.split else self.store.next_batch(
            self.batch_size, self.max_batch_bytes, run.skip | on_the_wire)
        if not rows:
            return None
        # Built here (it may read the vault: the audit head), posted on the sender's thread.
        batch = outgoing_batch((r.record for r in rows), audit_head=self.audit_head() if self.audit_head else None)
        return _InFlight(rows, batch, from_split, self.store.clock.now())

    def _may_send(self) -> bool:
        if self.before_send is not None and not self._cancel.is_set():
            self.before_send()
        return not self._cancel.is_set()

    def _rejected(self, run: _Run, flight: _InFlight, exc: BatchRejected) -> None:
        """The server refused the batch as a whole: halve it until the one bad record is
        alone, then quarantine that record."""
        rows, report = flight.rows, run.report
        report.failed_attempts += 1
        self.store.note_failure(rows, flight.batch.batch_id, flight.started, 0, str(exc))
        if len(rows) == 1:
            self.store.quarantine([rows[0].row_id], str(exc))
            report.refused += 1
            report.refused_reasons[str(exc)] = report.refused_reasons.get(str(exc), 0) + 1
            run.done += 1
            run.bytes_done += rows[0].size
        else:
            middle = split_point(rows)
            run.split.extend([rows[middle:], rows[:middle]])
        self._progress(run)

    def _failed(self, run: _Run, flight: _InFlight, exc: SyncError) -> bool:
        """A failed request: True to try again after the backoff, False to end the run."""
        run.report.failed_attempts += 1
        self.store.note_failure(flight.rows, flight.batch.batch_id, flight.started, 0, str(exc))
        if not exc.transient:
            run.report.error = exc
            return False
        run.failures += 1
        if flight.split:
            run.split.append(flight.rows)
        wait = self.retry.delay(run.failures, self.rng)
        if run.failures >= self.retry.max_consecutive_failures or self.monotonic() + wait > run.give_up_at:
            run.report.error = exc
            return False
        log.info("batch failed (%s); retrying in %.1f s", type(exc).__name__, wait)
        self._progress(run, wait, str(exc))
        return not self._cancel.wait(wait)

    def _answered(self, run: _Run, flight: _InFlight, sent: Sent) -> None:
        """Commit the server's answers for one batch and count them."""
        report = run.report
        counts, unanswered = self.store.apply_result(flight.rows, sent.result, flight.started, sent.bytes_sent)
        run.skip |= unanswered
        report.batches += 1
        report.bytes_sent += sent.bytes_sent
        report.accepted += counts.accepted
        report.duplicate += counts.duplicate
        report.refused += counts.refused
        for answer in sent.result.results:
            if answer.reason and answer.status is RecordStatus.REFUSED:
                report.refused_reasons[answer.reason] = report.refused_reasons.get(answer.reason, 0) + 1
        answered = [r for r in flight.rows if r.row_id not in unanswered]
        run.done += len(answered)
        run.bytes_done += sum(r.size for r in answered)
        self._progress(run)


@dataclass
class _Run:
    """One run's counts and what it has set aside."""

    report: SyncReport
    backlog: Backlog | None  # counted once the first batch is on the wire
    give_up_at: float
    done: int = 0
    bytes_done: int = 0
    failures: int = 0
    skip: set[int] = field(default_factory=set)  # unanswered by the server in this run: left pending
    split: list[list[PendingRecord]] = field(default_factory=list)  # halves of a batch rejected whole


@dataclass
class _InFlight:
    """A batch for the sender's thread, and what became of it."""

    rows: list[PendingRecord]
    batch: OutgoingBatch
    split: bool  # half of a batch rejected whole
    started: datetime  # when it was built, then when it was posted
    # The server's answer, or why there is none; ``None`` if it was not sent.
    outcome: Sent | BaseException | None = None


class _Wire:
    """The sender's thread: posts the batches handed to it one after another, each once
    the one before has been answered. After a failure (or with the run cancelled) it
    posts nothing more and hands the rest back unsent, until ``drain`` has had them all
    back."""

    def __init__(self, sender: BatchSender, credential: DeviceCredential, cancel: threading.Event,
                 clock: Clock) -> None:
        self._sender = sender
        self._credential = credential
        self._cancel = cancel
        self._clock = clock
        self._halted = threading.Event()
        self._todo: queue.SimpleQueue[_InFlight | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[_InFlight] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="sync-send", daemon=True)
        self._thread.start()

    def post(self, flight: _InFlight) -> _InFlight:
        self._todo.put(flight)
        return flight

    def answered(self) -> _InFlight:
        """The oldest batch handed over, once it has been answered (or handed back)."""
        return self._done.get()

    def drain(self, queued: deque[_InFlight]) -> None:
        """After a batch that was not answered: take back the batches handed over after
        it (none of them is sent), then post again from the next ``post`` on."""
        while queued:
            flight = self._done.get()
            oldest = queued.popleft()
            assert flight is oldest and flight.outcome is None
        self._halted.clear()

    def close(self) -> None:
        self._halted.set()
        self._todo.put(None)
        self._thread.join()

    def _loop(self) -> None:
        while (flight := self._todo.get()) is not None:
            if not self._halted.is_set() and not self._cancel.is_set():
                flight.started = self._clock.now()
                try:
                    flight.outcome = self._sender.send_batch(flight.batch, self._credential)
                except BaseException as exc:  # handed to the run's thread, which decides
                    flight.outcome = exc
                    self._halted.set()
            self._done.put(flight)

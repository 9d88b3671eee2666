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
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sync.errors import BatchRejected, SyncError
from sync.protocol import BatchRequest, DeviceCredential, RecordStatus, new_batch
from sync.store import OutboxStore, PendingRecord
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
    def send_batch(self, batch: BatchRequest, credential: DeviceCredential) -> Sent: ...


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
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> SyncReport:
        report = SyncReport()
        backlog = self.store.backlog()
        done = bytes_done = 0
        failures = 0
        give_up_at = self.monotonic() + self.retry.time_budget
        skip: set[int] = set()  # unanswered by the server in this run: left pending
        split: list[list[PendingRecord]] = []  # halves of a batch the server rejected whole

        def progress(retry_in: float | None = None, error: str | None = None) -> None:
            if self.on_progress is not None:
                self.on_progress(SyncProgress(backlog.records, done, backlog.payload_bytes, bytes_done,
                                              report.bytes_sent, report.batches, retry_in, error))

        progress()
        while not self._cancel.is_set():
            from_split = bool(split)
            rows = split.pop() if split else self.store.next_batch(self.batch_size, self.max_batch_bytes, skip)
            if not rows:
                break
            batch = new_batch((r.record for r in rows), audit_head=self.audit_head() if self.audit_head else None)
            started = self.store.clock.now()
            try:
                sent = self.sender.send_batch(batch, self.credential)
            except BatchRejected as exc:
                report.failed_attempts += 1
                self.store.note_failure(rows, batch.batch_id, started, 0, str(exc))
                if len(rows) == 1:
                    self.store.quarantine([rows[0].row_id], str(exc))
                    report.refused += 1
                    report.refused_reasons[str(exc)] = report.refused_reasons.get(str(exc), 0) + 1
                    done += 1
                    bytes_done += rows[0].size
                else:
                    middle = split_point(rows)
                    split.extend([rows[middle:], rows[:middle]])
                progress()
                continue
            except SyncError as exc:
                report.failed_attempts += 1
                self.store.note_failure(rows, batch.batch_id, started, 0, str(exc))
                if not exc.transient:
                    report.error = exc
                    break
                failures += 1
                if from_split:
                    split.append(rows)
                wait = self.retry.delay(failures, self.rng)
                if failures >= self.retry.max_consecutive_failures or self.monotonic() + wait > give_up_at:
                    report.error = exc
                    break
                log.info("batch failed (%s); retrying in %.1f s", type(exc).__name__, wait)
                progress(wait, str(exc))
                if self._cancel.wait(wait):
                    break
                continue
            failures = 0
            counts, unanswered = self.store.apply_result(rows, sent.result, started, sent.bytes_sent)
            skip |= unanswered
            report.batches += 1
            report.bytes_sent += sent.bytes_sent
            report.accepted += counts.accepted
            report.duplicate += counts.duplicate
            report.refused += counts.refused
            for answer in sent.result.results:
                if answer.reason and answer.status is RecordStatus.REFUSED:
                    report.refused_reasons[answer.reason] = report.refused_reasons.get(answer.reason, 0) + 1
            answered = [r for r in rows if r.row_id not in unanswered]
            done += len(answered)
            bytes_done += sum(r.size for r in answered)
            progress()
        report.cancelled = self._cancel.is_set()
        report.left = self.store.backlog().records
        progress(error=str(report.error) if report.error else None)
        return report

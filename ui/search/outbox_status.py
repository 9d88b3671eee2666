"""The main window's outbox line and timeliness banner (MO-TIME-1: 72 hours from
collection).

Counting the outbox reads every pending row (tens of milliseconds with 100,000
people), so it runs off the UI thread on a second connection (``Session.worker()``);
only the latest count is shown, but every count is passed on, in the order the counts
were started, for the sync runner to notice saves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from app import outbox
from app.session import Session
from ui.sync.timeliness_banner import TimelinessBanner
from ui.tasks import TaskRunner

STATUS_REFRESH_MS = 60_000


class OutboxStatusView(QObject):
    status_did_refresh = Signal()  # the label and banner show a new count
    outbox_did_count = Signal(object)  # OutboxStatus, every count, even one overtaken

    def __init__(self, session: Session, label: QLabel, banner: TimelinessBanner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = session
        self._label = label
        self._banner = banner
        self._tasks = TaskRunner(self)
        self._generation = 0  # the count the label waits for
        self.status: outbox.OutboxStatus | None = None  # the count shown; None until the first
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def end(self) -> None:
        """The session is over: no more counts, and none that arrives is shown."""
        self._session = None
        self.status = None
        self._timer.stop()

    def refresh(self) -> None:
        """Count the outbox off the UI thread; the label and the banner follow when the
        count is in (``status_did_refresh``). A count started earlier is not shown."""
        session = self._session
        if session is None:
            return
        self._generation += 1
        generation = self._generation
        timeliness = session.pack.timeliness
        now = session.clock.now()

        def work() -> outbox.OutboxStatus:
            with session.worker() as worker:
                return outbox.status(worker.conn, now, timeliness.window_hours, timeliness.warn_before_hours)

        self._tasks.submit(work, lambda state: self._counted(generation, state), lambda _error: None)

    def wait(self, timeout_ms: int) -> bool:
        return self._tasks.wait(timeout_ms)

    def _counted(self, generation: int, state: outbox.OutboxStatus) -> None:
        if self._session is None:
            return
        self.outbox_did_count.emit(state)
        if generation != self._generation:
            return
        self.status = state
        self.show(state)
        self.status_did_refresh.emit()

    def retranslate(self) -> None:
        if self.status is not None:
            self.show(self.status)

    def show(self, state: outbox.OutboxStatus) -> None:
        session = self._session
        if session is None:
            return
        timeliness = session.pack.timeliness
        if not state.pending:
            text = self.tr("Outbox: nothing waiting to sync")
        else:
            text = self.tr("Outbox: {n} waiting \u00b7 oldest {h:.0f} h of the {w} h window").format(
                n=state.pending, h=state.oldest_pending_hours or 0, w=state.window_hours)
            if state.overdue:
                text += self.tr(" \u00b7 {n} overdue").format(n=state.overdue)
        self._label.setText(text)
        self._label.setStyleSheet("color: #b3261e; font-weight: 600;" if state.overdue else "")
        self._banner.show_status(state, timeliness)

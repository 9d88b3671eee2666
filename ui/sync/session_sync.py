"""Sync for one signed-in session: the runner, the sync screen, the status bar line.

The controller makes one after each sign-in and hands it to the lock controller,
which calls ``stop_for_lock`` after the windows are cleared: the run is cancelled
and waited for, and any other worker job (an enrollment) too, so no second vault
connection outlives the session. The next sign-in makes a new one and the
background schedule starts again.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app.session import Session
from sync.engine import SyncProgress
from sync.protocol import OpenSession, SessionState
from sync.sessions import SessionReporter
from ui.server_text import elsewhere_text
from ui.sync.runner import RunOutcome, SyncRunner
from ui.sync.schedule import RunKind, SyncSchedule
from ui.sync.sync_window import SyncWindow
from ui.sync.texts import status_text
from ui.sync.timeliness_banner import TimelinessBanner
from ui.sync.worker_jobs import WorkerJobs
from ui.tasks import TaskRunner
from ui.widgets.prepared_window import AFTER_CLOSE_MS, WindowPreparer


class SyncHost(Protocol):
    """What the main window offers: the Tools entry, the banner, a place for notices and its status bar."""

    sync_action: QAction
    timeliness_banner: TimelinessBanner
    outbox_did_count: SignalInstance  # OutboxStatus, for every count of the outbox

    def refresh_status(self) -> None: ...

    def add_notice(self, notice: QWidget) -> None: ...


class _ReportAnswers(QObject):
    """Carries the server's answers from the report threads to the UI thread.

    One for the whole app, parented to the application, so the object a thread emits
    on is never being destroyed meanwhile (a window closing, a lock); each session's
    ``SessionSync`` takes only the answer to its own report."""

    answered = Signal(object)  # (report token, the sessions elsewhere)


def _report_answers() -> _ReportAnswers:
    app = QCoreApplication.instance()
    found = app.findChild(_ReportAnswers) if app is not None else None
    return found if isinstance(found, _ReportAnswers) else _ReportAnswers(app)


class SessionSync(QObject):

    def __init__(self, session: Session, host: QMainWindow, schedule: SyncSchedule | None = None,
                 demo: bool = False) -> None:
        super().__init__()
        self._session: Session | None = session
        self._host = host
        self._demo = demo
        self.jobs = WorkerJobs(session)
        self.runner = SyncRunner(session, self.jobs, schedule)
        self.window: SyncWindow | None = None
        # The next sync screen, built a part per turn of the event loop while idle, so
        # opening it only reads the vault and shows it (building it held the window ~70 ms).
        self.next_screen: WindowPreparer[SyncWindow] = WindowPreparer(
            lambda: self._session is not None and self._session.can("sync.run"), self._new_window, self)
        self.preparing = self.next_screen.preparing
        # The screen's vault reads as it opens, on a worker connection off the UI thread.
        self.reads = TaskRunner(self)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName(self.tr("Sync status"))
        self.status_label.hide()
        host.statusBar().addPermanentWidget(self.status_label)
        # MO-PWD-6 (A25): the same user signed in on another device, as the server last said.
        # Shown under the timeliness banner, styled like its red one.
        self.elsewhere_label = QLabel()
        self.elsewhere_label.setObjectName("formError")  # the theme's red notice
        self.elsewhere_label.setTextFormat(Qt.TextFormat.PlainText)
        self.elsewhere_label.setWordWrap(True)
        self.elsewhere_label.setAccessibleName(self.tr("Signed in elsewhere"))
        self.elsewhere_label.hide()
        self._report_token = object()
        _report_answers().answered.connect(self._answered)
        self.reporter = SessionReporter.for_session(session)
        # The host is a QMainWindow that also offers SyncHost; mypy has no intersection type.
        sync_host: SyncHost = host  # type: ignore[assignment]
        sync_host.sync_action.triggered.connect(self.open_window)
        banner = sync_host.timeliness_banner
        banner.open_sync_requested.connect(self.open_window)
        sync_host.add_notice(self.elsewhere_label)
        sync_host.outbox_did_count.connect(self.runner.note_outbox)
        self.runner.run_did_start.connect(self._run_started)
        self.runner.progress_did_change.connect(self._progress)
        self.runner.run_did_finish.connect(self._run_finished)
        self._refresh_host()  # the outbox count the runner compares later saves against

    def start(self) -> None:
        self.runner.start()
        self._report(SessionState.SIGNED_IN)
        self.preparing.start()

    @property
    def prepared(self) -> SyncWindow | None:
        """The next sync screen, built while idle; not shown yet."""
        return self.next_screen.prepared

    def _new_window(self) -> SyncWindow:
        assert self._session is not None
        return SyncWindow(self._session, self.runner, self.jobs, self._demo, self._host, build_now=False,
                          reads=self.reads)

    def _report(self, state: SessionState) -> None:
        """Tell the server off the UI thread; an unreachable server says nothing (A25)."""
        reporter = self.reporter
        if reporter is None:
            return
        answers = _report_answers() if state is SessionState.SIGNED_IN else None
        token = self._report_token

        def send() -> None:
            found = reporter.try_send(state)
            if answers is not None:
                with contextlib.suppress(RuntimeError):  # the app is quitting
                    answers.answered.emit((token, found))

        # The sign-out is not a daemon: on quit the process waits for it (at most the
        # report's timeouts), so the server hears the session ended.
        threading.Thread(target=send, name="session-report", daemon=answers is not None).start()

    @Slot(object)
    def _answered(self, answer: tuple[object, tuple[OpenSession, ...]]) -> None:
        token, elsewhere = answer
        if token is self._report_token:
            self._show_elsewhere(elsewhere)

    def _show_elsewhere(self, elsewhere: tuple[OpenSession, ...]) -> None:
        if self._session is None:
            return
        text = elsewhere_text(self._session.pack.sessions, elsewhere)
        self.elsewhere_label.setText(text)
        self.elsewhere_label.setVisible(bool(text))

    def open_window(self) -> SyncWindow | None:
        session = self._session
        if session is None or not session.can("sync.run"):
            return None
        if self.window is not None:
            self.window.reload_later()
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()
            return self.window
        window = self.next_screen.take()
        if window is None:
            window = SyncWindow(session, self.runner, self.jobs, self._demo, self._host, reads=self.reads)
        else:
            window.attach()  # what the idle turns did not build yet; the vault is read off the UI thread
        window.window_did_close.connect(lambda: self._window_closed(window))
        window.outbox_did_change.connect(self._refresh_host)
        window.device_did_enroll.connect(lambda _e: self.runner.sync_soon())
        self.window = window
        window.show()
        window.raise_()
        return window

    def _window_closed(self, window: SyncWindow) -> None:
        if self.window is window:
            self.window = None
        window.deleteLater()
        if self._session is not None:
            self.preparing.start(AFTER_CLOSE_MS)  # the next one, while idle

    def _refresh_host(self) -> None:
        if self._session is not None:
            host: SyncHost = self._host  # type: ignore[assignment]  # a QMainWindow offering SyncHost
            host.refresh_status()

    # -- the status bar line ------------------------------------------------------------

    def _set_status(self, text: str, problem: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b3261e;" if problem else "")
        self.status_label.setVisible(bool(text))

    def _run_started(self, kind: RunKind) -> None:
        self._set_status(self.tr("Syncing\u2026"))

    def _progress(self, progress: SyncProgress) -> None:
        if progress.batches:
            self._refresh_host()  # the outbox count in the status bar goes down batch by batch
        if progress.retry_in_seconds:
            self._set_status(self.tr("Sync: the server did not answer; trying again in {s:.0f} s.").format(
                s=progress.retry_in_seconds), problem=True)
        else:
            self._set_status(self.tr("Syncing\u2026 {done} of {total}").format(
                done=progress.records_done, total=progress.records_total))

    def _run_finished(self, outcome: RunOutcome) -> None:
        self._set_status(status_text(outcome, self.runner.next_run_at), problem=outcome.failed)
        self._refresh_host()
        if self.reporter is not None and outcome.report is not None and outcome.report.error is None:
            self._show_elsewhere(outcome.report.sessions_elsewhere)

    # -- lock ---------------------------------------------------------------------------

    def stop_for_lock(self) -> None:
        """Called by the lock controller once the windows are cleared."""
        self._session = None
        self._report(SessionState.SIGNED_OUT)
        self.reporter = None
        self.elsewhere_label.setText("")
        self.elsewhere_label.hide()
        self.runner.stop_for_lock()
        self.jobs.wait_all(self.runner.schedule.lock_wait)
        # A read of the screen in flight ends with its second connection; its answer is dropped.
        self.reads.wait(int(self.runner.schedule.lock_wait * 1000))
        self.status_label.setText("")
        self.window = None
        self.next_screen.end()  # the next screen, never shown, goes with the other windows

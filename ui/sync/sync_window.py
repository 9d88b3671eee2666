"""The sync screen (Tools > Sync…), for roles with ``sync.run``.

It shows the enrolled server, the outbox against the timeliness window, a run in
progress (records and bytes; Cancel stops it between requests, and every batch the
server answered is already recorded), the batch history, and the records the server
refused with its reason. A refused record stays out of the outbox until someone
here sends it again (with the same idempotency key, so the server can never apply
it twice); only its kind, collection time and the server's reason are shown — the
reason names a field and a rule, never a value.

Opening it shows the window at once with "Reading…" and reads the vault (a few counts
and at most a few hundred short rows) off the UI thread on a second connection
(``Session.worker()``), filling it when the answer arrives; an answer overtaken by a
newer read, or arriving after a close or a lock, is dropped. After a run, a batch or
"Send again" it reads on the UI thread as before. The run itself is ``SyncRunner``'s,
on a worker thread. Its
widgets are built before it is asked for, a part per turn of the event loop while the
main window is idle (``SessionSync.prepared``), so opening it does not hold the window
for building and polishing them. Closing the
window does not stop a run; a lock closes the window and stops the run.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.session import Session
from sync.credentials import DeviceEnrollment
from sync.engine import SyncProgress
from sync.service import send_refused_again
from ui.sync.enroll_dialog import EnrollDialog
from ui.sync.overview_cards import ConnectionCard, OutboxCard
from ui.sync.reading import SyncReading, read_sync_state
from ui.sync.runner import RunOutcome, SyncRunner
from ui.sync.schedule import RunKind
from ui.sync.table import rows_table
from ui.sync.texts import entity_label, local_time, outcome_text, progress_text, records_text, size_text
from ui.sync.worker_jobs import WorkerJobs
from ui.tasks import TaskRunner
from ui.theme import demo_banner, window_title
from ui.widgets.idle_builder import Parts, settle
from ui.widgets.rows_model import RowsModel


class SyncWindow(QDialog):
    window_did_close = Signal()
    device_did_enroll = Signal(object)  # DeviceEnrollment
    outbox_did_change = Signal()

    def __init__(self, session: Session, runner: SyncRunner, jobs: WorkerJobs, demo: bool = False,
                 parent: QWidget | None = None, build_now: bool = True, reads: TaskRunner | None = None) -> None:
        """``build_now=False``: the parts are built by ``build_some`` a slice at a time
        (``SessionSync`` does it while idle, before the screen is asked for), and
        ``attach`` builds what is left, reads the vault and joins the runner. With
        ``reads``, opening reads the vault on that runner's thread (``reload_later``)."""
        super().__init__(parent)
        self._session: Session | None = session
        self._runner = runner
        self._jobs = jobs
        self._reads = reads
        self._reading = 0  # the read whose answer the screen waits for; any other is dropped
        self.reading = False  # "Reading…" shown, the answer not in yet
        self._demo = demo
        self.closed_for_lock = False
        self.attached = False
        self.enroll_dialog: EnrollDialog | None = None
        self.enrollment: DeviceEnrollment | None = None
        self.setWindowTitle(window_title(self.tr("Sync"), demo))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(960, 740)
        # What a lock clears exists from the start, so a lock in the middle of building clears it too.
        self.history_model = RowsModel([self.tr("When"), self.tr("Records"), self.tr("New"),
                                        self.tr("Already had"), self.tr("Refused"), self.tr("Size"),
                                        self.tr("Result")], self)
        self.refused_model = RowsModel([self.tr("Record"), self.tr("Collected"), self.tr("Deadline"),
                                        self.tr("Server's reason")], self)
        self.message = QLabel()
        self._building = Parts(self._build(session.can("device.configure")))
        if build_now:
            self.attach()

    # -- building -------------------------------------------------------------------------

    def build_some(self) -> bool:
        """Build one part of the screen (about a frame's work at most); ``True`` once all is built."""
        return self._building.some()

    def finish_building(self) -> None:
        self._building.rest()

    def attach(self) -> None:
        """Ready to be shown: the rest built, the vault read, a run in progress shown."""
        self.finish_building()
        self.attached = True
        runner = self._runner
        runner.run_did_start.connect(self._run_started)
        runner.progress_did_change.connect(self._show_progress)
        runner.run_did_finish.connect(self._run_finished)
        self.reload_later()
        if runner.running_kind is not None:
            self._run_started(runner.running_kind)
            if runner.last_progress is not None:
                self._show_progress(runner.last_progress)
        self.sync_button.setFocus()

    def _build(self, can_configure: bool) -> Iterator[None]:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if self._demo:
            outer.addWidget(demo_banner(self, short=True))
        page = QVBoxLayout()
        page.setContentsMargins(24, 18, 24, 16)
        page.setSpacing(12)
        outer.addLayout(page, 1)
        heading = QLabel(self.tr("Sync with the central HMIS"))
        heading.setObjectName("heading")
        page.addWidget(heading)
        self.connection = ConnectionCard(can_configure)
        self.outbox_card = OutboxCard()
        page.addWidget(self.connection)
        page.addWidget(self.outbox_card)
        yield
        self._build_run_row(page)
        yield
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Batch history and refused records"))
        page.addWidget(self.tabs, 1)
        yield
        self.history_table = rows_table(self.history_model, self.tr("Batch history"))
        yield
        self.tabs.addTab(self.history_table, self.tr("Batch &history"))
        yield
        refused_page = self._build_refused_page()
        yield
        self.tabs.addTab(refused_page, self.tr("&Refused records"))
        yield
        self._build_footer(page)
        order = [self.connection.enroll_button, self.sync_button, self.cancel_button, self.tabs,
                 self.history_table, self.refused_table, self.send_again_button, self.send_all_button,
                 self.close_button]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self._connect()
        yield from settle(self)

    def _build_run_row(self, page: QVBoxLayout) -> None:
        """Sync now, cancel, the progress bar, and the line that gives the result."""
        run_row = QHBoxLayout()
        run_row.setSpacing(10)
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setObjectName("primary")
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Cancel sync"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the sync"))
        self.cancel_button.setEnabled(False)
        progress_column = QVBoxLayout()
        progress_column.setSpacing(3)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress_label = QLabel()
        self.progress_label.setObjectName("hint")
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        progress_column.addWidget(self.progress)
        progress_column.addWidget(self.progress_label)
        run_row.addWidget(self.sync_button)
        run_row.addWidget(self.cancel_button)
        run_row.addLayout(progress_column, 1)
        page.addLayout(run_row)

        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Sync result"))
        self.message.hide()
        page.addWidget(self.message)

    def _build_refused_page(self) -> QWidget:
        """The refused records waiting to be sent again, with what to do about them."""
        refused_page = QWidget()
        refused_column = QVBoxLayout(refused_page)
        refused_column.setContentsMargins(0, 8, 0, 0)
        hint = QLabel(self.tr("The server refused these records and they wait here, unsent, until you send them "
                              "again. Put right what the reason names first (usually by correcting and saving "
                              "the record), or send again once the server's rules were updated."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        refused_column.addWidget(hint)
        self.refused_table = rows_table(self.refused_model, self.tr("Refused records"), multi=True)
        refused_column.addWidget(self.refused_table, 1)
        refused_buttons = QHBoxLayout()
        refused_buttons.addStretch(1)
        self.send_again_button = QPushButton(self.tr("Send &again"))
        self.send_again_button.setAccessibleName(self.tr("Send the selected refused records again"))
        self.send_all_button = QPushButton(self.tr("Send all a&gain"))
        self.send_all_button.setAccessibleName(self.tr("Send every refused record again"))
        refused_buttons.addWidget(self.send_again_button)
        refused_buttons.addWidget(self.send_all_button)
        refused_column.addLayout(refused_buttons)
        return refused_page

    def _build_footer(self, page: QVBoxLayout) -> None:
        footer = QHBoxLayout()
        footer.addStretch(1)
        self.close_button = QPushButton(self.tr("Cl&ose"))
        self.close_button.setAccessibleName(self.tr("Close the sync screen"))
        footer.addWidget(self.close_button)
        page.addLayout(footer)

    def _connect(self) -> None:
        self.connection.enroll_button.clicked.connect(self.open_enroll)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.send_again_button.clicked.connect(self.send_selected_again)
        self.send_all_button.clicked.connect(self.send_all_again)
        self.close_button.clicked.connect(self.accept)
        self.refused_table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

    # -- reading the vault ----------------------------------------------------------------

    def reload(self) -> None:
        """Read the vault on the UI thread and show it (after a run, a batch, a send again)."""
        session = self._session
        if session is None:
            return
        self._reading += 1  # a read still on its way would be older than this one
        self.reading = False
        self._fill(read_sync_state(session))

    def reload_later(self) -> None:
        """Show "Reading…" and read the vault on the worker connection; the answer fills the
        screen unless a newer read, a close or a lock came first."""
        session = self._session
        if session is None:
            return
        if self._reads is None:
            self.reload()
            return
        self._reading += 1
        generation = self._reading
        self.reading = True
        if not self._runner.running and self._runner.last_progress is None:
            self.progress_label.setText(self.tr("Reading\u2026"))
        self._update_buttons()

        def work() -> SyncReading | None:
            if generation != self._reading:
                return None  # overtaken before it began
            with session.worker() as worker:
                return read_sync_state(worker)

        self._reads.submit(work, lambda reading: self._read(generation, reading),
                           lambda error: self._read_failed(generation, error))

    def _read(self, generation: int, reading: SyncReading | None) -> None:
        if reading is None or generation != self._reading or self._session is None:
            return
        self.reading = False
        self._fill(reading)
        if self.sync_button.isEnabled():
            self.sync_button.setFocus()

    def _read_failed(self, generation: int, error: UserFacingError) -> None:
        if generation != self._reading or self._session is None:
            return
        self.reading = False
        if not self._runner.running and self._runner.last_progress is None:
            self.progress_label.setText("")
        self._show_message(str(error), "formError")

    def _fill(self, reading: SyncReading) -> None:
        session = self._session
        if session is None:
            return
        self.enrollment = reading.enrollment
        self.connection.show_enrollment(self.enrollment)
        self.outbox_card.show_status(reading.status, session.pack.timeliness.warn_before_hours)
        history = reading.history
        self.history_model.set_rows([
            (local_time(h.started_at), str(h.records), str(h.accepted), str(h.duplicate), str(h.refused),
             size_text(h.bytes_sent),
             self.tr("Acknowledged") if h.outcome == "acknowledged"
             else self.tr("Error: {why}").format(why=h.error or self.tr("not recorded")))
            for h in history
        ])
        if not self._runner.running and self._runner.last_progress is None:
            self.progress_label.setText(
                self.tr("Last batch sent {when}.").format(when=local_time(history[0].started_at)) if history
                else self.tr("Nothing has been sent from this device yet."))
        refused = reading.refused
        self.refused_model.set_rows(
            [(entity_label(r.entity), local_time(r.collected_at), local_time(r.deadline_at), r.reason)
             for r in refused],
            [str(r.row_id) for r in refused])
        self.tabs.setTabText(1, self.tr("&Refused records ({n})").format(n=len(refused)) if refused
                             else self.tr("&Refused records"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._runner.running
        enrolled = self.enrollment is not None and not self.reading
        self.sync_button.setEnabled(enrolled and not running and self._session is not None)
        self.cancel_button.setEnabled(running)
        selected = bool(self.refused_table.selectionModel().selectedRows())
        # Not while a run is going: a record put back now would join a run whose totals are already counted.
        self.send_again_button.setEnabled(selected and not running and not self.reading)
        self.send_all_button.setEnabled(self.refused_model.rowCount() > 0 and not running and not self.reading)

    # -- runs ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self._session is None:
            return
        self._show_message("", "")
        self._runner.sync_now()

    def cancel_sync(self) -> None:
        self._runner.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling after the current request\u2026"))

    def _run_started(self, kind: RunKind) -> None:
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Syncing in the background\u2026") if kind is RunKind.BACKGROUND
                                    else self.tr("Connecting\u2026"))
        self._update_buttons()

    def _show_progress(self, progress: SyncProgress) -> None:
        self._draw_progress(progress)
        if progress.batches:
            self.reload()

    def _draw_progress(self, progress: SyncProgress) -> None:
        self.progress.setRange(0, max(1, progress.records_total))
        self.progress.setValue(min(progress.records_done, progress.records_total))
        text = progress_text(progress)
        if progress.last_error and progress.retry_in_seconds:
            text += "\n" + progress.last_error
        self.progress_label.setText(text)
        self.progress.setAccessibleDescription(text)

    def _run_finished(self, outcome: RunOutcome) -> None:
        last = self._runner.last_progress
        if last is not None:
            self._draw_progress(replace(last, retry_in_seconds=None, last_error=None))
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress_label.setText("")
        self._show_message(outcome_text(outcome), "formError" if outcome.failed or outcome.already_running
                           else "notice")
        self.reload()
        self.outbox_did_change.emit()

    def _show_message(self, text: str, kind: str) -> None:
        self.message.setText(text)
        self.message.setObjectName(kind or "notice")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.updateGeometry()
        self.message.setVisible(bool(text))

    # -- refused records ----------------------------------------------------------------

    def send_selected_again(self) -> None:
        rows = sorted(index.row() for index in self.refused_table.selectionModel().selectedRows())
        self._send_again([int(key) for row in rows if (key := self.refused_model.key(row))])

    def send_all_again(self) -> None:
        self._send_again([int(key) for row in range(self.refused_model.rowCount())
                          if (key := self.refused_model.key(row))])

    def _send_again(self, row_ids: list[int]) -> None:
        session = self._session
        if session is None or not row_ids or self._runner.running:
            return
        try:
            count = send_refused_again(session, row_ids)
        except UserFacingError as exc:
            self._show_message(str(exc), "formError")
            return
        self._show_message(self.tr("{n} back in the outbox; they go with the next sync.").format(
            n=records_text(count)), "notice")
        self.reload()
        self.outbox_did_change.emit()

    # -- enrollment ---------------------------------------------------------------------

    def open_enroll(self) -> EnrollDialog | None:
        session = self._session
        if session is None or not session.can("device.configure"):
            return None
        dialog = EnrollDialog(session, self._jobs, self._demo, self)
        dialog.device_did_enroll.connect(self._enrolled)
        dialog.finished.connect(lambda _code: self._enroll_closed(dialog))
        self.enroll_dialog = dialog
        dialog.open()
        return dialog

    def _enroll_closed(self, dialog: EnrollDialog) -> None:
        if self.enroll_dialog is dialog:
            self.enroll_dialog = None
        dialog.deleteLater()

    def _enrolled(self, enrollment: DeviceEnrollment) -> None:
        self.reload()
        self._show_message(self.tr("This device is enrolled with {host} for {agency}.").format(
            host=self.connection.server.text(), agency=enrollment.agency), "notice")
        self.device_did_enroll.emit(enrollment)

    # -- closing and the lock -------------------------------------------------------------

    def done(self, code: int) -> None:
        self._reading += 1  # closed: a read on its way is dropped
        self.reading = False
        super().done(code)
        self.window_did_close.emit()

    def clear_client_data(self) -> None:
        self._session = None
        self._reading += 1  # a read on its way is dropped
        self.reading = False
        self._building.stop()  # a lock while it was still being built: nothing more is built
        self.history_model.clear()
        self.refused_model.clear()
        self.message.setText("")

    def close_for_lock(self) -> None:
        self.closed_for_lock = True
        if self.enroll_dialog is not None:
            self.enroll_dialog.close_for_lock()
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)

"""Export HMIS CSV: options, a progress bar with Cancel, a summary, and the checker's report.

Opened from the main window's Tools menu by roles with ``export.hmis_csv``. The
export runs on another thread with ``Session.worker()`` (its own vault
connection; the UI's connection is never used off the UI thread) through
``sync.hmis_csv.device_export.export_from_device``, the same call the
``export-hmis-csv`` command makes, so the audit event is the same (CT-207-12).
Cancel is heard at the exporter's next progress report, and the atomic writer
then leaves no file. A lock cancels a running export, waits a moment for it to
stop (so its copy of the key is zeroed with the session's), and closes the dialog.
"""

from __future__ import annotations

import logging
import os
from contextlib import ExitStack, suppress
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.session import Session
from sync.hmis_csv.checker import check_export
from sync.hmis_csv.columns import FILES
from sync.hmis_csv.device_export import (
    EXPORT_PERMISSION,
    Cancellation,
    ExportCancelled,
    device_projects,
    export_from_device,
    suggested_file_name,
)
from sync.hmis_csv.export import ExportResult
from sync.hmis_csv.progress import FINISHING_STAGE, READING_STAGES, WRITING_STAGE
from sync.hmis_csv.report import CheckReport
from ui.core_text import core_text
from ui.export.check_page import CheckPage
from ui.export.options_page import ExportRequest, OptionsPage
from ui.export.summary_page import SummaryPage
from ui.tasks import TaskRunner
from ui.theme import demo_banner, window_title
from ui.widgets.button_box import button_box
from ui.wizard.page import text_label

__all__ = ["EXPORT_PERMISSION", "ExportDialog"]

log = logging.getLogger(__name__)

#: How long a lock waits for a running export to notice the cancel before closing anyway.
LOCK_WAIT_MS = 10_000


class _ProgressRelay(QObject):
    """Carries the exporter's reports from its thread to the UI thread (a queued signal)."""

    progressed = Signal(str, int, int)


class RunningPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 18)
        layout.setSpacing(10)
        heading = QLabel(self.tr("Exporting\u2026"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        layout.addWidget(text_label(self.tr(
            "The zip appears only when it is complete; if you cancel, nothing is left behind."), "subheading"))
        layout.addStretch(1)
        self.target = text_label("", "sectionHeading")
        self.target.setAccessibleName(self.tr("Saving to"))
        layout.addWidget(self.target)
        self.stage = text_label("")
        self.stage.setAccessibleName(self.tr("Export step"))
        layout.addWidget(self.stage)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Export progress"))
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(True)
        self.bar.setMinimumHeight(22)
        layout.addWidget(self.bar)
        layout.addStretch(2)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the export"))
        layout.addWidget(button_box(self.cancel_button))
        self._texts = dict(zip(READING_STAGES, (
            self.tr("Reading enrollments"), self.tr("Reading exits"), self.tr("Reading contacts"),
            self.tr("Reading services"), self.tr("Reading clients"), self.tr("Reading projects"),
            self.tr("Reading organizations"), self.tr("Reading users")), strict=True))
        self._texts.update({WRITING_STAGE.format(file=spec.filename): self.tr("Writing {file}").format(
            file=spec.filename) for spec in FILES})
        self._texts[FINISHING_STAGE] = self.tr("Finishing the zip")

    def stage_text(self, stage: str) -> str:
        return self._texts.get(stage, stage)

    def start(self, file_name: str) -> None:
        self.target.setText(self.tr("Saving {file}").format(file=file_name))
        self.bar.setRange(0, 0)
        self.stage.setText(self.tr("Starting"))
        self.cancel_button.setEnabled(True)

    def show_progress(self, stage: str, done: int, total: int) -> None:
        if self.cancel_button.isEnabled():
            self.stage.setText(self.stage_text(stage) + "\u2026")
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))

    def show_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Cancelling\u2026"))


class ExportDialog(QDialog):
    export_did_finish = Signal(object)  # ExportResult

    def __init__(self, session: Session, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = session
        self.closed_for_lock = False
        self._closed = False
        self._cancel: Cancellation | None = None
        self._check_back: QWidget | None = None
        self.check_file_dialog: QFileDialog | None = None
        self.export_result: ExportResult | None = None
        # Its own single thread, so a long export never waits behind sign-in work. It
        # belongs to the application, so a job a lock abandoned can still report into it.
        self._tasks = TaskRunner(QCoreApplication.instance())
        self._tasks_released = False
        self.progress_relay = _ProgressRelay(self)
        self.progress_relay.progressed.connect(self._show_progress)
        self.setWindowTitle(window_title(self.tr("Export HMIS CSV"), demo))
        self.setModal(True)
        self.resize(900, 700)

        today = session.clock.now().date()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if demo:
            outer.addWidget(demo_banner(self, short=True))
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.options_page = OptionsPage(device_projects(session), _suggested_name(session, today), today)
        self.running_page = RunningPage()
        self.summary_page = SummaryPage()
        self.check_page = CheckPage()
        for page in (self.options_page, self.running_page, self.summary_page, self.check_page):
            self.pages.addWidget(page)

        self.options_page.export_requested.connect(self.start_export)
        self.options_page.cancel_requested.connect(self.reject)
        self.options_page.check_file_requested.connect(self.choose_file_to_check)
        self.running_page.cancel_button.clicked.connect(self.cancel_export)
        self.summary_page.check_button.clicked.connect(self._check_written)
        self.summary_page.close_button.clicked.connect(self.accept)
        self.check_page.back_button.clicked.connect(self._back_from_check)
        self.check_page.close_button.clicked.connect(self.accept)
        self._show_page(self.options_page)

    # -- pages --------------------------------------------------------------------------

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        default = {self.options_page: self.options_page.export_button,
                   self.summary_page: self.summary_page.close_button,
                   self.check_page: self.check_page.close_button}.get(page)
        for button in (self.options_page.export_button, self.summary_page.close_button,
                       self.check_page.close_button):
            button.setDefault(button is default)
        focus = {self.options_page: self.options_page.start_check,
                 self.running_page: self.running_page.cancel_button,
                 self.summary_page: self.summary_page.files_table,
                 self.check_page: self.check_page.table if self.check_page.table.isVisible()
                 else self.check_page.close_button}[page]
        focus.setFocus()

    @property
    def running(self) -> bool:
        return self._cancel is not None

    @property
    def cancellation(self) -> Cancellation | None:
        """The running export's cancel request, or ``None`` when nothing runs."""
        return self._cancel

    # -- export -------------------------------------------------------------------------

    def start_export(self, request: ExportRequest) -> None:
        session = self._session
        if session is None or self.running:
            return
        jobs = ExitStack()
        try:
            # Opened here, on the UI thread, while the session's key is certainly live.
            worker = jobs.enter_context(session.worker())
        except UserFacingError as exc:
            self.options_page.show_error(str(exc))
            return
        cancel = Cancellation()
        self._cancel = cancel
        relay = self.progress_relay

        def forward(stage: str, done: int, total: int) -> None:
            # RuntimeError: the dialog is gone (abandoned at a lock); the export goes on unobserved.
            with suppress(RuntimeError):
                relay.progressed.emit(stage, done, total)

        report = cancel.watch(forward)

        def work() -> ExportResult:
            with jobs:
                return export_from_device(worker, request.path, request.options, on_progress=report)

        self.running_page.start(request.path.name)
        self._show_page(self.running_page)
        self._tasks.submit(work, self._export_done, self._export_failed)

    def cancel_export(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.running_page.show_cancelling()

    @Slot(str, int, int)
    def _show_progress(self, stage: str, done: int, total: int) -> None:
        if not self._closed:
            self.running_page.show_progress(stage, done, total)

    def _export_done(self, result: ExportResult) -> None:
        self._cancel = None
        if self._closed:
            self._release_tasks()
            return
        self.export_result = result
        self.summary_page.show_result(result)
        self._show_page(self.summary_page)
        self.export_did_finish.emit(result)

    def _export_failed(self, error: UserFacingError) -> None:
        self._cancel = None
        if self._closed:
            self._release_tasks()
            return
        if isinstance(error, ExportCancelled):
            self.options_page.show_notice(self.tr("The export was cancelled; no file was written."))
        else:
            self.options_page.show_error(core_text(str(error)))
        self._show_page(self.options_page)

    # -- check --------------------------------------------------------------------------

    def _check_written(self) -> None:
        if self.export_result is not None:
            self.run_check(self.export_result.path, back_to=self.summary_page)

    def choose_file_to_check(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose an HMIS CSV zip to check"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Zip files (*.zip)"))
        dialog.fileSelected.connect(lambda path: self.run_check(path, back_to=self.options_page))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.check_file_dialog = dialog
        dialog.open()

    def run_check(self, path: str | os.PathLike[str], back_to: QWidget) -> None:
        """The checker reads the whole zip, which takes seconds for a large export."""
        self._check_back = back_to
        self.check_page.show_busy(path)
        self.check_page.back_button.setEnabled(False)
        self._show_page(self.check_page)
        target = os.fspath(path)
        self._tasks.submit(lambda: check_export(target), self._check_done, self._check_failed)

    def _check_done(self, report: CheckReport) -> None:
        if self._closed:
            self._release_tasks()
            return
        self.check_page.back_button.setEnabled(True)
        self.check_page.show_report(report)
        self._show_page(self.check_page)

    def _check_failed(self, error: UserFacingError) -> None:
        if self._closed:
            self._release_tasks()
            return
        self.check_page.back_button.setEnabled(True)
        self._back_from_check()
        page = self.pages.currentWidget()
        if page is self.options_page:
            self.options_page.show_error(str(error))

    def _back_from_check(self) -> None:
        self._show_page(self._check_back or self.options_page)

    # -- closing and locking ------------------------------------------------------------

    def reject(self) -> None:
        """Escape or the window's close button: while exporting it means Cancel."""
        if self.running:
            self.cancel_export()
            return
        super().reject()

    def done(self, code: int) -> None:
        self._closed = True
        self._release_tasks()
        super().done(code)

    def _release_tasks(self) -> None:
        """Once closed, the runner goes when its last job has reported (Python state
        only here: the dialog itself may already be deleted)."""
        if self._closed and not self._tasks_released and not self._tasks.busy:
            self._tasks_released = True
            self._tasks.deleteLater()

    def clear_client_data(self) -> None:
        self._session = None
        self.options_page.clear()
        self.summary_page.clear()
        self.check_page.clear()

    def close_for_lock(self) -> None:
        self.closed_for_lock = True
        self._closed = True
        if self._cancel is not None:
            self._cancel.cancel()
            # The worker's connection and key copy close when its job ends; give it a
            # moment so they go with the session's.
            if not self._tasks.wait(LOCK_WAIT_MS):
                log.warning("export still running at lock; it stops at its next step")
        self.clear_client_data()
        self._release_tasks()
        super().done(QDialog.DialogCode.Rejected)


def _suggested_name(session: Session, today: date) -> str:
    return suggested_file_name(session.settings.agency_name, session.pack.id, today)

"""Tools › Aggregate report: the de-identified aggregate report (VT-3.2-1) from the GUI.

The same core as ``hmis-intake report aggregate`` (``sync/reports/aggregate_files.py``):
roles with ``reports.view``, counts only, small cells suppressed, a header stating where
the data comes from; written and audited off the UI thread on the session's second
connection. The window shows the file's name and the counts, never a client.
"""

from __future__ import annotations

from contextlib import ExitStack
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.session import Session
from sync.hmis_csv.vault_source import VaultExportSource
from sync.reports.aggregate import REPORT_PERMISSION, AggregateOptions, AggregateReport
from sync.reports.aggregate_files import write_aggregate
from ui.core_text import core_text
from ui.tasks import TaskRunner
from ui.theme import demo_banner, window_title
from ui.widgets.button_box import button_box
from ui.widgets.status import form_error_label
from ui.wizard.page import text_label

__all__ = ["REPORT_PERMISSION", "AggregateReportDialog"]

_PROJECT_ROLE = Qt.ItemDataRole.UserRole + 1


def _date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setAccessibleName(name)
    return edit


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AggregateReportDialog(QDialog):
    """Period, projects, CSV or PDF, where to save; then what was written."""

    def __init__(self, session: Session, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session.require(REPORT_PERMISSION)
        self._session: Session | None = session
        self._closed = False
        self.report: AggregateReport | None = None
        self._tasks = TaskRunner(QCoreApplication.instance())
        self.setWindowTitle(window_title(self.tr("Aggregate report"), demo))
        self.setModal(True)
        self.resize(720, 560)
        today = session.clock.now().date()

        layout = QVBoxLayout(self)
        if demo:
            layout.addWidget(demo_banner(self, short=True))
        heading = QLabel(self.tr("Aggregate report"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        layout.addWidget(text_label(self.tr(
            "Counts of people, households and enrollments by project and HUD category, with no client-level "
            "data. Counts below {n} are shown as <{n}. The report's header states where its data comes from "
            "and what it includes.").format(n=session.pack.release.min_cell_count), "subheading"))
        self.error = form_error_label()
        layout.addWidget(self.error)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.start_date = _date_edit(today.replace(day=1), self.tr("First day of the period"))
        self.end_date = _date_edit(today, self.tr("Last day of the period"))
        period = QHBoxLayout()
        period.addWidget(self.start_date)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end_date)
        period.addStretch(1)
        grid.addWidget(QLabel(self.tr("Period")), 0, 0)
        grid.addLayout(period, 0, 1)

        self.projects_list = QListWidget()
        self.projects_list.setAccessibleName(self.tr("Projects to report on"))
        for project in VaultExportSource(session).projects():
            item = QListWidgetItem(project.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(_PROJECT_ROLE, project.project_id)
            self.projects_list.addItem(item)
        self.projects_list.setMaximumHeight(120)
        grid.addWidget(QLabel(self.tr("Projects")), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.projects_list, 1, 1)

        self.csv_radio = QRadioButton(self.tr("&CSV"))
        self.csv_radio.setAccessibleName(self.tr("Save as CSV"))
        self.pdf_radio = QRadioButton(self.tr("&PDF"))
        self.pdf_radio.setAccessibleName(self.tr("Save as PDF"))
        self.csv_radio.setChecked(True)
        self._format = QButtonGroup(self)
        self._format.addButton(self.csv_radio)
        self._format.addButton(self.pdf_radio)
        formats = QHBoxLayout()
        formats.addWidget(self.csv_radio)
        formats.addWidget(self.pdf_radio)
        formats.addStretch(1)
        grid.addWidget(QLabel(self.tr("Format")), 2, 0)
        grid.addLayout(formats, 2, 1)

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose where to save the report"))
        self.path_edit.setAccessibleName(self.tr("File to save the report to"))
        self.choose_button = QPushButton(self.tr("C&hoose\u2026"))
        self.choose_button.setAccessibleName(self.tr("Choose where to save the report"))
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.choose_button)
        grid.addWidget(QLabel(self.tr("Save to")), 3, 0)
        grid.addLayout(where, 3, 1)
        layout.addLayout(grid)

        self.result_label = text_label("", "notice")
        self.result_label.setAccessibleName(self.tr("Report written"))
        self.result_label.hide()
        layout.addWidget(self.result_label)
        layout.addStretch(1)

        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.save_button = QPushButton(self.tr("&Save report"))
        self.save_button.setAccessibleName(self.tr("Save report"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        layout.addWidget(button_box(self.close_button, self.save_button))

        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.choose_button.clicked.connect(self.choose_file)
        self.csv_radio.toggled.connect(lambda _on: self._match_suffix())

    def _suffix(self) -> str:
        return "pdf" if self.pdf_radio.isChecked() else "csv"

    def _match_suffix(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix("." + self._suffix())))

    def choose_file(self) -> None:
        name = f"aggregate-report-{_day(self.end_date.date()).isoformat()}.{self._suffix()}"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the report"), str(Path.home() / name))
        if path:
            self.path_edit.setText(path)

    def chosen_projects(self) -> frozenset[str]:
        items = [self.projects_list.item(i) for i in range(self.projects_list.count())]
        chosen = [str(i.data(_PROJECT_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked]
        return frozenset() if len(chosen) == len(items) else frozenset(chosen)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> None:
        session = self._session
        if session is None or self._tasks.busy:
            return
        self.show_error("")
        self.result_label.hide()
        text = self.path_edit.text().strip()
        if not text:
            self.show_error(self.tr("Choose where to save the report."))
            return
        if self.projects_list.count() and not any(
                self.projects_list.item(i).checkState() == Qt.CheckState.Checked
                for i in range(self.projects_list.count())):
            self.show_error(self.tr("Choose at least one project."))
            return
        options = AggregateOptions(_day(self.start_date.date()), _day(self.end_date.date()), self.chosen_projects())
        path = Path(text).expanduser()
        fmt = self._suffix()
        jobs = ExitStack()
        try:
            worker = jobs.enter_context(session.worker())
        except UserFacingError as exc:
            self.show_error(str(exc))
            return

        def work() -> AggregateReport:
            with jobs:
                return write_aggregate(worker, path, options, fmt)

        self.save_button.setEnabled(False)
        self._tasks.submit(work, lambda report: self._done(report, path), self._failed)

    def _done(self, report: AggregateReport, path: Path) -> None:
        if self._closed:
            return
        self.save_button.setEnabled(True)
        self.report = report
        self.result_label.setText(self.tr(
            "Saved {file}: {people} people, {households} households and {enrollments} enrollments counted; "
            "counts below {n} shown as <{n}.").format(
            file=path.name, people=report.counted["people"], households=report.counted["households"],
            enrollments=report.counted["enrollments"], n=report.min_cell_count))
        self.result_label.show()

    def _failed(self, error: UserFacingError) -> None:
        if self._closed:
            return
        self.save_button.setEnabled(True)
        self.show_error(core_text(str(error)))

    def done(self, code: int) -> None:
        self._closed = True
        if not self._tasks.busy:  # a job still running keeps its runner until it reports
            self._tasks.deleteLater()
        super().done(code)

    def close_for_lock(self) -> None:
        self._closed = True
        self._session = None
        self.result_label.setText("")
        self._tasks.wait(5000)
        self.done(QDialog.DialogCode.Rejected)

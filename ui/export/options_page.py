"""The Export dialog's first page: period, full refresh or delta, projects, hashing, who
the file is for (the agency's own HMIS, a CoC-wide / warehouse file or an outside entity's
data request, ``audience.py``), and where it goes.

The choices become an ``ExportOptions`` through ``device_export.export_options``,
so a choice the exporter refuses (end before start, a delta without a start
date) is refused here with the exporter's own sentence. The destination is the
user's; the save dialog suggests a name that carries no personal data (MO-TX-1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from sync.hmis_csv.device_export import export_options
from sync.hmis_csv.export import ExportOptions
from sync.hmis_csv.source import ProjectRecord
from ui.core_text import core_text
from ui.export.audience import AudienceBox
from ui.theme import set_invalid
from ui.widgets.button_box import button_box
from ui.widgets.status import form_error_label
from ui.wizard.page import text_label

_PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    options: ExportOptions


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setAccessibleName(name)
    edit.setMinimumWidth(130)
    return edit


def _hint(text: str) -> QLabel:
    """A grey line under a choice, with room before the next one."""
    label = text_label(text, "hint")
    label.setContentsMargins(0, 0, 0, 8)
    return label


def _row_label(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 4, 0, 0)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class OptionsPage(QWidget):
    export_requested = Signal(object)  # ExportRequest
    check_file_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, projects: Sequence[ProjectRecord], suggested_name: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggested_name = suggested_name
        self.file_dialog: QFileDialog | None = None
        self._confirmed_path: Path | None = None
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self._folder = documents if documents and Path(documents).is_dir() else str(Path.home())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 18)
        layout.setSpacing(8)
        heading = QLabel(self.tr("Export HMIS CSV"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        layout.addWidget(text_label(self.tr(
            "A HUD HMIS CSV (FY2026) zip of this device's records, for import into the CoC's HMIS "
            "or for a data warehouse."), "subheading"))
        self.notice = text_label("", "notice")
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()
        layout.addWidget(self.notice)
        self.error = form_error_label()
        layout.addWidget(self.error)

        # The choices scroll on a short screen rather than squeeze their wrapped hints.
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 96)
        form_layout.addLayout(grid)
        form_layout.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setAccessibleName(self.tr("Export options"))
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(form)
        self.form_scroll.viewport().setAutoFillBackground(False)
        form.setAutoFillBackground(False)
        layout.addSpacing(6)
        layout.addWidget(self.form_scroll, 1)

        self._build_period(grid, today)
        self._build_directive(grid)
        self._build_projects(grid, projects)
        self._build_hash(grid)
        self._build_audience(grid)
        self._build_destination(grid)

        self._build_buttons(layout)
        self._connect()

    # -- building -----------------------------------------------------------------------

    def _build_period(self, grid: QGridLayout, today: date) -> None:
        # Period: ExportStartDate / ExportEndDate.
        first_of_month = today.replace(day=1)
        self.start_check = QCheckBox(self.tr("&Start date"))
        self.start_check.setAccessibleName(self.tr("Use a start date"))
        self.start_date = _date_edit(first_of_month, self.tr("Start date"))
        self.start_date.setEnabled(False)
        self.end_date = _date_edit(today, self.tr("End date"))
        end_label = QLabel(self.tr("E&nd date"))
        end_label.setBuddy(self.end_date)
        period = QHBoxLayout()
        period.setSpacing(8)
        period.addWidget(self.start_check)
        period.addWidget(self.start_date)
        period.addSpacing(24)
        period.addWidget(end_label)
        period.addWidget(self.end_date)
        period.addStretch(1)
        grid.addWidget(_row_label(self.tr("Period")), 0, 0)
        grid.addLayout(period, 0, 1)
        grid.addWidget(_hint(self.tr(
            "Without a start date the export begins with the earliest entry on this device. "
            "Both days are included.")), 1, 1)

    def _build_directive(self, grid: QGridLayout) -> None:
        # ExportDirective: 2 full refresh, 1 delta.
        self.full_radio = QRadioButton(self.tr("&Full refresh: everything active in the period"))
        self.full_radio.setAccessibleName(self.tr("Full refresh"))
        self.delta_radio = QRadioButton(self.tr("&Delta: only records created or changed in the period"))
        self.delta_radio.setAccessibleName(self.tr("Delta, changes since the start date"))
        self.full_radio.setChecked(True)
        self._directive = QButtonGroup(self)
        self._directive.addButton(self.full_radio)
        self._directive.addButton(self.delta_radio)
        kinds = QVBoxLayout()
        kinds.setSpacing(4)
        kinds.addWidget(self.full_radio)
        kinds.addWidget(self.delta_radio)
        grid.addWidget(_row_label(self.tr("Records")), 2, 0)
        grid.addLayout(kinds, 2, 1)
        grid.addWidget(_hint(self.tr(
            "A delta needs a start date; the receiving HMIS adds it to what it already holds.")), 3, 1)

    def _build_projects(self, grid: QGridLayout, projects: Sequence[ProjectRecord]) -> None:
        # Projects: every project unless narrowed.
        self.projects_model = QStandardItemModel(self)
        for project in projects:
            item = QStandardItem(project.name)
            item.setEditable(False)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(project.project_id, _PROJECT_ID_ROLE)
            self.projects_model.appendRow(item)
        self.projects_list = QListView()
        self.projects_list.setModel(self.projects_model)
        self.projects_list.setAccessibleName(self.tr("Projects to export"))
        self.projects_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.projects_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.projects_list.setUniformItemSizes(True)
        self.projects_list.setFixedHeight(96)
        self.select_all = QPushButton(self.tr("Select &all"))
        self.select_all.setAccessibleName(self.tr("Select all projects"))
        self.select_none = QPushButton(self.tr("Select n&one"))
        self.select_none.setAccessibleName(self.tr("Select no project"))
        picks = QVBoxLayout()
        picks.setSpacing(6)
        picks.addWidget(self.select_all)
        picks.addWidget(self.select_none)
        picks.addStretch(1)
        project_row = QHBoxLayout()
        project_row.addWidget(self.projects_list, 1)
        project_row.addLayout(picks)
        grid.addWidget(_row_label(self.tr("&Projects"), self.projects_list), 4, 0)
        grid.addLayout(project_row, 4, 1)
        self.projects_message = text_label("", "fieldError")
        self.projects_message.hide()
        grid.addWidget(self.projects_message, 5, 1)
        grid.setRowMinimumHeight(5, 12)

    def _build_hash(self, grid: QGridLayout) -> None:
        # HashStatus 4.
        self.hashed = QCheckBox(self.tr("&Hash personal identifiers (HashStatus 4) for a data warehouse"))
        self.hashed.setAccessibleName(self.tr("Hash personal identifiers, HashStatus 4"))
        hash_hint = self.tr(
            "Names become a one-way code and an SSN keeps only its last four digits, so a warehouse "
            "can match people across agencies without seeing who they are. Dates of birth stay as "
            "they are. Leave this off for an import into the CoC's HMIS.")
        self.hashed.setAccessibleDescription(hash_hint)
        grid.addWidget(_row_label(self.tr("Identifiers")), 6, 0)
        grid.addWidget(self.hashed, 6, 1)
        grid.addWidget(_hint(hash_hint), 7, 1)

    def _build_audience(self, grid: QGridLayout) -> None:
        # Who reads the file (ui/export/audience.py); no default.
        self.audience = AudienceBox(self)
        self.agency_radio = self.audience.agency_radio
        self.coc_radio = self.audience.coc_radio
        self.outside_radio = self.audience.outside_radio
        self.audience_message = self.audience.message
        grid.addWidget(_row_label(self.tr("File for")), 8, 0)
        grid.addLayout(self.audience.layout, 8, 1)

    def _build_destination(self, grid: QGridLayout) -> None:
        # Where the zip goes.
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose where to save the zip"))
        self.path_edit.setAccessibleName(self.tr("File to save the export to"))
        self.choose_button = QPushButton(self.tr("&Choose\u2026"))
        self.choose_button.setAccessibleName(self.tr("Choose where to save the export"))
        destination = QHBoxLayout()
        destination.addWidget(self.path_edit, 1)
        destination.addWidget(self.choose_button)
        grid.addWidget(_row_label(self.tr("Sa&ve to"), self.path_edit), 9, 0)
        grid.addLayout(destination, 9, 1)
        self.path_hint = self.tr(
            "Use a name without personal data, as suggested (MO-TX-1). Unless hashed, the zip holds "
            "personal data: keep it on encrypted storage and send it only over an encrypted channel.")
        self.path_message = text_label(self.path_hint, "hint")
        grid.addWidget(self.path_message, 10, 1)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        buttons = QHBoxLayout()
        self.check_file_button = QPushButton(self.tr("Chec&k a file\u2026"))
        self.check_file_button.setAccessibleName(self.tr("Check an export file before upload"))
        self.check_file_button.setToolTip(self.tr("Check any HMIS CSV zip, from this device or elsewhere"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setObjectName("primary")
        buttons.addWidget(self.check_file_button)
        buttons.addWidget(button_box(self.cancel_button, self.export_button), 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.start_check.toggled.connect(self.start_date.setEnabled)
        self.delta_radio.toggled.connect(self._delta_toggled)
        self.select_all.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.select_none.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.choose_button.clicked.connect(self.choose_destination)
        self.path_edit.textEdited.connect(lambda _text: self._show_path_problem(""))
        self.check_file_button.clicked.connect(self.check_file_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.export_button.clicked.connect(self._submit)

    # -- choices ------------------------------------------------------------------------

    def _delta_toggled(self, delta: bool) -> None:
        # A delta is "changed since": it cannot run without a start date.
        if delta and not self.start_check.isChecked():
            self.start_check.setChecked(True)

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.projects_model.rowCount()):
            self.projects_model.item(row).setCheckState(state)
        self.projects_message.hide()

    def set_project_checked(self, project_id: str, checked: bool) -> None:
        for row in range(self.projects_model.rowCount()):
            item = self.projects_model.item(row)
            if item.data(_PROJECT_ID_ROLE) == project_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_project_ids(self) -> list[str]:
        return [str(self.projects_model.item(row).data(_PROJECT_ID_ROLE))
                for row in range(self.projects_model.rowCount())
                if self.projects_model.item(row).checkState() == Qt.CheckState.Checked]

    # -- destination --------------------------------------------------------------------

    def choose_destination(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the HMIS CSV export"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("Zip files (*.zip)"))
        dialog.setDefaultSuffix("zip")
        current = self.path_edit.text().strip()
        if current:
            dialog.setDirectory(str(Path(current).expanduser().parent))
            dialog.selectFile(Path(current).name)
        else:
            dialog.setDirectory(self._folder)
            dialog.selectFile(self.suggested_name)
        dialog.fileSelected.connect(self.set_destination)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.finished.connect(lambda _code: self.choose_button.setFocus())
        self.file_dialog = dialog
        dialog.open()

    def set_destination(self, path: str) -> None:
        """A path from the save dialog, which has already asked before replacing a file."""
        self._confirmed_path = Path(path)
        self._folder = str(Path(path).parent)
        self.path_edit.setText(path)
        self._show_path_problem("")

    def _destination(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            self._show_path_problem(self.tr("Choose where to save the export."))
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            self._show_path_problem(self.tr("Give the whole path of the file, or use Choose\u2026"))
            return None
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        try:
            exists = path.is_file()
        except OSError:  # a name the file system refuses: the exporter says why
            exists = False
        if exists and path != self._confirmed_path:
            self._show_path_problem(self.tr(
                "A file of that name is already there; pick it with Choose\u2026 to replace it, "
                "or give another name."))
            return None
        return path

    def _show_path_problem(self, problem: str) -> None:
        self.path_message.setObjectName("fieldError" if problem else "hint")
        self.path_message.setText(problem or self.path_hint)
        self.path_edit.setAccessibleDescription(problem)
        set_invalid(self.path_message, False)
        set_invalid(self.path_edit, bool(problem))

    # -- submit -------------------------------------------------------------------------

    def _submit(self) -> None:
        request = self.request()
        if request is not None:
            self.export_requested.emit(request)

    def request(self) -> ExportRequest | None:
        """The choices as an export, or ``None`` with each problem shown beside its field."""
        self.show_error("")
        self.notice.hide()
        chosen = self.chosen_project_ids()
        total = self.projects_model.rowCount()
        self.projects_message.setVisible(bool(total) and not chosen)
        self.projects_message.setText(self.tr("Choose at least one project."))
        audience = self.audience.destination()
        path = self._destination()
        if path is None or (total and not chosen) or audience is None:
            return None
        start = _day(self.start_date.date()) if self.start_check.isChecked() else None
        try:
            options = export_options(
                start=start, end=_day(self.end_date.date()),
                project_ids=frozenset() if len(chosen) == total else frozenset(chosen),
                delta=self.delta_radio.isChecked(), hashed=self.hashed.isChecked(), destination=audience,
                identifying=self.audience.identifying_chosen(), coc_approval=self.audience.approval())
        except UserFacingError as exc:
            self.show_error(core_text(str(exc)))
            return None
        return ExportRequest(path, options)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def clear(self) -> None:
        self.path_edit.setText("")
        self._confirmed_path = None
        self.show_error("")
        self.show_notice("")


def _day(value: QDate) -> date:
    """The Python date of ``value`` (PySide6 types ``QDate.toPython`` as object)."""
    return date(value.year(), value.month(), value.day())

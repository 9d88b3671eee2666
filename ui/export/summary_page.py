"""The Export dialog after a written export: where it is, what it holds, what to do next.

Only counts, file names and the options are shown (the audit event records the
same, CT-207-12); the number of people exported without identifiers is a count,
never who they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sync.hmis_csv.export import ExportDirective, ExportResult, HashStatus
from ui.export.tables import FileRowsModel
from ui.wizard.page import text_label


class SummaryPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ExportResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 18)
        layout.setSpacing(8)
        heading = QLabel(self.tr("Export written"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        self.path_label = text_label("", "subheading")
        self.path_label.setAccessibleName(self.tr("Saved to"))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.path_label)
        self.facts = text_label("", "hint")
        self.facts.setAccessibleName(self.tr("Export options"))
        layout.addWidget(self.facts)
        layout.addSpacing(6)

        columns = QHBoxLayout()
        columns.setSpacing(20)
        layout.addLayout(columns, 1)
        left = QVBoxLayout()
        files_heading = QLabel(self.tr("Rows per file"))
        files_heading.setObjectName("sectionHeading")
        left.addWidget(files_heading)
        self.files_model = FileRowsModel(self)
        self.files_table = QTableView()
        self.files_table.setModel(self.files_model)
        self.files_table.setAccessibleName(self.tr("Rows per file"))
        self.files_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files_table.setShowGrid(False)
        self.files_table.verticalHeader().hide()
        self.files_table.verticalHeader().setDefaultSectionSize(24)
        header = self.files_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 110)
        self.files_table.setMinimumWidth(300)
        left.addWidget(self.files_table, 1)
        columns.addLayout(left, 4)

        right = QVBoxLayout()
        right.setSpacing(8)
        notes_heading = QLabel(self.tr("Notes"))
        notes_heading.setObjectName("sectionHeading")
        right.addWidget(notes_heading)
        self.totals = text_label("")
        right.addWidget(self.totals)
        self.withheld = text_label("", "notice")
        self.withheld.setAccessibleName(self.tr("People exported without identifiers"))
        right.addWidget(self.withheld)
        self.notes = text_label("")
        self.notes.setAccessibleName(self.tr("Notes from the export"))
        right.addWidget(self.notes)
        right.addWidget(text_label(self.tr(
            "Before uploading, check the file. Send it only over an encrypted channel, never as a "
            "plain e-mail attachment (MO-TX-1)."), "hint"))
        right.addStretch(1)
        columns.addLayout(right, 5)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Chec&k this export"))
        self.check_button.setAccessibleName(self.tr("Check this export before upload"))
        self.folder_button = QPushButton(self.tr("Open &folder"))
        self.folder_button.setAccessibleName(self.tr("Open the folder holding the export"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setObjectName("primary")
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.folder_button.clicked.connect(self._open_folder)

    def show_result(self, result: ExportResult) -> None:
        self.result = result
        self.path_label.setText(self.tr("Saved to {path}").format(path=str(result.path)))
        kind = (self.tr("Delta (ExportDirective 1)") if result.directive is ExportDirective.DELTA
                else self.tr("Full refresh (ExportDirective 2)"))
        scope = (self.tr("{n} project(s)").format(n=len(result.project_ids)) if result.project_ids
                 else self.tr("all projects"))
        hashing = (self.tr("names and SSNs hashed (HashStatus 4)") if result.hash_status is HashStatus.SHA256
                   else self.tr("not hashed (HashStatus 1)"))
        self.facts.setText(self.tr("{kind} \u00b7 {start} to {end} \u00b7 {scope} \u00b7 {hashing}\nExportID {id}")
                           .format(kind=kind, start=result.start.isoformat(), end=result.end.isoformat(),
                                   scope=scope, hashing=hashing, id=result.export_id))
        self.files_model.set_counts(result.rows)
        filled = sum(1 for count in result.rows.values() if count)
        self.totals.setText(self.tr("{rows} rows in {filled} of {files} files; the others hold their header only.")
                            .format(rows=f"{sum(result.rows.values()):,}", filled=filled, files=len(result.rows)))
        withheld = self.tr(
            "{n} person(s) were exported without identifiers because their consent does not allow "
            "sharing (Not Shared, declined, revoked, expired or locked).").format(n=result.withheld_clients)
        if result.visibility_path is not None:
            withheld = self.tr(
                "For this agency's own HMIS: every client in full. {n} record(s) to import as Not Shared or "
                "locked are listed in {file}, beside the zip; give it to the HMIS administrator with the "
                "upload.").format(n=result.visibility_entries, file=result.visibility_path.name)
        if result.manifest_path is not None:  # an outside entity's data request (MO-DREQ-1)
            withheld = (self.tr(
                "For an outside entity: de-identified, {n} person(s) without names, SSN or date of birth. "
                "{file}, beside the zip, says what it keeps.") if result.deidentified else self.tr(
                "For an outside entity: identifying data under CoC approval {ref}, as consent allows. "
                "{file}, beside the zip, records the approval.")).format(
                n=result.withheld_clients, file=result.manifest_path.name, ref=result.coc_approval or "")
        self.withheld.setText(withheld)
        self.withheld.setAccessibleName(self.tr("Records to import as Not Shared or locked")
                                        if result.visibility_path is not None
                                        else self.tr("People exported without identifiers"))
        self.withheld.setVisible(bool(result.withheld_clients) or result.visibility_path is not None
                                 or result.manifest_path is not None)
        # The exporter's notes name counts and columns only.
        self.notes.setText("\n".join(f"\u2022 {note}" for note in result.notes))
        self.notes.setVisible(bool(result.notes))

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))

    def clear(self) -> None:
        self.result = None
        self.files_model.clear()
        for label in (self.path_label, self.facts, self.totals, self.withheld, self.notes):
            label.setText("")

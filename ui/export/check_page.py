"""The checker's report on an export zip: every problem with its file, row, column and why.

The report is ``sync.hmis_csv.checker.check_export``'s, the same the
``check-hmis-csv`` command prints; errors stop an import, warnings are HUD
data-quality flags. Rows count the header as row 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
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

from sync.hmis_csv.report import CheckReport
from ui.export.tables import ProblemsModel
from ui.theme import set_invalid
from ui.widgets.status import busy_bar
from ui.wizard.page import text_label

_WIDTHS = (84, 180, 60, 170, 0)  # 0: stretches


class CheckPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: CheckReport | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 18)
        layout.setSpacing(8)
        heading = QLabel(self.tr("Check before upload"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        self.file_label = text_label("", "subheading")
        self.file_label.setAccessibleName(self.tr("File checked"))
        layout.addWidget(self.file_label)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        self.verdict = text_label("", "notice")
        self.verdict.setAccessibleName(self.tr("Check result"))
        self.verdict.hide()
        layout.addWidget(self.verdict)

        self.model = ProblemsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Problems found"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for column, width in enumerate(_WIDTHS):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.detail = text_label("")
        self.detail.setAccessibleName(self.tr("Selected problem"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.detail.setText(self.model.describe(current.row())))
        layout.addWidget(text_label(self.tr(
            "Errors stop an import: fix them before uploading. Warnings are HUD data-quality flags "
            "the CoC's reports will show. Rows count the header as row 1, as a spreadsheet does."), "hint"))

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setObjectName("primary")
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def show_busy(self, path: str | os.PathLike[str]) -> None:
        self.report = None
        self.model.clear()
        self.file_label.setText(self.tr("Checking {file}\u2026").format(file=os.path.basename(path)))
        self.verdict.hide()
        self.detail.setText("")
        self.busy.show()
        self.table.hide()

    def show_report(self, report: CheckReport) -> None:
        self.report = report
        self.busy.hide()
        self.table.show()
        self.file_label.setText(os.path.basename(report.path))
        errors, warnings = len(report.errors), len(report.warnings)
        if not report.problems:
            text = self.tr("No problems found: the file is ready to upload.")
        elif report.ok:
            text = self.tr("No errors: the file is ready to upload. {w} warning(s) are data-quality flags "
                           "the CoC will see.").format(w=warnings)
        else:
            text = self.tr("{e} error(s) and {w} warning(s): an HMIS would refuse this file. Fix the errors "
                           "and export again.").format(e=errors, w=warnings)
        self.verdict.setText(text)
        self.verdict.setObjectName("notice" if report.ok else "formError")
        set_invalid(self.verdict, False)  # re-polish for the object name's style
        self.verdict.show()
        self.model.set_problems(report.problems)
        self.table.setVisible(bool(report.problems))
        self.detail.setText("")
        if report.problems:
            self.table.selectRow(0)
            self.detail.setText(self.model.describe(0))

    def clear(self) -> None:
        self.report = None
        self.model.clear()
        self.file_label.setText("")
        self.verdict.setText("")
        self.detail.setText("")

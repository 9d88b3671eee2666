"""Case notes: append-only (CT-404-1). A correction is an amendment that keeps the
original; the Data Coordinator asks the help desk to delete one (CT-404-2). Adding
or amending is more client data, so it waits for a consent where the pack says so
(the window's guard leads to a new consent first); a deletion request never waits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.errors import UserFacingError
from app.note_marks import author_names, notes_pending_deletion
from app.notes import add_note, request_note_deletion
from app.profile import ClientProfile
from app.session import Session
from ui.core_text import core_text
from ui.profile.common import add_table
from ui.widgets.rows_model import RowsModel
from ui.wizard.page import text_label

Guard = Callable[[Callable[[], None]], None]


class NotesTab(QWidget):
    note_did_save = Signal(str)  # the message to show
    problem_did_occur = Signal(str)

    def __init__(self, session: Callable[[], Session | None], guard: Guard, can_write: bool, can_request: bool,
                 personal_id: str, models: dict[str, RowsModel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._guard = guard
        self._personal_id = personal_id
        self.models = models
        column = QVBoxLayout(self)
        column.addWidget(text_label(self.tr("Case notes cannot be changed or deleted. Correct a note with an "
                                            "amendment."), "hint"))
        models["notes"], self.notes_table = add_table(column, self.tr("Notes"),
                                                      [self.tr("Written"), self.tr("By"), self.tr("Note"),
                                                       self.tr("Amends"), self.tr("Deletion")], self)
        self.note_text: QPlainTextEdit | None = None
        self.deletion_reason: QLineEdit | None = None
        if can_write:
            self.note_text = QPlainTextEdit()
            self.note_text.setAccessibleName(self.tr("New note"))
            self.note_text.setTabChangesFocus(True)
            self.note_text.setMaximumHeight(90)
            column.addWidget(self.note_text)
            row = QHBoxLayout()
            self.add_note_button = QPushButton(self.tr("&Add note"))
            self.add_note_button.setAccessibleName(self.tr("Add note"))
            self.amend_button = QPushButton(self.tr("A&mend selected note"))
            self.amend_button.setAccessibleName(self.tr("Amend selected note"))
            row.addWidget(self.add_note_button)
            row.addWidget(self.amend_button)
            row.addStretch(1)
            column.addLayout(row)
            self.add_note_button.clicked.connect(lambda: self._guard(lambda: self._add(amend=False)))
            self.amend_button.clicked.connect(lambda: self._guard(lambda: self._add(amend=True)))
        if can_request:
            row = QHBoxLayout()
            self.deletion_reason = QLineEdit()
            self.deletion_reason.setAccessibleName(self.tr("Reason for the deletion request"))
            self.deletion_reason.setPlaceholderText(self.tr("Reason the selected note should be deleted"))
            self.request_button = QPushButton(self.tr("Request &deletion"))
            self.request_button.setAccessibleName(self.tr("Request deletion of the selected note"))
            row.addWidget(self.deletion_reason, 1)
            row.addWidget(self.request_button)
            column.addLayout(row)
            self.request_button.clicked.connect(self._request_deletion)

    def fill(self, profile: ClientProfile) -> None:
        """Each note with its local date and time, its author, and a mark while a
        deletion request waits for the help desk (CT-404-2)."""
        by_id = {n.note_id: n for n in profile.notes}
        session = self._session()
        authors = author_names(session, (n.created_by for n in profile.notes)) if session else {}
        pending = notes_pending_deletion(session, self._personal_id) if session else set()
        requested = "\u2691 " + self.tr("Requested")
        self.models["notes"].set_rows([
            (local_time(n.created_at), authors.get(n.created_by, n.created_by), n.body,
             local_time(by_id[n.amends].created_at) if n.amends in by_id else "",
             requested if n.note_id in pending else "")
            for n in profile.notes], [n.note_id for n in profile.notes])

    def _selected(self) -> str | None:
        rows = self.notes_table.selectionModel().selectedRows()
        return self.models["notes"].key(rows[0].row()) if rows else None

    def _add(self, amend: bool) -> None:
        session = self._session()
        if session is None or self.note_text is None:
            return
        amends = self._selected() if amend else None
        if amend and amends is None:
            self.problem_did_occur.emit(self.tr("Select the note to amend first."))
            return
        try:
            add_note(session, self._personal_id, self.note_text.toPlainText(), amends)
        except UserFacingError as exc:
            self.problem_did_occur.emit(core_text(str(exc)))
            return
        self.note_text.setPlainText("")
        self.note_did_save.emit(self.tr("Amendment saved.") if amend else self.tr("Note saved."))

    def _request_deletion(self) -> None:
        session = self._session()
        note = self._selected()
        if session is None or self.deletion_reason is None:
            return
        if note is None:
            self.problem_did_occur.emit(self.tr("Select the note first."))
            return
        try:
            request_note_deletion(session, note, self.deletion_reason.text())
        except UserFacingError as exc:
            self.problem_did_occur.emit(core_text(str(exc)))
            return
        self.deletion_reason.setText("")
        self.note_did_save.emit(self.tr("Deletion request recorded for the help desk; the note stays until it "
                                        "is handled."))

    def clear_client_data(self) -> None:
        if self.note_text is not None:
            self.note_text.setPlainText("")
        if self.deletion_reason is not None:
            self.deletion_reason.setText("")


def local_time(stamp: str) -> str:
    """A stored UTC time as this computer's local date and time, to the minute."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")

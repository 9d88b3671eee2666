"""A client's profile: enrollments, consents, household, contacts, services, exits, notes.

What is shown is ``app.profile.load_profile``'s answer for the signed-in role: a
part the role may not use is absent, not greyed out (a Volunteer sees the basic
profile only, VT-ROLE-2). Opening is audited there (CT-207-12) and a conflict of
interest refuses it (VT-2.1-8). An expired or revoked release is flagged at the top,
before any new entry (MO-ROI-10). Case notes are append-only (CT-404-1): add,
amend, and for the data coordinator a deletion request (CT-404-2). The title never
names the client.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog import load_questions
from app.errors import UserFacingError, ValidationError
from app.followup import record_contact, record_exit
from app.notes import add_note, request_note_deletion
from app.profile import ClientProfile, load_profile
from app.session import Session
from ui.i18n import active_language
from ui.profile.rows_model import RowsModel
from ui.theme import demo_banner, window_title
from ui.widgets.field import Field, form_grid
from ui.wizard.page import text_label


def _table(model: RowsModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("date", "Enter a real date as YYYY-MM-DD.") from None


class ProfileWindow(QDialog):
    profile_did_close = Signal()

    def __init__(self, session: Session, profile: ClientProfile, demo: bool = False,
                 parent: QWidget | None = None) -> None:
        """``profile`` comes from ``load_profile``, which refuses (conflict of interest,
        role) before any window exists."""
        super().__init__(parent)
        self._session: Session | None = session
        self.personal_id = profile.person.personal_id
        self.setWindowTitle(window_title(self.tr("Client profile"), demo))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1100, 680)
        self.profile = profile
        self._catalog = load_questions()
        self._language = active_language()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if demo:
            outer.addWidget(demo_banner(self, short=True))
        page = QVBoxLayout()
        page.setContentsMargins(20, 14, 20, 14)
        page.setSpacing(8)
        outer.addLayout(page, 1)
        self.name = QLabel()
        self.name.setObjectName("heading")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = text_label("", "subheading")
        page.addWidget(self.name)
        page.addWidget(self.facts)
        self.consent_warning = text_label("", "formError")
        self.consent_warning.setAccessibleName(self.tr("Consent warning"))
        page.addWidget(self.consent_warning)
        self.tabs = QTabWidget()
        page.addWidget(self.tabs, 1)
        self.models: dict[str, RowsModel] = {}
        self._build_overview()
        sections = self.profile.sections
        if sections.household:
            self._build_household()
        if sections.history:
            self._build_history(sections.record_followup)
        if sections.notes:
            self._build_notes(sections.write_notes, sections.request_note_deletion)
        self.message = text_label("", "notice")
        self.message.hide()
        page.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close the profile"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        page.addLayout(row)
        self._fill()

    # -- building ---------------------------------------------------------------------

    def _label(self, list_id: str, code: int | None) -> str:
        if code is None:
            return "\u2014"
        codes = self._catalog.code_list(list_id)
        return codes.label(code, self._language) if code in codes else str(code)

    def _tab(self, title: str) -> QVBoxLayout:
        widget = QWidget()
        column = QVBoxLayout(widget)
        self.tabs.addTab(widget, title)
        return column

    def _add_table(self, column: QVBoxLayout, key: str, heading: str, headers: list[str]) -> QTableView:
        label = QLabel(heading)
        label.setObjectName("sectionHeading")
        column.addWidget(label)
        self.models[key] = RowsModel(headers, self)
        table = _table(self.models[key], heading)
        column.addWidget(table, 1)
        return table

    def _build_overview(self) -> None:
        column = self._tab(self.tr("&Overview"))
        self._add_table(column, "enrollments", self.tr("Enrollments"),
                        [self.tr("Project"), self.tr("Start"), self.tr("Relationship"), self.tr("Exit"),
                         self.tr("Destination")])
        self._add_table(column, "consents", self.tr("Consents"),
                        [self.tr("Method"), self.tr("Sharing"), self.tr("Signed"), self.tr("Expires"),
                         self.tr("Status")])

    def _build_household(self) -> None:
        column = self._tab(self.tr("&Household"))
        self._add_table(column, "household", self.tr("Household members"),
                        [self.tr("Name"), self.tr("Relationship to head of household")])

    def _build_history(self, can_record: bool) -> None:
        column = self._tab(self.tr("Contacts and &services"))
        self._add_table(column, "contacts", self.tr("Current living situation contacts (4.12)"),
                        [self.tr("Date"), self.tr("Living situation"), self.tr("Location")])
        self._add_table(column, "services", self.tr("Services"),
                        [self.tr("Date"), self.tr("Record type"), self.tr("Service")])
        if not can_record:
            return
        grid = form_grid()
        self.contact_date = QLineEdit()
        self.contact_date.setPlaceholderText("YYYY-MM-DD")
        self.contact_date.setMaxLength(10)
        self.contact_situation = QComboBox()
        self.contact_situation.addItem(self.tr("Choose\u2026"), None)
        for code in self._catalog.code_list("3.12.1:current").codes:
            self.contact_situation.addItem(code.label.get(self._language), code.code)
        self.contact_fields = {
            "information_date": Field(grid, 0, self.tr("Contact &date"), self.contact_date, self.tr("Contact date")),
            "living_situation": Field(grid, 2, self.tr("&Living situation"), self.contact_situation,
                                      self.tr("Current living situation")),
        }
        column.addLayout(grid)
        self.contact_button = QPushButton(self.tr("&Record contact"))
        self.contact_button.setAccessibleName(self.tr("Record contact"))
        self.contact_button.clicked.connect(self._record_contact)
        column.addWidget(self.contact_button, 0, Qt.AlignmentFlag.AlignLeft)
        exit_grid = form_grid()
        self.exit_date = QLineEdit()
        self.exit_date.setPlaceholderText("YYYY-MM-DD")
        self.exit_date.setMaxLength(10)
        self.destination = QComboBox()
        self.destination.addItem(self.tr("Choose\u2026"), None)
        for code in self._catalog.code_list("3.12.1:destination").codes:
            self.destination.addItem(code.label.get(self._language), code.code)
        self.other_destination = QLineEdit()
        self.other_destination.setMaxLength(50)
        self.exit_fields = {
            "exit_date": Field(exit_grid, 0, self.tr("E&xit date"), self.exit_date, self.tr("Exit date")),
            "destination": Field(exit_grid, 2, self.tr("Des&tination"), self.destination, self.tr("Destination")),
            "other_destination": Field(exit_grid, 4, self.tr("Other destination"), self.other_destination,
                                       self.tr("Other destination")),
        }
        column.addLayout(exit_grid)
        self.exit_button = QPushButton(self.tr("Record &exit"))
        self.exit_button.setAccessibleName(self.tr("Record exit"))
        self.exit_button.clicked.connect(self._record_exit)
        column.addWidget(self.exit_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _build_notes(self, can_write: bool, can_request: bool) -> None:
        column = self._tab(self.tr("Case &notes"))
        column.addWidget(text_label(self.tr("Case notes cannot be changed or deleted. Correct a note with an "
                                            "amendment."), "hint"))
        self.notes_table = self._add_table(column, "notes", self.tr("Notes"),
                                           [self.tr("Written"), self.tr("Note"), self.tr("Amends")])
        if can_write:
            self.note_text = QPlainTextEdit()
            self.note_text.setAccessibleName(self.tr("New note"))
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
            self.add_note_button.clicked.connect(lambda: self._add_note(amend=False))
            self.amend_button.clicked.connect(lambda: self._add_note(amend=True))
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

    # -- filling ----------------------------------------------------------------------

    def _fill(self) -> None:
        profile = self.profile
        person = profile.person
        self.name.setText(person.display_name)
        self.facts.setText(self.tr("Date of birth: {d}").format(d=person.dob or "\u2014"))
        self.consent_warning.setText(profile.consent_warning or "")
        self.consent_warning.setVisible(bool(profile.consent_warning))
        methods = {"written": self.tr("Written"), "verbal": self.tr("Verbal"), "declined": self.tr("Declined")}
        levels = {"shared": self.tr("Shared"), "not_shared": self.tr("Not Shared")}
        self.models["enrollments"].set_rows([
            (e.project_name, e.entry_date, self._label("3.15.1", e.relationship_to_hoh), e.exit_date or "\u2014",
             self._label("3.12.1:destination", e.destination) if e.exit_date else "\u2014")
            for e in profile.enrollments
        ], [e.enrollment_id for e in profile.enrollments])
        self.models["consents"].set_rows([
            (methods.get(c.method, c.method), levels.get(c.sharing, c.sharing), c.signed_on, c.expires_on or "\u2014",
             self.tr("Current") if c.current else (self.tr("Revoked") if c.revoked_on else
                                                   self.tr("Not current")))
            for c in profile.consents
        ])
        if "household" in self.models:
            self.models["household"].set_rows([(m.name, self._label("3.15.1", m.relationship_to_hoh))
                                               for m in profile.household])
        if "contacts" in self.models:
            self.models["contacts"].set_rows([
                (c.information_date, self._label("3.12.1:current", c.current_living_situation),
                 c.location_details or "") for c in profile.contacts])
            self.models["services"].set_rows([(s.date_provided, str(s.record_type), str(s.type_provided))
                                              for s in profile.services])
        if "notes" in self.models:
            by_id = {n.note_id: n for n in profile.notes}
            self.models["notes"].set_rows([
                (n.created_at, n.body, by_id[n.amends].created_at if n.amends in by_id else "")
                for n in profile.notes], [n.note_id for n in profile.notes])

    def _reload(self, message: str) -> None:
        session = self._session
        if session is None:
            return
        self.profile = load_profile(session, self.personal_id)
        self._fill()
        self.message.setText(message)
        self.message.show()

    def _open_enrollment(self) -> str | None:
        open_ones = [e for e in self.profile.enrollments if e.exit_date is None]
        return open_ones[0].enrollment_id if open_ones else None

    # -- actions ----------------------------------------------------------------------

    def _record_contact(self) -> None:
        session = self._session
        enrollment = self._open_enrollment()
        for field in self.contact_fields.values():
            field.clear_problems()
        if session is None:
            return
        if enrollment is None:
            self.contact_fields["information_date"].show_problems([self.tr("The client has no open enrollment.")])
            return
        situation = self.contact_situation.currentData()
        if situation is None:
            self.contact_fields["living_situation"].show_problems([self.tr("Choose the living situation.")])
            return
        try:
            record_contact(session, enrollment, _parse_day(self.contact_date.text()), int(situation))
        except ValidationError as exc:
            self.contact_fields["information_date"].show_problems([str(exc)])
            return
        except UserFacingError as exc:
            self.contact_fields["information_date"].show_problems([str(exc)])
            return
        self.contact_date.setText("")
        self.contact_situation.setCurrentIndex(0)
        self._reload(self.tr("Contact saved; it is in the outbox."))

    def _record_exit(self) -> None:
        session = self._session
        enrollment = self._open_enrollment()
        for field in self.exit_fields.values():
            field.clear_problems()
        if session is None:
            return
        if enrollment is None:
            self.exit_fields["exit_date"].show_problems([self.tr("The client has no open enrollment.")])
            return
        destination = self.destination.currentData()
        if destination is None:
            self.exit_fields["destination"].show_problems([self.tr("Choose the destination.")])
            return
        try:
            record_exit(session, enrollment, _parse_day(self.exit_date.text()), int(destination),
                        other_destination=self.other_destination.text() or None)
        except ValidationError as exc:
            target = exc.field if exc.field in self.exit_fields else "exit_date"
            self.exit_fields[target].show_problems([str(exc)])
            return
        except UserFacingError as exc:
            self.exit_fields["exit_date"].show_problems([str(exc)])
            return
        self._reload(self.tr("Exit saved; it is in the outbox."))

    def _selected_note(self) -> str | None:
        rows = self.notes_table.selectionModel().selectedRows()
        return self.models["notes"].key(rows[0].row()) if rows else None

    def _add_note(self, amend: bool) -> None:
        session = self._session
        if session is None:
            return
        amends = self._selected_note() if amend else None
        if amend and amends is None:
            self.message.setText(self.tr("Select the note to amend first."))
            self.message.show()
            return
        try:
            add_note(session, self.personal_id, self.note_text.toPlainText(), amends)
        except UserFacingError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.note_text.setPlainText("")
        self._reload(self.tr("Amendment saved.") if amend else self.tr("Note saved."))

    def _request_deletion(self) -> None:
        session = self._session
        note = self._selected_note()
        if session is None:
            return
        if note is None:
            self.message.setText(self.tr("Select the note first."))
            self.message.show()
            return
        try:
            request_note_deletion(session, note, self.deletion_reason.text())
        except UserFacingError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.deletion_reason.setText("")
        self._reload(self.tr("Deletion request recorded for the help desk; the note stays until it is handled."))

    # -- lock -------------------------------------------------------------------------

    def clear_client_data(self) -> None:
        self._session = None
        for model in self.models.values():
            model.clear()
        self.name.setText("")
        self.facts.setText("")
        self.consent_warning.setText("")

    def close_for_lock(self) -> None:
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)

    def done(self, code: int) -> None:
        super().done(code)
        self.profile_did_close.emit()

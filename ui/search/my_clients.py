"""My clients: the people the signed-in worker enrolled or met (``app.caseload``),
with what to act on this week above them. Enter or a double click opens a profile.
The title never names a client; a lock closes the window (S4)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.caseload import CaseloadRow, due_this_week, my_clients
from app.errors import UserFacingError
from app.session import Session
from ui.profile.common import add_table
from ui.theme import window_title
from ui.wizard.page import text_label

_EMPTY = "\u2014"


class MyClientsDialog(QDialog):
    profile_requested = Signal(str)  # personal_id

    def __init__(self, session: Session, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("My clients"), demo))
        self.resize(1000, 620)
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("My clients"))
        heading.setObjectName("heading")
        column.addWidget(heading)
        column.addWidget(text_label(self.tr("People you enrolled, contacted or served on this device."), "hint"))
        week_heading = QLabel(self.tr("Due this week"))
        week_heading.setObjectName("sectionHeading")
        column.addWidget(week_heading)
        self.week = text_label("", "notice")
        self.week.setAccessibleName(self.tr("Due this week"))
        column.addWidget(self.week)
        self.model, self.table = add_table(column, self.tr("&Clients"), [
            self.tr("Name"), self.tr("Age"), self.tr("Last contact"), self.tr("Project"), self.tr("Consent"),
            self.tr("Consent ends"), self.tr("Follow-up due")], self)
        self.table.activated.connect(lambda index: self._open(index.row()))
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.close_button)
        column.addLayout(row)
        self.rows: list[CaseloadRow] = []
        self.load(session)

    def _status(self, status: str) -> str:
        return {"current": self.tr("Current"), "expired": self.tr("Expired"), "revoked": self.tr("Revoked"),
                "declined": self.tr("Declined"), "none": self.tr("None")}.get(status, status)

    def load(self, session: Session) -> None:
        try:
            self.rows = my_clients(session)
        except UserFacingError as exc:
            self.week.setText(str(exc))
            return
        names = {r.personal_id: _name(r) for r in self.rows}
        self.model.set_rows([
            (names[r.personal_id], _EMPTY if r.age is None else str(r.age), r.last_contact or _EMPTY,
             r.project or _EMPTY, self._status(r.consent_status), r.consent_ends or _EMPTY,
             r.follow_up_due or _EMPTY) for r in self.rows], [r.personal_id for r in self.rows])
        lines = []
        for item in due_this_week(self.rows, session.clock.now().date()):
            what = (self.tr("Consent ends {d}") if item.kind == "consent"
                    else self.tr("Follow-up due {d}")).format(d=item.due)
            lines.append(f"{what} \u00b7 {names[item.personal_id]}")
        self.week.setText("\n".join(lines) if lines else self.tr("Nothing due in the next seven days."))
        if self.rows:
            self.table.selectRow(0)
            self.table.setFocus()

    def _open(self, row: int) -> None:
        key = self.model.key(row)
        if key is not None:
            self.profile_requested.emit(key)
            self.accept()

    def clear_client_data(self) -> None:
        self.rows = []
        self.model.set_rows([], [])
        self.week.setText("")


def _name(row: CaseloadRow) -> str:
    parts = [p for p in (row.last_name, row.first_name) if p]
    return ", ".join(parts) if parts else "(name not collected)"

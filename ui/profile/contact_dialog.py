"""4.12 Current Living Situation at a street-outreach contact, from the profile."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.followup import record_contact
from app.profile import ClientProfile
from app.session import Session
from ui.profile.common import CodeLabels, parse_day
from ui.profile.record_dialog import RecordDialog


class ContactDialog(RecordDialog):
    def __init__(self, session: Session, profile: ClientProfile, labels: CodeLabels,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, profile, self.tr("Record contact"),
                         self.tr("Record a contact (4.12 Current Living Situation)"), parent)
        today = session.clock.now().date().isoformat()
        self.contact_date = self.date_edit(today)
        self.situation = self.combo(labels.choices("3.12.1:current"), self.tr("Choose\u2026"))
        self.location = QLineEdit()
        self.location.setMaxLength(250)
        self.add_field("information_date", self.tr("Contact &date"), self.contact_date, self.tr("Contact date"))
        self.add_field("living_situation", self.tr("&Living situation"), self.situation,
                       self.tr("Current living situation"))
        self.add_field("location_details", self.tr("L&ocation details"), self.location,
                       self.tr("Location details"), self.tr("Optional: where the client was met."))
        self.contact_date.setFocus()

    def save(self, session: Session) -> str:
        day = parse_day(self.contact_date.text(), "information_date")
        situation = self.chosen("living_situation", self.situation, self.tr("Choose the living situation."))
        record_contact(session, str(self.enrollment.currentData()), day, situation,
                       self.location.text().strip() or None)
        return self.tr("Contact saved; it is in the outbox.")

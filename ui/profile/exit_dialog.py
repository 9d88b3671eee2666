"""3.11 Project Exit with 3.12 Destination, from the profile. The dependent answers
appear only when their trigger holds, as HUD's dependent fields do (3.12.A only for
a rental with an ongoing subsidy; a description only for "Other"). An exit closes the
enrollment, so the first Save asks for confirmation and a second press stores it;
changing any answer asks again."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.errors import UserFacingError
from app.followup import DESTINATION_OTHER, SUBSIDY_TRIGGER, record_exit
from app.profile import ClientProfile
from app.session import Session
from ui.profile.common import CodeLabels, parse_day
from ui.profile.record_dialog import RecordDialog


class ExitDialog(RecordDialog):
    def __init__(self, session: Session, profile: ClientProfile, labels: CodeLabels,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, profile, self.tr("Record exit"),
                         self.tr("Record the exit from the project (3.11, 3.12)"), parent)
        self.exit_date = self.date_edit(session.clock.now().date().isoformat())
        self.destination = self.combo(labels.choices("3.12.1:destination"), self.tr("Choose\u2026"))
        self.subsidy = self.combo(labels.choices("3.12.A"), self.tr("Choose\u2026"))
        self.other = QLineEdit()
        self.other.setMaxLength(50)
        self.add_field("exit_date", self.tr("E&xit date"), self.exit_date, self.tr("Exit date"))
        self.add_field("destination", self.tr("Des&tination"), self.destination, self.tr("Destination"))
        self.add_field("destination_subsidy_type", self.tr("S&ubsidy type"), self.subsidy,
                       self.tr("Rental subsidy type"))
        self.add_field("other_destination", self.tr("&Other destination"), self.other,
                       self.tr("Other destination"))
        self.destination.currentIndexChanged.connect(lambda _i: self._show_dependents())
        self.confirming = False
        for combo in (self.enrollment, self.destination, self.subsidy):
            combo.currentIndexChanged.connect(lambda _i: self._unconfirm())
        for edit in (self.exit_date, self.other):
            edit.textEdited.connect(lambda _t: self._unconfirm())
        self._show_dependents()
        self.exit_date.setFocus()

    def _unconfirm(self) -> None:
        if self.confirming:
            self.confirming = False
            self.save_button.setText(self.tr("&Save"))
            self.general.hide()

    def _show_dependents(self) -> None:
        code = self.destination.currentData()
        for key, trigger in (("destination_subsidy_type", SUBSIDY_TRIGGER), ("other_destination", DESTINATION_OTHER)):
            field = self.fields[key]
            field.label.setVisible(code == trigger)
            field.widget.setVisible(code == trigger)
            if code != trigger:
                field.clear_problems()

    def save(self, session: Session) -> str:
        day = parse_day(self.exit_date.text(), "exit_date")
        destination = self.chosen("destination", self.destination, self.tr("Choose the destination."))
        subsidy = None
        if destination == SUBSIDY_TRIGGER:
            subsidy = self.chosen("destination_subsidy_type", self.subsidy, self.tr("Choose the subsidy type."))
        if not self.confirming:
            self.confirming = True
            self.save_button.setText(self.tr("&Confirm exit"))
            raise UserFacingError(self.tr("This closes the enrollment ({project}) with an exit on {date}. Press "
                                          "Confirm exit to record it, or Cancel.").format(
                project=self.enrollment.currentText(), date=day.isoformat()))
        record_exit(session, str(self.enrollment.currentData()), day, destination, subsidy,
                    self.other.text().strip() or None)
        return self.tr("Exit saved; it is in the outbox.")

"""Stopping sharing at the client's request while data entry goes on (VT-3.1-4: a
shared record can be switched to Not Shared whenever the client asks). It calls
``app.rights.stop_sharing``, as ``hmis-intake consent stop-sharing`` does. The
window title never names the client."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.errors import UserFacingError, ValidationError
from app.rights import stop_sharing
from app.session import Session
from ui.core_text import core_text
from ui.profile.common import parse_day
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.wizard.page import message_label, text_label


class StopSharingDialog(QDialog):
    def __init__(self, session: Session, personal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.personal_id = personal_id
        self.saved_message = ""
        self.setWindowTitle(window_title(self.tr("Stop sharing")))
        self.setModal(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.addWidget(text_label(self.tr("Stop sharing this client's information"), "sectionHeading"))
        column.addWidget(text_label(self.tr(
            "From the effective date the client's information is Not Shared: other agencies no longer see it. "
            "The consent to enter data stands, so recording goes on. What was shared before is not called back.")))
        grid = form_grid()
        self.effective = QLineEdit(session.clock.now().date().isoformat())
        self.effective.setPlaceholderText("YYYY-MM-DD")
        self.effective.setMaxLength(10)
        self.effective_field = Field(grid, 0, self.tr("&Effective date"), self.effective, self.tr("Effective date"),
                                     self.tr("Today, or the day the client asked."))
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        Field(grid, 1, self.tr("&Reason (optional)"), self.reason, self.tr("Reason the client gave"))
        column.addLayout(grid)
        self.confirm = QCheckBox(self.tr("The &client asked to stop sharing their information"))
        self.confirm.setAccessibleName(self.tr("The client asked to stop sharing"))
        column.addWidget(self.confirm)
        self.general = message_label()
        column.addWidget(self.general)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel without changing sharing"))
        self.cancel_button.setAutoDefault(False)
        self.stop_button = QPushButton(self.tr("&Stop sharing"))
        self.stop_button.setObjectName("primary")
        self.stop_button.setDefault(True)
        self.stop_button.setEnabled(False)
        row.addWidget(self.cancel_button)
        row.addWidget(self.stop_button)
        column.addLayout(row)
        self.confirm.toggled.connect(self.stop_button.setEnabled)
        self.cancel_button.clicked.connect(self.reject)
        self.stop_button.clicked.connect(self._stop)
        self.effective.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop(self) -> None:
        session = self.session
        self.effective_field.clear_problems()
        self.general.hide()
        if session is None or not self.confirm.isChecked():
            return
        try:
            day = parse_day(self.effective.text(), "effective")
            stop_sharing(session, self.personal_id, day, self.reason.text())
        except ValidationError as exc:
            self.effective_field.show_problems([core_text(str(exc))])
            self.effective.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except UserFacingError as exc:
            self.general.setText(core_text(str(exc)))
            self.general.show()
            return
        self.saved_message = self.tr("Not Shared from {date}; the change is in the outbox.").format(
            date=day.isoformat())
        self.accept()

    def clear_client_data(self) -> None:
        self.session = None
        self.reason.clear()

    def close_for_lock(self) -> None:
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)

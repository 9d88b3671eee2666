"""Stopping sharing at the client's request while data entry goes on (VT-3.1-4: a
shared record can be switched to Not Shared whenever the client asks). It calls
``app.rights.stop_sharing``, as ``hmis-intake consent stop-sharing`` does. The
window title never names the client."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLineEdit, QVBoxLayout, QWidget

from app.rights import stop_sharing
from app.session import Session
from ui.profile.common import action_row, apply_dated_change
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
        actions = action_row(self.tr("Cancel"), self.tr("Cancel without changing sharing"), self.tr("&Stop sharing"))
        self.cancel_button, self.stop_button = actions.cancel, actions.action
        self.stop_button.setEnabled(False)
        column.addLayout(actions.layout)
        self.confirm.toggled.connect(self.stop_button.setEnabled)
        self.cancel_button.clicked.connect(self.reject)
        self.stop_button.clicked.connect(self._stop)
        self.effective.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop(self) -> None:
        session = self.session
        if session is None or not self.confirm.isChecked():
            return
        day = apply_dated_change(self.effective, self.effective_field, self.general,
                                 lambda d: stop_sharing(session, self.personal_id, d, self.reason.text()))
        if day is None:
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

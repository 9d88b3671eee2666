"""The password change a user cannot skip: a first password set by an administrator
(VT-2.1-11) or an expired one (VT-2.1-15, 45 days). The only other way out is to
sign out again; no client data is shown until the change is made.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.session import Session, validate_new_password
from ui.signin.new_password import NewPasswordFields
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.widgets.secret_field import secret_line_edit
from ui.widgets.status import busy_bar, form_error_label


class ChangePasswordDialog(QDialog):
    change_requested = Signal(str, str)  # current, new
    sign_out_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("Change password")))
        self.setModal(True)
        self.setMinimumWidth(560)
        pack = session.pack
        profile = session.password_profile_name
        username = session.user.username
        agency = session.settings.agency_name

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        heading = QLabel(self.tr("Choose a new password"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        reason = (self.tr("Your password has expired.") if session.password_expired
                  else self.tr("Your administrator set this password; choose your own before you start."))
        explain = QLabel(reason)
        explain.setWordWrap(True)
        layout.addWidget(explain)

        grid = form_grid()
        self.current = secret_line_edit()
        self.current_field = Field(grid, 0, self.tr("&Current password"), self.current,
                                   self.tr("Current password"))
        self.fields = NewPasswordFields(
            grid, 2, lambda pw: validate_new_password(pack, profile, username, pw, agency))
        layout.addLayout(grid)

        self.error = form_error_label()
        layout.addWidget(self.error)
        self.busy = busy_bar()
        layout.addWidget(self.busy)

        buttons = QHBoxLayout()
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.sign_out_button.setAccessibleName(self.tr("Sign out"))
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        self.change_button = QPushButton(self.tr("Change &password"))
        self.change_button.setObjectName("primary")
        self.change_button.setDefault(True)
        self.change_button.setAccessibleName(self.tr("Change password"))
        buttons.addWidget(self.change_button)
        layout.addLayout(buttons)

        self.setTabOrder(self.current, self.fields.password)
        self.setTabOrder(self.fields.password, self.fields.confirm)
        self.setTabOrder(self.fields.confirm, self.change_button)
        self.setTabOrder(self.change_button, self.sign_out_button)
        self.change_button.clicked.connect(self._submit)
        self.sign_out_button.clicked.connect(self.sign_out_requested.emit)
        self.current.setFocus()

    def _submit(self) -> None:
        current_problems = [] if self.current.text() else [self.tr("Enter your current password.")]
        self.current_field.show_problems(current_problems)
        if current_problems:
            self.current.setFocus()
            return
        if not self.fields.check():
            return
        self.change_requested.emit(self.current.text(), self.fields.value())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.current, self.fields.password, self.fields.confirm, self.change_button,
                       self.sign_out_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.error.hide()

    def show_failure(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        self.sign_out_requested.emit()

    def close_for_lock(self) -> None:
        self.done(QDialog.DialogCode.Rejected)

    def done(self, result: int) -> None:
        """However the dialog ends (accepted, signed out, locked), the secrets typed into
        it leave its fields at once, not when Qt gets round to deleting it (S4)."""
        self.current.setText("")
        self.fields.forget()
        super().done(result)

"""Recovery for a locked-out administrator: the one-time recovery key plus a new
password. The core checks that the account is an active administrator and replaces
the key (it is single-use); the new key is then shown once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.packs import Pack
from app.session import validate_new_password
from ui.signin.new_password import NewPasswordFields
from ui.theme import window_title
from ui.widgets.button_box import button_box
from ui.widgets.field import Field, form_grid
from ui.widgets.secret_field import secret_line_edit
from ui.widgets.status import busy_bar, form_error_label


class RecoveryDialog(QDialog):
    recovery_requested = Signal(str, str, str)  # user name, recovery key, new password

    def __init__(self, pack: Pack, username: str = "", demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("Recovery key"), demo))
        self.setModal(True)
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        heading = QLabel(self.tr("Use the recovery key"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        explain = QLabel(self.tr(
            "For an administrator who forgot their password or is locked out. The key works once; "
            "a new one is shown after you sign in."))
        explain.setWordWrap(True)
        layout.addWidget(explain)

        grid = form_grid()
        self.username = QLineEdit(username)
        self.username.setMaxLength(64)
        self.key = secret_line_edit()
        self.username_field = Field(grid, 0, self.tr("Admin &user name"), self.username,
                                    self.tr("Administrator user name"))
        self.key_field = Field(grid, 2, self.tr("Recovery &key"), self.key, self.tr("Recovery key"),
                               self.tr("Spaces and dashes are optional."))
        self.fields = NewPasswordFields(
            grid, 4, lambda pw: validate_new_password(pack, None, self.username.text(), pw, None))
        layout.addLayout(grid)

        self.error = form_error_label()
        layout.addWidget(self.error)
        self.busy = busy_bar()
        layout.addWidget(self.busy)

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.submit_button = QPushButton(self.tr("&Reset password and sign in"))
        self.submit_button.setObjectName("primary")
        self.submit_button.setAccessibleName(self.tr("Reset password and sign in"))
        layout.addWidget(button_box(self.cancel_button, self.submit_button))

        self.setTabOrder(self.username, self.key)
        self.setTabOrder(self.key, self.fields.password)
        self.setTabOrder(self.fields.password, self.fields.confirm)
        self.setTabOrder(self.fields.confirm, self.submit_button)
        self.setTabOrder(self.submit_button, self.cancel_button)
        self.cancel_button.clicked.connect(self.reject)
        self.submit_button.clicked.connect(self._submit)
        (self.key if username else self.username).setFocus()

    def _submit(self) -> None:
        user_problems = [] if self.username.text().strip() else [self.tr("Enter the administrator's user name.")]
        key_problems = [] if self.key.text().strip() else [self.tr("Enter the recovery key.")]
        self.username_field.show_problems(user_problems)
        self.key_field.show_problems(key_problems)
        if user_problems or key_problems:
            (self.username if user_problems else self.key).setFocus()
            return
        if not self.fields.check():
            return
        self.recovery_requested.emit(self.username.text().strip(), self.key.text(), self.fields.value())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.key, self.fields.password, self.fields.confirm,
                       self.submit_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.error.hide()

    def show_failure(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()

    def close_for_lock(self) -> None:
        self.done(QDialog.DialogCode.Rejected)

    def done(self, result: int) -> None:
        """However the dialog ends (accepted, signed out, locked), the secrets typed into
        it leave its fields at once, not when Qt gets round to deleting it (S4)."""
        self.key.setText("")
        self.fields.forget()
        super().done(result)

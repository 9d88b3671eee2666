"""Sign-in, which is also the unlock screen after a lock.

It opens before the vault does and shows no client data, only what the key file
holds: nothing personal. Errors from ``app.session.sign_in`` (wrong password with
attempts left, a delay, a locked account: VT-2.1-17, S7) are shown on the form as
the core words them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.widgets.screen import CardScreen


class SignInWindow(CardScreen):
    sign_in_requested = Signal(str, str)  # user name, password
    recovery_requested = Signal()

    def __init__(self, demo: bool = False, demo_hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Sign in"),
            self.tr("Sign in to open this device's encrypted vault."),
            demo=demo,
            card_width=480,
            parent=parent,
        )
        self.setWindowTitle(window_title(None, demo))
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.body.addWidget(self.notice)
        if demo_hint:
            hint = QLabel(demo_hint)
            hint.setObjectName("demoCredentials")
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            hint.setAccessibleName(self.tr("Demo sign-in details"))
            self.body.addWidget(hint)

        grid = form_grid()
        grid.setColumnMinimumWidth(1, 260)
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_field = Field(grid, 0, self.tr("&User name"), self.username, self.tr("User name"))
        self.password_field = Field(grid, 2, self.tr("&Password"), self.password, self.tr("Password"))
        self.body.addLayout(grid)
        self.add_status_widgets()

        buttons = QHBoxLayout()
        self.recovery_button = QPushButton(self.tr("Use &recovery key\u2026"))
        self.recovery_button.setFlat(True)
        self.recovery_button.setAccessibleName(self.tr("Use recovery key"))
        buttons.addWidget(self.recovery_button)
        # A demo vault's recovery key was never shown, so the path would lead nowhere.
        self.recovery_button.setVisible(not demo)
        buttons.addStretch(1)
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        buttons.addWidget(self.sign_in_button)
        self.body.addLayout(buttons)

        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.sign_in_button)
        self.setTabOrder(self.sign_in_button, self.recovery_button)
        self.username.returnPressed.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.sign_in_button.clicked.connect(self._submit)
        self.recovery_button.clicked.connect(self.recovery_requested.emit)
        self.username.textEdited.connect(lambda _text: self.show_error(""))
        self.password.textEdited.connect(lambda _text: self.show_error(""))

    def show_locked(self, message: str, username: str) -> None:
        """The unlock screen: the user name is kept, the password never is."""
        self.heading.setText(self.tr("HMIS Intake is locked"))
        self.subheading.setText(self.tr("Nothing from the vault is on screen. Sign in again to continue."))
        self.notice.setText(message)
        self.notice.setVisible(bool(message))
        self.username.setText(username)
        self.password.setText("")
        self.show_error("")
        self.set_busy("")

    def focus_first_empty(self) -> None:
        (self.password if self.username.text() else self.username).setFocus()

    def _submit(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        username = self.username.text().strip()
        if not username:
            self.username_field.show_problems([self.tr("Enter your user name.")])
            self.username.setFocus()
            return
        self.username_field.clear_problems()
        if not self.password.text():
            self.password_field.show_problems([self.tr("Enter your password.")])
            self.password.setFocus()
            return
        self.password_field.clear_problems()
        password = self.password.text()
        self.password.setText("")
        self.sign_in_requested.emit(username, password)

    def set_busy(self, message: str) -> None:
        busy = bool(message)
        for widget in (self.username, self.password, self.sign_in_button, self.recovery_button):
            widget.setEnabled(not busy)
        self.show_busy(message)
        if busy:
            self.show_error("")

    def show_failure(self, message: str) -> None:
        self.set_busy("")
        self.show_error(message)
        self.password.setFocus()

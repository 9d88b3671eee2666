"""Sign-in, which is also the unlock screen after a lock.

It opens before the vault does and shows no client data, only what the key file
holds: nothing personal. Errors from ``app.session.sign_in`` (wrong password with
attempts left, a delay, a locked account: VT-2.1-17, S7) are shown on the form as
the core words them. The language can be chosen here, before signing in, and the
screen retranslates at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.widgets.screen import CardScreen
from ui.widgets.secret_field import secret_line_edit


class SignInWindow(CardScreen):
    sign_in_requested = Signal(str, str)  # user name, password
    code_entered = Signal(str)  # the second factor's code, after a right password
    code_cancelled = Signal()
    recovery_requested = Signal()

    def __init__(self, demo: bool = False, demo_login: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", "", demo=demo, card_width=480, parent=parent)
        self._demo = demo
        self._demo_login = demo_login
        self._lock_message: Callable[[], str] | None = None
        self.asking_code = False
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.body.addWidget(self.notice)
        self.demo_hint: QLabel | None = None
        if demo_login:
            self.demo_hint = QLabel()
            self.demo_hint.setObjectName("demoCredentials")
            self.demo_hint.setWordWrap(True)
            self.demo_hint.setTextFormat(Qt.TextFormat.PlainText)
            self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.body.addWidget(self.demo_hint)

        grid = form_grid()
        grid.setColumnMinimumWidth(1, 260)
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.password = secret_line_edit()
        self.username_field = Field(grid, 0, "", self.username, "")
        self.password_field = Field(grid, 2, "", self.password, "")
        # Shown only after a right password, for a user with two-step sign-in.
        self.code = secret_line_edit()  # a recovery code is a secret too
        self.code.setMaxLength(12)  # a 6-digit code, or a recovery code XXXXX-XXXXX
        self.code_field = Field(grid, 4, "", self.code, "")
        self._code_widgets = [self.code_field.label, self.code, self.code_field.message]
        for widget in self._code_widgets:
            widget.hide()
        self.body.addLayout(grid)
        self.add_status_widgets()

        buttons = QHBoxLayout()
        self.recovery_button = QPushButton()
        self.recovery_button.setFlat(True)
        buttons.addWidget(self.recovery_button)
        # A demo vault's recovery key was never shown, so the path would lead nowhere.
        if demo:
            self.recovery_button.hide()
        buttons.addStretch(1)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setDefault(True)
        buttons.addWidget(self.sign_in_button)
        self.body.addLayout(buttons)
        self.apply_texts()

        self.setTabOrder(self.language.combo, self.username)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.sign_in_button)
        self.setTabOrder(self.sign_in_button, self.recovery_button)
        self.username.returnPressed.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.sign_in_button.clicked.connect(self._submit)
        self.recovery_button.clicked.connect(self._recovery_or_back)
        self.code.returnPressed.connect(self._submit)
        self.code.textEdited.connect(lambda _text: self.show_error(""))
        self.username.textEdited.connect(lambda _text: self.show_error(""))
        self.password.textEdited.connect(lambda _text: self.show_error(""))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(None, self._demo))
        if self._lock_message is None:
            self.heading.setText(self.tr("Sign in"))
            self.subheading.setText(self.tr("Sign in to open this device's encrypted vault."))
        else:
            self.heading.setText(self.tr("HMIS Intake is locked"))
            self.subheading.setText(self.tr("Nothing from the vault is on screen. Sign in again to continue."))
            self.notice.setText(self._lock_message())
        if self.demo_hint is not None and self._demo_login is not None:
            username, password = self._demo_login
            self.demo_hint.setText(self.tr("Demo sign-in\nuser name: {u}\npassword:  {p}").format(
                u=username, p=password))
            self.demo_hint.setAccessibleName(self.tr("Demo sign-in details"))
        self.username_field.set_texts(self.tr("&User name"), self.tr("User name"))
        self.password_field.set_texts(self.tr("&Password"), self.tr("Password"))
        self.code_field.set_texts(self.tr("&Code"), self.tr("Code from the authenticator app"),
                                  self.tr("The 6-digit code your authenticator app shows now, "
                                          "or one of your recovery codes."))
        if self.asking_code:
            self.recovery_button.setText(self.tr("&Back"))
            self.recovery_button.setAccessibleName(self.tr("Back to the password"))
            self.sign_in_button.setText(self.tr("C&ontinue"))
            self.sign_in_button.setAccessibleName(self.tr("Continue with the code"))
            return
        self.recovery_button.setText(self.tr("Use &recovery key\u2026"))
        self.recovery_button.setAccessibleName(self.tr("Use recovery key"))
        self.sign_in_button.setText(self.tr("&Sign in"))
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))

    def show_locked(self, message: Callable[[], str], username: str) -> None:
        """The unlock screen: the user name is kept, the password never is. ``message``
        words the reason in the language on screen, now and after a change."""
        self._lock_message = message
        if self.asking_code:
            self.leave_code_step()
        self.apply_texts()
        self.notice.setVisible(bool(self.notice.text()))
        self.username.setText(username)
        self.password.setText("")
        self.show_error("")
        self.set_busy("")

    def focus_first_empty(self) -> None:
        if self.asking_code:
            self.code.setFocus()
            return
        (self.password if self.username.text() else self.username).setFocus()

    def ask_code(self) -> None:
        """The password was right; this user also gives a code (after a lock too)."""
        self.asking_code = True
        self.set_busy("")
        self.code.setText("")
        for widget in self._code_widgets:
            widget.show()
        self.password_field.label.hide()  # the password was right: only the code is asked now
        self.password.hide()
        self.username.setEnabled(False)
        self.password.setEnabled(False)
        self.recovery_button.setVisible(True)
        self.apply_texts()
        self.code.setFocus()

    def leave_code_step(self) -> None:
        self.asking_code = False
        self.code.setText("")
        for widget in self._code_widgets:
            widget.hide()
        self.code_field.clear_problems()
        self.password_field.label.show()
        self.password.show()
        self.recovery_button.setVisible(not self._demo)
        self.apply_texts()
        self.set_busy("")

    def _recovery_or_back(self) -> None:
        if self.asking_code:
            self.leave_code_step()
            self.code_cancelled.emit()
            self.password.setFocus()
        else:
            self.recovery_requested.emit()

    def _submit(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        if self.asking_code:
            code = self.code.text().strip()
            if not code:
                self.code_field.show_problems([self.tr("Enter the code from your authenticator app.")])
                self.code.setFocus()
                return
            self.code_field.clear_problems()
            self.code.setText("")
            self.code_entered.emit(code)
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
        for widget in (self.username, self.password, self.sign_in_button, self.recovery_button, self.language):
            widget.setEnabled(not busy)
        if self.asking_code:
            self.username.setEnabled(False)
            self.password.setEnabled(False)
        self.code.setEnabled(not busy)
        self.show_busy(message)
        if busy:
            self.show_error("")

    def show_failure(self, message: str) -> None:
        if self.asking_code:  # a wrong code ends the attempt: the password again
            self.leave_code_step()
        self.set_busy("")
        self.show_error(message)
        self.password.setFocus()

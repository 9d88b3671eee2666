"""A new-password field pair with live feedback from the pack's rules.

Shared by the forced password change (VT-2.1-11 first password, VT-2.1-15 expiry)
and the recovery path; the rules themselves are ``app.session.validate_new_password``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout

from app.errors import PasswordRejected
from ui.widgets.field import Field
from ui.widgets.secret_field import secret_line_edit

# A plain name lupdate reads as QCoreApplication.translate(context, text).
translate = QCoreApplication.translate


class NewPasswordFields:
    def __init__(self, grid: QGridLayout, row: int, rules: Callable[[str], None]) -> None:
        """``rules`` raises ``PasswordRejected`` for a password the pack refuses."""
        self._rules = rules
        self.password = secret_line_edit()
        self.confirm = secret_line_edit()
        self.password_field = Field(grid, row, translate("NewPasswordFields", "&New password"), self.password,
                                    translate("NewPasswordFields", "New password"))
        self.confirm_field = Field(grid, row + 2, translate("NewPasswordFields", "Con&firm new password"),
                                   self.confirm, translate("NewPasswordFields", "Confirm new password"))
        self.password.textChanged.connect(self.live_check)
        self.confirm.textChanged.connect(self.live_check)

    def _problems(self) -> list[str]:
        try:
            self._rules(self.password.text())
        except PasswordRejected as exc:
            return exc.problems
        return []

    def _confirm_problems(self, final: bool) -> list[str]:
        if final and not self.confirm.text():
            return [translate("NewPasswordFields", "Type the new password again.")]
        if self.confirm.text() and self.confirm.text() != self.password.text():
            return [translate("NewPasswordFields", "The two passwords are not the same.")]
        return []

    def live_check(self) -> None:
        self.password_field.show_problems(self._problems() if self.password.text() else [])
        self.confirm_field.show_problems(self._confirm_problems(final=False))

    def check(self) -> bool:
        """Show every problem; True when the pair can be submitted."""
        problems = self._problems()
        confirm = self._confirm_problems(final=True)
        self.password_field.show_problems(problems)
        self.confirm_field.show_problems(confirm)
        if problems:
            self.password.setFocus()
        elif confirm:
            self.confirm.setFocus()
        return not problems and not confirm

    def value(self) -> str:
        return self.password.text()

    def forget(self) -> None:
        self.password.setText("")
        self.confirm.setText("")


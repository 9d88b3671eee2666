"""The GUI's second step of signing in: a right password for a user with two-step
sign-in gives a ``PendingSignIn`` (app.two_step), held here while the sign-in window
asks for the code. No session exists until the code is right; a wrong code, Back, or
a prompt left unanswered for ``CODE_PROMPT_SECONDS`` closes the vault again, and each
of those is a failed attempt toward the pack's lockout."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from app.two_step import PendingSignIn
    from ui.signin.signin_window import SignInWindow
    from ui.tasks import TaskRunner

CODE_PROMPT_SECONDS = 120


class CodeStep(QObject):
    def __init__(self, tasks: TaskRunner, window: Callable[[], SignInWindow | None],
                 done: Callable[[Any], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._window = window
        self._done = done
        self.pending: PendingSignIn | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expired)

    def hold(self, pending: PendingSignIn) -> None:
        self.drop()
        self.pending = pending
        self.timer.start(CODE_PROMPT_SECONDS * 1000)
        window = self._window()
        if window is not None:
            window.ask_code()

    def submit(self, code: str) -> None:
        window, pending = self._window(), self.pending
        if window is None or pending is None:
            return
        self.pending = None
        self.timer.stop()
        window.set_busy(self.tr("Checking the code\u2026"))
        self._tasks.submit(lambda: pending.finish(code), self._done, lambda error: window.show_failure(str(error)))

    def drop(self) -> None:
        self.timer.stop()
        pending, self.pending = self.pending, None
        if pending is not None:
            pending.cancel()

    def _expired(self) -> None:
        if self.pending is None:
            return
        self.drop()
        window = self._window()
        if window is not None:
            window.show_failure(self.tr("No code was entered in time; sign in again."))

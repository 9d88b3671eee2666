"""Quitting with records still waiting for the central HMIS asks first.

A worker who closes the laptop's app at the end of a shift while records wait may
breach the timeliness window (MO-TIME-1) before anyone opens it again. The question
offers to sync now (the device's credential sends them, whoever is signed in),
to quit anyway, or to stay.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app import outbox
from app.session import Session
from ui.sync.runner import SyncRunner
from ui.sync.schedule import RunKind


class QuitGuard(QObject):
    def __init__(self, session: Session, runner: SyncRunner, window: QWidget,
                 quit_now: Callable[[], None]) -> None:
        super().__init__(window)
        self._session = session
        self._runner = runner
        self._window = window
        self._quit_now = quit_now
        self.prompt: QMessageBox | None = None
        self.sync_button: QPushButton | None = None
        self.quit_button: QPushButton | None = None

    def waiting(self) -> int:
        return outbox.counts(self._session.conn)["pending"]

    def may_close(self) -> bool:
        """Called by the window's close: ``True`` lets it close now."""
        if self.prompt is not None:
            return False
        waiting = self.waiting()
        if waiting == 0:
            return True
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Records waiting to sync"))
        box.setText(self.tr("1 record has not reached the central HMIS yet.") if waiting == 1 else
                    self.tr("{n} records have not reached the central HMIS yet.").format(n=waiting))
        if self._runner.enrolled:
            box.setInformativeText(self.tr("Sync them now, or quit anyway: they will then be "
                                           "sent the next time someone signs in on this device."))
            self.sync_button = box.addButton(self.tr("&Sync now"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setInformativeText(self.tr("This device is not enrolled with a server yet. Ask an "
                                           "administrator to enroll it so the records can be sent."))
            self.sync_button = None
        self.quit_button = box.addButton(self.tr("&Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.sync_button or stay)
        box.setEscapeButton(stay)
        box.finished.connect(lambda _result: self._answered(box))
        self.prompt = box
        box.open()
        return False

    def _answered(self, box: QMessageBox) -> None:
        clicked = box.clickedButton()
        self.prompt = None
        box.deleteLater()
        if clicked is not None and clicked is self.quit_button:
            self._quit_now()
        elif clicked is not None and clicked is self.sync_button and not self._runner.running:
            kind = RunKind.ON_DEMAND if self._session.can("sync.run") else RunKind.BACKGROUND
            self._runner.run_now(kind)

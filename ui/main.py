"""The composition root of the GUI: the one place that builds and wires everything.

``run_gui`` sets the umask before anything touches the disk (style guide, careful
files), creates the application, translations, clipboard guard, OS lock listener,
lock controller, task runner and screen controller, hands each its collaborators,
and runs. ``build_controller`` does the same wiring without running the event
loop, for tests. There is no global window object.
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from app import __version__
from app.clock import Clock, system_clock
from ui.clipboard import ClipboardGuard
from ui.controller import AppController
from ui.i18n import install_translators
from ui.lock import LockController
from ui.os_lock import OsLockListener
from ui.tasks import TaskRunner
from ui.theme import STYLE_SHEET, resource_icon
from ui.widgets.app_events import AppEvents
from ui.widgets.ui_thread_gc import UiThreadCollector
from ui.widgets.wheel_guard import WheelGuard, install_wheel_guard

log = logging.getLogger(__name__)


@dataclass
class Gui:
    app: QApplication
    controller: AppController
    lock: LockController
    os_listener: OsLockListener
    translators: list[QTranslator]
    wheel_guard: WheelGuard
    collector: UiThreadCollector

    def dispose(self) -> None:
        """Lock, close every window and detach from the application (tests build many)."""
        self.controller.shutdown()
        self.collector.stop()
        events = AppEvents.of(self.app)
        events.remove(self.lock)
        events.remove(self.wheel_guard)
        for widget in QApplication.topLevelWidgets():
            widget.hide()
            widget.deleteLater()
        for obj in (self.controller, self.lock, self.os_listener, self.wheel_guard, self.collector):
            obj.deleteLater()


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv[:1])


def build_controller(data_dir: Path, clock: Clock = system_clock, listen_to_os: bool = True,
                     demo_parent_dir: Path | None = None) -> Gui:
    """Everything ``run_gui`` builds, wired, with no event loop started."""
    os.umask(0o077)
    # The save, the duplicate check, the draft writes and the sync run Python on
    # threads of their own; a thread holding the interpreter lock gives it up when
    # another has waited this long. Python's 5 ms default is a third of a frame for
    # every wait of the UI thread; 1 ms keeps the window answering during that work.
    sys.setswitchinterval(0.001)
    app = _application()
    app.setApplicationName("hmis-intake")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("hmis-intake")
    app.setDesktopFileName("hmis-intake")
    app.setWindowIcon(resource_icon("hmis-intake.svg", 256))
    app.setStyleSheet(STYLE_SHEET)
    wheel_guard = install_wheel_guard(app)
    app.setQuitOnLastWindowClosed(False)
    translators = install_translators(app)
    clipboard = ClipboardGuard(app)
    os_listener = OsLockListener(app)
    if listen_to_os:
        os_listener.start()
    lock = LockController(app, clipboard, clock, os_listener, app)
    tasks = TaskRunner(app)
    controller = AppController(app, data_dir, clock, clipboard, lock, tasks, demo_parent_dir)
    return Gui(app, controller, lock, os_listener, translators, wheel_guard, UiThreadCollector(app))


def _refuse_without_sqlcipher() -> bool:
    """R8: never open a vault on a SQLite without SQLCipher or with an old one; a
    desktop user sees no standard error, so say it in a dialog."""
    from app.errors import UserFacingError
    from app.vault.connection import check_sqlcipher

    try:
        check_sqlcipher()
    except UserFacingError as exc:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(sys.argv)
        QMessageBox.critical(None, "HMIS Intake", str(exc))
        del app
        return True
    return False


def run_gui(data_dir: Path, clock: Clock = system_clock) -> int:
    os.umask(0o077)
    if _refuse_without_sqlcipher():
        return 4
    gui = build_controller(data_dir, clock)
    # Logging out of the desktop sends SIGTERM: quit the normal way, so open forms
    # become drafts, the vault locks and a demo vault is deleted. The timer lets the
    # interpreter run the handler while Qt's loop is waiting.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda _signum, _frame: gui.app.quit())
    wake = QTimer(gui.app)
    wake.start(500)
    wake.timeout.connect(lambda: None)
    atexit.register(gui.controller.shutdown)
    gui.controller.start()
    return int(gui.app.exec())

"""The platform's Quit key (Ctrl+Q) from every window of the app, dialogs included.

A window's own shortcut works only while that window is active, and a modal dialog
blocks the main window's; this filter on the application sees the key press wherever
the focus is and asks the owner to quit, which goes through the same questions as the
File menu's Quit (records waiting to sync, MO-TIME-1).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.app_events import AppEvents


class QuitKey(QObject):
    def __init__(self, app: QApplication, on_quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        AppEvents.of(app).add(self, (QEvent.Type.KeyPress,), self.handle)

    def handle(self, watched: QObject, event: QEvent) -> bool:
        """A key press (the application's event filter, ``AppEvents``, sends only those)."""
        if isinstance(watched, QWidget) and isinstance(event, QKeyEvent) and _is_quit(event):
            # After this key event is done with, so no window closes under its own handler.
            QTimer.singleShot(0, self._on_quit)
            return True
        return False


def _is_quit(event: QKeyEvent) -> bool:
    """The platform's Quit key, and Ctrl+Q everywhere (Windows binds no Quit key)."""
    if event.matches(QKeySequence.StandardKey.Quit):
        return True
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Q and modifiers == Qt.KeyboardModifier.ControlModifier

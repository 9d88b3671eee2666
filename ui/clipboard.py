"""Copying to the clipboard without leaving client data behind (S5).

What we copy is marked secret for clipboard managers, cleared after a timeout, on
lock and on quit, and only if the clipboard still holds our text: clearing a value
the user copied from somewhere else afterwards would destroy their work
(KeePassXC ``Clipboard.cpp`` does the same check).
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

DEFAULT_CLEAR_SECONDS = 15


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A digest, not the text, so this object holds no copy of the value.
        self._ours: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)

    def copy(self, text: str, clear_after_seconds: int = DEFAULT_CLEAR_SECONDS) -> None:
        mime = QMimeData()
        mime.setText(text)
        # KDE Klipper and other history managers skip entries with this hint; the
        # Windows and macOS equivalents are set by the platform plugin from the same
        # format names when present.
        mime.setData("x-kde-passwordManagerHint", b"secret")
        mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
        QGuiApplication.clipboard().setMimeData(mime, QClipboard.Mode.Clipboard)
        self._ours = _digest(text)
        self._timer.start(clear_after_seconds * 1000)

    def holds_ours(self) -> bool:
        if self._ours is None:
            return False
        return _digest(QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)) == self._ours

    def clear_if_ours(self) -> None:
        if self.holds_ours():
            QGuiApplication.clipboard().clear(QClipboard.Mode.Clipboard)
        self._ours = None
        self._timer.stop()

"""Progress from a job on another thread, delivered on the UI thread: the relay
lives on the UI thread, so a signal emitted by the job is queued to its receivers."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ProgressRelay(QObject):
    advanced = Signal(int, int)  # done, total

"""Typing, Enter and Down in the main window's search box, with the search itself off
the UI thread (``ui.search.search_runner``).

A search starts 150 ms after the last keystroke, or at once on Enter or Down. Enter
and Down also move the focus into the results, on the first row; pressed before the
answer is in, they do so when it arrives, unless the worker typed on meanwhile (the
focus then stays in the box).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from ui.search.search_runner import SearchRunner


class SearchKeys(QObject):
    def __init__(self, box: QLineEdit, runner: SearchRunner, run: Callable[[], None],
                 enter_results: Callable[[], bool], debounce_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._box = box
        self._runner = runner
        self._run = run
        self._enter_results = enter_results
        self.enter_when_found = False  # Enter or Down pressed before the answer came
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(run)
        box.textChanged.connect(self._text_changed)
        box.returnPressed.connect(self._search_and_enter_results)
        box.installEventFilter(self)

    @property
    def waiting(self) -> bool:
        """A search is due or running and its answer is not in yet."""
        return self.debounce.isActive() or self._runner.busy

    def stop(self) -> None:
        """No search due, and the answer of one still running goes nowhere (a cleared box, a lock)."""
        self.debounce.stop()
        self.enter_when_found = False
        self._runner.drop_pending()

    def answered(self) -> None:
        """The latest answer (or its message) is shown: go into it if Enter or Down asked."""
        if self.enter_when_found:
            self.enter_when_found = False
            self._enter_results()

    def _text_changed(self, _text: str) -> None:
        self.enter_when_found = False
        self.debounce.start()

    def _search_and_enter_results(self) -> None:
        self.enter_when_found = True
        self._run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box moves into the results (after the search has run)."""
        if (watched is self._box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            if self.debounce.isActive():
                self._run()
            if self._runner.busy:
                self.enter_when_found = True
                return True
            return self._enter_results()
        return super().eventFilter(watched, event)

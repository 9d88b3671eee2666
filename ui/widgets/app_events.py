"""The application's one event filter, handing each event to those who asked for its type.

Three parts of the app watch every window's events: the Quit key (key presses), the
lock (input, and the first paint or show after a wake) and the wheel guard (wheel
turns). As three application event filters, each was a Python call for every event
Qt delivers (building a window sends thousands: child added, polish, layout, paint),
about three quarters of the filters' cost spent on events none of them wanted. This
one filter asks each event its type once and calls only the handlers registered for
it; a handler answers ``True`` to stop the event, as an event filter does.

Handlers are called as Qt calls application event filters: the one added last first.
A handler goes with its owner (``remove``, or the owner's deletion).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject

Handler = Callable[[QObject, QEvent], bool]


class AppEvents(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("appEvents")
        self._entries: list[tuple[int, frozenset[QEvent.Type], Handler]] = []  # (id of the owner, ...)
        self._by_type: dict[QEvent.Type, tuple[Handler, ...]] = {}
        app.installEventFilter(self)

    @classmethod
    def of(cls, app: QCoreApplication) -> AppEvents:
        """The application's filter, installed the first time it is asked for."""
        found = app.findChild(AppEvents, "appEvents")
        return found if isinstance(found, AppEvents) else cls(app)

    def add(self, owner: QObject, kinds: Iterable[QEvent.Type], handler: Handler) -> None:
        """``handler(watched, event)`` for every event of ``kinds``, before the handlers added earlier."""
        key = id(owner)
        self._entries.insert(0, (key, frozenset(kinds), handler))
        owner.destroyed.connect(lambda *_args: self._remove(key))
        self._index()

    def remove(self, owner: QObject) -> None:
        self._remove(id(owner))

    def _remove(self, key: int) -> None:
        self._entries = [entry for entry in self._entries if entry[0] != key]
        self._index()

    def _index(self) -> None:
        by_type: dict[QEvent.Type, list[Handler]] = {}
        for _owner, kinds, handler in self._entries:
            for kind in kinds:
                by_type.setdefault(kind, []).append(handler)
        self._by_type = {kind: tuple(handlers) for kind, handlers in by_type.items()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handlers = self._by_type.get(event.type())
        if handlers is None:
            return False
        return any(handler(watched, event) for handler in handlers)

"""The application's one event filter and the idle builder, with real Qt objects and events."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.app_events import AppEvents
from ui.widgets.idle_builder import IdleBuilder


def _key_press() -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")


def test_events_go_to_the_handlers_of_their_type_the_last_added_first(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    events = AppEvents.of(app)
    assert AppEvents.of(app) is events, "one filter for the application"
    seen: list[str] = []
    first, second = QObject(), QObject()
    target = QWidget()
    qtbot.addWidget(target)
    events.add(first, (QEvent.Type.KeyPress,), lambda _w, _e: seen.append("first") or False)
    events.add(second, (QEvent.Type.KeyPress, QEvent.Type.Wheel), lambda _w, _e: seen.append("second") or False)
    try:
        QCoreApplication.sendEvent(target, _key_press())
        assert seen == ["second", "first"], "as Qt calls application filters: the one added last first"
        seen.clear()
        QCoreApplication.sendEvent(target, QEvent(QEvent.Type.User))
        assert seen == [], "an event of a type nobody asked for reaches no handler"
    finally:
        events.remove(first)
        events.remove(second)


def test_a_handler_that_answers_true_stops_the_event_and_goes_with_its_owner(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    events = AppEvents.of(app)
    owner = QObject()
    stopped: list[QEvent.Type] = []
    events.add(owner, (QEvent.Type.KeyPress,), lambda _w, e: stopped.append(e.type()) is None)
    target = QWidget()
    qtbot.addWidget(target)
    reached: list[QEvent.Type] = []
    target.event = lambda e: reached.append(e.type()) or QWidget.event(target, e)  # type: ignore[method-assign]
    QCoreApplication.sendEvent(target, _key_press())
    assert stopped == [QEvent.Type.KeyPress] and QEvent.Type.KeyPress not in reached

    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    stopped.clear()
    QCoreApplication.sendEvent(target, _key_press())
    assert stopped == [] and QEvent.Type.KeyPress in reached, "a deleted owner's handler is gone"


def test_the_idle_builder_builds_a_slice_per_turn_waits_when_told_and_stops_when_done(qtbot) -> None:
    answers: list[bool | None] = [False, None, False, True]
    calls: list[int] = []

    def build_some() -> bool | None:
        calls.append(len(calls))
        return answers[len(calls) - 1]

    builder = IdleBuilder(build_some)
    builder.start()
    assert builder.active
    qtbot.waitUntil(lambda: not builder.active, timeout=5_000)
    assert len(calls) == 4, "called until it answered True, after waiting once"

    builder.start()
    builder.stop()
    assert not builder.active

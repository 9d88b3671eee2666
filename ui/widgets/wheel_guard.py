"""Scrolling a long form never changes an answer.

Qt gives a dropdown, a spin box, a date field or a slider the wheel even when the
pointer merely passes over it, so a worker scrolling down the intake form turned
"Male" into "Data not collected" without noticing. The guard, installed once on the
application, hands such a wheel turn to the scroll area around the field instead,
unless the field has the keyboard focus (the worker chose it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

from ui.widgets.app_events import AppEvents

_ANSWER_WIDGETS = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def _answer_widget(obj: QObject) -> QWidget | None:
    """The dropdown, spin box or slider ``obj`` is, or belongs to (a spin box's line edit)."""
    widget = obj if isinstance(obj, QWidget) else None
    while widget is not None:
        if isinstance(widget, QScrollBar):
            return None  # a scroll bar is what scrolling is for
        if isinstance(widget, _ANSWER_WIDGETS):
            return widget
        if widget.isWindow() or isinstance(widget, QAbstractScrollArea):
            return None
        widget = widget.parentWidget()
    return None


class WheelGuard(QObject):
    def handle(self, obj: QObject, event: QEvent) -> bool:
        """A wheel turn (the application's event filter, ``AppEvents``, sends only those)."""
        field = _answer_widget(obj)
        if field is None or field.hasFocus() or (isinstance(obj, QWidget) and obj.hasFocus()):
            return False
        parent = field.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QAbstractScrollArea):
            bar = parent.verticalScrollBar()
            if bar is not None and bar.isVisible():
                QApplication.sendEvent(bar, event)
        return True  # the answer stays as it was


def install_wheel_guard(app: QApplication) -> WheelGuard:
    guard = WheelGuard(app)
    AppEvents.of(app).add(guard, (QEvent.Type.Wheel,), guard.handle)
    return guard

"""The main window's warning when records are close to, or past, the timeliness window.

The window runs from when the information was collected until the record reaches the
central HMIS (MO-TIME-1 72 h, VT-2.2-4 5 days, CT-302-1 the agency's schedule); the
pack's ``warn_before_hours`` says how early to warn. A record within that many hours
of its deadline gets an amber banner; one past it gets a red one. Both offer the
sync screen to a role that may sync; the others are told that records go out by
themselves while someone is signed in and the device is online.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.outbox import OutboxStatus
from app.packs import TimelinessPolicy

_STYLE = """
QFrame#timelinessBanner[level="soon"] {
    background: #fff4d6; border: 1px solid #f0d68a; border-radius: 6px;
}
QFrame#timelinessBanner[level="overdue"] {
    background: #fdecea; border: 1px solid #e8a29b; border-radius: 6px;
}
QFrame#timelinessBanner[level="soon"] QLabel { color: #4a3500; }
QFrame#timelinessBanner[level="overdue"] QLabel { color: #7a1a14; }
QFrame#timelinessBanner QLabel#bannerTitle { font-weight: 600; }
"""


class TimelinessBanner(QFrame):
    open_sync_requested = Signal()

    def __init__(self, can_sync: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinessBanner")
        self.setStyleSheet(_STYLE)
        self.level = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 10, 10)
        row.setSpacing(12)
        column = QWidget()
        text = QHBoxLayout(column)
        text.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        text.addWidget(self.title)
        text.addWidget(self.message, 1)
        row.addWidget(column, 1)
        self.sync_button = QPushButton()
        if not can_sync:
            self.sync_button.hide()
        self.sync_button.clicked.connect(self.open_sync_requested)
        row.addWidget(self.sync_button)
        self._can_sync = can_sync
        self._retranslate()
        self.hide()

    def _retranslate(self) -> None:
        # The message itself is rewritten by the next show_status (the main window
        # calls it when the language changes).
        self.sync_button.setText(self.tr("&Open sync screen"))
        self.sync_button.setAccessibleName(self.tr("Open the sync screen"))
        self.setAccessibleName(self.tr("Timeliness warning"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_status(self, state: OutboxStatus, policy: TimelinessPolicy) -> None:
        if state.overdue:
            self._set_level("overdue")
            self.title.setText(self.tr("Overdue:"))
            count = (self.tr("1 record has") if state.overdue == 1
                     else self.tr("{n} records have").format(n=state.overdue))
            text = self.tr("{count} passed the {w}-hour window without reaching the central HMIS.").format(
                count=count, w=policy.window_hours)
            if state.due_soon == 1:
                text += " " + self.tr("1 more is due within {h} hours.").format(h=policy.warn_before_hours)
            elif state.due_soon:
                text += " " + self.tr("{n} more are due within {h} hours.").format(
                    n=state.due_soon, h=policy.warn_before_hours)
        elif state.due_soon:
            self._set_level("soon")
            self.title.setText(self.tr("Due soon:"))
            count = (self.tr("1 record must") if state.due_soon == 1
                     else self.tr("{n} records must").format(n=state.due_soon))
            text = self.tr("{count} reach the central HMIS within {h} hours ({w}-hour window from "
                           "collection).").format(count=count, h=policy.warn_before_hours, w=policy.window_hours)
        else:
            self._set_level("")
            self.hide()
            return
        if self._can_sync:
            text += " " + self.tr("Sync as soon as the device is online.")
        else:
            text += " " + self.tr("Records are sent by themselves while someone is signed in and the device is online.")
        self.message.setText(text)
        self.setAccessibleDescription(self.title.text() + " " + text)
        self.show()

    def _set_level(self, level: str) -> None:
        if level == self.level:
            return
        self.level = level
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        for child in self.findChildren(QLabel):
            child.style().unpolish(child)
            child.style().polish(child)

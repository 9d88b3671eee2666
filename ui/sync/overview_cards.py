"""The two cards at the top of the sync screen: which server this device is enrolled
with, and what the outbox holds against the timeliness window.

Only the server's host is shown, never a path or the credential; the outbox is
counts and ages, never a record.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.outbox import OutboxStatus
from sync.credentials import DeviceEnrollment, StoreKind
from ui.sync.texts import hours_text, local_time, records_text


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    column = QVBoxLayout(frame)
    column.setContentsMargins(18, 14, 18, 14)
    column.setSpacing(6)
    return frame, column


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    return label


def _value() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConnectionCard(QWidget):
    def __init__(self, can_configure: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, column = _card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        row = QHBoxLayout()
        row.setSpacing(16)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(_heading(self.tr("Central server")))
        self.server = _value()
        self.server.setAccessibleName(self.tr("Enrolled server"))
        self.server.setStyleSheet("font-size: 13pt; font-weight: 600; color: #1d2733;")
        self.detail = _value()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Enrollment details"))
        text.addWidget(self.server)
        text.addWidget(self.detail)
        row.addLayout(text, 1)
        self.enroll_button = QPushButton(self.tr("&Enroll this device\u2026"))
        self.enroll_button.setAccessibleName(self.tr("Enroll this device"))
        row.addWidget(self.enroll_button, 0, Qt.AlignmentFlag.AlignVCenter)
        column.addLayout(row)
        # Only once it has a parent: shown before, a button is a window of its own for a
        # moment, and takes the focus from the window the worker is typing in.
        self.enroll_button.setVisible(can_configure)
        self._can_configure = can_configure

    def show_enrollment(self, enrollment: DeviceEnrollment | None) -> None:
        if enrollment is None:
            self.server.setText(self.tr("Not enrolled"))
            self.detail.setText(
                self.tr("This device is not paired with a central server yet, so nothing is sent.")
                + " " + (self.tr("Enroll it with a code from the server's administrator.") if self._can_configure
                         else self.tr("Ask an administrator to enroll it.")))
            self.enroll_button.setText(self.tr("&Enroll this device\u2026"))
            return
        self.server.setText(urlsplit(enrollment.server_url).hostname or enrollment.server_url)
        where = (self.tr("the OS keyring") if enrollment.credential_store is StoreKind.KEYRING
                 else self.tr("the encrypted vault"))
        self.detail.setText(self.tr("{agency} \u00b7 enrolled {when} \u00b7 credential kept in {where}").format(
            agency=enrollment.agency, when=local_time(enrollment.enrolled_at), where=where))
        self.enroll_button.setText(self.tr("&Enroll again\u2026"))


class OutboxCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, column = _card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        column.addWidget(_heading(self.tr("Outbox")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(2)
        self.pending = _value()
        self.oldest = _value()
        self.left = _value()
        self.refused = _value()
        captions = (
            (self.pending, self.tr("Waiting to send")),
            (self.oldest, self.tr("Oldest waiting")),
            (self.left, self.tr("Left in the window")),
            (self.refused, self.tr("Refused by the server")),
        )
        for col, (value, caption) in enumerate(captions):
            label = QLabel(caption)
            label.setObjectName("hint")
            value.setAccessibleName(caption)
            value.setStyleSheet("font-size: 13pt; font-weight: 600; color: #1d2733;")
            grid.addWidget(label, 0, col)
            grid.addWidget(value, 1, col)
        grid.setColumnStretch(len(captions), 1)
        column.addLayout(grid)
        self.window_note = _value()
        self.window_note.setObjectName("hint")
        self.window_note.setWordWrap(True)
        column.addWidget(self.window_note)

    def show_status(self, state: OutboxStatus, warn_before_hours: int) -> None:
        self.pending.setText(records_text(state.pending))
        self.refused.setText(records_text(state.refused))
        if state.oldest_pending_hours is None or state.hours_left_for_oldest is None:
            self.oldest.setText("\u2014")
            self.left.setText("\u2014")
            self._tone(self.left, "")
        else:
            age = hours_text(state.oldest_pending_hours)
            self.oldest.setText(self.tr("{age} since collection").format(age=age))
            left = state.hours_left_for_oldest
            if left <= 0:
                self.left.setText(self.tr("missed by {h}").format(h=hours_text(-left)))
                self._tone(self.left, "#b3261e")
            else:
                self.left.setText(hours_text(left))
                self._tone(self.left, "#8a5a00" if left <= warn_before_hours else "")
        self.window_note.setText(
            self.tr("Each record has {w} hours from collection to reach the central HMIS; the ones closest "
                    "to their deadline are sent first.").format(w=state.window_hours))

    @staticmethod
    def _tone(label: QLabel, colour: str) -> None:
        label.setStyleSheet("font-size: 13pt; font-weight: 600; color: %s;" % (colour or "#1d2733"))

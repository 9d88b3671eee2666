"""Record that a user completed some of the pack's agreements and trainings
([user_access]) on a day, through ``app.user_access.record`` as
``hmis-intake user record-access`` does. Each requirement shows its state."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app import user_access
from app.errors import UserFacingError
from app.packs import clause_ids
from app.session import Session
from ui.theme import window_title
from ui.wizard.page import text_label


class AccessDialog(QDialog):
    def __init__(self, session: Session, username: str, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._username = username
        self.setWindowTitle(window_title(self.tr("Agreements and training"), demo))
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("Agreements and training"))
        heading.setObjectName("heading")
        column.addWidget(heading)
        column.addWidget(text_label(self.tr("Tick what {name} completed, and the day they completed it.")
                                    .format(name=username)))
        status = user_access.user_status(session, username)
        lapsed = {g.requirement.id: g for g in status.gaps}
        soon = {g.requirement.id: g for g in status.due_soon}
        self.boxes: dict[str, QCheckBox] = {}
        for requirement in session.pack.user_access.requirements:
            if requirement.id in lapsed:
                gap = lapsed[requirement.id]
                state = (self.tr("not recorded") if gap.completed_on is None
                         else self.tr("lapsed on {day}").format(day=gap.due.isoformat() if gap.due else ""))
            elif requirement.id in soon:
                due = soon[requirement.id].due
                state = self.tr("due by {day}").format(day=due.isoformat() if due else "")
            else:
                state = self.tr("current")
            clauses = clause_ids(requirement.clauses)
            box = QCheckBox(f"{requirement.label} ({clauses}) — {state}")
            box.setChecked(requirement.id in lapsed or requirement.id in soon)
            self.boxes[requirement.id] = box
            column.addWidget(box)
        self.completed_on = QDateEdit()
        self.completed_on.setCalendarPopup(True)
        self.completed_on.setDisplayFormat("yyyy-MM-dd")
        today = session.clock.now().date()
        self.completed_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.completed_on.setDate(QDate(today.year, today.month, today.day))
        label = QLabel(self.tr("&Completed on"))
        label.setBuddy(self.completed_on)
        self.completed_on.setAccessibleName(self.tr("Completed on"))
        column.addWidget(label)
        column.addWidget(self.completed_on)
        self.problem = text_label("", "problem")
        self.problem.hide()
        column.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Record"))
        buttons.accepted.connect(self._record)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def _record(self) -> None:
        chosen = [rid for rid, box in self.boxes.items() if box.isChecked()]
        day = cast(date, self.completed_on.date().toPython())
        try:
            user_access.record(self._session, self._username, chosen, day)
        except UserFacingError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.accept()

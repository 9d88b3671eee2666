"""Creating a person: names, date of birth and SSN (HUD 3.01-3.03).

The checks are ``app.rules.validation.check_new_person``; this dialog only shows
their messages beside the fields. It is a draft source: a lock saves exactly what
was typed, including where the cursor was, into an encrypted draft and closes the
dialog; after the same user signs in again it reopens as it was (S3, "0 keystrokes
lost").
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.person import Person
from app.rules.validation import check_new_person
from ui.theme import demo_banner, window_title
from ui.widgets.field import Field, form_grid
from ui.widgets.status import form_error_label

DRAFT_KIND = "new_person"
_FIELDS = ("first_name", "last_name", "dob", "ssn")


class NewPersonDialog(QDialog):
    person_ready = Signal(object)  # Person
    draft_kind = DRAFT_KIND

    def __init__(self, today: date, demo: bool = False, draft_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("New person"), demo))
        self.setModal(True)
        self.setMinimumWidth(620)
        self.draft_id = draft_id
        self.closed_for_lock = False
        self._today = today
        self._pending_cursor: tuple[QLineEdit, int] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if demo:
            outer.addWidget(demo_banner(self, short=True))
        layout = QVBoxLayout()
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(10)
        outer.addLayout(layout)
        heading = QLabel(self.tr("New person"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)

        grid = form_grid()
        self.edits: dict[str, QLineEdit] = {name: QLineEdit() for name in _FIELDS}
        self.edits["first_name"].setMaxLength(50)
        self.edits["last_name"].setMaxLength(50)
        self.edits["dob"].setMaxLength(10)
        self.edits["dob"].setPlaceholderText("YYYY-MM-DD")
        self.edits["ssn"].setMaxLength(11)
        self.fields = {
            "first_name": Field(grid, 0, self.tr("&First name"), self.edits["first_name"], self.tr("First name")),
            "last_name": Field(grid, 2, self.tr("&Last name"), self.edits["last_name"], self.tr("Last name")),
            "dob": Field(grid, 4, self.tr("Date of &birth"), self.edits["dob"], self.tr("Date of birth"),
                         self.tr("YYYY-MM-DD or MM/DD/YYYY; empty if not known.")),
            "ssn": Field(grid, 6, self.tr("SS&N"), self.edits["ssn"], self.tr("Social Security number"),
                         self.tr("All 9 digits, or only the last 4; empty if not given.")),
        }
        layout.addLayout(grid)
        self.error = form_error_label()
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("&Save person"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(self.tr("Save person"))
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        order = [self.edits[name] for name in _FIELDS] + [self.save_button, self.cancel_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        for name, edit in self.edits.items():
            edit.textEdited.connect(lambda _text, n=name: self.fields[n].clear_problems())
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self._submit)
        self.edits["first_name"].setFocus()

    def _submit(self) -> None:
        self.error.hide()
        values = {name: edit.text() for name, edit in self.edits.items()}
        result = check_new_person(values["first_name"], values["last_name"], values["dob"],
                                  values["ssn"], self._today)
        for name, field in self.fields.items():
            problem = result.problems.get(name)
            field.show_problems([problem] if problem else [])
        if result.person is None:
            first_bad = next(name for name in _FIELDS if name in result.problems)
            self.edits[first_bad].setFocus()
            return
        self.person_ready.emit(result.person)

    def show_failure(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def show_restored(self) -> None:
        self.notice.setText(self.tr("This form was kept when the screen locked; nothing you typed was lost."))
        self.notice.show()

    # -- draft source (ui.lock.DraftSource) ---------------------------------------

    def draft_payload(self) -> dict[str, Any] | None:
        values = {name: edit.text() for name, edit in self.edits.items()}
        if not any(values.values()):
            return None
        # focusWidget(), unlike hasFocus(), still answers when the window is not active.
        current = self.focusWidget()
        focused = next((name for name, edit in self.edits.items() if edit is current), None)
        cursor = self.edits[focused].cursorPosition() if focused else None
        return {"fields": values, "focus": focused, "cursor": cursor}

    def restore_draft(self, payload: dict[str, Any]) -> None:
        fields = payload.get("fields", {})
        for name, edit in self.edits.items():
            edit.setText(str(fields.get(name, "")))
        focused = payload.get("focus")
        if focused in self.edits:
            edit = self.edits[focused]
            edit.setFocus()
            cursor = payload.get("cursor")
            if isinstance(cursor, int):
                edit.setCursorPosition(cursor)
                # Gaining focus when the window shows moves a line edit's cursor to the
                # end; put it back once that has happened.
                self._pending_cursor = (edit, cursor)
                edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pending = self._pending_cursor
        if pending is not None and watched is pending[0] and event.type() == QEvent.Type.FocusIn:
            self._pending_cursor = None
            watched.removeEventFilter(self)
            edit, cursor = pending
            QTimer.singleShot(0, lambda: edit.setCursorPosition(cursor))
        return super().eventFilter(watched, event)

    def clear_client_data(self) -> None:
        # setText, unlike clear(), also drops the undo history that still holds the text.
        for edit in self.edits.values():
            edit.setText("")
        for field in self.fields.values():
            field.clear_problems()
        self.error.setText("")

    def close_for_lock(self) -> None:
        self.closed_for_lock = True
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)

    @staticmethod
    def person_summary(person: Person) -> str:
        """Text for the search box after a save: only what the worker just typed."""
        return " ".join(p for p in (person.first_name, person.last_name) if p)

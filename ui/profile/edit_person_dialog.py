"""Correcting a person's details from the profile: name, SSN and date of birth with
their data quality, sex and veteran status (HUD 3.01-3.03, 4.21, 1.8).

The core decides (``app.person_edit.edit_person``): the intake's rules, a message
beside each field they concern; the consent gate, whose hold is shown with its
clause; the role. Nothing is stored on a refusal and the typing stays. The SSN is
masked with a press-to-reveal, as in the intake. The title never names the client;
a lock clears the fields and closes the form.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.consent_gate import ConsentNeeded
from app.domain.person import Person
from app.errors import UserFacingError
from app.person_edit import PersonProblems, edit_person
from app.session import Session
from ui.core_text import core_text
from ui.profile.common import CodeLabels, action_row, fit_to_screen, hold_text, scrolling_body
from ui.profile.record_dialog import narrow_combo
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.wizard.page import message_label

_TEXTS = ("first_name", "middle_name", "last_name", "name_suffix")
_CHOICES = {"name_data_quality": "3.01.5", "ssn_data_quality": "3.02.2", "dob_data_quality": "3.03.2",
            "sex": "4.21", "veteran_status": "1.8"}


class EditPersonDialog(QDialog):
    def __init__(self, session: Session, person: Person, labels: CodeLabels,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.person = person
        self.saved_message = ""
        self.setWindowTitle(window_title(self.tr("Edit details")))
        self.setModal(True)
        self.fields: dict[str, Field] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        _scroll, column = scrolling_body(outer)
        heading = QLabel(self.tr("Correct the client's details (3.01-3.03, 4.21, 1.8)"))
        heading.setObjectName("sectionHeading")
        column.addWidget(heading)
        grid = form_grid()
        column.addLayout(grid)
        names = {"first_name": (self.tr("&First name"), self.tr("First name")),
                 "middle_name": (self.tr("&Middle name"), self.tr("Middle name")),
                 "last_name": (self.tr("&Last name"), self.tr("Last name")),
                 "name_suffix": (self.tr("Suff&ix"), self.tr("Name suffix"))}
        for key in _TEXTS:
            edit = QLineEdit(getattr(person, key) or "")
            edit.setMaxLength(50)
            self.edits[key] = edit
            self._add(grid, key, names[key][0], edit, names[key][1])
        self._add_choice(grid, labels, "name_data_quality", self.tr("Name &data quality"),
                         self.tr("Name data quality"))
        ssn = QLineEdit(person.ssn or "")
        ssn.setEchoMode(QLineEdit.EchoMode.Password)
        ssn.setMaxLength(11)
        self.edits["ssn"] = ssn
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(ssn, 1)
        self.reveal = QToolButton()
        self.reveal.setText(self.tr("Show while pressed"))
        self.reveal.setAccessibleName(self.tr("Show the number while pressed"))
        self.reveal.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reveal.pressed.connect(lambda: ssn.setEchoMode(QLineEdit.EchoMode.Normal))
        self.reveal.released.connect(lambda: ssn.setEchoMode(QLineEdit.EchoMode.Password))
        line.addWidget(self.reveal)
        self._add(grid, "ssn", self.tr("SS&N"), holder, self.tr("Social Security number"),
                  self.tr("All 9 digits, or only the last 4."))
        ssn.setAccessibleName(self.tr("Social Security number"))
        self.fields["ssn"].label.setBuddy(ssn)
        self._add_choice(grid, labels, "ssn_data_quality", self.tr("SSN data &quality"), self.tr("SSN data quality"))
        dob = QLineEdit(person.dob or "")
        dob.setPlaceholderText("YYYY-MM-DD")
        dob.setMaxLength(10)
        self.edits["dob"] = dob
        self._add(grid, "dob", self.tr("Date of &birth"), dob, self.tr("Date of birth"))
        self._add_choice(grid, labels, "dob_data_quality", self.tr("Date of birth data q&uality"),
                         self.tr("Date of birth data quality"))
        self._add_choice(grid, labels, "sex", self.tr("Se&x"), self.tr("Sex"))
        self._add_choice(grid, labels, "veteran_status", self.tr("&Veteran status"), self.tr("Veteran status"))
        self.general = message_label()
        column.addWidget(self.general)
        column.addStretch(1)

        actions = action_row(self.tr("Cancel"), self.tr("Cancel without saving"), self.tr("&Save"),
                             margins=(20, 8, 20, 16))
        self.cancel_button, self.save_button = actions.cancel, actions.action
        outer.addLayout(actions.layout)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self._save_clicked)
        fit_to_screen(self, 640, 660)
        self.edits["first_name"].setFocus()

    def _add(self, grid: QGridLayout, key: str, label: str, widget: QWidget, name: str, hint: str = "") -> None:
        self.fields[key] = Field(grid, 2 * len(self.fields), label, widget, name, hint)

    def _add_choice(self, grid: QGridLayout, labels: CodeLabels, key: str, label: str, name: str) -> None:
        combo = narrow_combo()
        current = getattr(self.person, key)
        if current is None:
            combo.addItem(self.tr("Not recorded"), None)
        for text, code in labels.choices(_CHOICES[key]):
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        self.combos[key] = combo
        self._add(grid, key, label, combo, name)

    def edited_person(self) -> Person:
        texts = {k: (e.text().strip() or None) for k, e in self.edits.items()}
        choices = {k: c.currentData() for k, c in self.combos.items()}
        # Each key is a Person field; the combos' codes are int or None, as those fields are.
        changes: dict[str, Any] = {**texts, **choices}
        return dataclasses.replace(self.person, **changes)

    def _save_clicked(self) -> None:
        for field in self.fields.values():
            field.clear_problems()
        self.general.hide()
        session = self.session
        if session is None:
            return
        try:
            changed = edit_person(session, self.edited_person())
        except PersonProblems as exc:
            first: QWidget | None = None
            for key in self.fields:
                mine = [core_text(p.message) for p in exc.problems if p.path == key]
                if mine:
                    self.fields[key].show_problems(mine)
                    first = first or self.edits.get(key) or self.combos.get(key)
            others = [core_text(p.message) for p in exc.problems if p.path not in self.fields]
            if others:
                self._say(" ".join(others))
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except ConsentNeeded as exc:
            self._say(hold_text(exc.hold))
            return
        except UserFacingError as exc:
            self._say(core_text(str(exc)))
            return
        self.saved_message = (self.tr("Details corrected; the change is in the outbox.") if changed
                              else self.tr("Nothing was changed."))
        self.accept()

    def _say(self, message: str) -> None:
        self.general.setText(message)
        self.general.show()

    # -- lock -------------------------------------------------------------------------

    def clear_client_data(self) -> None:
        self.session = None
        for edit in self.edits.values():
            edit.clear()

    def close_for_lock(self) -> None:
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)

"""Step 5: who is in the household and how each member relates to its head (HUD 3.15).

Each member's details come in the steps after this one. Whether every adult needs
their own consent (CT A6) or one consent covers the household (MO-ROI-3) is the
consent rules' decision; the problem shows here, beside the member it concerns.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.intake import Problem
from app.intake.flow import IntakeFlow
from app.intake.steps import StepRef
from ui.widgets.field import Field, form_grid
from ui.wizard.household_model import HouseholdModel
from ui.wizard.page import WizardContext, WizardPage, message_label, problem_text, show_on, text_label

_MEMBER = "members["


class HouseholdPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.heading.setText(self.title())
        self.layout_.addWidget(text_label(self.tr("Add everyone entering the project together. Person 1 is "
                                                  "usually the head of household."), "subheading"))
        row = QHBoxLayout()
        self.model = HouseholdModel(flow, flow.catalog, context.ui_language, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Household members"))
        self.list.setMinimumHeight(160)
        row.addWidget(self.list, 1)
        side = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Add member"))
        self.add_button.setAccessibleName(self.tr("Add household member"))
        self.remove_button = QPushButton(self.tr("Re&move member"))
        self.remove_button.setAccessibleName(self.tr("Remove household member"))
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row.addLayout(side)
        self.layout_.addLayout(row)
        grid = form_grid()
        # The names here, so the list says who each member is as soon as it is typed.
        self.first_name = QLineEdit()
        self.first_name.setMaxLength(50)
        self.last_name = QLineEdit()
        self.last_name.setMaxLength(50)
        self.name_fields = {
            "FirstName": Field(grid, 0, self.tr("&First name"), self.first_name, self.tr("Member's first name")),
            "LastName": Field(grid, 2, self.tr("&Last name"), self.last_name, self.tr("Member's last name")),
        }
        self.relationship = QComboBox()
        self.relationship.addItem(self.tr("Choose\u2026"), None)
        for code in flow.catalog.codes_for("RelationshipToHoH").codes:
            self.relationship.addItem(code.label.get(context.ui_language), code.code)
        self.relationship_field = Field(grid, 4, self.tr("&Relationship to head of household"), self.relationship,
                                        self.tr("Relationship to head of household"))
        self.layout_.addLayout(grid)
        self.own_consent = QCheckBox(self.tr("This member gave their &own consent, the same way as person 1"))
        self.own_consent.setAccessibleName(self.tr("Member gave their own consent"))
        self.consent_message = message_label()
        self.layout_.addWidget(self.own_consent)
        self.layout_.addWidget(self.consent_message)
        self.shared_box = QGroupBox(self.tr("Same for the whole household"))
        shared_column = QVBoxLayout(self.shared_box)
        shared_column.addWidget(text_label(self.tr("Project start date and CoC always start as person 1's. "
                                                   "Ticked answers are copied from person 1 too; each "
                                                   "member's page shows them and they can be changed."), "hint"))
        self.shared_checks = {
            "LastName": QCheckBox(self.tr("Last na&me")),
            "LivingSituation": QCheckBox(self.tr("Prior living &situation (where they stayed last night)")),
        }
        for key, box in self.shared_checks.items():
            box.setAccessibleName(box.text().replace("&", ""))
            box.toggled.connect(lambda on, k=key: self._share(k, on))
            shared_column.addWidget(box)
        self.layout_.addWidget(self.shared_box)
        self.layout_.addStretch(1)
        self._problems: list[Problem] = []
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_member())
        self.relationship.currentIndexChanged.connect(lambda _i: self._store())
        self.own_consent.toggled.connect(lambda _on: self._store())
        self.first_name.textEdited.connect(lambda text: self._name("FirstName", text))
        self.last_name.textEdited.connect(lambda text: self._name("LastName", text))
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)

    def title(self) -> str:
        return self.tr("Household")

    def _row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else 0

    def _select(self, row: int) -> None:
        self.list.selectionModel().setCurrentIndex(self.model.index(row, 0),
                                                   QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _share(self, key: str, on: bool) -> None:
        if on:
            self.flow.shared.add(key)
        else:
            self.flow.shared.discard(key)
        self.page_did_change.emit()

    def _name(self, key: str, text: str) -> None:
        row = self._row()
        if row >= len(self.flow.members):
            return
        answers = self.flow.members[row].answers
        if text.strip():
            answers[key] = text.strip()
        else:
            answers.pop(key, None)
        self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, 0))
        self.page_did_change.emit()

    def _show_member(self) -> None:
        row = self._row()
        if row >= len(self.flow.members):
            return
        member = self.flow.members[row]
        for key, edit in (("FirstName", self.first_name), ("LastName", self.last_name)):
            if not edit.hasFocus() or edit.text().strip() != str(member.answers.get(key) or ""):
                edit.setText(str(member.answers.get(key) or ""))
        self.shared_box.setVisible(len(self.flow.members) > 1)
        with QSignalBlocker(self.relationship):
            relationship = member.answers.get("RelationshipToHoH")
            self.relationship.setCurrentIndex(max(0, self.relationship.findData(relationship)))
        with QSignalBlocker(self.own_consent):
            self.own_consent.setChecked(member.own_consent)
        self.own_consent.setEnabled(row > 0)
        self.remove_button.setEnabled(row > 0)
        mine = [p for p in self._problems if p.path.startswith(f"{_MEMBER}{row}]")]
        self.relationship_field.show_problems([problem_text(p) for p in mine if "Relationship" in p.path])
        show_on(self.consent_message, [p for p in mine if "consent" in p.path])

    def _store(self) -> None:
        row = self._row()
        if row >= len(self.flow.members):
            return
        member = self.flow.members[row]
        code = self.relationship.currentData()
        if code is None:
            member.answers.pop("RelationshipToHoH", None)
        else:
            member.answers["RelationshipToHoH"] = code
        member.own_consent = self.own_consent.isChecked() and row > 0
        self.model.refresh()
        self._select(row)
        self.page_did_change.emit()

    def _add(self) -> None:
        row = self.flow.add_member()
        self.model.refresh()
        self._select(row)
        self.first_name.setFocus()
        self.page_did_change.emit()

    def _remove(self) -> None:
        row = self._row()
        if row == 0:
            return
        self.flow.remove_member(row)
        self.model.refresh()
        self._select(min(row, len(self.flow.members) - 1))
        self.page_did_change.emit()

    def enter(self, ref: StepRef) -> None:
        for key, box in self.shared_checks.items():
            box.blockSignals(True)
            box.setChecked(key in self.flow.shared)
            box.blockSignals(False)
        self.model.refresh()
        self._select(0)
        self._show_member()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self._problems = list(problems)
        first = next((p for p in problems if p.path.startswith(_MEMBER)), None)
        if first is not None:
            self._select(int(first.path[len(_MEMBER):].split("]")[0]))
        self._show_member()
        show_on(self.general, [p for p in problems if not p.path.startswith(_MEMBER)])

    def first_input(self) -> QWidget:
        return self.list

    def clear_client_data(self) -> None:
        self._problems = []
        self.first_name.setText("")
        self.last_name.setText("")
        self.model.refresh()

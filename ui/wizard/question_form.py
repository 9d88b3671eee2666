"""The catalog's questions for one household member, rendered as inputs.

Every HUD code of a list is offered, "Client doesn't know" and "Client prefers not to
answer" included (CT-207-5, MO-RIGHTS-5). Which questions show, and which dependent
ones appear as answers change, is ``app.catalog.questions_for_member``'s answer:
rows are built once per project and hidden or shown, so focus never jumps.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Question, QuestionType
from app.intake import Problem
from app.intake.flow import IntakeFlow
from ui.widgets.field import Field, form_grid
from ui.widgets.idle_builder import Parts
from ui.wizard.page import problem_text

# Typed and shown masked, with a press-to-reveal (HUD 3.02).
MASKED_FIELDS = frozenset({"SSN"})


class QuestionForm(QWidget):
    answers_did_change = Signal()

    def __init__(self, flow: IntakeFlow, language: str, parent: QWidget | None = None,
                 build_now: bool = True) -> None:
        """``build_now=False``: the rows are built by ``build_some`` a slice at a time
        (the wizard does it while idle), and ``finish_building`` builds what is left."""
        super().__init__(parent)
        self.flow = flow
        self.language = language
        self.member = 0
        self.inputs: dict[str, QWidget] = {}
        self.fields: dict[str, Field] = {}
        self.headings: dict[str, QLabel] = {}
        self._section_of: dict[str, str] = {}
        self.reveal_buttons: dict[QWidget, QToolButton] = {}
        self._boxes: dict[QWidget, QWidget] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.grid: QGridLayout = form_grid()
        column.addLayout(self.grid)
        self._loading = False
        self._building = Parts(self._build())
        if build_now:
            self.finish_building()

    def build_some(self, budget_s: float = 0.006) -> bool:
        """Build rows until ``budget_s`` is spent; ``True`` once the form is complete."""
        end = time.perf_counter() + budget_s
        done = False
        while not done and time.perf_counter() < end:
            done = self._building.some()
        self.ensurePolished()  # the new rows against the style sheet now, not all at once when shown
        return done

    def finish_building(self) -> None:
        self._building.rest()

    def _build(self) -> Iterator[None]:
        catalog = self.flow.catalog
        wanted = self.flow.applicable_fields()
        row = 0
        order: list[QWidget] = []
        for section in catalog.sections:
            questions = [q for q in section.questions if q.field in wanted]
            if not questions:
                continue
            heading = QLabel(section.section.title.get(self.language))
            heading.setObjectName("sectionHeading")
            self.grid.addWidget(heading, row, 0, 1, 2)
            self.headings[section.section.id] = heading
            row += 1
            for question in questions:
                widget = self._input(question)
                label = question.label.get(self.language)
                hint = question.help.get(self.language) if question.help else ""
                field = Field(self.grid, row, label, widget, label, hint)
                # Long HUD labels wrap in a bounded column so the inputs keep their width at 1366x768.
                field.label.setWordWrap(True)
                field.label.setMaximumWidth(320)
                field.label.setMinimumWidth(200)
                self.fields[question.field] = field
                self.inputs[question.field] = widget
                if question.field in MASKED_FIELDS and isinstance(widget, QLineEdit):
                    self._mask(widget, row)
                self._section_of[question.field] = section.section.id
                order.append(widget)
                row += 2
                yield
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _mask(self, edit: QLineEdit, row: int) -> None:
        """An SSN is typed and shown as dots; a button shows it only while held down
        (mouse, touch, or Space on the focused button), so no one reads it over a shoulder."""
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.grid.removeWidget(edit)
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        reveal = QToolButton()
        reveal.setText(self.tr("Show while pressed"))
        reveal.setAccessibleName(self.tr("Show the number while pressed"))
        reveal.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        reveal.pressed.connect(lambda: edit.setEchoMode(QLineEdit.EchoMode.Normal))
        reveal.released.connect(lambda: edit.setEchoMode(QLineEdit.EchoMode.Password))
        line.addWidget(reveal)
        box.setFocusProxy(edit)
        self.grid.addWidget(box, row, 1)
        self.reveal_buttons[edit] = reveal
        self._boxes[edit] = box

    def _input(self, question: Question) -> QWidget:
        if question.kind in (QuestionType.CHOICE,):
            combo = QComboBox()
            # HUD's longest answers (3.917 living situations) would otherwise widen the
            # form past a 1366-pixel screen; the list that opens shows them in full.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(20)
            combo.addItem(self.tr("Choose\u2026"), None)
            assert question.code_list is not None
            for code in self.flow.catalog.code_list(question.code_list).codes:
                combo.addItem(code.label.get(self.language), code.code)
            combo.currentIndexChanged.connect(lambda _i, f=question.field: self._edited(f))
            return combo
        if question.kind is QuestionType.FLAG:
            box = QCheckBox(self.tr("Yes"))
            box.toggled.connect(lambda _on, f=question.field: self._edited(f))
            return box
        edit = QLineEdit()
        if question.kind is QuestionType.DATE:
            edit.setMaxLength(10)
            edit.setPlaceholderText("YYYY-MM-DD")
        elif question.max_length:
            edit.setMaxLength(question.max_length)
        edit.textEdited.connect(lambda _t, f=question.field: self._edited(f))
        return edit

    # -- values -----------------------------------------------------------------------

    def _value(self, name: str) -> Any:
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return 1 if widget.isChecked() else 0
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        return None

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        answers = self.flow.members[self.member].answers
        value = self._value(name)
        if value is None:
            answers.pop(name, None)
        else:
            answers[name] = value
        self.fields[name].clear_problems()
        self.update_visibility()
        self.answers_did_change.emit()

    def load(self, member: int) -> None:
        self.member = member
        answers = self.flow.members[member].answers
        self._loading = True
        try:
            for name, widget in self.inputs.items():
                value = answers.get(name)
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(value)))
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(value == 1)
                elif isinstance(widget, QLineEdit):
                    widget.setText("" if value is None else str(value))
                self.fields[name].clear_problems()
        finally:
            self._loading = False
        self.update_visibility()

    def update_visibility(self) -> None:
        shown = {q.field for q in self.flow.questions(self.member)}
        sections: set[str] = set()
        for name, field in self.fields.items():
            visible = name in shown
            _show(field.label, visible)
            _show(field.widget, visible)
            if field.widget in self._boxes:
                _show(self._boxes[field.widget], visible)
            _show(field.message, visible and bool(field.message.text()))
            if visible:
                sections.add(self._section_of[name])
        for section_id, heading in self.headings.items():
            _show(heading, section_id in sections)

    def show_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        """Show each problem at its field; return those that have no field here."""
        by_field: dict[str, list[str]] = {}
        left: list[Problem] = []
        for problem in problems:
            name = problem.path.split(".")[-1]
            if name in self.fields and self.fields[name].widget.isVisible():
                by_field.setdefault(name, []).append(problem_text(problem))
            else:
                left.append(problem)
        for name, field in self.fields.items():
            field.show_problems(by_field.get(name, []))
        self.update_visibility()
        first = next((self.inputs[n] for n in self.inputs if n in by_field), None)
        if first is not None:
            first.setFocus()
        return left

    def first_input(self) -> QWidget | None:
        return next((w for w in self.inputs.values() if not w.isHidden()), None)

    def clear_client_data(self) -> None:
        self._loading = True
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.setText("")
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(False)
        self._loading = False


def _show(widget: QWidget, visible: bool) -> None:
    """Runs on every keystroke: touch only what changes, so the form does not relayout."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)

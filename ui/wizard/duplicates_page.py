"""Step: is any member already on this device?

Candidates come from ``app.rules.duplicates.find_duplicates`` with their reasons. The
member as typed is shown beside them so the worker compares like with like; "Same
person" links the intake to the existing record instead of creating a second one.

The check reads the vault, so it runs off the UI thread on a second connection
(``Session.worker()`` through ``ui.tasks.TaskRunner``): the page shows that it is
looking, with Next held (every member counts as undecided), and then the candidates.
Each entry to the page starts a new check; the result of an earlier one (Back and
Next pressed quickly, a lock) is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from app.errors import UserFacingError
from app.intake import Problem
from app.intake.flow import IntakeFlow, duplicate_values, find_candidates
from app.intake.steps import Step, StepRef
from app.rules.duplicates import Candidate
from app.session import Session
from ui.tasks import TaskRunner
from ui.widgets.field import Field, form_grid
from ui.wizard.candidates_model import CandidatesModel
from ui.wizard.page import WizardContext, WizardPage, show_on, text_label


def check_people(session: Session, people: list[dict[str, str]]) -> list[list[Candidate]]:
    """Each member's possible duplicates (``app.intake.flow.duplicate_values``), on a
    connection of this thread's own."""
    with session.worker() as worker:
        return [find_candidates(worker.conn, values) for values in people]


class DuplicatesPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.heading.setText(self.title())
        grid = form_grid()
        self.member = QComboBox()
        self.member_field = Field(grid, 0, self.tr("&Person in this intake"), self.member,
                                  self.tr("Person in this intake"))
        self.layout_.addLayout(grid)
        row = QHBoxLayout()
        self.typed = text_label("", "notice")
        self.typed.setAccessibleName(self.tr("As typed in this intake"))
        self.typed.setMinimumWidth(220)
        self.typed.setMaximumWidth(280)
        row.addWidget(self.typed)
        self.model = CandidatesModel(context.show_ssn, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Possible matches on this device"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.columnCount() - 2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(180)
        row.addWidget(self.table, 1)
        self.layout_.addLayout(row)
        self.status = text_label("", "hint")
        self.layout_.addWidget(self.status)
        buttons = QHBoxLayout()
        self.same_button = QPushButton(self.tr("&Same person \u2014 use the existing record"))
        self.same_button.setAccessibleName(self.tr("Same person, link to the existing record"))
        self.new_button = QPushButton(self.tr("Not the same \u2014 &create a new record"))
        self.new_button.setAccessibleName(self.tr("Not the same person, create a new record"))
        buttons.addWidget(self.same_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.layout_.addStretch(1)
        self.member.currentIndexChanged.connect(lambda _i: self._show())
        self.same_button.clicked.connect(self._link)
        self.new_button.clicked.connect(self._unlink)
        self._tasks = TaskRunner(self)
        self._generation = 0  # the check whose result the page waits for
        self._candidates: list[list[Candidate]] = []
        self.checking = False

    def title(self) -> str:
        return self.tr("Duplicate check")

    def enter(self, ref: StepRef) -> None:
        self.member.blockSignals(True)
        self.member.clear()
        for i in range(len(self.flow.members)):
            label = self.flow.member_label(i) or self.tr("(no name)")
            self.member.addItem(self.tr("Person {n}: {name}").format(n=i + 1, name=label), i)
        self.member.blockSignals(False)
        self.start_check()

    def start_check(self) -> None:
        """Look for each member on the device off the UI thread; until the answer is
        in, every member is undecided, so Next waits."""
        self._generation += 1
        generation = self._generation
        people = [duplicate_values(member.answers) for member in self.flow.members]
        self._candidates = [[] for _ in people]
        self.flow.undecided_duplicates.clear()
        self.flow.undecided_duplicates.update(range(len(people)))
        self._set_checking(True)
        session = self.context.session
        if session is None:  # no session to open a second connection from
            self._checked(generation, [find_candidates(self.context.conn, values) for values in people])
            return
        work: Callable[[], list[list[Candidate]]] = lambda: check_people(session, people)  # noqa: E731
        self._tasks.submit(work, lambda found: self._checked(generation, found),
                           lambda error: self._check_failed(generation, error))

    def _set_checking(self, checking: bool) -> None:
        self.checking = checking
        if checking:
            self.model.set_candidates([])
            self.status.setText(self.tr("Looking for this person on the device\u2026"))
            self.same_button.setEnabled(False)
            self.new_button.setEnabled(False)
            self.page_did_change.emit()

    def _is_current(self, generation: int) -> bool:
        """Whether a check's answer is the one the page waits for: not an earlier
        check's, nor one that arrives after a lock or after the worker went Back."""
        return generation == self._generation and self.flow.current.step is Step.DUPLICATES

    def _checked(self, generation: int, found: list[list[Candidate]]) -> None:
        if not self._is_current(generation):
            return
        self._candidates = found
        self._set_checking(False)
        for i, candidates in enumerate(found):
            self._note_decision(i, candidates)
        self._show()
        self.page_did_change.emit()

    def _check_failed(self, generation: int, error: UserFacingError) -> None:
        if not self._is_current(generation):
            return
        from ui.core_text import core_text

        self.checking = False
        self.status.setText(core_text(str(error)))
        self.page_did_change.emit()

    def _index(self) -> int:
        return int(self.member.currentData() or 0)

    def _show(self) -> None:
        i = self._index()
        if i >= len(self.flow.members):
            return
        answers = self.flow.members[i].answers
        lines = [self.tr("As typed"), self.flow.member_label(i) or self.tr("(no name)"),
                 self.tr("Date of birth: {d}").format(d=answers.get("DOB") or "\u2014")]
        if self.context.show_ssn and answers.get("SSN"):
            lines.append(self.tr("SSN ends in {d}").format(d=str(answers["SSN"])[-4:]))
        self.typed.setText("\n".join(lines))
        if self.checking:
            return
        candidates = self._candidates[i] if i < len(self._candidates) else []
        self.model.set_candidates(candidates)
        state = self.flow.members[i]
        linked = state.link_personal_id
        self._note_decision(i, candidates)
        if linked:
            self.status.setText(self.tr("Linked to an existing record; no new person will be created."))
            for row in range(self.model.rowCount()):
                candidate = self.model.candidate(row)
                if candidate is not None and candidate.person.personal_id == linked:
                    self.table.selectRow(row)
        elif i in self.flow.undecided_duplicates:
            self.status.setText(self.tr("This person may already be on this device. Compare the records, then "
                                        "choose \u201cSame person\u201d or \u201cNot the same\u201d before "
                                        "going on."))
        elif candidates:
            self.status.setText(self.tr("{n} possible match(es). Compare them with the client; a new record "
                                        "is created unless you choose \u201cSame person\u201d.")
                                .format(n=len(candidates)))
        else:
            self.status.setText(self.tr("No one on this device looks like this person; a new record will be "
                                        "created."))
        self.same_button.setEnabled(bool(candidates))
        self.new_button.setEnabled(bool(linked) or (bool(candidates) and not state.new_confirmed))

    def _note_decision(self, index: int, candidates: list[Candidate]) -> None:
        """A likely match (the same name, date of birth or SSN) needs the worker's
        decision before the intake goes on; a weaker one is only shown."""
        state = self.flow.members[index]
        if any(c.likely for c in candidates) and not state.link_personal_id and not state.new_confirmed:
            self.flow.undecided_duplicates.add(index)
        else:
            self.flow.undecided_duplicates.discard(index)

    def _link(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        candidate = self.model.candidate(rows[0].row() if rows else 0)
        if candidate is None:
            return
        self.flow.members[self._index()].link_personal_id = candidate.person.personal_id
        self.flow.members[self._index()].new_confirmed = False
        self._show()
        self.page_did_change.emit()

    def _unlink(self) -> None:
        self.flow.members[self._index()].link_personal_id = None
        self.flow.members[self._index()].new_confirmed = True
        self._show()
        self.page_did_change.emit()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        show_on(self.general, problems)

    def first_input(self) -> QWidget:
        return self.table if self.model.rowCount() else self.member

    def clear_client_data(self) -> None:
        self._generation += 1
        self._candidates = []
        self.model.clear()
        self.member.clear()
        self.typed.setText("")

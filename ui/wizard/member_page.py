"""Steps 6…: the universal data elements for one household member at a time."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from app.intake import Problem
from app.intake.flow import IntakeFlow
from app.intake.steps import StepRef
from ui.wizard.page import WizardContext, WizardPage, show_on, text_label
from ui.wizard.question_form import QuestionForm


class MemberPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.lead = text_label(self.tr("Every question accepts \u201cClient doesn't know\u201d and \u201cClient "
                                       "prefers not to answer\u201d. Questions appear and disappear as answers "
                                       "change."), "hint")
        self.layout_.addWidget(self.lead)
        self.layout_.addStretch(1)
        self.form: QuestionForm | None = None
        self._form_project: str | None = None
        # The next project's form, built a slice at a time while the wizard is idle.
        self._spare: QuestionForm | None = None
        self._spare_project: str | None = None
        self.member = 0

    def title(self) -> str:
        return self.tr("Person {n} details").format(n=self.member + 1)

    def enter(self, ref: StepRef) -> None:
        self.member = ref.member
        if self.form is None or self._form_project != self.flow.project_id:
            if self.form is not None:
                self.form.deleteLater()
            if self._spare is not None and self._spare_project == self.flow.project_id:
                self.form, self._spare = self._spare, None
                self.form.finish_building()
                self.form.show()  # already in place, its rows polished while idle
            else:
                self.form = QuestionForm(self.flow, self.context.ui_language)
                self.layout_.insertWidget(3, self.form)
            self.form.answers_did_change.connect(self.page_did_change.emit)
            self._form_project = self.flow.project_id
        self.flow.carry_over(ref.member)
        heading = self.tr("Person {n} of {m}").format(n=ref.member + 1, m=len(self.flow.members))
        name = self.flow.member_label(ref.member)
        self.heading.setText(f"{heading} \u00b7 {name}" if name else heading)
        self.form.load(ref.member)

    @property
    def spare_form(self) -> QuestionForm | None:
        """The form being built (or built) while idle for the project chosen, not yet shown."""
        return self._spare

    def prepare_some(self) -> bool:
        """Idle time: build the chosen project's form a slice at a time before the step
        is reached, so entering it does not build every row in one go. ``True`` when
        there is nothing (more) to build."""
        project = self.flow.project_id
        if project is None or (self.form is not None and self._form_project == project):
            return True
        if self._spare is None or self._spare_project != project:
            if self._spare is not None:
                self._spare.deleteLater()
            # In place and hidden from the start: moving a built form into the window
            # would polish every row again in one go.
            self._spare = QuestionForm(self.flow, self.context.ui_language, build_now=False)
            self._spare.hide()
            self.layout_.insertWidget(3, self._spare)
            self._spare_project = project
        return self._spare.build_some()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        left = self.form.show_problems(problems) if self.form else list(problems)
        show_on(self.general, left)

    def first_input(self) -> QWidget | None:
        return self.form.first_input() if self.form else None

    def clear_client_data(self) -> None:
        if self.form is not None:
            self.form.clear_client_data()

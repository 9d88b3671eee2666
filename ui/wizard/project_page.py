"""Step 1: the project the household enters, and the client's language.

The language chosen here is the one the oral explanation and the consent texts are
read in (CT-207-3, MO-NOTICE-2): a client hears them in a language they understand.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from app.catalog import LANGUAGES
from app.intake import Problem
from app.intake.flow import IntakeFlow
from app.intake.steps import StepRef
from ui.i18n import LANGUAGE_CHOICES
from ui.widgets.field import Field, form_grid
from ui.wizard.page import WizardContext, WizardPage, problem_text, text_label


class ProjectPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.heading.setText(self.title())
        self.layout_.addWidget(text_label(self.tr("Choose the project this household is entering and the "
                                                  "language the client wants to hear the explanation in."),
                                          "subheading"))
        grid = form_grid()
        self.project = QComboBox()
        self.project.addItem(self.tr("Choose a project\u2026"), None)
        for project in flow.projects:
            self.project.addItem(project.name, project.project_id)
        self.language = QComboBox()
        names = dict(LANGUAGE_CHOICES)
        for code in LANGUAGES:
            self.language.addItem(names.get(code, code), code)
        self.project_field = Field(grid, 0, self.tr("&Project"), self.project, self.tr("Project"))
        self.language_field = Field(grid, 2, self.tr("Client's &language"), self.language,
                                    self.tr("Client's language"),
                                    self.tr("The oral explanation and the consent are shown in this language."))
        self.layout_.addLayout(grid)
        self.layout_.addStretch(1)
        self.project.currentIndexChanged.connect(self._changed)
        self.language.currentIndexChanged.connect(self._changed)

    def title(self) -> str:
        return self.tr("Project")

    def _changed(self) -> None:
        self.leave()
        self.project_field.clear_problems()
        self.page_did_change.emit()

    def enter(self, ref: StepRef) -> None:
        for combo, value in ((self.project, self.flow.project_id), (self.language, self.flow.language)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def leave(self) -> None:
        self.flow.project_id = self.project.currentData()
        self.flow.language = self.language.currentData() or "en"

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.project_field.show_problems([problem_text(p) for p in problems])

    def first_input(self) -> QWidget:
        return self.project

"""The end of an intake the client declined where the pack lets no data in without
consent (CT-207-1): nothing was recorded, and Finish closes the intake.

The reason is what ``app.intake.check_intake`` reports for the refusal, with its
clause; the pack's own words for the client follow. Nothing is saved, no draft is
kept, and the worker can go Back if the client changes their mind.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from app.catalog import load_consent_texts
from app.intake import Problem
from app.intake.flow import IntakeFlow
from app.intake.steps import StepRef
from ui.wizard.page import WizardContext, WizardPage, fill, problem_text, text_label


class DeclinedPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.heading.setText(self.title())
        self.summary = text_label(self.tr("The client declined consent. Nothing about them was recorded on this "
                                          "device, and nothing will be sent."), "subheading")
        self.summary.setAccessibleName(self.tr("Nothing was recorded"))
        self.reason = text_label("", "notice")
        self.client_text = text_label("")
        self.next_step = text_label(self.tr("Press Finish to close the intake. If the client changes their mind, "
                                            "go Back and record their consent."), "hint")
        for widget in (self.summary, self.reason, self.client_text, self.next_step):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)

    def title(self) -> str:
        return self.tr("Nothing was recorded")

    def enter(self, ref: StepRef) -> None:
        refusal = [p for p in self.flow.check()[0] if p.path == "consent"]
        self.reason.setText("\n".join(problem_text(p) for p in refusal))
        self.reason.setVisible(bool(refusal))
        texts = load_consent_texts(self.flow.pack.id, self.flow.language)
        client = self.tr("the client")
        self.client_text.setText(fill(texts.declined.title, self.flow, self.context, client) + "\n"
                                 + "\n".join(fill(p, self.flow, self.context, client) for p in texts.declined.body))

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """The refusal is this page's subject, not an error to correct."""

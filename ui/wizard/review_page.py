"""The last step: everything the intake will store, read back before saving."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from app.catalog import QuestionType
from app.intake import Problem
from app.intake.flow import IntakeFlow
from app.intake.steps import Step, StepRef
from ui.core_text import core_text
from ui.wizard.page import WizardContext, WizardPage, show_on, text_label
from ui.wizard.question_form import MASKED_FIELDS


class ReviewPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.heading.setText(self.title())
        self.layout_.addWidget(text_label(self.tr("Check everything with the client, then press Save intake. "
                                                  "Nothing is stored before that."), "subheading"))
        self.notices = text_label("", "notice")
        self.layout_.addWidget(self.notices)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # every value is escaped
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Intake summary"))
        self.layout_.addWidget(self.summary)
        self.reveal_button = QToolButton()
        self.reveal_button.setText(self.tr("Show SSN while pressed"))
        self.reveal_button.setAccessibleName(self.tr("Show the social security numbers while pressed"))
        self.reveal_button.pressed.connect(lambda: self._reveal(True))
        self.reveal_button.released.connect(lambda: self._reveal(False))
        self.layout_.addWidget(self.reveal_button)
        self.layout_.addStretch(1)
        self._revealed = False

    def title(self) -> str:
        return self.tr("Review and save")

    def _answer(self, field: str, value: object) -> str:
        question = self.flow.catalog.question(field)
        language = self.context.ui_language
        if field in MASKED_FIELDS and not self._revealed:
            return masked_ssn(str(value))
        if question.kind is QuestionType.FLAG:
            return self.tr("Yes") if value == 1 else self.tr("No")
        if question.kind is QuestionType.CHOICE and question.code_list and isinstance(value, int):
            codes = self.flow.catalog.code_list(question.code_list)
            return codes.label(value, language) if value in codes else str(value)
        return str(value)

    def _reveal(self, on: bool) -> None:
        self._revealed = on
        self.enter(StepRef(Step.REVIEW))

    def enter(self, ref: StepRef) -> None:
        flow = self.flow
        self.reveal_button.setVisible(any(m.answers.get(f) for m in flow.members for f in MASKED_FIELDS))
        consent = flow.consent
        methods = {"written": self.tr("Written"), "verbal": self.tr("Verbal"), "declined": self.tr("Declined")}
        levels = {"shared": self.tr("Shared"), "not_shared": self.tr("Not Shared")}
        project = flow.project
        lines = [
            self.tr("Project: {p}").format(p=project.name if project else "\u2014"),
            self.tr("Oral explanation: every point explained"),
            self.tr("Consent: {m}, {d}").format(m=methods.get(consent.method, consent.method),
                                                d=consent.consent_date),
        ]
        if consent.method == "written":
            lines.append(self.tr("Signature captured on screen") if consent.signature_png
                         else self.tr("Paper form signed, attested by staff"))
        effective = "not_shared" if consent.method == "declined" or flow.sharing_forced() else consent.sharing
        lines.append(self.tr("Sharing: {s}").format(s=levels[effective]))
        if flow.expiry():
            lines.append(self.tr("Expires on: {d}").format(d=flow.expiry()))
        language = self.context.ui_language
        for i, member in enumerate(flow.members):
            lines.append("")
            lines.append(self.tr("Person {n}").format(n=i + 1) + (
                " \u2014 " + self.tr("linked to the existing record") if member.link_personal_id else ""))
            for question in flow.questions(i):
                value = member.answers.get(question.field)
                if value in (None, ""):
                    continue
                lines.append(f"    {question.label.get(language)}: {self._answer(question.field, value)}")
        self.summary.setText("".join(_html_line(line) for line in lines))
        _problems, decisions = flow.check()
        notices = sorted({f"{core_text(n.message)} ({n.clause})" for d in decisions for n in d.notices})
        self.notices.setText("\n".join(notices))
        self.notices.setVisible(bool(notices))

    def show_problems(self, problems: Sequence[Problem]) -> None:
        show_on(self.general, problems)

    def clear_client_data(self) -> None:
        self._revealed = False
        self.summary.setText("")


def masked_ssn(value: str) -> str:
    """Every character but the last four as a dot: enough to check with the client."""
    return "\u2022" * max(0, len(value) - 4) + value[-4:]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_line(line: str) -> str:
    """One line of the summary; an answer is indented as a block, so a long one that
    wraps at 1366 pixels or 200% stays under its person."""
    if line.startswith("    "):
        return f'<div style="margin-left: 24px">{_escape(line.strip())}</div>'
    return f"<div>{_escape(line) or '&nbsp;'}</div>"

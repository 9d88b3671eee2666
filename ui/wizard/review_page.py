"""The last step: everything the intake will store, read back before saving."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.catalog import QuestionType
from app.intake import Problem
from ui.wizard.flow import IntakeFlow, StepRef
from ui.wizard.page import WizardContext, WizardPage, show_on, text_label


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
        self.layout_.addStretch(1)

    def title(self) -> str:
        return self.tr("Review and save")

    def _answer(self, field: str, value: object) -> str:
        question = self.flow.catalog.question(field)
        language = self.context.ui_language
        if question.kind is QuestionType.FLAG:
            return self.tr("Yes") if value == 1 else self.tr("No")
        if question.kind is QuestionType.CHOICE and question.code_list and isinstance(value, int):
            codes = self.flow.catalog.code_list(question.code_list)
            return codes.label(value, language) if value in codes else str(value)
        return str(value)

    def enter(self, ref: StepRef) -> None:
        flow = self.flow
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
        notices = sorted({f"{n.message} ({n.clause})" for d in decisions for n in d.notices})
        self.notices.setText("\n".join(notices))
        self.notices.setVisible(bool(notices))

    def show_problems(self, problems: Sequence[Problem]) -> None:
        show_on(self.general, problems)

    def clear_client_data(self) -> None:
        self.summary.setText("")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_line(line: str) -> str:
    """One line of the summary; an answer is indented as a block, so a long one that
    wraps at 1366 pixels or 200% stays under its person."""
    if line.startswith("    "):
        return f'<div style="margin-left: 24px">{_escape(line.strip())}</div>'
    return f"<div>{_escape(line) or '&nbsp;'}</div>"

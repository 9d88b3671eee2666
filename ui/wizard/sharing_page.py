"""Step 4: the sharing level, with whom, and until when.

The levels and their descriptions are the pack's texts. When the project's
populations or a declined consent mean the record can never be shared (VT-3.1-2,
MO-PROT-1, MO-ROI-8), the consent rules say so and the choice is shown fixed to Not
Shared with the reason; the worker is not offered a choice that would be overridden.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QLineEdit, QRadioButton, QWidget

from app.catalog import load_consent_texts
from app.intake import Problem
from ui.widgets.field import Field, form_grid
from ui.wizard.flow import IntakeFlow, StepRef
from ui.wizard.page import WizardContext, WizardPage, fill, message_label, problem_text, show_on, text_label


class SharingPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.body = text_label("")
        self.layout_.addWidget(self.body)
        self.forced = text_label("", "notice")
        self.forced.setAccessibleName(self.tr("Sharing is fixed"))
        self.layout_.addWidget(self.forced)
        self.group = QButtonGroup(self)
        self.levels: dict[str, QRadioButton] = {}
        self.descriptions: dict[str, QWidget] = {}
        for level, text in (("shared", self.tr("&Shared")), ("not_shared", self.tr("&Not Shared"))):
            button = QRadioButton(text)
            self.group.addButton(button)
            self.levels[level] = button
            description = text_label("", "hint")
            description.setContentsMargins(26, 0, 0, 0)
            self.descriptions[level] = description
            self.layout_.addWidget(button)
            self.layout_.addWidget(description)
        grid = form_grid()
        self.shared_with = QLineEdit()
        self.shared_with.setMaxLength(300)
        self.shared_with.setPlaceholderText(self.tr("Agencies or groups, separated by commas"))
        self.expires = QLineEdit()
        self.expires.setMaxLength(10)
        self.expires.setPlaceholderText("YYYY-MM-DD")
        self.fields = {
            "shared_with": Field(grid, 0, self.tr("Shared &with"), self.shared_with, self.tr("Shared with")),
            "expires_on": Field(grid, 2, self.tr("&Expires on"), self.expires, self.tr("Consent expiry date"),
                                self.tr("Tell the client this date.")),
        }
        self.layout_.addLayout(grid)
        self.release = QCheckBox(self.tr("The client signed the separate &release to share"))
        self.release.setAccessibleName(self.tr("Separate release to share signed"))
        self.release_message = message_label()
        self.layout_.addWidget(self.release)
        self.layout_.addWidget(self.release_message)
        self.layout_.addStretch(1)
        self.group.buttonToggled.connect(lambda _b, on: on and self._level_changed())

    def title(self) -> str:
        return self.tr("Sharing")

    def _level(self) -> str:
        return "shared" if self.levels["shared"].isChecked() else "not_shared"

    def _level_changed(self) -> None:
        shared = self._level() == "shared"
        for widget in (self.shared_with, self.fields["shared_with"].label, self.release):
            widget.setEnabled(shared)
        self.page_did_change.emit()

    def enter(self, ref: StepRef) -> None:
        texts = load_consent_texts(self.flow.pack.id, self.flow.language)
        client = self.tr("the client")
        self.heading.setText(fill(texts.sharing.title, self.flow, self.context, client))
        self.body.setText("\n\n".join(fill(p, self.flow, self.context, client) for p in texts.sharing.body))
        for level in texts.sharing.levels:
            self.levels[level.id].setText("&" + fill(level.label, self.flow, self.context, client))
            self.levels[level.id].setAccessibleName(fill(level.label, self.flow, self.context, client))
            self.descriptions[level.id].setText(fill(level.description, self.flow, self.context, client))
        consent = self.flow.consent
        reasons = self.flow.sharing_forced()
        if reasons:
            why = [r for r in reasons if r]
            if consent.method == "declined":
                why.append(self.tr("The client declined consent, so the record stays Not Shared."))
            self.forced.setText(self.tr("Sharing is fixed to Not Shared for this intake.") + "\n"
                                + "\n".join(why))
            consent.sharing = "not_shared"
        self.forced.setVisible(bool(reasons))
        for button in self.levels.values():
            button.setEnabled(not reasons)
        self.levels[consent.sharing].setChecked(True)
        self.shared_with.setText(consent.shared_with)
        if not consent.expires_on:
            consent.expires_on = self.flow.default_expiry()
        self.expires.setText(consent.expires_on)
        self.release.setChecked(consent.release_to_share_signed)
        self.release.setVisible(self.flow.pack.consent.separate_release_to_share)
        self._level_changed()

    def leave(self) -> None:
        consent = self.flow.consent
        consent.sharing = self._level()
        consent.shared_with = self.shared_with.text()
        consent.expires_on = self.expires.text()
        consent.release_to_share_signed = self.release.isChecked()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        def where(name: str) -> list[Problem]:
            return [p for p in problems if p.path.split(".")[-1] == name]

        for name, field in self.fields.items():
            field.show_problems([problem_text(p) for p in where(name)])
        show_on(self.release_message, where("release"))
        show_on(self.general, [p for p in problems if p.path.split(".")[-1] not in ("shared_with", "expires_on",
                                                                                     "release")])

    def first_input(self) -> QWidget:
        return self.levels[self._level()] if self.levels[self._level()].isEnabled() else self.expires

    def clear_client_data(self) -> None:
        self.shared_with.setText("")
        self.expires.setText("")

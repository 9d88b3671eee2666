"""Step 3: the client's choices, made before anything is signed.

Does the client agree or decline; if they agree, Shared or Not Shared, with whom,
what, and until when; who consents (a parent or guardian for a minor, VT-3.4-14) and,
where the pack asks, the explicit permissions of a possible victim of domestic
violence (VT-3.4-2). The next step shows the consent text with these choices filled
in, and that is what the client signs.

When the project's populations (VT-3.1-2, MO-PROT-1) or a minor without a parent or
guardian consenting (VT-3.4-14) mean the record can never be shared, the consent
rules say so and the choice is shown fixed at Not Shared with one sentence saying
why. A refusal asks for no expiry date: it says what happens next in the pack's own
words (nothing recorded, a locked record, or Not Shared).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import load_consent_texts
from app.consent_gate import project_roi_missing
from app.intake import Problem
from app.intake.flow import IntakeFlow
from app.intake.flow_consent import BLANK_IN_SIGNED_TEXT, SharingLock
from app.intake.steps import StepRef
from app.rules.consent import cite
from ui.widgets.field import Field, form_grid
from ui.wizard.page import WizardContext, WizardPage, fill, message_label, problem_text, show_on, text_label

_PLACED = ("shared_with", "shared_information", "expires_on", "release", "signer", "dv_permission", "sharing")


class SharingPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.body = text_label("")
        self.layout_.addWidget(self.body)
        # MO-ROI-6: a client on file whose ROIs cover other projects gives this project's ROI here.
        self.project_roi = text_label("", "notice")
        self.project_roi.setAccessibleName(self.tr("A release for this project"))
        self.layout_.addWidget(self.project_roi)

        row = QHBoxLayout()
        self.decision_group = QButtonGroup(self)
        self.agree_button = QRadioButton(self.tr("The client &agrees"))
        self.agree_button.setAccessibleName(self.tr("The client agrees to the consent"))
        self.decline_button = QRadioButton(self.tr("The client &declines"))
        self.decline_button.setAccessibleName(self.tr("The client declines consent"))
        for button in (self.agree_button, self.decline_button):
            self.decision_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.layout_.addLayout(row)

        self.agreed_part = QWidget()
        agreed = QVBoxLayout(self.agreed_part)
        agreed.setContentsMargins(0, 0, 0, 0)
        self.forced = text_label("", "notice")
        self.forced.setAccessibleName(self.tr("Sharing is fixed"))
        agreed.addWidget(self.forced)
        self.group = QButtonGroup(self)
        self.levels: dict[str, QRadioButton] = {}
        self.descriptions: dict[str, QLabel] = {}
        for level, text in (("shared", self.tr("&Shared")), ("not_shared", self.tr("&Not Shared"))):
            button = QRadioButton(text)
            self.group.addButton(button)
            self.levels[level] = button
            description = text_label("", "hint")
            description.setContentsMargins(26, 0, 0, 0)
            self.descriptions[level] = description
            agreed.addWidget(button)
            agreed.addWidget(description)
        grid = form_grid()
        self.shared_with = QLineEdit()
        self.shared_with.setMaxLength(300)
        self.shared_with.setPlaceholderText(self.tr("Agencies or groups, separated by commas"))
        self.shared_information = QLineEdit()
        self.shared_information.setMaxLength(300)
        self.shared_information.setPlaceholderText(self.tr("e.g. name, date of birth, enrollment and services"))
        self.expires = QLineEdit()
        self.expires.setMaxLength(10)
        self.expires.setPlaceholderText("YYYY-MM-DD")
        self.fields = {
            "shared_with": Field(grid, 0, self.tr("Shared &with"), self.shared_with, self.tr("Shared with")),
            "shared_information": Field(grid, 2, self.tr("&Information shared"), self.shared_information,
                                        self.tr("Information shared")),
            "expires_on": Field(grid, 4, self.tr("&Expires on"), self.expires, self.tr("Consent expiry date"),
                                self.tr("Tell the client this date.")),
        }
        agreed.addLayout(grid)
        self.release = QCheckBox(self.tr("The client signed the separate &release to share"))
        self.release.setAccessibleName(self.tr("Separate release to share signed"))
        self.release_message = message_label()
        agreed.addWidget(self.release)
        agreed.addWidget(self.release_message)
        self.signer_box = QCheckBox(self.tr("A &parent or legal guardian is consenting for the client"))
        self.signer_box.setAccessibleName(self.tr("Parent or legal guardian consents"))
        self.emancipated_box = QCheckBox(self.tr("The client is an e&mancipated minor"))
        self.emancipated_box.setAccessibleName(self.tr("Client is an emancipated minor"))
        self.signer_message = message_label()
        for widget in (self.signer_box, self.emancipated_box, self.signer_message):
            agreed.addWidget(widget)
        self.layout_.addWidget(self.agreed_part)

        self.declined_part = QWidget()
        declined = QVBoxLayout(self.declined_part)
        declined.setContentsMargins(0, 0, 0, 0)
        self.declined_title = QLabel()
        self.declined_title.setObjectName("sectionHeading")
        self.declined_text = text_label("", "notice")
        self.declined_outcome = text_label("")
        self.declined_outcome.setAccessibleName(self.tr("What happens after a refusal"))
        for widget in (self.declined_title, self.declined_text, self.declined_outcome):
            declined.addWidget(widget)
        self.layout_.addWidget(self.declined_part)

        self.dv_box = QCheckBox(self.tr("The client may be a victim of domestic &violence"))
        self.dv_box.setAccessibleName(self.tr("Client may be a victim of domestic violence"))
        self.dv_enter = QCheckBox(self.tr("The client explicitly allows their information to be en&tered"))
        self.dv_enter.setAccessibleName(self.tr("Permission to enter information"))
        self.dv_share = QCheckBox(self.tr("The client explicitly allows their information to be s&hared"))
        self.dv_share.setAccessibleName(self.tr("Permission to share information"))
        self.dv_message = message_label()
        for widget in (self.dv_box, self.dv_enter, self.dv_share, self.dv_message):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)

        self.decision_group.buttonToggled.connect(lambda _b, on: self._decision_changed() if on else None)
        self.group.buttonToggled.connect(lambda _b, on: self._level_changed() if on else None)
        self.dv_box.toggled.connect(self._dv_toggled)
        for box in (self.signer_box, self.emancipated_box):
            box.toggled.connect(lambda _on: self._who_changed())

    def title(self) -> str:
        return self.tr("Sharing")

    # -- reacting ---------------------------------------------------------------------

    def _level(self) -> str:
        return "shared" if self.levels["shared"].isChecked() else "not_shared"

    def _decision_changed(self) -> None:
        consent = self.flow.consent
        if self.decline_button.isChecked():
            consent.method = "declined"
        elif consent.method == "declined":
            consent.method = "written"
        self._show_parts()
        self.page_did_change.emit()

    def _level_changed(self) -> None:
        self.flow.consent.sharing = self._level()
        self._show_parts()
        self.page_did_change.emit()

    def _who_changed(self) -> None:
        self.leave()
        self._show_lock()
        self.page_did_change.emit()

    def _dv_toggled(self, on: bool) -> None:
        dv = self.flow.pack.consent.dv_needs_explicit_permission
        self.dv_enter.setVisible(dv and on)
        self.dv_share.setVisible(dv and on and not self.flow.declined)
        self.page_did_change.emit()

    def _show_parts(self) -> None:
        declined = self.flow.declined
        self.agreed_part.setVisible(not declined)
        self.declined_part.setVisible(declined)
        shared = self._level() == "shared" and not declined
        for name in ("shared_with", "shared_information"):
            _set_field_visible(self.fields[name], shared)
        _set_field_visible(self.fields["expires_on"],
                           not declined and (shared or bool(self.flow.pack.consent.expiry_months)))
        self.release.setVisible(shared and self.flow.pack.consent.separate_release_to_share)
        if not self.release.isVisible():
            self.release_message.hide()
        self._dv_toggled(self.dv_box.isChecked())
        if declined:
            self.declined_outcome.setText(self._outcome())

    def _outcome(self) -> str:
        """What a refusal means under this pack, as the consent rules decide it."""
        texts = load_consent_texts(self.flow.pack.id, self.flow.language)
        clauses = ", ".join((texts.declined.clause, *texts.declined.related))
        if self.flow.declined_refuses_data():
            text = self.tr("Under this policy nothing about the client may be recorded without their consent: "
                           "the intake ends here and nothing is saved ({clause}).")
        elif self.flow.pack.consent.declined_locks_household:
            text = self.tr("The intake goes on with the household's record locked: only your agency can see it "
                           "({clause}).")
        else:
            text = self.tr("The intake goes on as Not Shared: only your agency can see the record ({clause}).")
        return text.format(clause=clauses)

    def lock_sentence(self, lock: SharingLock) -> str:
        if lock.kind == "minor":
            return self.tr("Sharing is fixed at Not Shared: the client is under {age} and not emancipated, so only "
                           "a parent or legal guardian can consent to sharing ({clause}).").format(
                age=lock.age, clause=lock.clause)
        names = {"dv": self.tr("survivors of domestic violence"), "hiv": self.tr("people with HIV/AIDS"),
                 "youth": self.tr("young people"), "legal": self.tr("legal services clients"),
                 "protected": self.tr("a protected population")}
        served = ", ".join(names.get(p, p) for p in lock.populations)
        return self.tr("Sharing is fixed at Not Shared: this project serves {who}, whose records stay Not "
                       "Shared ({clause}).").format(who=served, clause=lock.clause)

    def _show_lock(self) -> None:
        locks = self.flow.sharing_locks()
        consent = self.flow.consent
        self.forced.setText("\n".join(self.lock_sentence(lock) for lock in locks))
        self.forced.setVisible(bool(locks))
        for button in self.levels.values():
            button.setEnabled(not locks)
        if locks and consent.sharing != "not_shared":
            consent.sharing = "not_shared"
        self.group.blockSignals(True)
        self.levels[consent.sharing].setChecked(True)
        self.group.blockSignals(False)
        self._show_parts()

    # -- flow -------------------------------------------------------------------------

    def enter(self, ref: StepRef) -> None:
        texts = load_consent_texts(self.flow.pack.id, self.flow.language)
        client = self.tr("the client")
        self.heading.setText(fill(texts.sharing.title, self.flow, self.context, client))
        self.body.setText("\n\n".join(fill(p, self.flow, self.context, client) for p in texts.sharing.body))
        for level in texts.sharing.levels:
            self.levels[level.id].setText("&" + fill(level.label, self.flow, self.context, client))
            self.levels[level.id].setAccessibleName(fill(level.label, self.flow, self.context, client))
            self.descriptions[level.id].setText(fill(level.description, self.flow, self.context, client))
        self.declined_title.setText(fill(texts.declined.title, self.flow, self.context, client))
        self.declined_text.setText("\n\n".join(fill(p, self.flow, self.context, client)
                                               for p in texts.declined.body))
        self._show_project_roi()
        consent = self.flow.consent
        policy = self.flow.pack.consent
        self.decision_group.blockSignals(True)
        (self.decline_button if consent.method == "declined" else self.agree_button).setChecked(True)
        self.decision_group.blockSignals(False)
        self.shared_with.setText(consent.shared_with)
        self.shared_information.setText(consent.shared_information)
        fixed = self.flow.fixed_term
        self.expires.setReadOnly(fixed)
        self.expires.setText(self.flow.default_expiry() if fixed else consent.expires_on)
        self.fields["expires_on"].set_texts(
            self.tr("&Expires on"), self.tr("Consent expiry date"),
            self.tr("Set by the policy from the date of signing; tell the client this date.") if fixed
            else self.tr("Tell the client this date."))
        self.release.setChecked(consent.release_to_share_signed)
        for box, on in ((self.signer_box, consent.signer_is_guardian), (self.emancipated_box, consent.emancipated)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
            box.setVisible(not policy.minors_can_consent)
        dv = policy.dv_needs_explicit_permission
        self.dv_box.setVisible(dv)
        self.dv_box.blockSignals(True)
        self.dv_box.setChecked(consent.possible_dv_victim)
        self.dv_box.blockSignals(False)
        self.dv_enter.setChecked(consent.dv_permission_to_enter)
        self.dv_share.setChecked(consent.dv_permission_to_share)
        self._show_lock()

    def _show_project_roi(self) -> None:
        """MO-ROI-6, A19: where an ROI is recorded per project, say that this intake's
        consent is the release for its project when a linked client has none for it."""
        linked = [m.link_personal_id for m in self.flow.members if m.link_personal_id]
        project = self.flow.project
        missing = bool(linked) and project is not None and project_roi_missing(
            self.context.conn, self.flow.pack, linked, project.project_id)
        if missing and project is not None:
            clause = cite(self.flow.pack, "roi_project")
            text = self.tr("This client's releases of information cover other projects only: the consent "
                           "recorded here is the release for {project}.").format(project=project.name)
            self.project_roi.setText(f"{text} ({clause})" if clause else text)
        self.project_roi.setVisible(missing)

    def leave(self) -> None:
        consent = self.flow.consent
        if self.decline_button.isChecked():
            consent.method = "declined"
        elif consent.method == "declined":
            consent.method = "written"
        consent.sharing = self._level()
        consent.shared_with = self.shared_with.text()
        consent.shared_information = self.shared_information.text()
        consent.expires_on = "" if self.flow.fixed_term else self.expires.text()
        consent.release_to_share_signed = self.release.isChecked()
        consent.signer_is_guardian = self.signer_box.isChecked()
        consent.emancipated = self.emancipated_box.isChecked()
        consent.possible_dv_victim = self.dv_box.isChecked()
        consent.dv_permission_to_enter = self.dv_enter.isChecked()
        consent.dv_permission_to_share = self.dv_share.isChecked()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        def where(name: str) -> list[Problem]:
            return [p for p in problems if p.path.split(".")[-1] == name]

        blank = self.tr("This is written into the text the client signs; fill it in.")
        for name, field in self.fields.items():
            # The wizard's own check that the signed text has no blank is worded here.
            field.show_problems([blank if p.message == BLANK_IN_SIGNED_TEXT else problem_text(p)
                                 for p in where(name)])
        show_on(self.release_message, where("release"))
        show_on(self.signer_message, where("signer"))
        show_on(self.dv_message, where("dv_permission"))
        show_on(self.general, [p for p in problems if p.path.split(".")[-1] not in _PLACED])
        self._show_parts()  # a field's message line shows only while the field does

    def first_input(self) -> QWidget:
        return self.decline_button if self.flow.declined else self.agree_button

    def clear_client_data(self) -> None:
        for edit in (self.shared_with, self.shared_information, self.expires):
            edit.setText("")


def _set_field_visible(field: Field, on: bool) -> None:
    field.label.setVisible(on)
    field.widget.setVisible(on)
    field.message.setVisible(on and bool(field.message.text()))

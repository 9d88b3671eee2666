"""Recording a new consent or ROI from the profile, after the old one expired or was
revoked (MO-ROI-10, CT-207-1), in a compact form of the wizard's consent step.

The pack's own texts are shown in the client's language; written consent is signed
on the pad or on paper the worker attests (CT-207-7), verbal consent carries the
worker's attestation with the reason and witness (MO-ROI-9), and a refusal is
offered only where it lets the record go on locked (MO-ROI-8, MO-RIGHTS-3) or where
consent to collect is assumed (VT-3.4-1). Whether the consent is acceptable is
decided by ``app.consents.record_consent`` with the intake's rules, and each problem
is shown beside the part it concerns. The window title never names the client.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import available_languages, load_consent_texts, render_text
from app.consents import ConsentRefused, client_projects, coverage, per_project, record_consent
from app.errors import UserFacingError, ValidationError
from app.intake.document import ConsentInput
from app.profile import ClientProfile
from app.rules.consent import cite, roi_expiry
from app.session import Session
from ui.core_text import core_text
from ui.i18n import LANGUAGE_CHOICES, active_language
from ui.profile.common import DASH, action_row, fit_to_screen, hold_text, scrolling_body
from ui.profile.consent_method import MethodPanel
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.widgets.mnemonics import give_unique_mnemonics
from ui.wizard.page import message_label, text_label


class RenewConsentDialog(QDialog):
    def __init__(self, session: Session, profile: ClientProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.profile = profile
        self.saved_message = ""
        self.setWindowTitle(window_title(self.tr("Record new consent")))
        self.setModal(True)
        pack = session.pack
        policy = pack.consent
        self._agency = session.settings.agency_name or ""
        self._staff = session.user.display_name
        self._client = profile.person.display_name or self.tr("the client")
        self._now = session.clock.now()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area, column = scrolling_body(outer)
        self._build_heading(column, session, profile)
        self._build_language(column, session)
        # The choices (with whom, until when, the date) come before the text and the
        # signature, so what the client signs is complete (as in the wizard).
        self._build_sharing(column, session)
        self._build_date(column)
        allow_declined = policy.declined_locks_household or not policy.consent_before_any_data
        self.method = MethodPanel(policy.verbal_allowed == "phone_first_contact", allow_declined, self)
        column.addWidget(self.method)
        self.resign_message = message_label()
        column.addWidget(self.resign_message)
        self._build_signer_and_dv(column, session)
        self.general = message_label()
        column.addWidget(self.general)
        column.addStretch(1)

        actions = action_row(self.tr("Cancel"), self.tr("Cancel without recording a consent"),
                             self.tr("&Save consent"), margins=(20, 8, 20, 16))
        self.cancel_button, self.save_button = actions.cancel, actions.action
        outer.addLayout(actions.layout)
        self._built_texts: list[tuple[QAbstractButton | QLabel, str]] = []
        self._connect()
        self._dv_toggled(False)
        self._method_changed()
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, 780, 720)

    # -- building ---------------------------------------------------------------------

    def _build_heading(self, column: QVBoxLayout, session: Session, profile: ClientProfile) -> None:
        """The heading, why a new consent is needed, and whom it covers."""
        column.addWidget(text_label(self.tr("Record a new consent"), "sectionHeading"))
        if profile.consent_hold is not None:
            column.addWidget(text_label(hold_text(profile.consent_hold), "notice"))
        covered = len(coverage(session, profile.person.personal_id).personal_ids)
        if covered > 1:
            column.addWidget(text_label(self.tr("One release covers the household: it is recorded for all {n} "
                                                "members (MO-ROI-3).").format(n=covered), "notice"))
        self._build_project(column, session, profile)

    def _build_project(self, column: QVBoxLayout, session: Session, profile: ClientProfile) -> None:
        """MO-ROI-6, A19: where an ROI is recorded for each project the client is enrolled
        in, the project this one covers (the latest enrollment's first)."""
        self.project: QComboBox | None = None
        projects = client_projects(session, profile.person.personal_id) if per_project(session) else []
        if not projects:
            return
        clause = cite(session.pack, "roi_project")
        note = self.tr("An ROI is recorded for each project the client is enrolled in; this one covers the "
                       "project chosen here.")
        column.addWidget(text_label(f"{note} ({clause})" if clause else note, "notice"))
        self.project = QComboBox()  # placed beside the language (``_build_language``)
        for project_id, name in projects:
            self.project.addItem(name, project_id)

    def _build_language(self, column: QVBoxLayout, session: Session) -> None:
        """The texts' language, their title and the oral explanation box."""
        top = form_grid()
        self.language = QComboBox()
        names = dict(LANGUAGE_CHOICES)
        for lang in available_languages(session.pack.id):
            self.language.addItem(names.get(lang, lang), lang)
        self.language.setCurrentIndex(max(0, self.language.findData(active_language())))
        Field(top, 0, self.tr("Client's &language"), self.language, self.tr("Language of the consent texts"))
        if self.project is not None:
            Field(top, 1, self.tr("&Project"), self.project, self.tr("Project the ROI covers"))
        column.addLayout(top)
        self.title = text_label("", "subheading")
        column.addWidget(self.title)
        self.script_box = QCheckBox(self.tr("I went through the &oral explanation with the client"))
        self.script_box.setAccessibleName(self.tr("Oral explanation given"))
        self.script_message = message_label()
        column.addWidget(self.script_box)
        column.addWidget(self.script_message)

    def _build_sharing(self, column: QVBoxLayout, session: Session) -> None:
        """Shared or not, with whom, until when, and the separate release where the pack wants one."""
        pack = session.pack
        self.sharing_box = QWidget()
        sharing = QVBoxLayout(self.sharing_box)
        sharing.setContentsMargins(0, 0, 0, 0)
        self.sharing_heading = text_label("", "sectionHeading")
        sharing.addWidget(self.sharing_heading)
        row = QHBoxLayout()
        self.sharing_group = QButtonGroup(self)
        self.shared = QRadioButton(self.tr("S&hared"))
        self.shared.setAccessibleName(self.tr("Information is shared"))
        self.not_shared = QRadioButton(self.tr("&Not shared"))
        self.not_shared.setAccessibleName(self.tr("Information is not shared"))
        for button in (self.shared, self.not_shared):
            self.sharing_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        sharing.addLayout(row)
        (self.shared if pack.sharing.default == "shared" else self.not_shared).setChecked(True)
        self.level_text = text_label("", "hint")
        sharing.addWidget(self.level_text)
        grid = form_grid()
        self.shared_with = QLineEdit()
        self.shared_with.setMaxLength(200)
        self.expires = QLineEdit()
        self.expires.setPlaceholderText("YYYY-MM-DD")
        self.expires.setMaxLength(10)
        self.fields = {
            "shared_with": Field(grid, 0, self.tr("Shared w&ith"), self.shared_with, self.tr("Shared with"),
                                 self.tr("Who sees the information; separate several with commas.")),
            "expires_on": Field(grid, 2, self.tr("&Expires on"), self.expires, self.tr("Release expires on")),
        }
        sharing.addLayout(grid)
        self.release_box = QCheckBox(self.tr("The client signed the separate rele&ase to share"))
        self.release_box.setAccessibleName(self.tr("Separate release to share signed"))
        self.release_box.setVisible(pack.consent.separate_release_to_share)
        self.release_message = message_label()
        sharing.addWidget(self.release_box)
        sharing.addWidget(self.release_message)
        column.addWidget(self.sharing_box)

    def _build_date(self, column: QVBoxLayout) -> None:
        date_grid = form_grid()
        self.signed_on = QLineEdit(self._now.date().isoformat())
        self.signed_on.setPlaceholderText("YYYY-MM-DD")
        self.signed_on.setMaxLength(10)
        self.fields["signed_on"] = Field(date_grid, 0, self.tr("Date of &consent"), self.signed_on,
                                         self.tr("Date of consent"))
        column.addLayout(date_grid)

    def _build_signer_and_dv(self, column: QVBoxLayout, session: Session) -> None:
        """Who signs for a minor, and the explicit permissions a possible DV victim gives."""
        policy = session.pack.consent
        self.guardian_box = QCheckBox(self.tr("A parent or legal g&uardian is consenting for the client"))
        self.guardian_box.setAccessibleName(self.tr("Parent or legal guardian consents"))
        self.emancipated_box = QCheckBox(self.tr("The client is an e&mancipated minor"))
        self.emancipated_box.setAccessibleName(self.tr("Client is an emancipated minor"))
        self.signer_message = message_label()
        for widget in (self.guardian_box, self.emancipated_box):
            widget.setVisible(not policy.minors_can_consent)
            column.addWidget(widget)
        column.addWidget(self.signer_message)
        self.dv_box = QCheckBox(self.tr("The client ma&y be a victim of domestic violence"))
        self.dv_box.setAccessibleName(self.tr("Client may be a victim of domestic violence"))
        self.dv_enter = QCheckBox(self.tr("The client e&xplicitly allows their information to be entered"))
        self.dv_enter.setAccessibleName(self.tr("Permission to enter information"))
        self.dv_share = QCheckBox(self.tr("The client explicitly allows their information to &be shared"))
        self.dv_share.setAccessibleName(self.tr("Permission to share information"))
        self.dv_message = message_label()
        self._dv = policy.dv_needs_explicit_permission
        self.dv_box.setVisible(self._dv)
        for dv_widget in (self.dv_box, self.dv_enter, self.dv_share, self.dv_message):
            column.addWidget(dv_widget)

    def _connect(self) -> None:
        self.language.currentIndexChanged.connect(lambda _i: self._text_changed())
        self.method.method_did_change.connect(self._method_changed)
        self.sharing_group.buttonToggled.connect(lambda _b, on: self._text_changed() if on else None)
        self.dv_box.toggled.connect(self._dv_toggled)
        for edit in (self.shared_with, self.signed_on, self.expires, self.method.witness):
            edit.textEdited.connect(lambda _t: self._text_changed())
        self.method.pad.signature_did_change.connect(self.resign_message.hide)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self._save)

    # -- reacting ---------------------------------------------------------------------

    def _signed(self) -> date | None:
        try:
            return date.fromisoformat(self.signed_on.text().strip())
        except ValueError:
            return None

    def _text_changed(self) -> None:
        """A signature is given to the text shown when it was drawn: a choice that
        changes the text afterwards clears it, and the client signs the new text."""
        before = self._shown_text()
        self._render()
        if not self.method.pad.is_empty and self._shown_text() != before:
            self.method.pad.clear()
            self.resign_message.setText(self.tr("The consent text changed, so the signature was cleared: "
                                                "the client signs the text as it reads now."))
            self.resign_message.show()

    def _shown_text(self) -> tuple[str, ...]:
        method = self.method
        return (self.title.text(), method.written_text.text(), method.verbal_text.text(), method.attestation.text(),
                self.level_text.text())

    def _render(self) -> None:
        session = self.session
        if session is None:
            return
        pack = session.pack
        lang = str(self.language.currentData() or "en")
        texts = load_consent_texts(pack.id, lang)
        signed = self._signed()
        default_end = roi_expiry(pack, signed) if signed else None
        expiry = self.expires.text().strip() or (default_end.isoformat() if default_end else DASH)
        values = {"agency": self._agency or self.tr("the agency"), "staff_name": self._staff,
                  "client_name": self._client, "witness_name": self.method.witness.text().strip() or DASH,
                  "consent_date": self.signed_on.text().strip() or DASH,
                  "consent_time": self._now.strftime("%H:%M"), "expiry_date": expiry,
                  "shared_with": self.shared_with.text().strip() or DASH,
                  # What the core fills in when the worker names nothing (app.catalog.render_consent_text).
                  "shared_information": texts.sharing.information or DASH,
                  "grievance_contact": self._agency or DASH}

        def fill(text: str) -> str:
            try:
                return render_text(text, values)
            except (KeyError, ValueError):
                return text

        self.title.setText(fill(texts.title))
        self.method.show_texts(texts, fill)
        self.sharing_heading.setText(fill(texts.sharing.title))
        level = texts.sharing.level("shared" if self.shared.isChecked() else "not_shared")
        self.level_text.setText(fill(level.description))
        if default_end is not None:
            hint = self.tr("Leave empty: the release ends on {date} ({clause}).").format(
                date=default_end.isoformat(), clause="MO-ROI-10")
        elif pack.consent.separate_release_to_share:
            hint = self.tr("Needed when the information is shared; tell the client the date (CT-207-9).")
        else:
            hint = self.tr("Optional.")
        self.fields["expires_on"].hint = hint
        if not self.fields["expires_on"].widget.accessibleDescription():
            self.fields["expires_on"].clear_problems()

    def _method_changed(self) -> None:
        self.sharing_box.setVisible(self.method.method() != "declined")
        self._render()
        self._unique_mnemonics()

    def _dv_toggled(self, on: bool) -> None:
        self.dv_enter.setVisible(self._dv and on)
        self.dv_share.setVisible(self._dv and on)
        self._unique_mnemonics()

    def _unique_mnemonics(self) -> None:
        """One Alt+letter per thing shown, in every language: the form has more access
        keys than letters (the language and the signature's Clear both claim Alt+L in
        English), but the parts of one consent method are never shown with another's.
        So after each change of what is shown the texts as built come back and a later
        claim on a letter moves to a free one of its own text (Save keeps Alt+S)."""
        if not self._built_texts:
            self._built_texts = [(w, w.text()) for w in self.findChildren(QAbstractButton)]
            self._built_texts += [(w, w.text()) for w in self.findChildren(QLabel) if w.buddy() is not None]
        for widget, text in self._built_texts:
            if widget.text() != text:
                widget.setText(text)
        give_unique_mnemonics(self, (self.save_button,))

    # -- saving -----------------------------------------------------------------------

    def _consent(self) -> ConsentInput:
        method = self.method.method()
        signed = self._signed()
        if signed is None:
            raise ValidationError("signed_on", self.tr("Enter a real date as YYYY-MM-DD."))
        expires = None
        if self.expires.text().strip() and method != "declined":
            try:
                expires = date.fromisoformat(self.expires.text().strip())
            except ValueError:
                raise ValidationError("expires_on", self.tr("Enter a real date as YYYY-MM-DD.")) from None
        shared = self.shared.isChecked() and method != "declined"
        png = self.method.pad.png_bytes() if method == "written" else None
        return ConsentInput(
            method=method,
            sharing="shared" if shared else "not_shared",
            signed_on=signed,
            shared_with=tuple(p.strip() for p in self.shared_with.text().split(",") if p.strip()) if shared else (),
            expires_on=expires,
            signature="paper_attested" if method == "written" and self.method.paper_box.isChecked() else
            ("captured" if png else None),
            signature_png=png,
            verbal_reason=self.method.reason.text().strip() if method == "verbal" else "",
            witness=self.method.witness.text().strip() if method == "verbal" else "",
            first_contact_by_phone=self.method.phone_box.isChecked() if method == "verbal" else False,
            release_to_share_signed=self.release_box.isChecked(),
            signer_is_guardian=self.guardian_box.isChecked(),
            possible_dv_victim=self.dv_box.isChecked(),
            dv_permission_to_enter=self.dv_enter.isChecked(),
            dv_permission_to_share=self.dv_share.isChecked(),
        )

    def _clear_problems(self) -> None:
        for label in (self.script_message, self.release_message, self.signer_message, self.dv_message,
                      self.general):
            label.hide()
        for field in self.fields.values():
            field.clear_problems()
        self.method.clear_problems()

    def _show(self, field: str, message: str) -> None:
        if field in self.fields:
            self.fields[field].show_problems([message])
            return
        if self.method.show_problem(field, message):
            return
        label = {"script": self.script_message, "release": self.release_message, "signer": self.signer_message,
                 "dv_permission": self.dv_message}.get(field, self.general)
        label.setText(f"{label.text()}\n{message}" if label.isVisible() and label.text() else message)
        label.show()

    def _save(self) -> None:
        session = self.session
        self._clear_problems()
        if session is None:
            return
        try:
            consent = self._consent()
            ids = record_consent(session, self.profile.person.personal_id, consent,
                                 script_acknowledged=self.script_box.isChecked(),
                                 emancipated=self.emancipated_box.isChecked(),
                                 project_id=self.project.currentData() if self.project is not None else None)
        except ConsentRefused as exc:
            for problem in exc.problems:
                self._show(problem.field, f"{problem.message} ({problem.clause})")
            self._reveal_first_problem()
            return
        except ValidationError as exc:
            self._show(exc.field, core_text(str(exc)))
            self._reveal_first_problem()
            return
        except UserFacingError as exc:
            self._show("", core_text(str(exc)))
            self._reveal_first_problem()
            return
        self.saved_message = (self.tr("New consent recorded; it is in the outbox.") if len(ids) == 1 else
                              self.tr("New consent recorded for the {n} household members; it is in the outbox.")
                              .format(n=len(ids)))
        self.accept()

    def _reveal_first_problem(self) -> None:
        """Scroll to the topmost message, so a problem below the fold is not missed."""
        body = self.scroll_area.widget()
        if body is None:
            return
        shown = [label for label in body.findChildren(QLabel)
                 if label.objectName() == "fieldError" and label.isVisibleTo(body) and label.text()]
        if shown:
            first = min(shown, key=lambda label: label.mapTo(body, label.rect().topLeft()).y())
            self.scroll_area.ensureWidgetVisible(first, 0, 60)

    # -- lock -------------------------------------------------------------------------

    def clear_client_data(self) -> None:
        self.session = None
        self.method.clear_client_data()
        for edit in (self.shared_with, self.expires, self.signed_on):
            edit.clear()

    def close_for_lock(self) -> None:
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)


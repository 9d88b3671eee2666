"""Revoking a consent: the pack's own plain words read to the client, what it means
for the record, the effective date, and an explicit confirmation.

What revocation means differs by pack and is said here as the core will apply it:
sharing stops from the effective date (MO-RIGHTS-4, VT-3.1-4, CT-207-1) and what was
entered before stays (A23); where consent is needed before data (CT-207-1, MO-ROI-1)
nothing more is recorded until the client consents again, elsewhere recording goes on
Not Shared (VT-3.4-1). Where one ROI covers the household it is revoked for all of it
(MO-ROI-3). The window title never names the client.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.catalog import available_languages, load_consent_texts, render_text
from app.followup import revocation_covers, revoke_consent
from app.profile import ConsentView
from app.session import Session
from ui.i18n import LANGUAGE_CHOICES, active_language
from ui.profile.common import DASH, action_row, apply_dated_change, fit_to_screen, scrolling_body
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.wizard.page import message_label, text_label


class RevokeConsentDialog(QDialog):
    def __init__(self, session: Session, consent: ConsentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.consent = consent
        self.saved_message = ""
        self.setWindowTitle(window_title(self.tr("Revoke consent")))
        self.setModal(True)
        pack = session.pack
        self._agency = session.settings.agency_name or ""
        self._staff = session.user.display_name

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        _scroll, column = scrolling_body(outer)

        heading = text_label(self.tr("Revoke this consent"), "sectionHeading")
        column.addWidget(heading)
        methods = {"written": self.tr("Written"), "verbal": self.tr("Verbal")}
        levels = {"shared": self.tr("Shared"), "not_shared": self.tr("Not Shared")}
        self.summary = text_label(self.tr("{method} consent signed on {signed}; {sharing}; in force until {ends}.")
                                  .format(method=methods.get(consent.method, consent.method),
                                          signed=consent.signed_on, sharing=levels.get(consent.sharing, DASH),
                                          ends=consent.ends_on or DASH), "subheading")
        column.addWidget(self.summary)
        covered = len(revocation_covers(session, consent.consent_id))
        if covered > 1:
            column.addWidget(text_label(self.tr("One release covers this household, so it is revoked for all {n} "
                                                "people it covers (MO-ROI-3).").format(n=covered), "notice"))

        grid = form_grid()
        self.language = QComboBox()
        names = dict(LANGUAGE_CHOICES)
        for lang in available_languages(pack.id):
            self.language.addItem(names.get(lang, lang), lang)
        self.language.setCurrentIndex(max(0, self.language.findData(active_language())))
        Field(grid, 0, self.tr("Client's &language"), self.language, self.tr("Language of the text read to the client"))
        column.addLayout(grid)
        self.read_heading = text_label("", "sectionHeading")
        self.read_text = text_label("", "notice")
        self.read_text.setAccessibleName(self.tr("Text to read to the client"))
        column.addSpacing(6)
        column.addWidget(self.read_heading)
        column.addWidget(self.read_text)
        column.addSpacing(6)
        column.addWidget(text_label(self.tr("What happens"), "sectionHeading"))
        effects = [self.tr("From the effective date, the client's information is no longer shared with other "
                           "agencies."),
                   self.tr("What was entered before stays in HMIS; what was already shared is not called back.")]
        if pack.consent.consent_before_any_data:
            effects.append(self.tr("No new contacts, services, exits or case notes can be recorded until the "
                                   "client gives a new consent."))
        else:
            effects.append(self.tr("Recording goes on; the record stays Not Shared until the client signs a new "
                                   "consent to share."))
        effects.append(self.tr("The revocation goes to the central HMIS with the next sync."))
        self.effects = text_label("\n".join(f"\u2022 {e}" for e in effects))
        self.effects.setAccessibleName(self.tr("What happens"))
        column.addWidget(self.effects)
        column.addSpacing(6)

        date_grid = form_grid()
        self.effective = QLineEdit(session.clock.now().date().isoformat())
        self.effective.setPlaceholderText("YYYY-MM-DD")
        self.effective.setMaxLength(10)
        self.effective_field = Field(date_grid, 0, self.tr("&Effective date"), self.effective,
                                     self.tr("Effective date"), self.tr("Today, or the day the client asked."))
        column.addLayout(date_grid)
        self.confirm = QCheckBox(self.tr("&I read this to the client and they asked to revoke their consent"))
        self.confirm.setAccessibleName(self.tr("The client asked to revoke their consent"))
        column.addWidget(self.confirm)
        self.general = message_label()
        column.addWidget(self.general)
        column.addStretch(1)

        actions = action_row(self.tr("Cancel"), self.tr("Cancel without revoking"), self.tr("&Revoke consent"),
                             margins=(20, 8, 20, 16))
        self.cancel_button, self.revoke_button = actions.cancel, actions.action
        self.revoke_button.setEnabled(False)
        outer.addLayout(actions.layout)

        self.language.currentIndexChanged.connect(lambda _i: self._render())
        self.confirm.toggled.connect(self.revoke_button.setEnabled)
        self.cancel_button.clicked.connect(self.reject)
        self.revoke_button.clicked.connect(self._revoke)
        self._render()
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, 640, 600)

    def _render(self) -> None:
        session = self.session
        if session is None:
            return
        texts = load_consent_texts(session.pack.id, str(self.language.currentData() or "en"))
        values = {"agency": self._agency or self.tr("the agency"), "staff_name": self._staff,
                  "client_name": self.tr("the client"), "witness_name": DASH, "consent_date": self.consent.signed_on,
                  "consent_time": DASH, "expiry_date": self.consent.ends_on or DASH, "shared_with": DASH,
                  "shared_information": DASH, "grievance_contact": self._agency or DASH}
        section = texts.revocation
        self.read_heading.setText(f"{render_text(section.title, values)} ({section.clause})")
        self.read_text.setText("\n\n".join(render_text(p, values) for p in section.body))

    def _revoke(self) -> None:
        session = self.session
        if session is None or not self.confirm.isChecked():
            return
        day = apply_dated_change(self.effective, self.effective_field, self.general,
                                 lambda d: revoke_consent(session, self.consent.consent_id, d))
        if day is None:
            return
        self.saved_message = self.tr("Consent revoked from {date}; the revocation is in the outbox.").format(
            date=day.isoformat())
        self.accept()

    def clear_client_data(self) -> None:
        self.session = None
        self.effective.clear()

    def close_for_lock(self) -> None:
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)

"""The line at the top of a profile that says, before anyone starts typing, that new
records wait for a new consent (MO-ROI-10, CT-207-1), or, where consent to collect is
assumed (VT-3.4-1), that sharing stopped; with the way to record a new consent."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from app.profile import ClientProfile
from ui.profile.common import hold_text
from ui.theme import set_invalid
from ui.wizard.page import text_label


class ConsentBanner(QFrame):
    renew_requested = Signal()

    def __init__(self, can_renew: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.label = text_label("", "formError")
        self.label.setAccessibleName(self.tr("Consent warning"))
        row.addWidget(self.label, 1)
        self.renew_button = QPushButton(self.tr("Record new &consent\u2026"))
        self.renew_button.setAccessibleName(self.tr("Record a new consent"))
        if not can_renew:
            self.renew_button.hide()
        self.renew_button.clicked.connect(self.renew_requested.emit)
        row.addWidget(self.renew_button)
        self.hide()

    def show_for(self, profile: ClientProfile) -> None:
        hold, lapsed = profile.consent_hold, profile.lapsed_consent
        if hold is not None:
            self.label.setObjectName("formError")
            self.label.setText(hold_text(hold))
        elif lapsed is not None:
            self.label.setObjectName("notice")
            text = (self.tr("Consent was revoked on {date}.") if lapsed.status == "revoked" else
                    self.tr("The release of information expired on {date}."))
            self.label.setText(text.format(date=lapsed.revoked_on or lapsed.ends_on) + " "
                               + self.tr("The record is Not Shared; recording goes on."))
        else:
            self.label.setText("")
        set_invalid(self.label, False)  # re-polish: the object name picks the style
        self.setVisible(bool(self.label.text()))

    def clear(self) -> None:
        self.label.setText("")
        self.hide()

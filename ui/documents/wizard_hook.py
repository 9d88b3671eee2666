"""The intake wizard's saved page offers the consent form just signed: preview and
print it, or save it as PDF, for roles with ``consent.print``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from app.session import Session

CONSENT_PRINT = "consent.print"


class WizardConsentPrint(QObject):
    def __init__(self, wizard: QWidget, row: QBoxLayout, consent_id: str) -> None:
        super().__init__(wizard)
        from ui.documents.printing import DocumentPrinter

        self.consent_id = consent_id
        self.printer = DocumentPrinter(lambda: getattr(wizard, "_session", None), wizard)
        self.print_button = QPushButton(self.tr("P&rint the consent form\u2026"))
        self.print_button.setAccessibleName(self.tr("Preview and print the consent form"))
        self.save_button = QPushButton(self.tr("Save consent form as P&DF\u2026"))
        self.save_button.setAccessibleName(self.tr("Save the consent form as PDF"))
        for button in (self.print_button, self.save_button):
            button.setAutoDefault(False)
            self.printer.busy_changed.connect(lambda busy, b=button: b.setEnabled(not busy))
            row.insertWidget(max(0, row.count() - 1), button)
        self.print_button.clicked.connect(lambda: self.printer.preview(self._make))
        self.save_button.clicked.connect(lambda: self.printer.save_as(self._make))

    def _make(self, worker: Session) -> Any:
        from app.documents.service import consent_document

        return consent_document(worker, self.consent_id)


def offer_consent_print(wizard: QWidget, row: QBoxLayout, session: Session, result: Any) -> WizardConsentPrint | None:
    if not session.can(CONSENT_PRINT) or not getattr(result, "personal_ids", None):
        return None
    found = session.conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?"
                                 " ORDER BY created_at DESC, signed_on DESC LIMIT 1",
                                 (result.personal_ids[0],)).fetchone()
    if found is None:
        return None
    return WizardConsentPrint(wizard, row, str(found[0]))

"""The line under the search box that says unsaved forms are waiting, with a button
to resume the newest. Drafts are kept encrypted in the vault (app/drafts.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class DraftsBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("notice")
        self.resume_button = QPushButton()
        row.addWidget(self.label, 1)
        row.addWidget(self.resume_button)
        self._counts = (0, 0)
        self.hide()

    def show_counts(self, intakes: int, new_person_forms: int) -> None:
        self._counts = (intakes, new_person_forms)
        self.setVisible(bool(intakes or new_person_forms))
        self.retranslate()

    def clear(self) -> None:
        self._counts = (0, 0)
        self.label.setText("")
        self.hide()

    def retranslate(self) -> None:
        self.resume_button.setText(self.tr("&Resume unsaved form"))
        self.resume_button.setAccessibleName(self.tr("Resume unsaved form"))
        intakes, forms = self._counts
        if intakes:
            self.label.setText(self.tr("You have {n} unsaved intakes.").format(n=intakes) if intakes > 1
                               else self.tr("You have an unsaved intake."))
        elif forms:
            self.label.setText(self.tr("You have {n} unsaved new-person forms.").format(n=forms) if forms > 1
                               else self.tr("You have an unsaved new-person form."))

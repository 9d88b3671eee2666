"""The written-consent signature block: the pad with its label, a button to clear it,
the paper-form attestation (CT-207-7) and the line that says what is missing.

Used by the wizard's consent step and the profile's new-consent form, so both offer
the same ways to sign. The label and the attestation text come from the caller: each
screen keeps its own access keys (they must not clash with the rest of that screen,
in every language)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.wizard.page import message_label, text_label
from ui.wizard.signature_pad import SignaturePad


class SignatureBlock(QWidget):
    def __init__(self, label: str, paper: str, hint: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(label)
        self.pad = SignaturePad()
        self.label.setBuddy(self.pad)
        column.addWidget(self.label)
        column.addWidget(self.pad)
        line = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("C&lear signature"))
        self.clear_button.setAccessibleName(self.tr("Clear signature"))
        line.addWidget(self.clear_button)
        line.addStretch(1)
        column.addLayout(line)
        if hint is not None:
            column.addWidget(text_label(hint, "hint"))
        self.paper_box = QCheckBox(paper)
        self.paper_box.setAccessibleName(self.tr("Paper form signed, attested by staff"))
        column.addWidget(self.paper_box)
        self.message = message_label()
        column.addWidget(self.message)
        self.clear_button.clicked.connect(self.pad.clear)

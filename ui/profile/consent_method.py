"""How the client consents, in the profile's new-consent form: written (signature pad
or attested paper form, CT-207-7), verbal (reason and witness, MO-ROI-9) or declined,
each with the pack's own text in the client's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import ConsentSection, ConsentTexts
from ui.widgets.field import Field, form_grid
from ui.widgets.signature_block import SignatureBlock
from ui.wizard.page import message_label, text_label

METHODS = ("written", "verbal", "declined")


class MethodPanel(QWidget):
    method_did_change = Signal()

    def __init__(self, phone_rule: bool, allow_declined: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons = {"written": QRadioButton(self.tr("&Written")), "verbal": QRadioButton(self.tr("&Verbal")),
                        "declined": QRadioButton(self.tr("&Declined"))}
        names = {"written": self.tr("Written consent"), "verbal": self.tr("Verbal consent"),
                 "declined": self.tr("Client declined consent")}
        for method, button in self.buttons.items():
            button.setAccessibleName(names[method])
            self.group.addButton(button)
            row.addWidget(button)
        self.buttons["declined"].setVisible(allow_declined)
        row.addStretch(1)
        column.addLayout(row)
        self.method_message = message_label()
        column.addWidget(self.method_message)
        self.pages: list[QWidget] = []

        written = QWidget()
        page = QVBoxLayout(written)
        page.setContentsMargins(0, 0, 0, 0)
        self.written_text = text_label("")
        self.written_text.setAccessibleName(self.tr("Written consent text"))
        page.addWidget(self.written_text)
        self.signature = SignatureBlock(self.tr("Client si&gnature"),
                                        self.tr("The client signed the paper &form instead; I attest it"))
        page.addWidget(self.signature)
        self.signature_label, self.pad = self.signature.label, self.signature.pad
        self.clear_button, self.paper_box = self.signature.clear_button, self.signature.paper_box
        self.signature_message = self.signature.message
        self.clear_button.setAutoDefault(False)
        self.pages.append(written)
        column.addWidget(written)

        verbal = QWidget()
        page = QVBoxLayout(verbal)
        page.setContentsMargins(0, 0, 0, 0)
        self.verbal_text = text_label("")
        self.verbal_text.setAccessibleName(self.tr("Verbal consent text"))
        page.addWidget(self.verbal_text)
        grid = form_grid()
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.witness = QLineEdit()
        self.witness.setMaxLength(100)
        self.fields = {
            "verbal_reason": Field(grid, 0, self.tr("&Reason written consent was not possible"), self.reason,
                                   self.tr("Reason written consent was not possible")),
            "witness": Field(grid, 2, self.tr("Wi&tness"), self.witness, self.tr("Witness")),
        }
        page.addLayout(grid)
        self.phone_box = QCheckBox(self.tr("This first contact is by &phone"))
        self.phone_box.setAccessibleName(self.tr("First contact by phone"))
        self.phone_box.setVisible(phone_rule)
        page.addWidget(self.phone_box)
        self.attestation = text_label("", "notice")
        page.addWidget(self.attestation)
        self.pages.append(verbal)
        column.addWidget(verbal)

        declined = QWidget()
        page = QVBoxLayout(declined)
        page.setContentsMargins(0, 0, 0, 0)
        self.declined_title = text_label("", "sectionHeading")
        self.declined_text = text_label("", "notice")
        page.addWidget(self.declined_title)
        page.addWidget(self.declined_text)
        self.pages.append(declined)
        column.addWidget(declined)

        self.pad.signature_did_change.connect(self.signature_message.hide)
        self.group.buttonToggled.connect(lambda _b, on: self._changed() if on else None)
        self.buttons["written"].setChecked(True)

    def method(self) -> str:
        return next((m for m, b in self.buttons.items() if b.isChecked()), "written")

    def _changed(self) -> None:
        # One part shown at a time; hidden parts take no room (the pad's part is tallest).
        current = METHODS.index(self.method())
        for index, page in enumerate(self.pages):
            page.setVisible(index == current)
        self.method_message.hide()
        self.method_did_change.emit()

    def show_texts(self, texts: ConsentTexts, fill: Callable[[str], str]) -> None:
        def section(part: ConsentSection) -> str:
            return "\n\n".join(fill(p) for p in part.body)

        agreements = "\n".join("\u2022 " + fill(a.text) for a in texts.written.agreements)
        self.written_text.setText(section(texts.written) + "\n\n" + agreements)
        self.verbal_text.setText(section(texts.verbal))
        self.attestation.setText(fill(texts.verbal.attestation))
        self.declined_title.setText(fill(texts.declined.title))
        self.declined_text.setText(section(texts.declined))

    def show_problem(self, field: str, message: str) -> bool:
        """Put a problem beside its part of the panel; False when it is not ours."""
        if field in self.fields:
            self.fields[field].show_problems([message])
            return True
        label = {"method": self.method_message, "signature": self.signature_message}.get(field)
        if label is None:
            return False
        label.setText(message)
        label.show()
        return True

    def clear_problems(self) -> None:
        self.method_message.hide()
        self.signature_message.hide()
        for field in self.fields.values():
            field.clear_problems()

    def clear_client_data(self) -> None:
        self.pad.clear()
        self.reason.clear()
        self.witness.clear()

"""Who an export is for, on the Export dialog's options page: the agency's own HMIS, a
CoC-wide or warehouse file, or a data request from an outside entity. No default:
each, chosen by mistake, harms someone (docs/hmis-csv-export.md).

An outside entity's request is de-identified unless the user ticks "Identifying data"
and gives the CoC's approval reference; the exporter refuses identifying data without
one where the pack asks (MO-DREQ-1, ``sync/hmis_csv/device_export.py``), so this
widget only gathers the choice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from app.releases import APPROVAL_MAX_LENGTH
from sync.hmis_csv.sharing import Destination
from ui.wizard.page import text_label

__all__ = ["AudienceBox"]


class AudienceBox(QObject):
    """The three destinations, each explained, and the outside request's terms, in
    ``layout`` for the page's grid (a layout, not a widget, so the wrapped hints get
    the height they need)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layout = layout = QVBoxLayout()
        layout.setSpacing(2)
        self.agency_radio = QRadioButton(self.tr("&Upload to this agency's own HMIS"))
        self.agency_radio.setAccessibleName(self.tr("For this agency's own HMIS upload"))
        agency_hint = self.tr(
            "Every client in full. A list beside the zip tells the HMIS administrator which records "
            "to import as Not Shared or locked, so other agencies do not see them.")
        self.agency_radio.setAccessibleDescription(agency_hint)
        self.coc_radio = QRadioButton(self.tr("CoC-wide or &warehouse file"))
        self.coc_radio.setAccessibleName(self.tr("For a CoC-wide or warehouse file"))
        coc_hint = self.tr(
            "Shared only as consent allows: names and records leave only for the days a consent "
            "in force allowed sharing; other clients are counted without identifiers.")
        self.coc_radio.setAccessibleDescription(coc_hint)
        self.outside_radio = QRadioButton(self.tr(
            "Data &request from an outside entity: de-identified, unless the CoC approved identifying data"))
        self.outside_radio.setAccessibleName(self.tr("For a data request from an outside entity"))
        outside_hint = self.tr(
            "De-identified: no names, SSN, date of birth or free text; a manifest beside the zip says "
            "what it keeps.")
        self.outside_radio.setAccessibleDescription(outside_hint)
        self.outside_radio.setToolTip(outside_hint)
        self.group = QButtonGroup(self)
        for radio, hint in ((self.agency_radio, agency_hint), (self.coc_radio, coc_hint), (self.outside_radio, None)):
            self.group.addButton(radio)
            layout.addWidget(radio)
            if hint is not None:
                layout.addWidget(self._hint(hint))

        terms = QHBoxLayout()
        terms.setContentsMargins(24, 0, 0, 0)
        self.identifying = QCheckBox(self.tr("&Identifying data, approved by the CoC:"))
        self.identifying.setAccessibleName(self.tr("Identifying data for the outside entity"))
        self.approval_edit = QLineEdit()
        self.approval_edit.setMaxLength(APPROVAL_MAX_LENGTH)
        self.approval_edit.setPlaceholderText(self.tr("CoC approval reference"))
        self.approval_edit.setAccessibleName(self.tr("CoC approval reference"))
        terms.addWidget(self.identifying)
        terms.addWidget(self.approval_edit, 1)
        layout.addLayout(terms)
        self.message = text_label("", "fieldError")
        self.message.hide()
        layout.addWidget(self.message)

        self.group.buttonToggled.connect(lambda _button, _on: self._update())
        self.identifying.toggled.connect(lambda _on: self._update())
        self._update()

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = text_label(text, "hint")
        label.setContentsMargins(0, 0, 0, 8)
        return label

    def _update(self) -> None:
        self.message.hide()
        outside = self.outside_radio.isChecked()
        self.identifying.setEnabled(outside)
        self.approval_edit.setEnabled(outside and self.identifying.isChecked())

    def destination(self) -> Destination | None:
        """The chosen destination, or ``None`` with the message shown."""
        chosen = (Destination.AGENCY if self.agency_radio.isChecked() else Destination.COC
                  if self.coc_radio.isChecked() else Destination.OUTSIDE if self.outside_radio.isChecked()
                  else None)
        self.message.setText(self.tr("Choose who the file is for."))
        self.message.setVisible(chosen is None)
        return chosen

    def identifying_chosen(self) -> bool:
        return self.outside_radio.isChecked() and self.identifying.isChecked()

    def approval(self) -> str | None:
        text = self.approval_edit.text().strip()
        return text if self.identifying_chosen() and text else None

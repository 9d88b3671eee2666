"""Contacts (4.12) and services with readable labels, and the buttons that record a
contact, a service or an exit. While new records wait for a new consent
(MO-ROI-10, CT-207-1) the buttons say so and lead to the new consent first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.followup import RECORD_TYPES, TYPE_LIST_PREFIX
from app.profile import ClientProfile
from ui.profile.common import CodeLabels, add_table
from ui.widgets.rows_model import RowsModel
from ui.wizard.page import text_label


class HistoryTab(QWidget):
    record_requested = Signal(str)  # contact, service or exit

    def __init__(self, labels: CodeLabels, can_record: bool, models: dict[str, RowsModel],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self.models = models
        column = QVBoxLayout(self)
        models["contacts"], self.contacts_table = add_table(
            column, self.tr("Current living situation contacts (4.12)"),
            [self.tr("Date"), self.tr("Living situation"), self.tr("Location")], self)
        models["services"], self.services_table = add_table(
            column, self.tr("Services"), [self.tr("Date"), self.tr("Record type"), self.tr("Type of service")], self)
        self.buttons: dict[str, QPushButton] = {}
        self.no_enrollment = text_label(self.tr("The client has no open enrollment; contacts, services and exits "
                                                "are recorded against an open one."), "hint")
        self.no_enrollment.hide()
        if not can_record:
            return
        column.addWidget(self.no_enrollment)
        row = QHBoxLayout()
        for kind, text, name in (
            ("contact", self.tr("Record con&tact\u2026"), self.tr("Record a contact")),
            ("service", self.tr("Record ser&vice\u2026"), self.tr("Record a service")),
            ("exit", self.tr("Record &exit\u2026"), self.tr("Record the exit")),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _c=False, k=kind: self.record_requested.emit(k))
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)
        column.addLayout(row)

    def fill(self, profile: ClientProfile) -> None:
        label = self._labels.label
        self.models["contacts"].set_rows([
            (c.information_date, label("3.12.1:current", c.current_living_situation), c.location_details or "")
            for c in profile.contacts])
        from app.agency_services import agency_services

        names = {s.code: s.label.get(self._labels.language, s.label["en"]) for s in agency_services()}
        rows = [(s.date_provided, label(RECORD_TYPES, s.record_type), self._type_label(s.record_type, s.type_provided))
                for s in profile.services]
        rows += [(a.date_provided, self.tr("Agency service (not reported to HUD)"),
                  names.get(a.service_code, a.service_code) + (f" \u00d7 {a.quantity}" if a.quantity > 1 else ""))
                 for a in profile.agency_services]
        rows.sort(key=lambda r: r[0], reverse=True)
        self.models["services"].set_rows(rows)
        open_enrollment = any(e.exit_date is None for e in profile.enrollments)
        waits = profile.consent_hold is not None
        self.no_enrollment.setVisible(bool(self.buttons) and not open_enrollment)
        for button in self.buttons.values():
            button.setVisible(open_enrollment)
            button.setAccessibleDescription(self.tr("A new consent is needed first; this opens it.") if waits else "")

    def _type_label(self, record_type: int, code: int) -> str:
        list_id = f"{TYPE_LIST_PREFIX}{record_type}"
        if list_id in self._labels.catalog.lists:
            return self._labels.label(list_id, code)
        return str(code)

"""The profile's first tab: enrollments and consents, with revoking a consent and
recording a new one for the roles that may change the full record."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.profile import ClientProfile, ConsentView
from ui.profile.common import DASH, CodeLabels, add_table
from ui.widgets.rows_model import RowsModel


class OverviewTab(QWidget):
    revoke_requested = Signal(str)  # consent id
    stop_sharing_requested = Signal()  # VT-3.1-4
    renew_requested = Signal()

    def __init__(self, labels: CodeLabels, can_manage_consent: bool, models: dict[str, RowsModel],
                 parent: QWidget | None = None) -> None:
        """The enrollments; ``add_consents`` adds the consents and their actions (a
        window built while idle does it in a turn of its own)."""
        super().__init__(parent)
        self._labels = labels
        self._can_manage_consent = can_manage_consent
        self._consents: list[ConsentView] = []
        self._column = QVBoxLayout(self)
        models["enrollments"], self.enrollments_table = add_table(
            self._column, self.tr("Enrollments"),
            [self.tr("Project"), self.tr("Start"), self.tr("Relationship"), self.tr("Exit"), self.tr("Destination")],
            self)
        self.models = models
        self.revoke_button: QPushButton | None = None
        self.renew_button: QPushButton | None = None
        self.stop_sharing_button: QPushButton | None = None

    def add_consents(self) -> None:
        column = self._column
        self.models["consents"], self.consents_table = add_table(
            column, self.tr("Consents"),
            [self.tr("Method"), self.tr("Sharing"), self.tr("Signed"), self.tr("Expires"), self.tr("Status"),
             self.tr("Covers")], self)
        if self._can_manage_consent:
            row = QHBoxLayout()
            self.revoke_button = QPushButton(self.tr("&Revoke selected consent\u2026"))
            self.revoke_button.setAccessibleName(self.tr("Revoke the selected consent"))
            self.renew_button = QPushButton(self.tr("Record ne&w consent\u2026"))
            self.renew_button.setAccessibleName(self.tr("Record a new consent"))
            self.stop_sharing_button = QPushButton(self.tr("Stop sharin&g\u2026"))
            self.stop_sharing_button.setAccessibleName(self.tr("Stop sharing the client's information"))
            row.addWidget(self.revoke_button)
            row.addWidget(self.stop_sharing_button)
            row.addWidget(self.renew_button)
            self.stop_sharing_button.clicked.connect(self.stop_sharing_requested.emit)
            row.addStretch(1)
            column.addLayout(row)
            self.revoke_button.clicked.connect(self._revoke_clicked)
            self.renew_button.clicked.connect(self.renew_requested.emit)
            self.consents_table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

    def fill(self, profile: ClientProfile) -> None:
        label = self._labels.label
        self.models["enrollments"].set_rows([
            (e.project_name, e.entry_date, label("3.15.1", e.relationship_to_hoh), e.exit_date or DASH,
             label("3.12.1:destination", e.destination) if e.exit_date else DASH)
            for e in profile.enrollments
        ], [e.enrollment_id for e in profile.enrollments])
        methods = {"written": self.tr("Written"), "verbal": self.tr("Verbal"), "declined": self.tr("Declined")}
        levels = {"shared": self.tr("Shared"), "not_shared": self.tr("Not Shared")}
        self._consents = list(profile.consents)
        self.models["consents"].set_rows([
            (methods.get(c.method, c.method), levels.get(c.sharing, c.sharing), c.signed_on, c.ends_on or DASH,
             self._status(c), c.covers or self.tr("Every project")) for c in profile.consents
        ], [c.consent_id for c in profile.consents])
        # MO-ROI-6: which project each ROI covers, shown once any ROI names one.
        self.consents_table.setColumnHidden(5, not any(c.covers for c in profile.consents))
        current = next((i for i, c in enumerate(self._consents) if self._revocable(c)), None)
        if current is not None:
            self.consents_table.selectRow(current)
        self._selection_changed()

    def _status(self, consent: ConsentView) -> str:
        if consent.status == "revoked":
            return self.tr("Revoked from {date}").format(date=consent.revoked_on)
        return {"current": self.tr("Current"), "expired": self.tr("Expired"),
                "declined": self.tr("Declined")}.get(consent.status, consent.status)

    @staticmethod
    def _revocable(consent: ConsentView) -> bool:
        return consent.status == "current" and consent.method != "declined"

    def selected_consent(self) -> ConsentView | None:
        rows = self.consents_table.selectionModel().selectedRows()
        return self._consents[rows[0].row()] if rows and rows[0].row() < len(self._consents) else None

    def _selection_changed(self) -> None:
        if self.revoke_button is not None:
            selected = self.selected_consent()
            self.revoke_button.setEnabled(selected is not None and self._revocable(selected))
        if self.stop_sharing_button is not None:
            current = next((c for c in self._consents if self._revocable(c)), None)
            self.stop_sharing_button.setEnabled(current is not None and current.sharing == "shared")

    def _revoke_clicked(self) -> None:
        selected = self.selected_consent()
        if selected is not None and self._revocable(selected):
            self.revoke_requested.emit(selected.consent_id)

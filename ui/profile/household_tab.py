"""The household members of the client's latest enrollment (full-record roles only)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.profile import ClientProfile
from ui.profile.common import CodeLabels, add_table
from ui.widgets.rows_model import RowsModel


class HouseholdTab(QWidget):
    def __init__(self, labels: CodeLabels, models: dict[str, RowsModel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        column = QVBoxLayout(self)
        models["household"], self.table = add_table(
            column, self.tr("Household members"), [self.tr("Name"), self.tr("Relationship to head of household")],
            self)
        self.model = models["household"]

    def fill(self, profile: ClientProfile) -> None:
        self.model.set_rows([(m.name, self._labels.label("3.15.1", m.relationship_to_hoh))
                             for m in profile.household])

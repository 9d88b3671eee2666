"""The household's members as an item model: one row per person in the intake."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.catalog import QuestionCatalog
from app.intake.flow import IntakeFlow


class HouseholdModel(QAbstractTableModel):
    def __init__(self, flow: IntakeFlow, catalog: QuestionCatalog, language: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flow = flow
        self._relationships = catalog.codes_for("RelationshipToHoH")
        self._language = language

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self.rowCount() > 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._flow.members)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._flow.members):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            row = index.row()
            code = self._flow.members[row].answers.get("RelationshipToHoH")
            relation = (self._relationships.label(code, self._language)
                        if isinstance(code, int) and code in self._relationships
                        else self.tr("relationship not chosen yet"))
            name = self._flow.member_label(row) or self.tr("name not typed yet")
            person = self.tr("Person {n}").format(n=row + 1)
            return f"{person} \u00b7 {name} \u00b7 {relation}"
        return None

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

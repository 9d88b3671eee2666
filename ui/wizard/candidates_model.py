"""Possible duplicates of one member, as an item model: the person already on the
device and why they were suggested. The SSN column follows the same role limit as
search results (``app.search_service.visible_fields``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.rules.duplicates import Candidate


class CandidatesModel(QAbstractTableModel):
    def __init__(self, show_ssn: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show_ssn = show_ssn
        self._rows: list[Candidate] = []
        self._headers = [self.tr("Name on this device"), self.tr("Date of birth")]
        if show_ssn:
            self._headers.append(self.tr("SSN"))
        self._headers += [self.tr("Why it may be the same person"), self.tr("Match")]

    def set_candidates(self, candidates: list[Candidate]) -> None:
        self.beginResetModel()
        self._rows = list(candidates)
        self.endResetModel()

    def candidate(self, row: int) -> Candidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self.rowCount() > 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        candidate = self.candidate(index.row()) if index.isValid() else None
        if candidate is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                                             Qt.ItemDataRole.ToolTipRole):
            return None
        person = candidate.person
        values = [person.display_name, person.dob or "\u2014"]
        if self._show_ssn:
            values.append(f"xxx-xx-{person.ssn_last4}" if person.ssn_last4 else "\u2014")
        values += [", ".join(candidate.reasons), f"{round(candidate.score * 100)}%"]
        return values[index.column()]

    def clear(self) -> None:
        self.set_candidates([])

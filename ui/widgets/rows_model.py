"""A read-only table model of already formatted rows: the profile's lists, the sync
history, the duplicate candidates."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

_TEXT_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole))


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self._keys: list[str] = []

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self._keys = list(keys) if keys is not None else [""] * len(self._rows)
        self.endResetModel()

    def key(self, row: int) -> str | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

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
        # Asked first: a view sizing its columns asks every cell for eight roles, and
        # only these three have an answer.
        if role not in _TEXT_ROLES or not index.isValid():
            return None
        row = index.row()
        return self._rows[row][index.column()] if row < len(self._rows) else None

    def clear(self) -> None:
        self.set_rows([])

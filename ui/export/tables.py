"""Item models for the export's two tables: rows per file, and the checker's problems.

Neither holds a value from a record: file names are the spec's, counts are counts,
and the checker's messages never repeat a client's values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from sync.hmis_csv.report import Problem, Severity

_Index = QModelIndex | QPersistentModelIndex
_MUTED = QBrush(QColor("#7b8594"))
_ERROR = QBrush(QColor("#b3261e"))
_WARNING = QBrush(QColor("#8a5a00"))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class FileRowsModel(QAbstractTableModel):
    """Each file of the export with its row count: files with rows first, then the
    header-only ones, each group in the spec's order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int]] = []
        self._headers = (self.tr("File"), self.tr("Rows"))

    def set_counts(self, counts: Mapping[str, int]) -> None:
        self.beginResetModel()
        items = list(counts.items())
        self._rows = [item for item in items if item[1]] + [item for item in items if not item[1]]
        self.endResetModel()

    def clear(self) -> None:
        self.set_counts({})

    def count_of(self, file_name: str) -> int | None:
        return next((count for name, count in self._rows if name == file_name), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == 1 else _LEFT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, count = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return name
            return f"{count:,}" if count else self.tr("header only")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not count:
            return _MUTED
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (self.tr("{file}: {n} rows").format(file=name, n=count) if count
                    else self.tr("{file}: header only").format(file=name))
        return None


class ProblemsModel(QAbstractTableModel):
    """The checker's findings, errors before warnings, otherwise in the order found."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._headers = (self.tr("Severity"), self.tr("File"), self.tr("Row"), self.tr("Column"), self.tr("Why"))

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._problems = sorted(problems, key=lambda p: p.severity is not Severity.ERROR)
        self.endResetModel()

    def clear(self) -> None:
        self.set_problems(())

    def problem(self, row: int) -> Problem | None:
        return self._problems[row] if 0 <= row < len(self._problems) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == 2 else _LEFT
        return None

    def _cell(self, problem: Problem, column: int) -> str:
        if column == 0:
            return self.tr("Error") if problem.severity is Severity.ERROR else self.tr("Warning")
        if column == 1:
            return problem.file or self.tr("(the zip)")
        if column == 2:
            return "" if problem.row is None else str(problem.row)
        if column == 3:
            return problem.column or ""
        return problem.message

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        problem = self.problem(index.row()) if index.isValid() else None
        if problem is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(problem, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{problem.message} [{problem.code}]"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return _ERROR if problem.severity is Severity.ERROR else _WARNING
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return _RIGHT
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            return self.describe(index.row())
        return None

    def describe(self, row: int) -> str:
        """One problem in full, for the line under the table: where, why, and the checker's code."""
        problem = self.problem(row)
        if problem is None:
            return ""
        where = self._cell(problem, 1)
        if problem.row is not None:
            where += self.tr(", row {row}").format(row=problem.row)
        if problem.column:
            where += self.tr(", column {column}").format(column=problem.column)
        return f"{self._cell(problem, 0)} \u00b7 {where}: {problem.message} [{problem.code}]"

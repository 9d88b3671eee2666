"""Search results as an item model: one row per hit, columns limited by role.

The SSN column exists only for roles with ``client.view_full`` and even then shows
the last four digits (ASVS 14.2.6, show the minimum); a Volunteer sees name and
date of birth, which ``client.view_basic`` allows (CT 207 role table, VT-2.1 user
levels). ``clear()`` drops every hit so a lock leaves nothing in memory here (S4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.caseload import age_on
from app.profile import profile_sections
from app.search import SearchHit
from app.search_service import visible_fields
from app.session import Session

_NOT_COLLECTED = "\u2014"


class Column(Enum):
    # Marked for lupdate; headerData translates the value in the PeopleModel context.
    NAME = QT_TRANSLATE_NOOP("PeopleModel", "Name")
    DOB = QT_TRANSLATE_NOOP("PeopleModel", "Date of birth")
    SSN = QT_TRANSLATE_NOOP("PeopleModel", "SSN")
    AGE = QT_TRANSLATE_NOOP("PeopleModel", "Age")
    LAST_CONTACT = QT_TRANSLATE_NOOP("PeopleModel", "Last contact")


@dataclass(frozen=True)
class RowView:
    """What one row may show, computed once from the hit and the role."""

    personal_id: str
    name: str
    dob: str
    ssn: str
    age: str = _NOT_COLLECTED
    last_contact: str = _NOT_COLLECTED


def masked_ssn(last4: str | None) -> str:
    return f"xxx-xx-{last4}" if last4 else _NOT_COLLECTED


def row_view(hit: SearchHit, today: date | None = None, last_contact: str | None = None) -> RowView:
    parts = [p for p in (hit.last_name, hit.first_name) if p]
    name = ", ".join(parts) if parts else "(name not collected)"
    age = age_on(hit.dob, today) if today is not None else None
    return RowView(hit.personal_id, name, hit.dob or _NOT_COLLECTED, masked_ssn(hit.ssn_last4),
                   _NOT_COLLECTED if age is None else str(age), last_contact or _NOT_COLLECTED)


def columns_for(session: Session) -> tuple[Column, ...]:
    """The columns the role may see, as the core decides them."""
    visible = visible_fields(session)
    columns = [Column.NAME] if visible.name else []
    if visible.dob:
        columns.append(Column.DOB)
    if visible.ssn_last4:
        columns.append(Column.SSN)
    if visible.dob:
        columns.append(Column.AGE)
    if shows_last_contact(session):
        columns.append(Column.LAST_CONTACT)
    return tuple(columns)


def shows_last_contact(session: Session) -> bool:
    """The contact history is for roles that see it on the profile (``profile_sections``)."""
    return profile_sections(session).history


_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES_ANSWERED = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole), _ALIGNMENT})
_LEFT_CENTRED = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class PeopleModel(QAbstractTableModel):
    def __init__(self, columns: tuple[Column, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[RowView] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The role is asked first, as plain numbers: a view painting its rows asks every
        # cell for eight roles, and only these have an answer.
        if role not in _ROLES_ANSWERED or not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == _ALIGNMENT:
            return None if column is Column.NAME else _LEFT_CENTRED
        if column is Column.NAME:
            return row.name
        if column is Column.DOB:
            return row.dob
        if column is Column.AGE:
            return row.age
        if column is Column.LAST_CONTACT:
            return row.last_contact
        return row.ssn

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(self._columns[section].value))
        return None

    def set_hits(self, hits: list[SearchHit], today: date | None = None,
                 last_contacts: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        contacts = last_contacts or {}
        self._rows = [row_view(h, today, contacts.get(h.personal_id)) for h in hits]
        self.endResetModel()

    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def row(self, index: int) -> RowView | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None


def results_table(model: PeopleModel) -> QTableView:
    """Rows select whole, nothing edits in place; the name column takes the spare width."""
    table = QTableView()
    table.setModel(model)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(False)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    header_view = table.horizontalHeader()
    header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, model.columnCount()):
        header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header_view.resizeSection(column, 90 if model.columns()[column] is Column.AGE else 180)
    header_view.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table

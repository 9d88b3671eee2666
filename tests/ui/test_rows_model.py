"""The read-only rows model answers the text roles and nothing else, and a table of
its rows is sized to the rows on screen (the sync history, a profile's lists)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from ui.profile.common import add_table
from ui.sync.table import rows_table
from ui.widgets.rows_model import RowsModel


def _model() -> RowsModel:
    model = RowsModel(["When", "Records"])
    model.set_rows([("2026-03-02 09:00", "100"), ("2026-03-02 09:01", "37")], keys=["a", "b"])
    return model


def test_each_text_role_gives_the_cell_and_every_other_role_nothing(qtbot) -> None:
    model = _model()
    cell = model.index(1, 1)
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        assert model.data(cell, role) == "37"
        assert model.data(cell, int(role)) == "37"
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.SizeHintRole,
                 Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.EditRole):
        assert model.data(cell, role) is None
    assert model.data(QModelIndex(), Qt.ItemDataRole.DisplayRole) is None
    assert model.key(0) == "a" and model.key(2) is None
    model.clear()
    assert model.rowCount() == 0 and model.data(cell, Qt.ItemDataRole.DisplayRole) is None


def test_tables_of_rows_are_sized_to_the_rows_on_screen(qtbot) -> None:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    table = rows_table(_model(), "Batch history")
    qtbot.addWidget(table)
    assert table.horizontalHeader().resizeContentsPrecision() == 0
    host = QWidget()
    qtbot.addWidget(host)
    _model_of_profile, profile_table = add_table(QVBoxLayout(host), "Enrollments", ["Project", "Start"], host)
    assert profile_table.horizontalHeader().resizeContentsPrecision() == 0


def test_the_search_results_answer_text_and_alignment_and_nothing_else(qtbot) -> None:
    from datetime import date

    from app.search import SearchHit
    from ui.search.people_model import Column, PeopleModel

    model = PeopleModel((Column.NAME, Column.DOB, Column.SSN, Column.AGE))
    model.set_hits([SearchHit("p-1", "Wren", "Quillfeather", "1990-05-17", "4321", False)], today=date(2026, 5, 17))
    name, dob, ssn, age = (model.index(0, c) for c in range(4))
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
        assert [model.data(i, role) for i in (name, dob, ssn, age)] == [
            "Quillfeather, Wren", "1990-05-17", "xxx-xx-4321", "36"]
        assert model.data(name, int(role)) == "Quillfeather, Wren"
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(name, Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(dob, Qt.ItemDataRole.TextAlignmentRole) == left
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
                 Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ForegroundRole):
        assert model.data(name, role) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.DisplayRole) is None

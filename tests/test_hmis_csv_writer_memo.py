"""The CSV writer reuses a cell it has formatted for the same value; the output and the
errors must be exactly those of formatting every cell on its own (reference §3.1)."""

from __future__ import annotations

import io
import uuid
from datetime import date, datetime

import pytest

from sync.hmis_csv.columns import Kind, file_spec
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.values import format_cell
from sync.hmis_csv.writer_base import LINE_END, CsvFileWriter, RowError


def _expected_line(spec, row):  # type: ignore[no-untyped-def]
    cells = []
    for column in spec.columns:
        value = row.get(column.name)
        text = "" if value is None else format_cell(column, value)
        cells.append('"' + text.replace('"', '""') + '"' if text and column.quoted else text)
    return ",".join(cells) + LINE_END


def test_memoised_cells_match_formatting_each_cell_alone() -> None:
    spec = file_spec("Client")
    rows = []
    for i in range(1500):  # more distinct IDs and names than a column's memo holds
        rows.append({
            "PersonalID": f"P{i:05d}", "FirstName": f"Synth{i % 700}", "LastName": "Quillfeather",
            "NameDataQuality": 1 if i % 3 else 99, "DOB": date(1970 + i % 40, 1 + i % 12, 1 + i % 28),
            "DOBDataQuality": 1, "SSNDataQuality": 99, "White": True if i % 2 else 0, "Sex": i % 2,
            "VeteranStatus": 0,
        })
    filler = {Kind.INTEGER: 0, Kind.DATE: date(2026, 3, 1), Kind.TIMESTAMP: datetime(2026, 3, 1, 8, 0)}
    required = {c.name: filler.get(c.kind, "X1") for c in spec.columns if not c.nullable}
    rows = [{**required, **row} for row in rows]
    stream = io.StringIO(newline="")
    writer = CsvFileWriter(spec, stream)
    writer.write_rows(rows)
    lines = stream.getvalue().split(LINE_END)[1:-1]
    assert len(lines) == len(rows)
    for line, row in zip(lines, rows, strict=True):
        assert line + LINE_END == _expected_line(spec, row)


def test_a_bad_code_after_memoised_good_ones_still_names_its_row_and_column() -> None:
    spec = file_spec("Client")
    stream = io.StringIO(newline="")
    writer = CsvFileWriter(spec, stream)
    filler = {Kind.INTEGER: 0, Kind.DATE: date(2026, 3, 1), Kind.TIMESTAMP: datetime(2026, 3, 1, 8, 0)}
    good = {c.name: filler.get(c.kind, "X1") for c in spec.columns if not c.nullable}
    good.update({"NameDataQuality": 1, "DOBDataQuality": 1, "SSNDataQuality": 99, "VeteranStatus": 0})
    for _ in range(5):
        writer.write_row(good)
    with pytest.raises(RowError) as caught:
        writer.write_row({**good, "VeteranStatus": 42})
    assert caught.value.row == 7 and caught.value.column == "VeteranStatus"
    with pytest.raises(RowError):
        writer.write_row({**good, "VeteranStatus": ["not", "a", "code"]})


def test_csv_id_of_a_uuid_is_its_hex_in_every_spelling() -> None:
    key = uuid.uuid4()
    assert csv_id(str(key)) == key.hex
    assert csv_id(str(key).upper()) == key.hex
    assert csv_id("{" + str(key) + "}") == key.hex
    not_hex = "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"
    assert len(csv_id(not_hex)) == 32 and csv_id(not_hex) != not_hex.replace("-", "")

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


def test_the_quick_path_for_common_values_writes_what_format_cell_writes() -> None:
    """Plain ASCII text, codes, dates and timestamps take a quick path in the writer;
    every edge of it must give the cell format_cell gives (reference §3.1 "Types")."""
    from datetime import UTC, timedelta, timezone

    spec = file_spec("Client")
    filler = {Kind.INTEGER: 0, Kind.DATE: date(2026, 3, 1), Kind.TIMESTAMP: datetime(2026, 3, 1, 8, 0)}
    required = {c.name: filler.get(c.kind, "X1") for c in spec.columns if not c.nullable}
    names = ['Plain', ' padded ', 'Quo"te', '<Br>ack{e}t[s]', 'Ünïcode', 'tab\there', 'x' * 50, '  ', 'A' * 51]
    moments = [datetime(2026, 3, 1, 8, 0, 5, 999999), datetime(2026, 3, 1, 23, 59, 59, tzinfo=UTC),
               datetime(2026, 3, 1, 1, 2, 3, tzinfo=timezone(timedelta(hours=-5)))]
    rows = []
    for i, name in enumerate(names):
        rows.append({**required, "PersonalID": 12345 + i, "FirstName": name, "LastName": name.upper(),
                     "DOB": date(5 + i, 1 + i, 2), "DateCreated": moments[i % 3], "DateUpdated": moments[(i + 1) % 3],
                     "Sex": i % 2, "White": i % 2 == 0, "NameDataQuality": 1, "SSNDataQuality": 99,
                     "DOBDataQuality": 1, "VeteranStatus": 0})
    expected = []
    for row in rows:
        try:
            expected.append(_expected_line(spec, row))
        except Exception:  # a value the column refuses: the writer must refuse it too
            expected.append(None)
    for row, line in zip(rows, expected, strict=True):
        stream = io.StringIO(newline="")
        writer = CsvFileWriter(spec, stream)
        if line is None:
            with pytest.raises(RowError):
                writer.write_row(row)
        else:
            writer.write_row(row)
            assert stream.getvalue().split(LINE_END, 1)[1] == line
    assert expected.count(None) == 1  # the 51-character name

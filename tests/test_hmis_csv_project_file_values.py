"""ProjectFileValues (the typed keywords ProjectRecord takes from a project's stored
descriptors or outbox payload) names exactly the descriptor columns, with their types."""

from datetime import date
from typing import get_type_hints

from sync.hmis_csv.project_files import ProjectFileValues, payload_values, project_file_columns
from sync.hmis_csv.source import ProjectRecord


def test_project_file_values_names_every_descriptor_column_with_the_record_type() -> None:
    hints = get_type_hints(ProjectFileValues)
    assert tuple(hints) == project_file_columns()
    record_hints = get_type_hints(ProjectRecord)
    for name, hint in hints.items():
        assert name in record_hints, name
        assert hint == record_hints[name], name


def test_payload_values_gives_each_column_its_type_or_none() -> None:
    values = payload_values({"geocode": "123456", "funder": 2, "funder_start": "2026-01-31", "city": 7,
                             "bed_inventory": True, "inventory_start": "not a date"})
    assert set(values) == set(project_file_columns())
    assert values["geocode"] == "123456"
    assert values["funder"] == 2
    assert values["funder_start"] == date(2026, 1, 31)
    assert values["city"] is None  # not text
    assert values["bed_inventory"] is None  # a boolean is not a count
    assert values["inventory_start"] is None

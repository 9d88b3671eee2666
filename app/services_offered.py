"""Which HUD service record types a project records, by its HUD project type.

The table is data (``forms/services/record_types.toml``): no "Bed night" on a
street outreach enrollment, no PATH service in a shelter. No jurisdiction here.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from app.errors import ValidationError


@functools.lru_cache(maxsize=1)
def _table() -> dict[int, frozenset[int]]:
    text = resources.files("forms").joinpath("services", "record_types.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return {int(record_type): frozenset(int(t) for t in types)
            for record_type, types in data.get("project_types", {}).items()}


def record_types_for(project_type: int, record_types: list[int] | tuple[int, ...]) -> list[int]:
    """Of ``record_types`` (in their order), those a project of this type records."""
    table = _table()
    return [r for r in record_types if project_type in table.get(r, frozenset())]


def require_offered(project_type: int, record_type: int) -> None:
    if project_type not in _table().get(record_type, frozenset()):
        raise ValidationError("record_type", "This project does not record that record type; choose one "
                                             "from the list for this enrollment's project.")

"""A person as HUD's universal data elements 3.01-3.07 describe them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

RACE_FIELDS = (
    "am_ind_ak_native",
    "asian",
    "black_af_american",
    "hispanic_latinao",
    "mid_east_n_african",
    "native_hi_pacific",
    "white",
)


@dataclass
class Person:
    personal_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    first_name: str | None = None
    middle_name: str | None = None
    last_name: str | None = None
    name_suffix: str | None = None
    name_data_quality: int = 99
    ssn: str | None = None
    ssn_data_quality: int = 99
    dob: str | None = None  # YYYY-MM-DD
    dob_data_quality: int = 99
    am_ind_ak_native: int = 0
    asian: int = 0
    black_af_american: int = 0
    hispanic_latinao: int = 0
    mid_east_n_african: int = 0
    native_hi_pacific: int = 0
    white: int = 0
    race_none: int | None = None
    additional_race_ethnicity: str | None = None
    sex: int | None = None
    veteran_status: int | None = None
    is_demo: bool = False

    @property
    def ssn_last4(self) -> str | None:
        if self.ssn and len(self.ssn) == 9 and self.ssn[-4:].isdigit():
            return self.ssn[-4:]
        return None

    @property
    def display_name(self) -> str:
        parts = [p for p in (self.first_name, self.last_name) if p]
        return " ".join(parts) if parts else "(name not collected)"


PERSON_COLUMNS = (
    "personal_id", "first_name", "middle_name", "last_name", "name_suffix", "name_data_quality",
    "ssn", "ssn_data_quality", "dob", "dob_data_quality", *RACE_FIELDS, "race_none",
    "additional_race_ethnicity", "sex", "veteran_status", "is_demo",
)


def person_values(person: Person) -> tuple[object, ...]:
    return tuple(
        int(person.is_demo) if name == "is_demo" else getattr(person, name) for name in PERSON_COLUMNS
    )


def person_from_row(row: tuple[object, ...]) -> Person:
    data = dict(zip(PERSON_COLUMNS, row, strict=True))
    data["is_demo"] = bool(data["is_demo"])
    # Keyword arguments by column name from a database row: the schema gives each its type.
    return Person(**data)  # type: ignore[arg-type]

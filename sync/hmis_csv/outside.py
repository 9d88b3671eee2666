"""A data request from an outside entity: what the ``outside`` destination keeps and
withholds, and the manifest written beside its zip (docs/hmis-csv-export.md).

The ``outside`` destination first applies the CoC file's sharing rule (nothing leaves
that consent does not allow), then, unless identifying data was asked for and (where
the pack asks) the CoC approved it (MO-DREQ-1, ``app/releases.py``), withholds every
person's identifiers and blanks the free-text fields a worker may have typed a name or
an address into. What it keeps is stated in :data:`KEPT` and in the manifest.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sync.hmis_csv.rows import Row
from sync.hmis_csv.selection import Selection

__all__ = ["FREE_TEXT", "KEPT", "WITHHELD", "deidentify_people", "deidentify_rows", "manifest_path",
           "outside_manifest", "write_manifest"]

#: Client.csv fields withheld from every person in a de-identified file.
WITHHELD = ("FirstName", "MiddleName", "LastName", "NameSuffix", "SSN", "DOB", "AdditionalRaceEthnicity")
#: Free text blanked in a de-identified file: (file, column).
FREE_TEXT = (("CurrentLivingSituation", "LocationDetails"), ("Exit", "OtherDestination"))
#: What a de-identified file keeps, in words (the manifest and the docs say the same).
KEPT = ("the device's random PersonalID (no meaning outside this device)", "race and ethnicity (3.04)",
        "sex (4.21)", "veteran status (3.07)", "enrollments, exits, contacts and services with their dates "
        "and HUD codes", "projects and organizations")


def deidentify_people(selection: Selection) -> None:
    """Withhold every person's identifiers (names, SSN, DOB, additional race text)."""
    for person in selection.people.values():
        person.withhold = True


def deidentify_rows(by_file: dict[str, list[Row]], files: Iterable[tuple[str, str]] = FREE_TEXT) -> None:
    """Blank the free-text columns of the rows about to be written."""
    for file, column in files:
        for row in by_file.get(file, ()):
            if row.get(column) is not None:
                row[column] = None


def manifest_path(zip_path: str | os.PathLike[str]) -> Path:
    """``<zip name without .zip>.manifest.json`` beside the zip."""
    path = Path(zip_path)
    stem = path.name[:-4] if path.name.lower().endswith(".zip") else path.name
    return path.with_name(f"{stem}.manifest.json")


def write_manifest(zip_path: str | os.PathLike[str], content: dict[str, Any]) -> Path:
    """Write the manifest atomically beside the zip; it holds no value from a record."""
    target = manifest_path(zip_path)
    handle, temp = tempfile.mkstemp(prefix=".manifest-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(content, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def outside_manifest(export_id: str, now: datetime, *, period: tuple[date, date], deidentified: bool,
                     coc_approval: str | None, projects: list[str], rows: dict[str, int]) -> dict[str, Any]:
    """What the file beside an ``outside`` zip says: the kind of release, whether it is
    de-identified and what it keeps, the CoC approval it was made under, and the counts."""
    return {
        "release": "outside_data_request", "export_id": export_id, "generated_at": now.isoformat(),
        "period": {"start": period[0].isoformat(), "end": period[1].isoformat()},
        "projects": projects or "all", "deidentified": deidentified, "coc_approval": coc_approval,
        "withheld": ({"Client": list(WITHHELD), **{file: [column] for file, column in FREE_TEXT}}
                     if deidentified else {}),
        "kept": list(KEPT) if deidentified else ["every field of the HMIS CSV files, as consent allows sharing"],
        "sharing": "only what a consent in force allowed sharing on each row's date, as in a CoC file",
        "rows": {name: count for name, count in rows.items() if count},
    }

"""Baselines for ``bench.table``: the same work done with nothing of HMIS Intake around it.

Plain SQLite (the SQLite build the vault uses, opened with no key: no encryption,
no rules, no Python around the statements), Python's
``csv`` module and a bare ``requests`` loop. Each takes what the measured figure
worked on (the vault's rows, the statements a save ran, the rows an export wrote) so
that figure and baseline do the same work.
"""

from __future__ import annotations

import csv
import io
import os
import time
import zipfile
from pathlib import Path

import sqlcipher3 as sqlite3  # the same SQLite the vault runs on; with no key it is plain SQLite

from app.vault.connection import Connection


def plaintext_copy(conn: Connection, path: Path) -> None:
    """The whole vault, schema and rows, as an unencrypted SQLite file (``sqlcipher_export``)."""
    conn.execute(f"ATTACH DATABASE '{path}' AS plaintext KEY ''")
    try:
        conn.execute("SELECT sqlcipher_export('plaintext')").fetchall()
    finally:
        conn.execute("DETACH DATABASE plaintext")


def domain_bytes(plain: Path, work: Path) -> int:
    """Bytes of a plain SQLite file holding the vault's records without the outbox:
    what the device's data needs at least."""
    copy = work / "domain-only.db"
    copy.write_bytes(plain.read_bytes())
    db = sqlite3.connect(str(copy), isolation_level=None)
    try:
        db.execute("DROP TABLE outbox")
        db.execute("VACUUM")
    finally:
        db.close()
    return copy.stat().st_size


def live_bytes(conn: Connection) -> int:
    """Bytes of the pages in use (the file less its free pages)."""
    pages, free, size = (int(conn.execute(f"PRAGMA {name}").fetchone()[0])
                         for name in ("page_count", "freelist_count", "page_size"))
    return (pages - free) * size


def open_plain(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    return db


def build_lookup(conn: Connection, path: Path) -> sqlite3.Connection:
    """A plain indexed table of the people's names, DOBs and SSN last 4."""
    db = open_plain(path)
    db.execute("CREATE TABLE p (id TEXT, first TEXT COLLATE NOCASE, last TEXT COLLATE NOCASE, dob TEXT, ssn4 TEXT)")
    rows = conn.execute("SELECT personal_id, first_name, last_name, dob, substr(ssn, -4) FROM person").fetchall()
    db.execute("BEGIN")
    db.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    for column in ("first", "last", "dob", "ssn4"):
        db.execute(f"CREATE INDEX p_{column} ON p({column})")
    return db


def lookup(db: sqlite3.Connection, kind: str, text: str) -> list[tuple[object, ...]]:
    """The plain indexed query for one search of ``kind`` (what a search must at least do)."""
    if kind == "name":
        first, _, last = text.partition(" ")
        return db.execute("SELECT * FROM p WHERE last = ? AND first = ? LIMIT 50", (last, first)).fetchall()
    if kind == "partial name":
        return db.execute("SELECT * FROM p WHERE last LIKE ? LIMIT 50", (text + "%",)).fetchall()
    if kind == "DOB":
        return db.execute("SELECT * FROM p WHERE dob = ? LIMIT 50", (text,)).fetchall()
    if kind == "SSN last 4":
        return db.execute("SELECT * FROM p WHERE ssn4 = ? LIMIT 50", (text,)).fetchall()
    if kind == "duplicate":  # same DOB, or same last name
        last, _, dob = text.partition("|")
        return db.execute("SELECT * FROM p WHERE dob = ? UNION SELECT * FROM p WHERE last = ? LIMIT 50",
                          (dob, last)).fetchall()
    raise ValueError(kind)


def replay(db: sqlite3.Connection, statements: list[str]) -> float:
    """Run a save's write statements (as traced, values inlined) in one transaction."""
    started = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    for statement in statements:
        db.execute(statement)
    db.execute("COMMIT")
    return time.perf_counter() - started


def read_zip_rows(path: Path) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(path) as archive:
        return {name: list(csv.reader(io.TextIOWrapper(archive.open(name), encoding="utf-8", newline="")))
                for name in archive.namelist()}


def csv_write(files: dict[str, list[list[str]]], out: Path) -> float:
    """The same rows written with ``csv`` into a deflated zip, fsynced: an export's floor."""
    started = time.perf_counter()
    with open(out, "wb") as raw:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, rows in files.items():
                with archive.open(name, "w") as member, io.TextIOWrapper(member, encoding="utf-8",
                                                                           newline="") as text:
                    csv.writer(text, quoting=csv.QUOTE_MINIMAL).writerows(rows)
        raw.flush()
        os.fsync(raw.fileno())
    return time.perf_counter() - started


def csv_read(path: Path) -> float:
    """Every row of every file in the zip parsed with ``csv``: a checker's floor."""
    started = time.perf_counter()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            for _row in csv.reader(io.TextIOWrapper(archive.open(name), encoding="utf-8", newline="")):
                pass
    return time.perf_counter() - started


#: What the device's export reads from the vault (sync/hmis_csv/vault_source.py): the
#: people, their enrollments and consents, column for column.
EXPORT_READS = (
    "SELECT personal_id, first_name, middle_name, last_name, name_suffix, name_data_quality, ssn,"
    " ssn_data_quality, dob, dob_data_quality, am_ind_ak_native, asian, black_af_american, hispanic_latinao,"
    " mid_east_n_african, native_hi_pacific, white, race_none, additional_race_ethnicity, sex, veteran_status,"
    " created_at, updated_at, updated_by, deleted_at FROM person ORDER BY id",
    "SELECT enrollment_id, personal_id, project_id, household_id, entry_date, relationship_to_hoh,"
    " enrollment_coc, living_situation, rental_subsidy_type, length_of_stay, los_under_threshold,"
    " previous_street_essh, date_to_street_essh, times_homeless_past_three_years,"
    " months_homeless_past_three_years, disabling_condition, date_of_engagement, created_at, updated_at,"
    " updated_by FROM enrollment ORDER BY created_at, household_id, relationship_to_hoh",
    "SELECT personal_id, method, sharing, revoked_at, signed_on, created_at, expires_on FROM consent",
)


def vault_read_and_write(conn: Connection, out: Path) -> float:
    """The export's floor on the device: the same rows read through the vault's own
    SQLCipher connection (every page decrypted) and written as they come with ``csv``
    into a deflated zip, fsynced; no rules, no formatting."""
    started = time.perf_counter()
    with open(out, "wb") as raw:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
            for index, query in enumerate(EXPORT_READS):
                with archive.open(f"{index}.csv", "w") as member, io.TextIOWrapper(member, encoding="utf-8",
                                                                                     newline="") as text:
                    csv.writer(text).writerows(conn.execute(query).fetchall())
        raw.flush()
        os.fsync(raw.fileno())
    return time.perf_counter() - started


def vault_read(conn: Connection) -> float:
    """The same rows read through the vault's own SQLCipher connection, nothing else."""
    started = time.perf_counter()
    for query in EXPORT_READS:
        conn.execute(query).fetchall()
    return time.perf_counter() - started

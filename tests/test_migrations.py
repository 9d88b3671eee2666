"""Schema migrations: numbered, in one transaction, with an encrypted backup first (R7)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlcipher3
from support import ADMIN_PASSWORD, VaultInfo, auth, data_key_of, run_cli, single_sentence, synthetic_person

from app.clock import FakeClock
from app.errors import VaultCorrupt
from app.people import insert_person
from app.vault.connection import Connection, open_database, transaction
from app.vault.migrations import MIGRATIONS, Migration, current_version, latest_version
from app.vault.vault import BACKUP_DIR, UnlockedKey, Vault, db_path, unlock_recovery

SCHEMA_1 = MIGRATIONS[:1]


def probe_migration(version: int) -> Migration:
    return Migration(
        version,
        "test_nickname",
        "ALTER TABLE person ADD COLUMN nickname TEXT;\n"
        "CREATE TABLE migration_probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL);\n"
        "INSERT INTO migration_probe (note) VALUES ('added by the probe');\n"
        "UPDATE person SET nickname = 'Nick' || id;\n",
    )


def broken_migration(version: int) -> Migration:
    return Migration(
        version,
        "test_broken",
        "CREATE TABLE half_done (x INTEGER);\n"
        "ALTER TABLE person ADD COLUMN nickname TEXT;\n"
        "INSERT INTO table_that_does_not_exist VALUES (1);\n",
    )


@dataclass
class OldVault:
    data_dir: Path
    recovery_key: str
    people: set[str]
    clock: FakeClock

    def unlock(self) -> UnlockedKey:
        return unlock_recovery(self.data_dir, self.recovery_key)

    def key(self) -> bytearray:
        return bytearray(self.unlock().data_key)


@pytest.fixture
def schema1_vault(tmp_path: Path, fake_clock: FakeClock) -> OldVault:
    """A vault as the first release made it: migration 1 only, with five people."""
    data_dir = tmp_path / "old"
    vault, recovery = Vault.create(data_dir, "vt", fake_clock, SCHEMA_1)
    ids = set()
    try:
        assert current_version(vault.conn) == 1
        with transaction(vault.conn) as conn:
            for i in range(5):
                person = synthetic_person("Migrafirst", f"Migralast{i}")
                insert_person(conn, person, "test-user", fake_clock.now_iso())
                ids.add(person.personal_id)
    finally:
        vault.close()
    return OldVault(data_dir, recovery, ids, fake_clock)


def _people(conn: Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT personal_id FROM person")}


def test_shipped_migrations_are_numbered_from_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert latest_version() == MIGRATIONS[-1].version


def test_new_vault_is_at_the_latest_schema(any_vault: VaultInfo) -> None:
    session = any_vault.sign_in()
    try:
        assert current_version(session.conn) == latest_version()
    finally:
        session.close()
    assert not (any_vault.data_dir / BACKUP_DIR).exists()  # nothing to back up yet


def test_schema1_vault_opens_with_a_list_that_adds_v2(schema1_vault: OldVault) -> None:
    migrations = (*SCHEMA_1, probe_migration(2))
    vault = Vault.open(schema1_vault.data_dir, schema1_vault.unlock(), schema1_vault.clock, migrations)
    try:
        conn = vault.conn
        assert current_version(conn) == 2
        assert _people(conn) == schema1_vault.people
        assert conn.execute("SELECT note FROM migration_probe").fetchone()[0] == "added by the probe"
        assert all(r[0] for r in conn.execute("SELECT nickname FROM person"))
    finally:
        vault.close()

    backups = sorted((schema1_vault.data_dir / BACKUP_DIR).iterdir())
    assert len(backups) == 1 and "schema1" in backups[0].name
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
    # The backup opens with the same data key and holds the schema-1 data.
    conn = open_database(backups[0], schema1_vault.key())
    try:
        assert current_version(conn) == 1
        assert _people(conn) == schema1_vault.people
        assert "nickname" not in {r[1] for r in conn.execute("PRAGMA table_info(person)")}
    finally:
        conn.close()

    # Opening again applies nothing and makes no second backup.
    vault = Vault.open(schema1_vault.data_dir, schema1_vault.unlock(), schema1_vault.clock, migrations)
    vault.close()
    assert len(list((schema1_vault.data_dir / BACKUP_DIR).iterdir())) == 1


def test_schema1_vault_opens_in_this_app(schema1_vault: OldVault) -> None:
    """The real upgrade path: every shipped migration after 1, then a future one."""
    migrations = (*MIGRATIONS, probe_migration(latest_version() + 1))
    vault = Vault.open(schema1_vault.data_dir, schema1_vault.unlock(), schema1_vault.clock, migrations)
    try:
        assert current_version(vault.conn) == latest_version() + 1
        assert _people(vault.conn) == schema1_vault.people
        assert vault.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        vault.close()


def test_failing_migration_rolls_back(schema1_vault: OldVault) -> None:
    with pytest.raises(VaultCorrupt, match="nothing was changed"):
        Vault.open(schema1_vault.data_dir, schema1_vault.unlock(), schema1_vault.clock,
                   (*SCHEMA_1, broken_migration(2)))
    conn = open_database(db_path(schema1_vault.data_dir), schema1_vault.key())
    try:
        assert current_version(conn) == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in tables
        assert "nickname" not in {r[1] for r in conn.execute("PRAGMA table_info(person)")}
        assert _people(conn) == schema1_vault.people
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    # The backup taken before the attempt is there, and a working list still upgrades it.
    assert len(list((schema1_vault.data_dir / BACKUP_DIR).iterdir())) == 1
    vault = Vault.open(schema1_vault.data_dir, schema1_vault.unlock(), schema1_vault.clock,
                       (*SCHEMA_1, probe_migration(2)))
    try:
        assert current_version(vault.conn) == 2
    finally:
        vault.close()


def test_vault_from_a_newer_schema_refuses_to_open(vt_vault: VaultInfo) -> None:
    conn = open_database(db_path(vt_vault.data_dir), data_key_of(vt_vault))
    try:
        conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    finally:
        conn.close()
    with pytest.raises(VaultCorrupt, match="newer version"):
        vt_vault.sign_in()
    result = run_cli(vt_vault.data_dir, "status", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == VaultCorrupt.exit_code
    assert "newer version" in result.stderr and single_sentence(result.stderr), result.stderr


def test_create_runs_every_migration_and_needs_no_backup(tmp_path: Path, fake_clock: FakeClock) -> None:
    migrations = (*MIGRATIONS, probe_migration(latest_version() + 1))
    vault, _ = Vault.create(tmp_path / "fresh", "vt", fake_clock, migrations)
    try:
        assert current_version(vault.conn) == latest_version() + 1
    finally:
        vault.close()
    assert not (tmp_path / "fresh" / BACKUP_DIR).exists()


def test_schema4_vault_gains_project_descriptors_and_keeps_its_projects(tmp_path: Path, fake_clock: FakeClock) -> None:
    """v005 on a vault the previous release made: projects keep every value, the new
    descriptors start unset, and no project counts as sent to the server yet."""
    schema4 = tuple(m for m in MIGRATIONS if m.version <= 4)
    vault, recovery = Vault.create(tmp_path / "v4", "mo", fake_clock, schema4)
    stamp = fake_clock.now_iso()
    try:
        with transaction(vault.conn) as conn:
            conn.execute("INSERT INTO organization VALUES ('org-1', 'Riverbend Test Shelter', ?, ?)", (stamp, stamp))
            conn.execute("INSERT INTO project (project_id, organization_id, name, project_type, coc_code, created_at,"
                         " updated_at) VALUES ('p-rrh', 'org-1', 'Rapid Rehousing', 13, 'MO-600', ?, ?)",
                         (stamp, stamp))
    finally:
        vault.close()

    vault = Vault.open(tmp_path / "v4", unlock_recovery(tmp_path / "v4", recovery), fake_clock)
    try:
        conn = vault.conn
        assert current_version(conn) == latest_version() >= 5
        row = conn.execute("SELECT name, project_type, coc_code, housing_type, rrh_sub_type, residential_affiliation,"
                           " target_population, queued_at FROM project").fetchone()
        assert tuple(row) == ("Rapid Rehousing", 13, "MO-600", None, None, None, None, None)
        with pytest.raises(sqlcipher3.IntegrityError, match="CHECK"):  # no project is affiliated with itself
            conn.execute("INSERT INTO project_affiliation VALUES ('p-rrh', 'p-rrh', ?)", (stamp,))
    finally:
        vault.close()
    assert len(list((tmp_path / "v4" / BACKUP_DIR).iterdir())) == 1  # backed up before the upgrade

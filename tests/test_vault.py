"""The vault on disk: encrypted from the first byte, raw key, durable pragmas (S6, S9, R2, R8)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3
from support import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    AGENCY,
    ON_FILE,
    REPO_ROOT,
    VaultInfo,
    auth,
    child_env,
    data_key_of,
    files_under,
    read_keys,
    run_cli,
    single_sentence,
    synthetic_person,
    write_keys,
)

from app.errors import BadCredentials, VaultCorrupt, VaultExists, VaultNotFound
from app.people import save_new_person
from app.session import initialize, sign_in
from app.vault import connection
from app.vault.connection import assert_pragmas, check_sqlcipher, open_database, parse_version
from app.vault.vault import db_path, keys_path

ALLOWED_FILES = {"vault.db", "vault.db-wal", "vault.db-shm", "vault.keys"}
CANARY_FIRST = "Zebulonqx"
CANARY_LAST = "Quarkwhistlevane"
CANARY_SSN = "987654329"
CANARY_DOB = "1971-02-03"


def needles(words: Iterable[str]) -> list[bytes]:
    """Each word as UTF-8, UTF-16 (both byte orders) and in lower and upper case."""
    out: set[bytes] = set()
    for word in words:
        for variant in (word, word.lower(), word.upper()):
            out.add(variant.encode("utf-8"))
            out.add(variant.encode("utf-16-le"))
            out.add(variant.encode("utf-16-be"))
    return sorted(out)


def scan(folder: Path, words: Iterable[str]) -> list[tuple[str, bytes]]:
    """Every (file, needle) pair where a file under ``folder`` holds a needle."""
    hits = []
    patterns = needles(words)
    files = files_under(folder)
    assert files, f"nothing to scan in {folder}"
    for path in files:
        blob = path.read_bytes()
        for pattern in patterns:
            if pattern in blob or pattern in blob.lower():
                hits.append((str(path.relative_to(folder)), pattern))
    return hits


def assert_layout(data_dir: Path) -> None:
    for entry in data_dir.iterdir():
        if entry.is_dir() and entry.name == "sessions":  # MO-PWD-6: one lock per key slot, named by its hash
            for inner in entry.iterdir():
                assert re.fullmatch(r"[0-9a-f]{32}\.lock", inner.name) and inner.stat().st_size == 0, inner
        elif entry.is_dir():
            assert entry.name == "backups", f"unexpected folder {entry.name}"
            for inner in entry.iterdir():
                assert inner.is_file() and inner.suffix == ".db", f"unexpected {inner}"
        else:
            assert entry.name in ALLOWED_FILES, f"unexpected file {entry.name} in the data folder"


def test_data_folder_holds_only_vault_files(any_vault: VaultInfo) -> None:
    session = any_vault.sign_in()
    save_new_person(session, synthetic_person("Layoutcheck", "Personone"), basis=ON_FILE)
    assert_layout(any_vault.data_dir)  # while open: WAL and shm may exist
    session.close()
    assert_layout(any_vault.data_dir)
    assert {p.name for p in any_vault.data_dir.iterdir()} >= {"vault.db", "vault.keys"}


def test_database_file_is_not_plain_sqlite(any_vault: VaultInfo) -> None:
    header = db_path(any_vault.data_dir).read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    assert not header.startswith(b"SQLite")


def test_plain_sqlite_cannot_read_the_vault(any_vault: VaultInfo) -> None:
    """CT-202-1, VT-3.1-8, MO-SEC-1: the vault of every pack is encrypted at rest."""
    import sqlite3

    conn = sqlite3.connect(db_path(any_vault.data_dir))
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def test_canary_person_never_reaches_disk_in_plaintext(tmp_path: Path) -> None:
    """S9, CT-202-1, VT-3.1-8: plant a distinctive name and SSN, then byte-scan every file in the data
    folder while the vault is open, after a clean close, and after kill -9."""
    data_dir = tmp_path / "data"
    result = run_cli(data_dir, "init", "--access-completed", "today", "--pack", "vt", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    words = [CANARY_FIRST, CANARY_LAST, CANARY_SSN, CANARY_SSN[-6:], CANARY_DOB, "1971-02-03"]

    session = sign_in(data_dir, ADMIN_USER, ADMIN_PASSWORD)
    person = synthetic_person(CANARY_FIRST, CANARY_LAST, ssn=CANARY_SSN, dob=CANARY_DOB)
    save_new_person(session, person, basis=ON_FILE)
    # Proof that the canary is really in the vault: it is found, so the scan below
    # looks for something that is there.
    row = session.conn.execute(
        "SELECT first_name, last_name, ssn FROM person WHERE personal_id = ?", (person.personal_id,)
    ).fetchone()
    assert row == (CANARY_FIRST, CANARY_LAST, CANARY_SSN)
    assert scan(data_dir, words) == []  # open, WAL in use
    session.close()
    assert scan(data_dir, words) == []  # closed cleanly
    assert_layout(data_dir)

    # A crash with the WAL still holding the last write.
    proc = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "tests" / "helpers" / "plant_and_hang.py"), str(data_dir),
         ADMIN_USER, CANARY_FIRST + "b", CANARY_LAST + "b", "987650001", "1980-05-06"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=child_env(), cwd=str(REPO_ROOT),
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(ADMIN_PASSWORD + "\n")
    proc.stdin.flush()
    try:
        line = proc.stdout.readline()
        assert line.strip() == "saved", proc.stderr.read() if proc.stderr else ""
        assert (data_dir / "vault.db-wal").exists()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    crash_words = [*words, CANARY_FIRST + "b", CANARY_LAST + "b", "987650001", "1980-05-06"]
    assert scan(data_dir, crash_words) == []
    assert_layout(data_dir)

    # The crashed write is intact and readable after reopening.
    session = sign_in(data_dir, ADMIN_USER, ADMIN_PASSWORD)
    try:
        names = {r[0] for r in session.conn.execute("SELECT last_name FROM person")}
        assert {CANARY_LAST, CANARY_LAST + "b"} <= names
    finally:
        session.close()
    assert scan(data_dir, crash_words) == []


def test_demo_data_never_reaches_disk_in_plaintext(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "init", "--access-completed", "today",
                   "--pack", "mo", *auth(), password=ADMIN_PASSWORD).returncode == 0
    result = run_cli(data_dir, "demo-data", "--clients", "300", "--seed", "7", *auth(),
                     password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    session = sign_in(data_dir, ADMIN_USER, ADMIN_PASSWORD)
    try:
        rows = session.conn.execute(
            "SELECT last_name, ssn, dob FROM person WHERE ssn IS NOT NULL LIMIT 40"
        ).fetchall()
    finally:
        session.close()
    assert len(rows) == 40
    words = {last for last, _, _ in rows if len(last) >= 8} | {ssn for _, ssn, _ in rows}
    words |= {dob for _, _, dob in rows}
    assert len(words) > 40
    assert scan(data_dir, words) == []
    assert_layout(data_dir)


def test_wrong_password_raises_bad_credentials_and_changes_nothing(any_vault: VaultInfo) -> None:
    db_before = db_path(any_vault.data_dir).read_bytes()
    slots_before = read_keys(any_vault.data_dir)["slots"]
    with pytest.raises(BadCredentials):
        sign_in(any_vault.data_dir, ADMIN_USER, "Wrong!Password99x", any_vault.clock)
    assert db_path(any_vault.data_dir).read_bytes() == db_before
    assert not (any_vault.data_dir / "vault.db-wal").exists()
    slots_after = read_keys(any_vault.data_dir)["slots"]
    assert {k: v["wrapped"] for k, v in slots_after.items()} == {
        k: v["wrapped"] for k, v in slots_before.items()
    }
    session = any_vault.sign_in()  # the right password still works
    session.close()


def test_unknown_user_is_bad_credentials(any_vault: VaultInfo) -> None:
    with pytest.raises(BadCredentials):
        sign_in(any_vault.data_dir, "nobody.here", ADMIN_PASSWORD, any_vault.clock)


def test_data_key_is_raw_and_a_read_proves_it(any_vault: VaultInfo) -> None:
    key = data_key_of(any_vault)
    assert len(key) == 32
    keys_text = keys_path(any_vault.data_dir).read_text("utf-8")
    assert bytes(key).hex() not in keys_text
    # The raw key in PRAGMA key's blob form opens the database with no KDF of SQLCipher's own.
    conn = sqlcipher3.connect(str(db_path(any_vault.data_dir)))
    try:
        conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        assert conn.execute("SELECT count(*) FROM app_user").fetchone()[0] == 1
    finally:
        conn.close()
    # The password is not SQLCipher's passphrase: keying with it cannot read a page.
    conn = sqlcipher3.connect(str(db_path(any_vault.data_dir)))
    try:
        conn.execute(f"PRAGMA key = '{ADMIN_PASSWORD}'")
        with pytest.raises(sqlcipher3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def test_open_with_a_wrong_raw_key_is_refused_by_the_read(any_vault: VaultInfo) -> None:
    key = bytearray(data_key_of(any_vault))
    key[0] ^= 0xFF
    with pytest.raises(BadCredentials):
        open_database(db_path(any_vault.data_dir), key)


@pytest.mark.parametrize(
    ("field", "value"),
    [("memory_kib", 8 * 1024), ("time_cost", 1), ("parallelism", 1), ("salt", "AAAA")],
)
def test_kdf_parameters_below_the_floor_refuse_to_open(
    vt_vault: VaultInfo, field: str, value: object
) -> None:
    """S6: a key file downgraded below Argon2id 64 MiB / t=3 / p=4 is refused."""
    keys = read_keys(vt_vault.data_dir)
    for slot in keys["slots"].values():
        slot["kdf"][field] = value
    write_keys(vt_vault.data_dir, keys)
    with pytest.raises(VaultCorrupt, match="weaker than the minimum"):
        vt_vault.sign_in()
    result = run_cli(vt_vault.data_dir, "status", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode != 0
    assert "weaker than the minimum" in result.stderr
    assert single_sentence(result.stderr), result.stderr


def test_unknown_kdf_algorithm_is_a_clear_error(vt_vault: VaultInfo) -> None:
    keys = read_keys(vt_vault.data_dir)
    for slot in keys["slots"].values():
        slot["kdf"]["alg"] = "pbkdf2"
    write_keys(vt_vault.data_dir, keys)
    with pytest.raises(VaultCorrupt):
        vt_vault.sign_in()
    result = run_cli(vt_vault.data_dir, "status", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == VaultCorrupt.exit_code
    assert single_sentence(result.stderr), result.stderr


def _pragmas(conn: connection.Connection) -> tuple[str, int, int]:
    return (
        conn.execute("PRAGMA journal_mode").fetchone()[0],
        conn.execute("PRAGMA synchronous").fetchone()[0],
        conn.execute("PRAGMA temp_store").fetchone()[0],
    )


def test_durability_pragmas_hold_at_every_open(tmp_path: Path) -> None:
    """R2: WAL, synchronous=FULL (2) and temp_store=MEMORY (2) at create and every open."""
    session, recovery = initialize(tmp_path / "d", "ct", ADMIN_USER, ADMIN_PASSWORD, agency_name=AGENCY,
                                   access_completed_on=date.today())
    assert _pragmas(session.conn) == ("wal", 2, 2)
    session.close()
    for _ in range(2):
        session = sign_in(tmp_path / "d", ADMIN_USER, ADMIN_PASSWORD)
        assert _pragmas(session.conn) == ("wal", 2, 2)
        assert session.conn.execute("PRAGMA cipher_version").fetchone()[0]
        session.close()
    info = VaultInfo(tmp_path / "d", "ct", ADMIN_USER, ADMIN_PASSWORD, recovery, session.clock)
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        assert _pragmas(conn) == ("wal", 2, 2)
    finally:
        conn.close()


@pytest.mark.parametrize(
    "drift",
    ["PRAGMA synchronous = NORMAL", "PRAGMA temp_store = FILE", "PRAGMA journal_mode = DELETE"],
)
def test_pragma_drift_is_caught(vt_vault: VaultInfo, drift: str) -> None:
    conn = open_database(db_path(vt_vault.data_dir), data_key_of(vt_vault))
    try:
        assert_pragmas(conn)
        conn.execute(drift)
        with pytest.raises(VaultCorrupt):
            assert_pragmas(conn)
    finally:
        conn.close()


def test_check_sqlcipher_passes_on_this_build() -> None:
    version = check_sqlcipher()
    assert parse_version(version) >= connection.MIN_CIPHER_VERSION


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4.6.1 community", (4, 6, 1)), ("4.19.0", (4, 19, 0)), ("3.4.2 community", (3, 4, 2)), ("", ())],
)
def test_version_parsing(text: str, expected: tuple[int, ...]) -> None:
    assert parse_version(text) == expected


@pytest.mark.parametrize("reported", ["4.5.6 community", "3.4.2 community", "4.0.0"])
def test_too_old_sqlcipher_is_refused(monkeypatch: pytest.MonkeyPatch, reported: str) -> None:
    monkeypatch.setattr(connection, "cipher_version", lambda: reported)
    with pytest.raises(VaultCorrupt, match="older than the required"):
        check_sqlcipher()


def test_sqlite_without_sqlcipher_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "cipher_version", lambda: "")
    with pytest.raises(VaultCorrupt, match="no encryption"):
        check_sqlcipher()


def test_missing_key_file_with_database_is_vault_corrupt(vt_vault: VaultInfo) -> None:
    keys_path(vt_vault.data_dir).unlink()
    with pytest.raises(VaultCorrupt, match="key file is missing"):
        vt_vault.sign_in()


def test_empty_folder_is_vault_not_found(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        sign_in(tmp_path / "nothing", ADMIN_USER, ADMIN_PASSWORD)


def test_init_over_an_existing_vault_leaves_it_untouched(vt_vault: VaultInfo) -> None:
    before = {p.name: p.read_bytes() for p in files_under(vt_vault.data_dir)}
    with pytest.raises(VaultExists):
        initialize(vt_vault.data_dir, "ct", "other.admin", ADMIN_PASSWORD, agency_name=AGENCY,
                   access_completed_on=date.today())
    assert {p.name: p.read_bytes() for p in files_under(vt_vault.data_dir)} == before


def test_key_file_holds_no_user_name_or_agency(any_vault: VaultInfo) -> None:
    text = keys_path(any_vault.data_dir).read_text("utf-8").lower()
    assert ADMIN_USER not in text
    assert AGENCY.lower() not in text


def test_worker_session_has_its_own_connection_and_key_copy(vt_vault: VaultInfo) -> None:
    session = vt_vault.sign_in()
    try:
        with session.worker() as worker:
            assert worker.conn is not session.conn
            assert worker.user.user_id == session.user.user_id
            save_new_person(worker, synthetic_person(), basis=ON_FILE)
            worker_vault = worker.vault
        assert not worker_vault.is_open
        assert worker_vault._data_key is None
        # The main connection sees what the worker committed, and is still open.
        count = session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
        assert count == 1
    finally:
        session.close()
    with pytest.raises(VaultCorrupt):
        session.vault.open_worker()

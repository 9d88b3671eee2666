"""Key handling: password change is a re-wrap, the recovery key is one-time, a damaged
key file is a clear error (S6)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from support import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    ON_FILE,
    VaultInfo,
    auth,
    data_key_of,
    read_keys,
    run_cli,
    single_sentence,
    synthetic_person,
)

from app.errors import AccountLocked, BadCredentials, PermissionDenied, VaultCorrupt
from app.packs import LockoutPolicy, load_pack
from app.people import save_new_person
from app.security.users import add_user, change_own_password
from app.session import sign_in, sign_in_with_recovery
from app.vault import crypto
from app.vault.keyfile import KeyFile
from app.vault.vault import db_path, keys_path, unlock_password_slot, unlock_recovery

NEW_PASSWORD = "Velvet#Orbit42Canyon"
PAGE = 4096


def _pages(data: bytes) -> list[bytes]:
    return [data[i : i + PAGE] for i in range(0, len(data), PAGE)]


def test_password_change_is_a_rewrap_not_a_reencryption(
    any_vault: VaultInfo, record_property: pytest.RecordProperty
) -> None:
    session = any_vault.sign_in()
    for i in range(150):
        save_new_person(session, synthetic_person("Rewrapfirst", f"Rewraplast{i}", ssn=f"9{i:08d}"), basis=ON_FILE)
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = db_path(any_vault.data_dir)
    before_bytes, before_inode = db.read_bytes(), db.stat().st_ino
    assert len(before_bytes) > 20 * PAGE
    key_before = bytes(data_key_of(any_vault))

    change_own_password(session, ADMIN_PASSWORD, NEW_PASSWORD)
    # Still open: the database file itself was not touched; the few rows the change
    # writes (password date, history, audit) wait in the WAL.
    assert db.read_bytes() == before_bytes
    assert db.stat().st_ino == before_inode
    session.close()

    after = db.read_bytes()
    assert db.stat().st_ino == before_inode
    changed = sum(1 for a, b in zip(_pages(before_bytes), _pages(after), strict=False) if a != b)
    # Re-encryption rewrites every page with a fresh IV; a re-wrap only touches the
    # pages of the rows it changed.
    assert changed <= len(_pages(before_bytes)) // 4, f"{changed} of {len(_pages(before_bytes))} pages"
    # Same data key, now reachable through the new password only.
    unlocked = unlock_password_slot(any_vault.data_dir, ADMIN_USER, NEW_PASSWORD,
                                    _lockout(any_vault), any_vault.clock)
    assert bytes(unlocked.data_key) == key_before
    with pytest.raises(BadCredentials):
        sign_in(any_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, any_vault.clock)
    session = sign_in(any_vault.data_dir, ADMIN_USER, NEW_PASSWORD, any_vault.clock)
    try:
        assert session.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 150
    finally:
        session.close()

    # The wrap itself, without the KDF (reported, not asserted).
    kek = os.urandom(32)
    started = time.perf_counter()
    for _ in range(100):
        crypto.wrap_key(kek, key_before, b"aad")
    record_property("wrap_ms", (time.perf_counter() - started) * 10)


def _lockout(info: VaultInfo) -> LockoutPolicy:
    return load_pack(info.pack).lockout


def test_recovery_key_unwraps_the_same_data_key(any_vault: VaultInfo) -> None:
    by_recovery = unlock_recovery(any_vault.data_dir, any_vault.recovery_key)
    by_password = unlock_password_slot(any_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD,
                                       _lockout(any_vault), any_vault.clock)
    assert len(by_recovery.data_key) == 32
    assert by_recovery.data_key == by_password.data_key


def test_recovery_key_resets_a_locked_out_admin_and_is_single_use(vt_vault: VaultInfo) -> None:
    """VT-2.1-17 with one admin: after 3 failures only the recovery key gets back in."""
    for _ in range(3):
        with pytest.raises((BadCredentials, AccountLocked)):
            sign_in(vt_vault.data_dir, ADMIN_USER, "Wrong!Password1x", vt_vault.clock)
    with pytest.raises(AccountLocked):
        vt_vault.sign_in()

    session, new_key = sign_in_with_recovery(vt_vault.data_dir, vt_vault.recovery_key, ADMIN_USER,
                                             NEW_PASSWORD, vt_vault.clock)
    try:
        assert session.user.username == ADMIN_USER
        actions = [r[0] for r in session.conn.execute("SELECT action FROM audit_event")]
        assert "recovery_key.used" in actions
    finally:
        session.close()
    assert new_key != vt_vault.recovery_key
    session = sign_in(vt_vault.data_dir, ADMIN_USER, NEW_PASSWORD, vt_vault.clock)
    session.close()

    with pytest.raises(BadCredentials):
        unlock_recovery(vt_vault.data_dir, vt_vault.recovery_key)
    with pytest.raises(BadCredentials):
        sign_in_with_recovery(vt_vault.data_dir, vt_vault.recovery_key, ADMIN_USER,
                              "Another#Pass77word", vt_vault.clock)
    assert len(unlock_recovery(vt_vault.data_dir, new_key).data_key) == 32


def test_recovery_through_the_command_line(vt_vault: VaultInfo) -> None:
    result = run_cli(vt_vault.data_dir, "recover", "--user", ADMIN_USER,
                     stdin=f"{vt_vault.recovery_key}\n{NEW_PASSWORD}\n")
    assert result.returncode == 0, result.stderr
    assert "no longer works" in result.stdout
    again = run_cli(vt_vault.data_dir, "recover", "--user", ADMIN_USER,
                    stdin=f"{vt_vault.recovery_key}\nYet#Another55Pass\n")
    assert again.returncode == BadCredentials.exit_code
    assert single_sentence(again.stderr), again.stderr
    ok = run_cli(vt_vault.data_dir, "status", "--json", *auth(), password=NEW_PASSWORD)
    assert ok.returncode == 0, ok.stderr


def test_recovery_key_cannot_reset_a_non_admin(vt_vault: VaultInfo) -> None:
    session = vt_vault.sign_in()
    add_user(session, "vera.volunteer", "Vera", "volunteer", "Temp#Pass1234xyz",
             access_completed_on=session.clock.now().date())
    session.close()
    with pytest.raises(PermissionDenied):
        sign_in_with_recovery(vt_vault.data_dir, vt_vault.recovery_key, "vera.volunteer",
                              NEW_PASSWORD, vt_vault.clock)
    # Refused without being spent.
    assert len(unlock_recovery(vt_vault.data_dir, vt_vault.recovery_key).data_key) == 32


@pytest.mark.parametrize("text", ["", "ABCDE-12345", "not a key at all", "U" * 40])
def test_malformed_recovery_key_is_bad_credentials(vt_vault: VaultInfo, text: str) -> None:
    with pytest.raises(BadCredentials):
        unlock_recovery(vt_vault.data_dir, text)


def test_recovery_key_format_round_trips() -> None:
    secret = crypto.new_recovery_secret()
    shown = crypto.format_recovery_key(secret)
    groups = shown.split("-")
    assert len(groups) == 8 and all(len(g) == 5 for g in groups)
    assert crypto.parse_recovery_key(shown) == secret
    assert crypto.parse_recovery_key(shown.lower().replace("-", " ")) == secret


def _damage_truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damage_garbage(path: Path) -> None:
    path.write_bytes(os.urandom(300))


def _damage_empty(path: Path) -> None:
    path.write_bytes(b"")


def _damage_missing_field(path: Path) -> None:
    data = json.loads(path.read_text())
    del data["slot_salt"]
    path.write_text(json.dumps(data))


def _damage_bad_base64(path: Path) -> None:
    data = json.loads(path.read_text())
    data["slot_salt"] = "***not base64***"
    path.write_text(json.dumps(data))


def _damage_format(path: Path) -> None:
    data = json.loads(path.read_text())
    data["format"] = 99
    path.write_text(json.dumps(data))


def _damage_slots_type(path: Path) -> None:
    data = json.loads(path.read_text())
    data["slots"] = ["not", "a", "mapping"]
    path.write_text(json.dumps(data))


DAMAGES = {
    "truncated": _damage_truncate,
    "garbage": _damage_garbage,
    "empty": _damage_empty,
    "missing_field": _damage_missing_field,
    "bad_base64": _damage_bad_base64,
    "newer_format": _damage_format,
    "slots_not_a_mapping": _damage_slots_type,
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_key_file_is_a_clear_vault_corrupt(vt_vault: VaultInfo, damage: str) -> None:
    db_before = db_path(vt_vault.data_dir).read_bytes()
    DAMAGES[damage](keys_path(vt_vault.data_dir))
    with pytest.raises(VaultCorrupt) as caught:
        vt_vault.sign_in()
    assert "key file" in str(caught.value)
    result = run_cli(vt_vault.data_dir, "search", "x", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == VaultCorrupt.exit_code
    assert single_sentence(result.stderr), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert db_path(vt_vault.data_dir).read_bytes() == db_before


def test_tampered_wrapped_key_is_refused_not_a_crash(vt_vault: VaultInfo) -> None:
    keys = read_keys(vt_vault.data_dir)
    for slot in keys["slots"].values():
        blob = bytearray(crypto.unb64(slot["wrapped"]))
        blob[-1] ^= 0x01
        slot["wrapped"] = crypto.b64(bytes(blob))
    keys_path(vt_vault.data_dir).write_text(json.dumps(keys))
    with pytest.raises(BadCredentials):
        vt_vault.sign_in()


def test_key_file_round_trips_and_bumps_seq(vt_vault: VaultInfo) -> None:
    first = KeyFile.load(keys_path(vt_vault.data_dir))
    first.save()
    second = KeyFile.load(keys_path(vt_vault.data_dir))
    assert second.seq == first.seq
    assert second.slots.keys() == first.slots.keys()
    assert second.slot_salt == first.slot_salt


def test_rolled_back_key_file_is_noticed(vt_vault: VaultInfo) -> None:
    old = keys_path(vt_vault.data_dir).read_bytes()
    session = vt_vault.sign_in()
    add_user(session, "cora.case", "Cora", "case_manager_1", "Temp#Pass1234xyz",
             access_completed_on=session.clock.now().date())
    session.close()
    keys_path(vt_vault.data_dir).write_bytes(old)
    session = vt_vault.sign_in()
    try:
        assert any("older than this database expected" in w for w in session.warnings)
        actions = [r[0] for r in session.conn.execute("SELECT action FROM audit_event")]
        assert "keyfile.rollback_detected" in actions
    finally:
        session.close()


def test_an_admin_issues_a_new_recovery_key_and_the_old_one_stops_working(vt_vault: VaultInfo) -> None:
    data_key = data_key_of(vt_vault)
    result = run_cli(vt_vault.data_dir, "new-recovery-key", *auth(), password=vt_vault.password)
    assert result.returncode == 0, result.stderr
    new_key = result.stdout.split("the new one is:")[1].split()[0]
    assert new_key != vt_vault.recovery_key
    with pytest.raises(BadCredentials):
        unlock_recovery(vt_vault.data_dir, vt_vault.recovery_key)
    assert unlock_recovery(vt_vault.data_dir, new_key).data_key == data_key
    session = vt_vault.sign_in()
    try:
        actions = [r[0] for r in session.conn.execute("SELECT action FROM audit_event")]
        assert "recovery_key.issued" in actions
    finally:
        session.close()


def test_only_an_administrator_may_issue_a_recovery_key(vt_vault: VaultInfo) -> None:
    from support import USER_PASSWORD, add_ready_user

    from app.security.users import issue_new_recovery_key

    add_ready_user(vt_vault, "val.volunteer", "volunteer")
    session = vt_vault.sign_in("val.volunteer", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            issue_new_recovery_key(session)
    finally:
        session.close()
    assert len(unlock_recovery(vt_vault.data_dir, vt_vault.recovery_key).data_key) == 32

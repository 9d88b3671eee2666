"""Issue 12 items 5, 6 and 7: the key file and the audit trail resist an attacker who
can write the data folder, and disabling a user revokes the key they knew.

Every test edits real files on disk the way an attacker would, then signs in as the
real user and checks what the app notices."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import (
    ADMIN_PASSWORD,
    USER_PASSWORD,
    VaultInfo,
    add_ready_user,
    auth,
    data_key_of,
    read_keys,
    run_cli,
    synthetic_person,
    write_keys,
)

from app.audit import verify_chain
from app.errors import AccountLocked, BadCredentials, UserFacingError, VaultCorrupt
from app.people import save_new_person
from app.security.users import change_own_password, disable_user
from app.session import sign_in
from app.vault import crypto
from app.vault.connection import open_database
from app.vault.keyfile import KeyFile
from app.vault.vault import db_path, keys_path, unlock_recovery

WRONG = "Wrong!Guess123x"
USER = "lou.tamper"


def _slot_id(info: VaultInfo, username: str) -> str:
    return KeyFile.load(keys_path(info.data_dir)).slot_id(username)


def _fail(info: VaultInfo, username: str = USER) -> UserFacingError:
    with pytest.raises((BadCredentials, AccountLocked)) as caught:
        sign_in(info.data_dir, username, WRONG, info.clock)
    return caught.value


def _actions(info: VaultInfo) -> list[str]:
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        return [r[0] for r in conn.execute("SELECT action FROM audit_event ORDER BY seq")]
    finally:
        conn.close()


# -- item 6: the key file is authenticated ---------------------------------------------

def test_vt_2_1_17_resetting_a_counter_by_hand_gives_no_extra_guess(vt_vault: VaultInfo) -> None:
    """VT-2.1-17: three failures lock. Two failures, the counter edited back to 0: the
    third failure still locks, and the admin's next sign-in reports the edit."""
    add_ready_user(vt_vault, USER, "case_manager")
    _fail(vt_vault)
    _fail(vt_vault)
    keys = read_keys(vt_vault.data_dir)
    slot = keys["slots"][_slot_id(vt_vault, USER)]
    assert slot["failures"] == 2
    slot["failures"] = 0
    slot["last_failure_at"] = None
    write_keys(vt_vault.data_dir, keys)

    third = _fail(vt_vault)
    assert isinstance(third, AccountLocked) and "now locked" in str(third)
    admin = vt_vault.sign_in()
    try:
        assert any("changed outside the app" in w for w in admin.warnings)
    finally:
        admin.close()
    assert "keyfile.tampered" in _actions(vt_vault)


def test_vt_2_1_17_switching_the_pack_to_ct_keeps_vermont_lockout(vt_vault: VaultInfo) -> None:
    """VT-2.1-17: editing "pack" to ct (delays instead of withdrawal) changes nothing
    before the unlock and is reported and undone at it."""
    add_ready_user(vt_vault, USER, "case_manager")
    keys = read_keys(vt_vault.data_dir)
    keys["pack"] = "ct"
    write_keys(vt_vault.data_dir, keys)
    _fail(vt_vault)
    _fail(vt_vault)
    third = _fail(vt_vault)
    assert isinstance(third, AccountLocked) and "now locked" in str(third)
    admin = vt_vault.sign_in()
    try:
        assert admin.pack.id == "vt"
        assert any("the policy pack changed" in w for w in admin.warnings)
    finally:
        admin.close()
    assert read_keys(vt_vault.data_dir)["pack"] == "vt"


def test_raising_seq_does_not_hide_a_rolled_back_key_file(any_vault: VaultInfo) -> None:
    old = keys_path(any_vault.data_dir).read_bytes()
    session = any_vault.sign_in()
    session.close()
    keys = json.loads(old)
    keys["seq"] = 10_000
    write_keys(any_vault.data_dir, keys)
    session = any_vault.sign_in()
    try:
        assert any("older than this database expected" in w for w in session.warnings)
    finally:
        session.close()
    assert "keyfile.rollback_detected" in _actions(any_vault)


def test_lowered_kdf_profile_is_restored_and_the_password_change_stays_strong(ct_vault: VaultInfo) -> None:
    keys = read_keys(ct_vault.data_dir)
    keys["kdf_profile"].update(memory_kib=8, time_cost=1, parallelism=1)
    write_keys(ct_vault.data_dir, keys)
    session = ct_vault.sign_in()
    try:
        assert any("key-derivation cost changed" in w for w in session.warnings)
        change_own_password(session, ADMIN_PASSWORD, "Amber!Falcon7Meadow9Quartz")
    finally:
        session.close()
    slot = read_keys(ct_vault.data_dir)["slots"][_slot_id(ct_vault, ct_vault.user)]
    assert slot["kdf"]["memory_kib"] >= crypto.FLOOR_MEMORY_KIB and slot["kdf"]["time_cost"] >= crypto.FLOOR_TIME_COST
    ct_vault.sign_in(password="Amber!Falcon7Meadow9Quartz").close()


def test_a_slot_below_the_floor_is_never_written(ct_vault: VaultInfo) -> None:
    """Even when the vault's own copy of the cost is weak, the change is refused."""
    session = ct_vault.sign_in()
    try:
        session.conn.execute(
            "UPDATE setting SET value = ? WHERE key = 'keyfile_kdf_profile'",
            (json.dumps({"alg": "argon2id", "memory_kib": 8, "time_cost": 1, "parallelism": 1,
                         "salt": crypto.b64(b"\0" * 16)}),))
        with pytest.raises(VaultCorrupt, match="below the minimum"):
            change_own_password(session, ADMIN_PASSWORD, "Amber!Falcon7Meadow9Quartz")
    finally:
        session.close()
    ct_vault.sign_in().close()  # the old slot still opens


def _to_format_1(info: VaultInfo) -> tuple[bytearray, str]:
    """Rewrite the vault's key file as a format-1 one: the data key wrapped directly
    under the admin's password and the recovery key, no signature; the database forgets
    it ever saw a signed one."""
    key = data_key_of(info)
    conn = open_database(db_path(info.data_dir), key)
    conn.execute("DELETE FROM setting WHERE key IN ('keyfile_signed', 'keyfile_kdf_profile')")
    conn.close()
    kf = KeyFile.load(keys_path(info.data_dir))
    sid = kf.slot_id(info.user)
    slot = kf.slots[sid]
    kek = crypto.derive_password_kek(info.password, crypto.Argon2Params.from_json(slot.kdf or {}))
    keys = read_keys(info.data_dir)
    keys.update(format=1, auth=None)
    for name in ("unknown", "audit_breaks", "tamper_notes"):
        keys.pop(name)
    keys["slots"][sid] = {"wrapped": crypto.wrap_key(kek, key, kf.aad(sid)), "kdf": slot.kdf,
                          "created_at": slot.created_at, "withdrawn_reason": None, "failures": 0,
                          "last_failure_at": None}
    salt = b"\1" * 16
    secret = crypto.parse_recovery_key(info.recovery_key)
    keys["recovery"] = {"salt": crypto.b64(salt), "created_at": slot.created_at,
                        "wrapped": crypto.wrap_key(crypto.derive_recovery_kek(secret, salt), key,
                                                   kf.aad("recovery"))}
    write_keys(info.data_dir, keys)
    return key, sid


def test_an_unsigned_format_1_key_file_still_opens_and_is_upgraded(mo_vault: VaultInfo) -> None:
    """A vault from before format 2: the data key wrapped directly, no signature."""
    key, sid = _to_format_1(mo_vault)
    session = mo_vault.sign_in()
    try:
        assert session.warnings == []
    finally:
        session.close()
    upgraded = read_keys(mo_vault.data_dir)
    assert upgraded["format"] == 2 and upgraded["auth"]["mac"]
    assert upgraded["slots"][sid]["public"] and upgraded["slots"][sid]["sealed"]
    assert bytes(unlock_recovery(mo_vault.data_dir, mo_vault.recovery_key).data_key) == bytes(key)
    assert read_keys(mo_vault.data_dir)["recovery"]["public"]


# -- item 5: the audit trail cannot be cut unnoticed -------------------------------------

def _busy(info: VaultInfo) -> None:
    session = info.sign_in()
    try:
        for i in range(3):
            save_new_person(session, synthetic_person("Anchorfirst", f"Anchorlast{i}"))
    finally:
        session.close()


def _cut(info: VaultInfo, keep: int, rehash_from: int | None = None) -> None:
    """The attacker knows a password (so the data key): drop the triggers, delete the
    newest events and, optionally, rewrite one and re-hash every later event."""
    from app.audit import GENESIS, _digest

    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        conn.execute("DROP TRIGGER audit_event_no_delete")
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("DELETE FROM audit_event WHERE seq > ?", (keep,))
        if rehash_from is not None:
            conn.execute("UPDATE audit_event SET action = 'person.viewed' WHERE seq = ?", (rehash_from,))
            prev = GENESIS
            for row in conn.execute("SELECT seq, at, user_id, action, entity, entity_id, detail"
                                    " FROM audit_event ORDER BY seq").fetchall():
                digest = _digest(prev, *row[1:])
                conn.execute("UPDATE audit_event SET hash = ? WHERE seq = ?", (bytes.fromhex(digest), row[0]))
                prev = digest
        assert verify_chain(conn).intact  # by hashes alone the cut is invisible
    finally:
        conn.close()


@pytest.mark.parametrize("keep,rehash", [(5, None), (0, None), (8, 3)],
                         ids=["newest-cut", "all-deleted", "rewritten-and-rehashed"])
def test_a_cut_audit_trail_is_reported_at_sign_in_and_by_audit_verify(
        vt_vault: VaultInfo, keep: int, rehash: int | None) -> None:
    """CT-207-12 / VT-2.1-10: the trail is anchored in the signed key file."""
    _busy(vt_vault)
    _cut(vt_vault, keep, rehash)
    session = vt_vault.sign_in()
    try:
        assert any("audit trail is shorter" in w for w in session.warnings)
    finally:
        session.close()
    result = run_cli(vt_vault.data_dir, "audit-verify", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode != 0
    assert "audit trail was cut" in result.stderr and "Traceback" not in result.stderr
    # Later sign-ins keep saying so: the cut is kept in the signed key file.
    again = run_cli(vt_vault.data_dir, "audit-verify", *auth(), password=ADMIN_PASSWORD)
    assert again.returncode != 0 and "cut" in again.stderr


def test_an_untouched_trail_stays_intact_across_sign_ins(vt_vault: VaultInfo) -> None:
    _busy(vt_vault)
    _busy(vt_vault)
    result = run_cli(vt_vault.data_dir, "audit-verify", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0 and "intact" in result.stdout, result.stderr


# -- item 7: disabling a user re-keys the vault -------------------------------------------

def _stolen_copy(info: VaultInfo, tmp: Path, keys: bytes) -> Path:
    """The current database next to an old copy of the key file."""
    folder = tmp / "stolen"
    folder.mkdir()
    shutil.copy2(db_path(info.data_dir), folder / "vault.db")
    (folder / "vault.keys").write_bytes(keys)
    return folder


def test_disabling_a_user_revokes_their_old_key_file(vt_vault: VaultInfo, tmp_path: Path) -> None:
    add_ready_user(vt_vault, USER, "case_manager")
    add_ready_user(vt_vault, "mia.stays", "case_manager")
    session = vt_vault.sign_in()
    save_new_person(session, synthetic_person("Revokefirst", "Revokelast"))
    session.close()
    old_keys = keys_path(vt_vault.data_dir).read_bytes()

    admin = vt_vault.sign_in()
    try:
        disable_user(admin, USER)
        save_new_person(admin, synthetic_person("Afterfirst", "Afterlast"))
    finally:
        admin.close()

    stolen = _stolen_copy(vt_vault, tmp_path, old_keys)
    with pytest.raises(VaultCorrupt):
        sign_in(stolen, USER, USER_PASSWORD, vt_vault.clock)
    with pytest.raises(AccountLocked, match="disabled"):
        vt_vault.sign_in(USER, USER_PASSWORD)
    # Everyone else, and the recovery key, still open the re-keyed vault.
    for user, password in ((vt_vault.user, vt_vault.password), ("mia.stays", USER_PASSWORD)):
        session = vt_vault.sign_in(user, password)
        try:
            assert session.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 2
        finally:
            session.close()
    conn = open_database(db_path(vt_vault.data_dir), data_key_of(vt_vault))
    conn.close()
    assert "vault.key_rotated" in _actions(vt_vault)


def test_rotate_key_command_revokes_every_old_key_file(ct_vault: VaultInfo, tmp_path: Path) -> None:
    old_keys = keys_path(ct_vault.data_dir).read_bytes()
    old_key = bytes(data_key_of(ct_vault))
    result = run_cli(ct_vault.data_dir, "rotate-key", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "new data key" in result.stdout
    assert bytes(data_key_of(ct_vault)) != old_key
    stolen = _stolen_copy(ct_vault, tmp_path, old_keys)
    with pytest.raises(VaultCorrupt):
        sign_in(stolen, ct_vault.user, ct_vault.password, ct_vault.clock)
    ct_vault.sign_in().close()


def test_a_rotation_interrupted_after_the_rekey_finishes_at_the_next_unlock(mo_vault: VaultInfo) -> None:
    """Step 2 done, step 3 not (the process died): the next unlock opens with the next
    key and completes the rotation."""
    session = mo_vault.sign_in()
    vault = session.vault
    new = crypto.new_data_key()
    for sid, slot in vault.keyfile.slots.items():
        slot.sealed_next = crypto.seal(crypto.unb64(slot.public or ""), new, vault.keyfile.aad(sid))
    rec = vault.keyfile.recovery
    assert rec is not None
    rec["sealed_next"] = crypto.seal(crypto.unb64(rec["public"]), new, vault.keyfile.aad("recovery"))
    vault.save_keyfile()
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.conn.execute(f"PRAGMA rekey = \"x'{bytes(new).hex()}'\"")
    vault.conn.close()  # killed here: no step 3
    vault._conn = None
    vault.close()

    session = mo_vault.sign_in()
    session.close()
    assert bytes(data_key_of(mo_vault)) == bytes(new)
    keys = read_keys(mo_vault.data_dir)
    assert all(not s.get("sealed_next") for s in keys["slots"].values())


def test_a_lock_does_not_put_back_an_older_key_file(vt_vault: VaultInfo) -> None:
    """The lock signs the key file again (the audit anchor); a user added meanwhile by
    another process (the command) keeps their slot."""
    open_session = vt_vault.sign_in()
    try:
        result = run_cli(vt_vault.data_dir, "user", "add", "nia.parallel", "--role", "volunteer",
                         "--access-completed", "today",

                         *auth(), password=ADMIN_PASSWORD)
        assert result.returncode == 0, result.stderr
        temporary = result.stdout.strip().splitlines()[-1]
    finally:
        open_session.close()
    session = vt_vault.sign_in("nia.parallel", temporary)
    session.close()


def test_rotating_with_a_format_1_recovery_slot_issues_a_new_recovery_key(mo_vault: VaultInfo) -> None:
    """The old recovery slot wraps the data key itself and cannot be re-sealed: the
    rotation replaces it and hands the new key back to be shown."""
    from app.security.users import rotate_key

    _to_format_1(mo_vault)
    session = mo_vault.sign_in()
    try:
        new_recovery = rotate_key(session)
    finally:
        session.close()
    assert new_recovery and new_recovery != mo_vault.recovery_key
    with pytest.raises(BadCredentials):
        unlock_recovery(mo_vault.data_dir, mo_vault.recovery_key)
    assert unlock_recovery(mo_vault.data_dir, new_recovery).data_key

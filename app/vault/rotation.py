"""Rotating the data key: revoking a removed user for real.

Disabling a user withdraws their slot, but they knew the data key, and a copy of the
old ``vault.keys`` still unwraps it. So disabling (and ``hmis-intake rotate-key``)
draws a new data key, re-encrypts the database with it (``PRAGMA rekey``, after a WAL
checkpoint so no frame stays under the old key) and seals it to the public key of
every remaining slot and of the recovery key. No password is needed: a slot's
private key never changes, only the envelope sealed to it.

Crash safety, in three written steps:
1. the key file gets the new key sealed beside the old one (``sealed_next``);
2. the database is re-keyed (one SQLCipher transaction: old key or new, never half);
3. the new envelopes replace the old ones.
An unlock after a crash between 1 and 2 opens with the old key and drops the
``sealed_next`` envelopes; between 2 and 3 it opens with the next key and finishes
step 3. Backups in ``backups/`` are re-keyed too.

Trade-off, stated in docs/security.md: a format-1 slot (a user who has not signed in
since this version) wraps the data key itself and cannot be re-sealed without the
password; rotation withdraws it and an administrator resets that user's password.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from app.errors import BadCredentials
from app.vault import crypto
from app.vault.connection import Connection, _key_pragma, open_database

if TYPE_CHECKING:
    from app.vault.unlock import UnlockedKey
    from app.vault.vault import Vault

RECOVERY = "recovery"


def open_rotating(db: Path, unlocked: UnlockedKey) -> tuple[Connection, bytearray]:
    """Open with the current key, or with the next one if a rotation stopped after step 2."""
    try:
        return open_database(db, unlocked.data_key), unlocked.data_key
    except BadCredentials:
        if unlocked.next_key is None:
            raise
    conn = open_database(db, unlocked.next_key)
    key, unlocked.next_key = unlocked.next_key, None
    return conn, key


def _envelopes(vault: Vault) -> list[object]:
    holders: list[object] = [s for s in vault.keyfile.slots.values() if not s.withdrawn]
    if vault.keyfile.recovery:
        holders.append(vault.keyfile.recovery)
    return holders


def _get(holder: object, name: str) -> str | None:
    return holder.get(name) if isinstance(holder, dict) else getattr(holder, name)


def _set(holder: object, name: str, value: str | None) -> None:
    if isinstance(holder, dict):
        if value is None:
            holder.pop(name, None)
        else:
            holder[name] = value
    else:
        setattr(holder, name, value)


def finish_rotation(vault: Vault) -> None:
    """Step 3 after a crash: the next envelopes become the current ones."""
    for holder in _envelopes(vault):
        if _get(holder, "sealed_next"):
            _set(holder, "sealed", _get(holder, "sealed_next"))
            _set(holder, "sealed_next", None)
    vault.save_keyfile()


def discard_pending(vault: Vault) -> None:
    """A rotation stopped before step 2: the database kept the old key; drop the next one."""
    pending = [h for h in _envelopes(vault) if _get(h, "sealed_next")]
    for holder in pending:
        _set(holder, "sealed_next", None)
    if pending:
        vault.save_keyfile()


def _rekey_file(path: Path, old: bytes | bytearray, new: bytes | bytearray) -> None:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(_key_pragma(old))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f"PRAGMA rekey = \"x'{bytes(new).hex()}'\"")
    finally:
        conn.close()


def rotate(vault: Vault, remove_slots: tuple[str, ...] = ()) -> str | None:
    """Re-key the database; returns a new recovery key when the old one could not be
    re-sealed (a format-1 recovery slot), else ``None``."""
    from app.vault.vault import BACKUP_DIR, recovery_slot

    old = vault._data_key
    if old is None:
        raise BadCredentials("The vault is locked.")
    keyfile = vault.keyfile
    new = crypto.new_data_key()
    for slot_id in remove_slots:
        keyfile.withdraw(slot_id, "disabled")
    for slot_id, slot in keyfile.slots.items():
        if slot.withdrawn:
            continue
        if slot.legacy:
            keyfile.withdraw(slot_id, "key_rotated")
            continue
        slot.sealed_next = crypto.seal(crypto.unb64(slot.public or ""), new, keyfile.aad(slot_id))
    new_recovery: str | None = None
    rec = keyfile.recovery
    if not rec or not rec.get("public"):
        secret = crypto.new_recovery_secret()
        keyfile.recovery = rec = recovery_slot(keyfile, secret, old, vault.clock.now_iso())
        new_recovery = crypto.format_recovery_key(secret)
    rec["sealed_next"] = crypto.seal(crypto.unb64(rec["public"]), new, keyfile.aad(RECOVERY))
    vault.save_keyfile()  # step 1
    conn = vault.conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute(f"PRAGMA rekey = \"x'{bytes(new).hex()}'\"")  # step 2
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    old_copy = bytearray(old)
    old[:] = new  # workers opened from now on get the new key
    crypto.zero(new)
    try:
        finish_rotation(vault)  # step 3
        backups = vault.data_dir / BACKUP_DIR
        for path in sorted(backups.glob("vault-*.db")) if backups.is_dir() else []:
            try:
                _rekey_file(path, old_copy, old)
            except sqlcipher3.DatabaseError:
                continue  # not under the old key (damaged, or from another vault): left as it is
    finally:
        crypto.zero(old_copy)
    return new_recovery

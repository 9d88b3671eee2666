"""The vault: one SQLCipher database per device plus the key file beside it.

Files under the data folder: ``vault.db`` (+ ``-wal``/``-shm``), encrypted from the
first byte; ``vault.keys``, wrapped keys and counters, no personal data; ``backups/``,
encrypted copies made before migrations. Nothing else is written there.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from app.audit import chain_head
from app.clock import Clock, system_clock
from app.errors import BadCredentials, VaultCorrupt, VaultExists
from app.settings import kdf_target_seconds
from app.vault import crypto, keyauth
from app.vault.connection import Connection, DatabaseError, open_database
from app.vault.health import check_database_file, damaged, integrity_problems
from app.vault.keyfile import KeyFile, Slot
from app.vault.migrations import MIGRATIONS, Migration, migrate
from app.vault.unlock import (
    DB_NAME,
    KEYS_NAME,
    RECOVERY_SLOT,
    UnlockedKey,
    load_keyfile,
    unlock_password_slot,
    unlock_recovery,
)

# The vault's API, including the unlock functions it re-exports from app.vault.unlock.
__all__ = [
    "BACKUP_DIR",
    "DB_NAME",
    "KEYS_NAME",
    "RECOVERY_SLOT",
    "UnlockedKey",
    "Vault",
    "db_path",
    "keys_path",
    "load_keyfile",
    "prepare_data_dir",
    "recovery_slot",
    "unlock_password_slot",
    "unlock_recovery",
    "vault_exists",
]

BACKUP_DIR = "backups"


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def keys_path(data_dir: Path) -> Path:
    return data_dir / KEYS_NAME


def vault_exists(data_dir: Path) -> bool:
    return keys_path(data_dir).exists() or db_path(data_dir).exists()


def prepare_data_dir(data_dir: Path) -> None:
    """Create the folder readable by this OS user only."""
    os.umask(0o077)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(data_dir, 0o700)


class Vault:
    """An open vault. It owns the one database connection; close() drops the key."""

    def __init__(
        self,
        data_dir: Path,
        keyfile: KeyFile,
        conn: Connection,
        data_key: bytearray,
        clock: Clock = system_clock,
    ) -> None:
        self.data_dir = data_dir
        self.keyfile = keyfile
        self._conn: Connection | None = conn
        self._data_key: bytearray | None = data_key
        self.clock = clock
        self.unlock_findings: list[str] = []  # what the unlock found changed in the key file
        # Run once when the vault closes: the user's session lock (app/security/one_session.py).
        self.on_close: list[Callable[[], None]] = []

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise VaultCorrupt("The vault is locked.")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def pack_id(self) -> str:
        return self.keyfile.pack

    # -- creating and opening ------------------------------------------------------

    @classmethod
    def create(
        cls,
        data_dir: Path,
        pack_id: str,
        clock: Clock = system_clock,
        migrations: tuple[Migration, ...] = MIGRATIONS,
        demo: bool = False,
    ) -> tuple[Vault, str]:
        """A new vault, encrypted from the first byte; returns it and the recovery key.
        ``demo``: a throwaway demo vault, for which the KDF test switch is honoured."""
        prepare_data_dir(data_dir)
        if vault_exists(data_dir):
            raise VaultExists(f"A vault already exists in {data_dir}; it was left untouched.")
        keyfile = KeyFile.new(keys_path(data_dir), pack_id)
        data_key = crypto.new_data_key()
        params = crypto.calibrate_params(kdf_target_seconds(demo=demo))
        keyfile.kdf_profile = params.to_json()
        recovery_secret = crypto.new_recovery_secret()
        keyfile.recovery = recovery_slot(keyfile, recovery_secret, data_key, clock.now_iso())
        conn = open_database(db_path(data_dir), data_key, create=True)
        try:
            migrate(conn, None, migrations)
        except BaseException:
            conn.close()
            db_path(data_dir).unlink(missing_ok=True)
            raise
        vault = cls(data_dir, keyfile, conn, data_key, clock)
        vault.save_keyfile()
        return vault, crypto.format_recovery_key(recovery_secret)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        unlocked: UnlockedKey,
        clock: Clock = system_clock,
        migrations: tuple[Migration, ...] = MIGRATIONS,
    ) -> Vault:
        db = db_path(data_dir)
        check_database_file(db)
        from app.vault.rotation import open_rotating

        # The key was proven by AES-GCM: a database that will not open with it is
        # damaged (or not this vault's), never a reason to start a new one.
        try:
            conn, data_key = open_rotating(db, unlocked)
        except BadCredentials as exc:
            raise damaged(db) from exc
        try:
            try:
                if integrity_problems(conn):
                    raise damaged(db)
            except DatabaseError as exc:
                raise damaged(db) from exc
            migrate(conn, data_dir / BACKUP_DIR, migrations)
        except BaseException:
            conn.close()
            raise
        vault = cls(data_dir, unlocked.keyfile, conn, data_key, clock)
        vault.unlock_findings = list(unlocked.findings) + keyauth.database_findings(
            conn, unlocked.seq_as_found, unlocked.was_signed)
        if data_key is not unlocked.data_key:
            crypto.zero(unlocked.data_key)
            from app.vault.rotation import finish_rotation

            finish_rotation(vault)
        else:
            unlocked.wipe()
            from app.vault.rotation import discard_pending

            discard_pending(vault)
        return vault

    def open_worker(self) -> Vault:
        """A second connection to this vault, for one piece of work off the UI thread.

        SQLite connections are not shared between threads here, so a background job
        (a sync, an export) gets its own; it holds its own copy of the key and zeroes
        it in ``close()``. Whoever starts the job closes it when the job ends.
        """
        if self._data_key is None or self._conn is None:
            raise VaultCorrupt("The vault is locked.")
        key = bytearray(self._data_key)
        try:
            conn = open_database(db_path(self.data_dir), key)
        except BaseException:
            crypto.zero(key)
            raise
        return Vault(self.data_dir, self.keyfile, conn, key, self.clock)

    def close(self) -> None:
        """Close the connection and overwrite the key buffer (S4)."""
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
        crypto.zero(self._data_key)
        self._data_key = None
        while self.on_close:
            self.on_close.pop()()

    # -- key slots -----------------------------------------------------------------

    def _kdf_profile(self) -> crypto.Argon2Params:
        # The database's signed copy wins over the key file's, which anyone could edit.
        profile = keyauth.trusted_kdf_profile(self.conn) or self.keyfile.kdf_profile
        if profile:
            base = crypto.Argon2Params.from_json(profile)
            return crypto.Argon2Params(base.memory_kib, base.time_cost, base.parallelism, os.urandom(16))
        return crypto.calibrate_params(kdf_target_seconds())

    def set_password_slot(self, slot_id: str, password: str) -> None:
        """A new key pair for the user: the private key wrapped under their password
        (one KDF run), the data key sealed to the public key; the database itself is
        never re-encrypted. A KDF cost below the floor is refused, never written."""
        if self._data_key is None:
            raise VaultCorrupt("The vault is locked.")
        params = self._kdf_profile()
        if not params.meets_floor():
            raise VaultCorrupt(
                "This vault's key-derivation cost is below the minimum this app accepts; the password "
                "was not changed (the key file may have been edited)."
            )
        kek = crypto.derive_password_kek(password, params)
        private, public = crypto.new_keypair()
        aad = self.keyfile.aad(slot_id)
        try:
            wrapped = crypto.wrap_key(kek, private, aad)
        finally:
            crypto.zero(private)
        previous = self.keyfile.slots.get(slot_id)
        self.keyfile.slots[slot_id] = Slot(
            wrapped=wrapped,
            kdf=params.to_json(),
            created_at=self.clock.now_iso(),
            public=crypto.b64(public),
            sealed=crypto.seal(public, self._data_key, aad),
            second_factor=bool(previous and previous.second_factor),
        )
        self.save_keyfile()

    def withdraw_slot(self, slot_id: str, reason: str) -> None:
        self.keyfile.withdraw(slot_id, reason)
        self.save_keyfile()

    def rotate_recovery_key(self) -> str:
        if self._data_key is None:
            raise VaultCorrupt("The vault is locked.")
        secret = crypto.new_recovery_secret()
        self.keyfile.recovery = recovery_slot(self.keyfile, secret, self._data_key, self.clock.now_iso())
        self.save_keyfile()
        return crypto.format_recovery_key(secret)

    def save_keyfile(self, anchor: bool = True) -> None:
        """Sign and write the key file (its snapshot anchors the audit trail's
        head), then let the database remember the signed sequence number."""
        if self._data_key is None:
            raise VaultCorrupt("The vault is locked.")
        head = chain_head(self.conn) if anchor else None
        self.keyfile.save(mac_key=crypto.keyfile_mac_key(self._data_key), audit_head=head)
        keyauth.remember(self.conn, self.keyfile)

    def anchor_audit(self) -> None:
        """Sign the key file again with the audit trail's current head (at a lock).

        Another process (a command-line sync, a second window) may have written the key
        file since this vault loaded it; its copy is adopted when it carries a valid
        signature and nothing changed unsigned but failed attempts, so this write never
        puts back an older list of slots."""
        if self._data_key is None:
            raise VaultCorrupt("The vault is locked.")
        try:
            disk = KeyFile.load(self.keyfile.path)
        except VaultCorrupt:
            disk = None
        if (disk is not None and disk.auth is not None and disk.vault_id == self.keyfile.vault_id
                and keyauth.signed_seq(disk) >= keyauth.signed_seq(self.keyfile)
                and not keyauth.check(disk, crypto.keyfile_mac_key(self._data_key))):
            self.keyfile = disk
        self.save_keyfile()

    def keyfile_rolled_back(self) -> bool:
        """True when the unlock found a key file older than the one this database last saw."""
        return any("rolled back" in f for f in self.unlock_findings)

    def rotate_data_key(self, remove_slots: tuple[str, ...] = ()) -> str | None:
        """Re-key the database under a new data key; see rotation.py."""
        from app.vault.rotation import rotate

        return rotate(self, remove_slots)


def recovery_slot(keyfile: KeyFile, secret: bytes, data_key: bytes | bytearray, at: str) -> dict[str, str]:
    """The recovery key's slot: like a user's, with HKDF instead of Argon2id."""
    salt = os.urandom(16)
    private, public = crypto.new_keypair()
    aad = keyfile.aad(RECOVERY_SLOT)
    try:
        wrapped = crypto.wrap_key(crypto.derive_recovery_kek(secret, salt), private, aad)
    finally:
        crypto.zero(private)
    return {"salt": crypto.b64(salt), "wrapped": wrapped, "public": crypto.b64(public),
            "sealed": crypto.seal(public, data_key, aad), "created_at": at}

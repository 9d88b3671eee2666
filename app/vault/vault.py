"""The vault: one SQLCipher database per device plus the key file beside it.

Files under the data folder: ``vault.db`` (+ ``-wal``/``-shm``), encrypted from the
first byte; ``vault.keys``, wrapped keys and counters, no personal data; ``backups/``,
encrypted copies made before migrations. Nothing else is written there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.clock import Clock, system_clock
from app.errors import AccountLocked, BadCredentials, VaultCorrupt, VaultExists, VaultNotFound
from app.packs import LockoutPolicy
from app.vault import crypto
from app.vault.connection import Connection, open_database
from app.vault.keyfile import KeyFile, Slot
from app.vault.migrations import MIGRATIONS, Migration, migrate

DB_NAME = "vault.db"
KEYS_NAME = "vault.keys"
BACKUP_DIR = "backups"
RECOVERY_SLOT = "recovery"


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


@dataclass
class UnlockedKey:
    keyfile: KeyFile
    data_key: bytearray
    slot_id: str


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
    ) -> tuple[Vault, str]:
        """A new vault, encrypted from the first byte; returns it and the recovery key."""
        prepare_data_dir(data_dir)
        if vault_exists(data_dir):
            raise VaultExists(f"A vault already exists in {data_dir}; it was left untouched.")
        keyfile = KeyFile.new(keys_path(data_dir), pack_id)
        data_key = crypto.new_data_key()
        params = crypto.calibrate_params()
        keyfile.kdf_profile = params.to_json()
        recovery_secret = crypto.new_recovery_secret()
        recovery_salt = os.urandom(16)
        keyfile.recovery = {
            "salt": crypto.b64(recovery_salt),
            "wrapped": crypto.wrap_key(
                crypto.derive_recovery_kek(recovery_secret, recovery_salt),
                data_key,
                keyfile.aad(RECOVERY_SLOT),
            ),
            "created_at": clock.now_iso(),
        }
        conn = open_database(db_path(data_dir), data_key, create=True)
        try:
            migrate(conn, None, migrations)
        except BaseException:
            conn.close()
            db_path(data_dir).unlink(missing_ok=True)
            raise
        keyfile.save()
        vault = cls(data_dir, keyfile, conn, data_key, clock)
        vault._remember_keyfile_seq()
        return vault, crypto.format_recovery_key(recovery_secret)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        unlocked: UnlockedKey,
        clock: Clock = system_clock,
        migrations: tuple[Migration, ...] = MIGRATIONS,
    ) -> Vault:
        conn = open_database(db_path(data_dir), unlocked.data_key)
        try:
            migrate(conn, data_dir / BACKUP_DIR, migrations)
        except BaseException:
            conn.close()
            raise
        return cls(data_dir, unlocked.keyfile, conn, unlocked.data_key, clock)

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

    # -- key slots -----------------------------------------------------------------

    def _kdf_profile(self) -> crypto.Argon2Params:
        if self.keyfile.kdf_profile:
            base = crypto.Argon2Params.from_json(self.keyfile.kdf_profile)
            return crypto.Argon2Params(base.memory_kib, base.time_cost, base.parallelism, os.urandom(16))
        return crypto.calibrate_params()

    def set_password_slot(self, slot_id: str, password: str) -> None:
        """Wrap the data key for a password: milliseconds of AES after one KDF run;
        the database itself is never re-encrypted."""
        if self._data_key is None:
            raise VaultCorrupt("The vault is locked.")
        params = self._kdf_profile()
        kek = crypto.derive_password_kek(password, params)
        self.keyfile.slots[slot_id] = Slot(
            wrapped=crypto.wrap_key(kek, self._data_key, self.keyfile.aad(slot_id)),
            kdf=params.to_json(),
            created_at=self.clock.now_iso(),
        )
        self.save_keyfile()

    def withdraw_slot(self, slot_id: str, reason: str) -> None:
        self.keyfile.withdraw(slot_id, reason)
        self.save_keyfile()

    def rotate_recovery_key(self) -> str:
        if self._data_key is None:
            raise VaultCorrupt("The vault is locked.")
        secret = crypto.new_recovery_secret()
        salt = os.urandom(16)
        self.keyfile.recovery = {
            "salt": crypto.b64(salt),
            "wrapped": crypto.wrap_key(
                crypto.derive_recovery_kek(secret, salt), self._data_key, self.keyfile.aad(RECOVERY_SLOT)
            ),
            "created_at": self.clock.now_iso(),
        }
        self.save_keyfile()
        return crypto.format_recovery_key(secret)

    def save_keyfile(self) -> None:
        self.keyfile.save()
        self._remember_keyfile_seq()

    def _remember_keyfile_seq(self) -> None:
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES ('keyfile_seq', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(self.keyfile.seq),),
        )

    def keyfile_rolled_back(self) -> bool:
        """True when the key file is older than the one this database last saw."""
        row = self.conn.execute("SELECT value FROM setting WHERE key = 'keyfile_seq'").fetchone()
        return row is not None and int(row[0]) > self.keyfile.seq


def load_keyfile(data_dir: Path) -> KeyFile:
    path = keys_path(data_dir)
    if not path.exists():
        if db_path(data_dir).exists():
            raise VaultCorrupt(
                f"The key file is missing from {data_dir}; restore it from a backup to open this vault."
            )
        raise VaultNotFound(
            f"No vault in {data_dir}; create one with 'hmis-intake --data-dir {data_dir} init'."
        )
    return KeyFile.load(path)


def _delay_remaining(slot: Slot, policy: LockoutPolicy, now: datetime) -> timedelta:
    if slot.failures < policy.attempts_before_delay or not policy.delays_minutes or not slot.last_failure_at:
        return timedelta(0)
    index = min(slot.failures - policy.attempts_before_delay, len(policy.delays_minutes) - 1)
    until = datetime.fromisoformat(slot.last_failure_at) + timedelta(minutes=policy.delays_minutes[index])
    return max(timedelta(0), until - now)


def unlock_password_slot(
    data_dir: Path, username: str, password: str, policy: LockoutPolicy, clock: Clock = system_clock
) -> UnlockedKey:
    """Unwrap the data key with a user's password, counting failures (VT-2.1-17).

    The count and any delay are checked before the KDF runs, so a locked account
    costs an attacker nothing to ask about and gives them no guess.
    """
    keyfile = load_keyfile(data_dir)
    slot_id = keyfile.slot_id(username)
    slot = keyfile.slots.get(slot_id)
    now = clock.now()
    if slot is None:
        # Same work as a real attempt, so timing does not reveal which names exist.
        crypto.derive_password_kek(password, crypto.Argon2Params(
            crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_TIME_COST, crypto.FLOOR_PARALLELISM, b"\0" * 16))
        keyfile.record_failure(slot_id, now)
        keyfile.save()
        raise BadCredentials("The user name or password is wrong.")
    if slot.withdrawn:
        if slot.withdrawn_reason == "failed_attempts":
            raise AccountLocked(
                "This account is locked after too many failed sign-ins; an administrator must reset its password."
            )
        raise AccountLocked("This account is disabled; ask an administrator.")
    wait = _delay_remaining(slot, policy, now)
    if wait > timedelta(0):
        minutes = max(1, int(wait.total_seconds() // 60 + (1 if wait.total_seconds() % 60 else 0)))
        raise AccountLocked(
            f"Too many failed sign-ins; try again in {minutes} minute{'s' if minutes != 1 else ''}."
        )
    try:
        params = crypto.Argon2Params.from_json(slot.kdf or {})
    except (ValueError, KeyError, TypeError) as exc:
        raise VaultCorrupt(
            "This vault's key settings are damaged or unknown; restore the key file from a backup."
        ) from exc
    if not params.meets_floor():
        raise VaultCorrupt(
            "This vault's key settings are weaker than the minimum this app accepts; it will not open it."
        )
    try:
        data_key = crypto.unwrap_key(
            crypto.derive_password_kek(password, params), slot.wrapped or "", keyfile.aad(slot_id)
        )
    except crypto.UnwrapFailed:
        keyfile.record_failure(slot_id, now)
        if slot.failures >= policy.withdraw_after:
            keyfile.withdraw(slot_id, "failed_attempts")
            keyfile.save()
            raise AccountLocked(
                f"Wrong password. After {slot.failures} failed sign-ins this account is now locked;"
                f" an administrator must reset its password."
            ) from None
        keyfile.save()
        left = policy.withdraw_after - slot.failures
        hint = f" {left} attempt{'s' if left != 1 else ''} left before the account locks." if left <= 3 else ""
        raise BadCredentials(f"The user name or password is wrong.{hint}") from None
    if slot.failures:
        slot.failures = 0
        slot.last_failure_at = None
        keyfile.save()
    return UnlockedKey(keyfile, data_key, slot_id)


def unlock_recovery(data_dir: Path, recovery_key: str, clock: Clock = system_clock) -> UnlockedKey:
    keyfile = load_keyfile(data_dir)
    try:
        secret = crypto.parse_recovery_key(recovery_key)
    except ValueError as exc:
        raise BadCredentials(str(exc)) from exc
    rec = keyfile.recovery
    if not rec:
        raise BadCredentials("This vault has no recovery key.")
    try:
        kek = crypto.derive_recovery_kek(secret, crypto.unb64(rec["salt"]))
        data_key = crypto.unwrap_key(kek, rec["wrapped"], keyfile.aad(RECOVERY_SLOT))
    except crypto.UnwrapFailed:
        keyfile.record_failure(RECOVERY_SLOT, clock.now())
        keyfile.save()
        raise BadCredentials("That recovery key does not open this vault.") from None
    return UnlockedKey(keyfile, data_key, RECOVERY_SLOT)

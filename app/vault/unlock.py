"""From a password or the recovery key to the data key, counting every attempt.

Order matters (VT-2.1-17, S7):
1. the data folder must be writable and have room, else nothing is tried;
2. a locked or delayed account (or a name with no account: same answers) is refused
   before the KDF runs, so asking costs no guess;
3. the attempt is counted as a failure and written *before* the password is checked:
   a killed process, a read-only or a full disk never gives a free guess;
4. only then Argon2id runs; a success takes the counted failure back, checks the key
   file against its signed snapshot and signs it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from app.clock import Clock, system_clock
from app.errors import AccountLocked, BadCredentials, VaultCorrupt, VaultNotFound
from app.vault import crypto, keyauth
from app.vault.health import check_storage, storage_error
from app.vault.keyfile import KeyFile, Slot

if TYPE_CHECKING:  # pydantic loads with the pack models, on first use
    from app.packs import LockoutPolicy

DB_NAME = "vault.db"
KEYS_NAME = "vault.keys"
RECOVERY_SLOT = "recovery"


@dataclass
class UnlockedKey:
    keyfile: KeyFile
    data_key: bytearray
    slot_id: str
    next_key: bytearray | None = None  # a rotation was interrupted: the database may use this one
    findings: list[str] = field(default_factory=list)  # what changed in the key file unsigned
    seq_as_found: int = 0  # the signed sequence number before this unlock signed it again
    was_signed: bool = True

    def wipe(self) -> None:
        crypto.zero(self.next_key)
        self.next_key = None


def load_keyfile(data_dir: Path) -> KeyFile:
    path = data_dir / KEYS_NAME
    if not path.exists():
        if (data_dir / DB_NAME).exists():
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


def _save_counted(keyfile: KeyFile, data_dir: Path) -> None:
    try:
        keyfile.save()
    except OSError as exc:
        raise storage_error(exc, data_dir) from exc


def _open_with_kek(keyfile: KeyFile, slot_id: str, wrapped: str, public: str | None, sealed: str | None,
                   sealed_next: str | None, kek: bytes) -> tuple[bytearray, bytearray | None]:
    aad = keyfile.aad(slot_id)
    if public is None:  # format 1: the data key itself is wrapped
        return crypto.unwrap_key(kek, wrapped, aad), None
    private = crypto.unwrap_key(kek, wrapped, aad)
    try:
        data_key = crypto.unseal(private, sealed or "", aad)
        nxt = crypto.unseal(private, sealed_next, aad) if sealed_next else None
    finally:
        crypto.zero(private)
    return data_key, nxt


def _upgrade_legacy(keyfile: KeyFile, slot_id: str, holder: Slot | dict[str, str], kek: bytes,
                    data_key: bytearray) -> None:
    """A format-1 slot becomes a key pair at its first good unlock (the KEK is at hand)."""
    private, public = crypto.new_keypair()
    aad = keyfile.aad(slot_id)
    try:
        wrapped = crypto.wrap_key(kek, private, aad)
    finally:
        crypto.zero(private)
    sealed = crypto.seal(public, data_key, aad)
    if isinstance(holder, Slot):
        holder.wrapped, holder.public, holder.sealed = wrapped, crypto.b64(public), sealed
    else:
        holder.update(wrapped=wrapped, public=crypto.b64(public), sealed=sealed)


def _refuse_locked(keyfile: KeyFile, slot_id: str, counter: Slot, slot: Slot | None, policy: LockoutPolicy,
                   now: datetime) -> None:
    """Step 2: a withdrawn or delayed account is refused before the KDF runs."""
    effective = keyauth.effective_failures(keyfile, slot_id, counter.failures)
    if effective > counter.failures:
        keyfile.tamper_notes.append("a failure counter was lowered")
    counter.failures = effective
    if slot is not None:
        slot.failures = counter.failures
    if counter.withdrawn:
        raise AccountLocked(_WITHDRAWN.get(counter.withdrawn_reason or "", _DISABLED))
    wait = _delay_remaining(counter, policy, now)
    if wait > timedelta(0):
        minutes = max(1, int(wait.total_seconds() // 60 + (1 if wait.total_seconds() % 60 else 0)))
        raise AccountLocked(
            f"Too many failed sign-ins; try again in {minutes} minute{'s' if minutes != 1 else ''}."
        )


_DISABLED = "This account is disabled; ask an administrator."
# Why an account was withdrawn -> what the person at the sign-in screen is told.
_WITHDRAWN = {
    "failed_attempts":
        "This account is locked after too many failed sign-ins; an administrator must reset its password.",
    "key_rotated": "The vault's key was changed since this account last signed in; "
                   "an administrator must reset its password.",
}


def _slot_params(slot: Slot | None) -> crypto.Argon2Params | None:
    """The slot's key settings; damaged or below the floor is refused."""
    if slot is None:
        return None
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
    return params


def _refuse_wrong_password(keyfile: KeyFile, slot_id: str, counted: Slot, policy: LockoutPolicy,
                           data_dir: Path) -> NoReturn:
    """A wrong password: the counted failure stays, and the last allowed one withdraws the account."""
    if counted.failures >= policy.withdraw_after:
        keyfile.withdraw(slot_id, "failed_attempts")
        _save_counted(keyfile, data_dir)
        raise AccountLocked(
            f"Wrong password. After {counted.failures} failed sign-ins this account is now locked;"
            f" an administrator must reset its password."
        )
    left = policy.withdraw_after - counted.failures
    hint = f" {left} attempt{'s' if left != 1 else ''} left before the account locks." if left <= 3 else ""
    raise BadCredentials(f"The user name or password is wrong.{hint}")


def unlock_password_slot(
    data_dir: Path, username: str, password: str, policy: LockoutPolicy, clock: Clock = system_clock
) -> UnlockedKey:
    """Unwrap the data key with a user's password, counting failures (VT-2.1-17)."""
    keyfile = load_keyfile(data_dir)
    check_storage(data_dir)
    slot_id = keyfile.slot_id(username)
    slot = keyfile.slots.get(slot_id)
    counter = keyfile.counter(slot_id)
    now = clock.now()
    if counter is not None:
        _refuse_locked(keyfile, slot_id, counter, slot, policy, now)
    params = _slot_params(slot)
    counted = keyfile.record_failure(slot_id, now)  # taken back below if the password is right
    _save_counted(keyfile, data_dir)
    result: tuple[bytearray, bytearray | None] | None = None
    if slot is None or params is None:
        # Same work as a real attempt, so timing does not reveal which names exist.
        crypto.derive_password_kek(password, crypto.Argon2Params(
            crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_TIME_COST, crypto.FLOOR_PARALLELISM, b"\0" * 16))
    else:
        kek = crypto.derive_password_kek(password, params)
        try:
            result = _open_with_kek(keyfile, slot_id, slot.wrapped or "", slot.public, slot.sealed,
                                    slot.sealed_next, kek)
        except crypto.UnwrapFailed:
            result = None
        if result is not None:
            findings = keyauth.check(keyfile, crypto.keyfile_mac_key(result[0]))
            if slot.legacy:
                _upgrade_legacy(keyfile, slot_id, slot, kek, result[0])
        del kek
    if result is None:
        _refuse_wrong_password(keyfile, slot_id, counted, policy, data_dir)
    data_key, next_key = result
    as_found = (keyauth.signed_seq(keyfile), keyfile.auth is not None)
    keyfile.tamper_notes.clear()  # reported through ``findings``
    if slot is None or not slot.second_factor:  # else it counts until the code is right too
        keyfile.forget_failure(slot_id)
    try:
        keyfile.save(mac_key=crypto.keyfile_mac_key(data_key))
    except OSError as exc:
        crypto.zero(data_key)
        crypto.zero(next_key)
        raise storage_error(exc, data_dir) from exc
    return UnlockedKey(keyfile, data_key, slot_id, next_key, findings, *as_found)


def unlock_recovery(data_dir: Path, recovery_key: str, clock: Clock = system_clock) -> UnlockedKey:
    keyfile = load_keyfile(data_dir)
    check_storage(data_dir)
    try:
        secret = crypto.parse_recovery_key(recovery_key)
    except ValueError as exc:
        raise BadCredentials(str(exc)) from exc
    rec = keyfile.recovery
    if not rec:
        raise BadCredentials("This vault has no recovery key.")
    keyfile.record_failure(RECOVERY_SLOT, clock.now())
    _save_counted(keyfile, data_dir)
    try:
        kek = crypto.derive_recovery_kek(secret, crypto.unb64(rec["salt"]))
        data_key, next_key = _open_with_kek(keyfile, RECOVERY_SLOT, rec["wrapped"], rec.get("public"),
                                            rec.get("sealed"), rec.get("sealed_next"), kek)
    except crypto.UnwrapFailed:
        raise BadCredentials("That recovery key does not open this vault.") from None
    findings = keyauth.check(keyfile, crypto.keyfile_mac_key(data_key))
    if rec.get("public") is None:
        _upgrade_legacy(keyfile, RECOVERY_SLOT, rec, kek, data_key)
    del kek
    as_found = (keyauth.signed_seq(keyfile), keyfile.auth is not None)
    keyfile.tamper_notes.clear()
    keyfile.failure_log.pop()  # the attempt counted above
    keyfile.unknown.pop(RECOVERY_SLOT, None)
    keyfile.save(mac_key=crypto.keyfile_mac_key(data_key))
    return UnlockedKey(keyfile, data_key, RECOVERY_SLOT, next_key, findings, *as_found)

"""The key file: wrapped copies of the data key and the sign-in failure counters.

It must be readable before the database is open, so it lives beside it as JSON. It
holds nothing personal: user names appear only as keyed hashes (slot ids), and the
wrapped keys are AES-256-GCM ciphertexts bound to this vault and slot.

Format 2 (docs/security.md, "The key file"):

* a slot wraps the user's X25519 private key under their password (Argon2id); the
  data key is sealed to the slot's public key (``sealed``), so an administrator can
  rotate the data key for every remaining user without knowing their passwords.
  Format-1 slots (the data key wrapped directly) still open and are upgraded at the
  user's next sign-in;
* ``auth`` is a snapshot of everything that must not change without the data key
  (pack, KDF cost, slots, recovery, counters, the audit trail's head) with an
  HMAC-SHA256 under a key derived from the data key. Only failed attempts and the
  withdrawal they cause are written without the key; the unlock checks that the
  live fields differ from the snapshot only in those ways (``app.vault.keyauth``);
* failures are counted before the password is checked, so a killed process or a
  disk that cannot be written never gives a free guess; names that match no slot
  get counters too (``unknown``), so the answers do not reveal which names exist.

Lockout resists tampering by withdrawing, not flagging: once a user reaches the pack's
limit the wrapped key for that slot is deleted, so editing a counter back gives
nothing; only an admin (who holds the data key) can issue a new slot.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.errors import VaultCorrupt
from app.fileio import atomic_write_bytes
from app.vault.crypto import b64, unb64

FORMAT = 2
READABLE_FORMATS = (1, 2)
MAX_FAILURE_LOG = 500
MAX_UNKNOWN = 256


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def normalize_username(username: str) -> str:
    return unicodedata.normalize("NFKC", username).strip().casefold()


@dataclass
class Slot:
    wrapped: str | None  # format 2: the wrapped private key; format 1: the data key
    kdf: dict[str, Any] | None
    created_at: str
    withdrawn_reason: str | None = None
    failures: int = 0
    last_failure_at: str | None = None
    public: str | None = None  # X25519 public key; None for a format-1 slot
    sealed: str | None = None  # the data key sealed to ``public``
    sealed_next: str | None = None  # during a rotation: the next data key
    # The user has a second factor (its secret is inside the vault): a right password
    # alone does not take the counted attempt back (app.session.PendingSignIn).
    second_factor: bool = False

    @property
    def withdrawn(self) -> bool:
        return self.wrapped is None

    @property
    def legacy(self) -> bool:
        return self.public is None

    def to_json(self) -> dict[str, Any]:
        return {
            "wrapped": self.wrapped, "kdf": self.kdf, "created_at": self.created_at,
            "withdrawn_reason": self.withdrawn_reason, "failures": self.failures,
            "last_failure_at": self.last_failure_at, "public": self.public,
            "sealed": self.sealed, "sealed_next": self.sealed_next,
        } | ({"second_factor": True} if self.second_factor else {})

    @classmethod
    def from_json(cls, s: dict[str, Any]) -> Slot:
        return cls(
            wrapped=s["wrapped"], kdf=s["kdf"], created_at=s["created_at"],
            withdrawn_reason=s.get("withdrawn_reason"), failures=int(s.get("failures", 0)),
            last_failure_at=s.get("last_failure_at"), public=s.get("public"),
            sealed=s.get("sealed"), sealed_next=s.get("sealed_next"),
            second_factor=bool(s.get("second_factor", False)),
        )


@dataclass
class KeyFile:
    path: Path
    vault_id: str
    pack: str
    created_at: str
    slot_salt: bytes
    slots: dict[str, Slot] = field(default_factory=dict)
    recovery: dict[str, str] | None = None
    kdf_profile: dict[str, Any] | None = None  # calibrated Argon2id cost, reused with fresh salts
    failure_log: list[dict[str, str]] = field(default_factory=list)
    seq: int = 0
    unknown: dict[str, dict[str, Any]] = field(default_factory=dict)
    auth: dict[str, Any] | None = None  # {"snapshot": {...}, "mac": hex}; see keyauth
    audit_breaks: list[dict[str, Any]] = field(default_factory=list)  # cuts found in the audit trail
    tamper_notes: list[str] = field(default_factory=list)  # edits undone before an unlock, to report
    loaded_format: int = FORMAT

    @classmethod
    def new(cls, path: Path, pack: str) -> KeyFile:
        import uuid

        return cls(
            path=path,
            vault_id=str(uuid.uuid4()),
            pack=pack,
            created_at=iso(now_utc()),
            slot_salt=secrets.token_bytes(32),
        )

    def slot_id(self, username: str) -> str:
        digest = hmac.new(
            self.slot_salt, normalize_username(username).encode("utf-8"), hashlib.sha256
        )
        return digest.hexdigest()[:32]

    def aad(self, slot_id: str) -> bytes:
        # The AAD of format 1, kept: it binds a wrap to this vault and slot.
        return f"hmis-intake/v1|{self.vault_id}|{slot_id}".encode()

    @property
    def snapshot(self) -> dict[str, Any] | None:
        return self.auth.get("snapshot") if self.auth else None

    @property
    def trusted_pack(self) -> str:
        """The pack as last signed by someone holding the data key (a plain edit of
        ``pack`` changes nothing before the next unlock, which reports it)."""
        snap = self.snapshot
        return str(snap["pack"]) if snap and snap.get("pack") else self.pack

    def counter(self, slot_id: str) -> Slot | None:
        """The slot, or for a name with no slot its ghost counter (same rules, same answers)."""
        slot = self.slots.get(slot_id)
        if slot is not None:
            return slot
        ghost = self.unknown.get(slot_id)
        if ghost is None:
            return None
        return Slot(wrapped=None if ghost.get("withdrawn") else "", kdf=None, created_at="",
                    withdrawn_reason="failed_attempts" if ghost.get("withdrawn") else None,
                    failures=int(ghost.get("failures", 0)), last_failure_at=ghost.get("last_failure_at"))

    def record_failure(self, slot_id: str, at: datetime) -> Slot:
        slot = self.slots.get(slot_id)
        self.failure_log.append({"slot": slot_id if slot else "unknown", "at": iso(at)})
        del self.failure_log[:-MAX_FAILURE_LOG]
        if slot is not None:
            slot.failures += 1
            slot.last_failure_at = iso(at)
            return slot
        ghost = self.unknown.pop(slot_id, {"failures": 0})
        ghost["failures"] = int(ghost.get("failures", 0)) + 1
        ghost["last_failure_at"] = iso(at)
        self.unknown[slot_id] = ghost  # newest last
        while len(self.unknown) > MAX_UNKNOWN:
            self.unknown.pop(next(iter(self.unknown)))
        counted = self.counter(slot_id)
        assert counted is not None
        return counted

    def forget_failure(self, slot_id: str) -> None:
        """The attempt counted before the check succeeded: take it back, and the count
        restarts (the packs' reading of A11: a success resets it)."""
        slot = self.slots.get(slot_id)
        if slot is None:
            return
        for i in range(len(self.failure_log) - 1, -1, -1):
            if self.failure_log[i]["slot"] == slot_id:
                del self.failure_log[i]
                break
        slot.failures = 0
        slot.last_failure_at = None

    def withdraw(self, slot_id: str, reason: str) -> None:
        slot = self.slots.get(slot_id)
        if slot is not None:
            slot.wrapped = None
            slot.kdf = None
            slot.sealed = None
            slot.sealed_next = None
            slot.withdrawn_reason = reason
        elif slot_id in self.unknown:
            self.unknown[slot_id]["withdrawn"] = True

    def payload(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "vault_id": self.vault_id,
            "pack": self.pack,
            "created_at": self.created_at,
            "slot_salt": b64(self.slot_salt),
            "slots": {sid: s.to_json() for sid, s in self.slots.items()},
            "recovery": self.recovery,
            "kdf_profile": self.kdf_profile,
            "failure_log": self.failure_log,
            "unknown": self.unknown,
            "seq": self.seq,
            "audit_breaks": self.audit_breaks,
            "tamper_notes": self.tamper_notes,
            "auth": self.auth,
        }

    def save(self, mac_key: bytes | None = None, audit_head: tuple[int, str] | None = None) -> None:
        """Write the file atomically. With ``mac_key`` (only an unlocked vault has it)
        the snapshot is renewed and signed; without it only counters may have moved."""
        self.seq += 1
        if mac_key is not None:
            from app.vault.keyauth import sign

            self.auth = sign(self, mac_key, audit_head)
        atomic_write_bytes(self.path, json.dumps(self.payload(), indent=1).encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = json.loads(path.read_bytes())
            if raw.get("format") not in READABLE_FORMATS:
                raise VaultCorrupt(
                    f"The key file {path.name} has format {raw.get('format')!r}, "
                    f"which this version does not read."
                )
            slots = {sid: Slot.from_json(s) for sid, s in raw["slots"].items()}
            auth = raw.get("auth")
            return cls(
                path=path,
                vault_id=str(raw["vault_id"]),
                pack=str(raw["pack"]),
                created_at=str(raw["created_at"]),
                slot_salt=unb64(raw["slot_salt"]),
                slots=slots,
                recovery=raw.get("recovery"),
                kdf_profile=raw.get("kdf_profile"),
                failure_log=list(raw.get("failure_log", [])),
                seq=int(raw.get("seq", 0)),
                unknown=dict(raw.get("unknown") or {}),
                auth=dict(auth) if isinstance(auth, dict) else None,
                audit_breaks=list(raw.get("audit_breaks") or []),
                tamper_notes=[str(n) for n in raw.get("tamper_notes") or []],
                loaded_format=int(raw["format"]),
            )
        except VaultCorrupt:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise VaultCorrupt(
                f"The key file {path.name} is damaged or unreadable; restore it from a backup "
                f"(the database itself was not changed)."
            ) from exc

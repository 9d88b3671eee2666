"""The key file: wrapped copies of the data key and the sign-in failure counters.

It must be readable before the database is open, so it lives beside it as JSON. It
holds nothing personal: user names appear only as keyed hashes (slot ids), and the
wrapped keys are AES-256-GCM ciphertexts bound to this vault and slot.

Lockout resists tampering by withdrawing, not flagging: once a user reaches the pack's
limit the wrapped key for that slot is deleted, so editing a counter back gives
nothing; only an admin (who holds the data key) can issue a new slot. Every write
bumps ``seq``; the database remembers the last ``seq`` it saw, so a key file rolled
back to an older copy is noticed at the next unlock.
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

FORMAT = 1
MAX_FAILURE_LOG = 500


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def normalize_username(username: str) -> str:
    return unicodedata.normalize("NFKC", username).strip().casefold()


@dataclass
class Slot:
    wrapped: str | None
    kdf: dict[str, Any] | None
    created_at: str
    withdrawn_reason: str | None = None
    failures: int = 0
    last_failure_at: str | None = None

    @property
    def withdrawn(self) -> bool:
        return self.wrapped is None


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
        return f"hmis-intake/v{FORMAT}|{self.vault_id}|{slot_id}".encode()

    def record_failure(self, slot_id: str, at: datetime) -> Slot | None:
        slot = self.slots.get(slot_id)
        self.failure_log.append({"slot": slot_id if slot else "unknown", "at": iso(at)})
        del self.failure_log[:-MAX_FAILURE_LOG]
        if slot is not None:
            slot.failures += 1
            slot.last_failure_at = iso(at)
        return slot

    def withdraw(self, slot_id: str, reason: str) -> None:
        slot = self.slots.get(slot_id)
        if slot is not None:
            slot.wrapped = None
            slot.kdf = None
            slot.withdrawn_reason = reason

    def save(self) -> None:
        self.seq += 1
        payload = {
            "format": FORMAT,
            "vault_id": self.vault_id,
            "pack": self.pack,
            "created_at": self.created_at,
            "slot_salt": b64(self.slot_salt),
            "slots": {
                sid: {
                    "wrapped": s.wrapped,
                    "kdf": s.kdf,
                    "created_at": s.created_at,
                    "withdrawn_reason": s.withdrawn_reason,
                    "failures": s.failures,
                    "last_failure_at": s.last_failure_at,
                }
                for sid, s in self.slots.items()
            },
            "recovery": self.recovery,
            "kdf_profile": self.kdf_profile,
            "failure_log": self.failure_log,
            "seq": self.seq,
        }
        atomic_write_bytes(self.path, json.dumps(payload, indent=1).encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = json.loads(path.read_bytes())
            if raw.get("format") != FORMAT:
                raise VaultCorrupt(
                    f"The key file {path.name} has format {raw.get('format')!r}, "
                    f"which this version does not read."
                )
            slots = {
                sid: Slot(
                    wrapped=s["wrapped"],
                    kdf=s["kdf"],
                    created_at=s["created_at"],
                    withdrawn_reason=s.get("withdrawn_reason"),
                    failures=int(s.get("failures", 0)),
                    last_failure_at=s.get("last_failure_at"),
                )
                for sid, s in raw["slots"].items()
            }
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
            )
        except VaultCorrupt:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise VaultCorrupt(
                f"The key file {path.name} is damaged or unreadable; restore it from a backup "
                f"(the database itself was not changed)."
            ) from exc

"""Signing the key file and checking it at unlock.

Before the vault opens, anyone who can write the data folder can edit ``vault.keys``.
What they change is caught at the next unlock: the last state written by someone
holding the data key is kept as a snapshot with an HMAC-SHA256 under a key derived
from the data key, and the database mirrors the snapshot's sequence number. A good
unlock compares the live file with the snapshot; only failed attempts (a counter up,
a log entry, a withdrawal for failed attempts) may have happened in between.

The snapshot holds digests of the wrapped keys, never the keys themselves, so a slot
withdrawn after too many failures cannot be restored from it. It also anchors the
audit trail: the newest event's sequence number and hash at the time of signing.
What it cannot catch is the whole file swapped for an exact older copy whose
snapshot is newer than anything the database has seen: see docs/security.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import TYPE_CHECKING, Any

from app.settings import Settings

if TYPE_CHECKING:
    from app.vault.connection import Connection
    from app.vault.keyfile import KeyFile, Slot


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


def _slot_view(slot: Slot) -> dict[str, Any]:
    return {
        "key": _digest(slot.wrapped, slot.kdf, slot.public, slot.sealed, slot.sealed_next),
        "withdrawn_reason": slot.withdrawn_reason,
        "failures": slot.failures,
        "created_at": slot.created_at,
    }


def _view(kf: KeyFile) -> dict[str, Any]:
    from app.vault.crypto import b64

    return {
        "vault_id": kf.vault_id,
        "pack": kf.pack,
        "created_at": kf.created_at,
        "slot_salt": b64(kf.slot_salt),
        "kdf_profile": kf.kdf_profile,
        "recovery": _digest(kf.recovery),
        "slots": {sid: _slot_view(s) for sid, s in kf.slots.items()},
        "audit_breaks": kf.audit_breaks,
    }


def _mac(mac_key: bytes, snapshot: dict[str, Any]) -> str:
    body = json.dumps(snapshot, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(mac_key, body, hashlib.sha256).hexdigest()


def sign(kf: KeyFile, mac_key: bytes, audit_head: tuple[int, str] | None) -> dict[str, Any]:
    previous = kf.snapshot or {}
    head = list(audit_head) if audit_head is not None else previous.get("audit_head", [0, "0" * 64])
    snapshot = dict(_view(kf), seq=kf.seq, failure_log_len=len(kf.failure_log), audit_head=head)
    return {"snapshot": snapshot, "mac": _mac(mac_key, snapshot)}


def effective_failures(kf: KeyFile, slot_id: str, counted: int) -> int:
    """A counter cannot be lower than the signed count plus the failures logged since:
    setting ``failures`` back to 0 by hand gives no extra guesses."""
    snap = kf.snapshot
    if not snap:
        return counted
    signed = snap.get("slots", {}).get(slot_id, {}).get("failures", 0)
    since = kf.failure_log[int(snap.get("failure_log_len", 0)):]
    logged = sum(1 for entry in since if entry.get("slot") == slot_id)
    return max(counted, int(signed) + logged)


def check(kf: KeyFile, mac_key: bytes) -> list[str]:
    """What changed in the key file without the data key, in plain words; [] if nothing.
    Call after the password proved right and before its counter is reset."""
    noted = list(kf.tamper_notes)
    if kf.auth is None:
        return sorted(set(noted))
    snap = kf.snapshot or {}
    if not hmac.compare_digest(str(kf.auth.get("mac", "")), _mac(mac_key, snap)):
        return ["its signature does not match (it was edited outside the app)"]
    live = _view(kf)
    findings = noted
    names = {"pack": "the policy pack", "kdf_profile": "the key-derivation cost",
             "recovery": "the recovery key slot", "vault_id": "the vault id",
             "slot_salt": "the slot salt", "created_at": "the creation date",
             "audit_breaks": "the record of audit-trail cuts"}
    for key, words in names.items():
        if live[key] != snap.get(key):
            findings.append(f"{words} changed")
    signed_slots: dict[str, Any] = snap.get("slots", {})
    if set(live["slots"]) != set(signed_slots):
        findings.append("key slots were added or removed")
    log_len = int(snap.get("failure_log_len", 0))
    if len(kf.failure_log) < log_len:
        findings.append("failed sign-ins were removed from the log")
    since = kf.failure_log[log_len:]
    log_full = len(kf.failure_log) >= 500
    for sid, signed in signed_slots.items():
        slot = kf.slots.get(sid)
        if slot is None:
            continue
        view = live["slots"][sid]
        withdrawn_by_failures = slot.withdrawn and slot.withdrawn_reason == "failed_attempts"
        if view["key"] != signed["key"] and not withdrawn_by_failures:
            findings.append("a slot's wrapped key or its cost changed")
        if slot.failures < int(signed["failures"]):
            findings.append("a failure counter was lowered")
        elif not log_full and slot.failures - int(signed["failures"]) != sum(
                1 for e in since if e.get("slot") == sid):
            findings.append("a failure counter does not match the failures logged")
    if kf.seq < int(snap.get("seq", 0)):
        findings.append("its sequence number went backwards")
    return sorted(set(findings))


# -- the database's copy -------------------------------------------------------------

def signed_seq(kf: KeyFile) -> int:
    snap = kf.snapshot
    return int(snap["seq"]) if snap else kf.seq


def remember(conn: Connection, kf: KeyFile) -> None:
    """The database keeps the signed sequence number and the signed KDF cost."""
    settings = Settings(conn)
    settings.keyfile_seq = signed_seq(kf)
    if kf.auth is not None:
        settings.keyfile_signed = True
        if kf.kdf_profile:
            settings.keyfile_kdf_profile = dict(kf.kdf_profile)


def database_findings(conn: Connection, seq_as_found: int, was_signed: bool) -> list[str]:
    """Compare the key file as the unlock found it with what the database remembers."""
    findings = []
    settings = Settings(conn)
    seen = settings.keyfile_seq
    if seen is not None and seen > seq_as_found:
        findings.append("it is older than the one this database last saw (rolled back)")
    if not was_signed and settings.keyfile_signed:
        findings.append("its signature was removed")
    return findings


def trusted_kdf_profile(conn: Connection) -> dict[str, Any] | None:
    return Settings(conn).keyfile_kdf_profile or None

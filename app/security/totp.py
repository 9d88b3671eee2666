"""The optional second factor: a time-based one-time code (RFC 6238) after the password.

Where a pack asks for it (``[second_factor] totp``, its reading of A7), a user may
enrol an authenticator app. The secret, the last step used and the hashed one-time
recovery codes live in the vault's ``setting`` table (encrypted with the database,
readable only after the password has opened it); the key file only carries a flag
that the slot has a second factor, so a correct password does not reset the failure
count until the code is right too (``app.session.PendingSignIn``).

What it protects: a password seen over a shoulder at a shared desk is not enough to
sign in. What it cannot protect: a copied disk. The secret is inside the vault, and
whoever can open the vault (the password and Argon2id) can read it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import pyotp

from app import audit
from app.errors import PermissionDenied, UserFacingError
from app.settings import Settings
from app.vault.connection import Connection, transaction

if TYPE_CHECKING:
    from app.clock import Clock
    from app.session import Session

STEP_SECONDS = 30
DIGITS = 6
DRIFT_STEPS = 1  # one step either side: a phone clock half a minute off still works
RECOVERY_CODES = 8


class SecondFactorError(UserFacingError):
    """A code that could not be used (wrong, reused, badly typed)."""


@dataclass
class TotpRecord:
    secret: str  # base32
    enrolled_at: str
    last_step: int = -1  # the newest time step accepted: a code is never accepted twice
    recovery: list[str] = field(default_factory=list)  # SHA-256 of each unused recovery code

    def to_json(self) -> str:
        return json.dumps({"secret": self.secret, "enrolled_at": self.enrolled_at,
                           "last_step": self.last_step, "recovery": self.recovery})

    @classmethod
    def from_json(cls, text: str) -> TotpRecord:
        raw = json.loads(text)
        return cls(str(raw["secret"]), str(raw["enrolled_at"]), int(raw.get("last_step", -1)),
                   [str(h) for h in raw.get("recovery", [])])


# -- pure parts ---------------------------------------------------------------------


def new_secret() -> str:
    return pyotp.random_base32(32)  # 160 bits, RFC 4226's recommended length


def provisioning_uri(secret: str, username: str, issuer: str) -> str:
    """The otpauth:// link an authenticator app reads from the QR code. It names the
    device's HMIS and the user name only; nothing about any client."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(
        name=username, issuer_name=issuer)


def code_at(secret: str, at: datetime) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).at(at)


def _step(at: datetime) -> int:
    return int(at.timestamp()) // STEP_SECONDS


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code if not ch.isspace() and ch != "-")


def matching_step(secret: str, code: str, at: datetime, last_step: int) -> int | None:
    """The time step the code belongs to (within ``DRIFT_STEPS`` of now), or None. A
    step at or before ``last_step`` is refused: a code seen being typed cannot be
    used again."""
    code = normalize_code(code)
    if len(code) != DIGITS or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)
    now_step = _step(at)
    for step in range(now_step - DRIFT_STEPS, now_step + DRIFT_STEPS + 1):
        if step <= last_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def new_recovery_codes(count: int = RECOVERY_CODES) -> list[str]:
    """Ten base32 characters each (50 bits), shown as two groups: XXXXX-XXXXX."""
    codes = []
    for _ in range(count):
        raw = base64.b32encode(secrets.token_bytes(10)).decode("ascii")[:10]
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def hash_recovery_code(user_id: str, code: str) -> str:
    cleaned = normalize_code(code).upper()
    return hashlib.sha256(f"{user_id}:{cleaned}".encode()).hexdigest()


def looks_like_recovery_code(code: str) -> bool:
    cleaned = normalize_code(code)
    return len(cleaned) == 10 and not cleaned.isdigit()


# -- stored per user, inside the vault ------------------------------------------------


def load(conn: Connection, user_id: str) -> TotpRecord | None:
    text = Settings.totp.get(conn, user_id)
    return TotpRecord.from_json(text) if text is not None else None


def store(conn: Connection, user_id: str, record: TotpRecord) -> None:
    Settings.totp.put(conn, user_id, record.to_json())


def remove(conn: Connection, user_id: str) -> None:
    Settings.totp.put(conn, user_id, None)


def enrolled_user_ids(conn: Connection) -> set[str]:
    return set(Settings.totp.ids(conn))


def check_and_spend(conn: Connection, user_id: str, code: str, at: datetime) -> str | None:
    """Accept a current code (its step is then spent) or an unused recovery code (then
    gone). Returns "totp" or "recovery_code", or None when the code is wrong. The
    caller holds the transaction."""
    record = load(conn, user_id)
    if record is None:
        return None
    step = matching_step(record.secret, code, at, record.last_step)
    if step is not None:
        record.last_step = step
        store(conn, user_id, record)
        return "totp"
    if looks_like_recovery_code(code):
        digest = hash_recovery_code(user_id, code)
        for stored in record.recovery:
            if hmac.compare_digest(stored, digest):
                record.recovery.remove(stored)
                store(conn, user_id, record)
                return "recovery_code"
    return None


# -- enrollment and reset (through a signed-in session) -------------------------------


def _target(session: Session, username: str | None) -> tuple[str, str, str]:
    """(user_id, username, slot_id) of the user; another user's needs users.manage."""
    name = (username or session.user.username).strip()
    if name != session.user.username:
        session.require("users.manage")
    row = session.conn.execute(
        "SELECT user_id, username, slot_id FROM app_user WHERE username = ? AND disabled_at IS NULL",
        (name,)).fetchone()
    if row is None:
        raise UserFacingError(f"There is no active user named {name}.")
    return row[0], row[1], row[2]


def _set_slot_flag(session: Session, slot_id: str, on: bool) -> None:
    slot = session.vault.keyfile.slots.get(slot_id)
    if slot is not None:
        slot.second_factor = on
        session.vault.save_keyfile()


def require_allowed(session: Session) -> None:
    if session.pack.second_factor.totp == "off":
        raise PermissionDenied("This device's policy pack does not use a second factor.")


@dataclass
class Enrollment:
    username: str
    secret: str
    uri: str


def start_enrollment(session: Session, username: str | None = None) -> Enrollment:
    """A new secret to show (QR code and text); nothing is stored until confirmed."""
    require_allowed(session)
    _, name, _ = _target(session, username)
    secret = new_secret()
    return Enrollment(name, secret, provisioning_uri(secret, name, session.pack.hmis_name))


def confirm_enrollment(session: Session, enrollment: Enrollment, code: str | None) -> list[str]:
    """Store the secret (replacing any earlier one) and return fresh recovery codes,
    shown once. With ``code`` the authenticator must already show a matching code
    (the GUI asks for it); the headless command enrols without one."""
    require_allowed(session)
    user_id, _, slot_id = _target(session, enrollment.username)
    now = session.clock.now()
    last_step = -1
    if code is not None:
        step = matching_step(enrollment.secret, code, now, -1)
        if step is None:
            raise SecondFactorError("That code does not match; check the phone's time and type the code it shows now.")
        last_step = step
    codes = new_recovery_codes()
    record = TotpRecord(enrollment.secret, session.clock.now_iso(), last_step,
                        [hash_recovery_code(user_id, c) for c in codes])
    with transaction(session.conn):
        store(session.conn, user_id, record)
        session.audit("second_factor.enrolled", "user", user_id)
    _set_slot_flag(session, slot_id, True)
    return codes


def reset(session: Session, username: str) -> bool:
    """An administrator removes a user's second factor (a lost phone); the user signs
    in with the password alone until they enrol again. False if none was set up."""
    session.require("users.manage")
    user_id, _, slot_id = _target(session, username)
    with transaction(session.conn):
        had = load(session.conn, user_id) is not None
        remove(session.conn, user_id)
        if had:
            session.audit("second_factor.reset", "user", user_id)
    _set_slot_flag(session, slot_id, False)
    return had


def is_enrolled(session: Session, user_id: str | None = None) -> bool:
    return load(session.conn, user_id or session.user.user_id) is not None


def recovery_codes_left(session: Session) -> int:
    record = load(session.conn, session.user.user_id)
    return len(record.recovery) if record else 0


def audit_use(conn: Connection, user_id: str, how: str, clock: Clock) -> None:
    audit.record(conn, "second_factor.used", user_id, "user", user_id, {"method": how}, clock)

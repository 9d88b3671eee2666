"""Local users: an admin adds, disables and resets them; each user changes their own
password. Disabling withdraws the user's key slot, so a disabled account cannot
open the vault even with the right password."""

from __future__ import annotations

import secrets
import string
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

from app import audit, user_access
from app.errors import BadCredentials, PasswordRejected, PermissionDenied, UserFacingError
from app.packs import Pack, clause_ids
from app.security import role_grants
from app.session import Session, validate_new_password
from app.vault.connection import Connection, transaction
from app.vault.crypto import Argon2Params, UnwrapFailed, derive_password_kek, unwrap_key, zero

_HISTORY_HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)


@dataclass(frozen=True)
class UserSummary:
    user_id: str
    username: str
    display_name: str
    role: str
    disabled: bool
    locked: bool
    must_change_password: bool


def generate_temporary_password(length: int = 16) -> str:
    """VT-2.1-11: the system generates a first password; it satisfies every shipped
    profile (classes for the strict ones, length for the passphrase one)."""
    alphabet = string.ascii_letters + string.digits
    while True:
        body = "".join(secrets.choice(alphabet) for _ in range(length - 2))
        candidate = body + secrets.choice("!#%*+=?") + secrets.choice(string.digits)
        if any(c.isupper() for c in candidate) and any(c.islower() for c in candidate):
            return candidate


def remember_password(conn: Connection, user_id: str, password: str, at: str) -> None:
    conn.execute(
        "INSERT INTO password_history (user_id, verifier, created_at) VALUES (?, ?, ?)",
        (user_id, _HISTORY_HASHER.hash(password), at),
    )


def password_reused(conn: Connection, user_id: str, password: str, pack: Pack,
                    profile_name: str | None) -> bool:
    """VT-2.1-16: not one of the last N passwords (the pack's history length)."""
    depth = pack.password_profile(profile_name).history
    if depth <= 0:
        return False
    rows = conn.execute(
        "SELECT verifier FROM password_history WHERE user_id = ? ORDER BY rowid DESC LIMIT ?",
        (user_id, depth),
    ).fetchall()
    for (verifier,) in rows:
        try:
            if _HISTORY_HASHER.verify(verifier, password):
                return True
        except VerificationError:
            continue
    return False


def _check(session: Session, username: str, password: str, user_id: str | None) -> None:
    validate_new_password(session.pack, session.settings.password_profile, username, password,
                          session.settings.agency_name)
    if user_id and password_reused(session.conn, user_id, password, session.pack,
                                   session.settings.password_profile):
        raise PasswordRejected(["Choose a password you have not used recently."])


def list_users(session: Session) -> list[UserSummary]:
    session.require("users.manage")
    slots = session.vault.keyfile.slots
    rows = session.conn.execute(
        "SELECT user_id, username, display_name, role, disabled_at, must_change_password, slot_id"
        " FROM app_user ORDER BY username"
    ).fetchall()
    result = []
    for user_id, username, display, role, disabled_at, must_change, slot_id in rows:
        slot = slots.get(slot_id)
        locked = slot is not None and slot.withdrawn and slot.withdrawn_reason == "failed_attempts"
        result.append(UserSummary(user_id, username, display, role, disabled_at is not None,
                                  locked, bool(must_change)))
    return result


def add_user(session: Session, username: str, display_name: str, role_id: str,
             temporary_password: str, access_completed_on: date | None = None,
             lead_grant: role_grants.Redeem | None = None) -> str:
    """A new account with a temporary password. ``access_completed_on``: the day the
    user completed every requirement of the pack's [user_access] (agreement, training),
    as the administrator records it; without it the user cannot open client records.
    ``lead_grant`` redeems the HMIS Lead's grant for a role the pack reserves to the Lead
    (VT-2.1-4); it is called once every other check has passed, and without it such a
    role is refused."""
    session.require("users.manage")
    role = session.pack.role(role_id)
    username = username.strip()
    if not username:
        raise UserFacingError("Enter a user name.")
    if session.conn.execute("SELECT 1 FROM app_user WHERE username = ?", (username,)).fetchone():
        raise UserFacingError(f"There is already a user named {username}.")
    _check(session, username, temporary_password, None)
    _one_account_per_person(session, display_name.strip() or username)
    if access_completed_on is not None:
        user_access.check_completion_date(access_completed_on, session.clock.now().date())
    grant = role_grants.obtain(session.pack, role, username, lead_grant)
    user_id = str(uuid.uuid4())
    slot_id = session.vault.keyfile.slot_id(username)
    now = session.clock.now_iso()
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT INTO app_user (user_id, username, slot_id, display_name, role,"
            " must_change_password, password_changed_at, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (user_id, username, slot_id, display_name.strip() or username, role.id,
             1 if session.pack.password.first_password_must_change else 0, now, now,
             session.user.user_id),
        )
        remember_password(conn, user_id, temporary_password, now)
        session.audit("user.created", "user", user_id, {"role": role.id})
        if grant is not None:
            role_grants.store(conn, user_id, grant, session.user.user_id, now, session.clock)
        requirements = [r.id for r in session.pack.user_access.requirements]
        if access_completed_on is not None and requirements:
            user_access.check_completion_date(access_completed_on, session.clock.now().date())
            user_access.insert_records(conn, user_id, requirements, access_completed_on,
                                       session.user.user_id, now)
            session.audit("user.access_recorded", "user", user_id,
                          {"requirements": requirements, "completed_on": access_completed_on.isoformat()})
    session.vault.set_password_slot(slot_id, temporary_password)
    return user_id


def _one_account_per_person(session: Session, full_name: str) -> None:
    """Where the pack asks it (VT-2.2-1: one licence per person), a second enabled
    account for someone with the same full name is refused."""
    policy = session.pack.user_access
    if not policy.one_account_per_person:
        return
    wanted = " ".join(full_name.casefold().split())
    for (name,) in session.conn.execute("SELECT display_name FROM app_user WHERE disabled_at IS NULL"):
        if " ".join(str(name).casefold().split()) == wanted:
            cited = clause_ids(policy.clauses)
            raise UserFacingError(f"{full_name} already has an account on this device and each person has one "
                                  f"({cited}); enable or reset that account instead.")


def _user_row(session: Session, username: str) -> tuple[str, str, str]:
    row = session.conn.execute(
        "SELECT user_id, slot_id, role FROM app_user WHERE username = ?", (username.strip(),)
    ).fetchone()
    if row is None:
        raise UserFacingError(f"There is no user named {username}.")
    return row[0], row[1], row[2]


def disable_user(session: Session, username: str) -> str | None:
    """Disable the account and re-key the vault; returns a new recovery key when the
    old one could not be carried over (see ``rotate_key``), which must be shown."""
    session.require("users.manage")
    user_id, slot_id, _ = _user_row(session, username)
    if user_id == session.user.user_id:
        raise PermissionDenied("You cannot disable your own account.")
    with transaction(session.conn) as conn:
        conn.execute("UPDATE app_user SET disabled_at = ? WHERE user_id = ?",
                     (session.clock.now_iso(), user_id))
        session.audit("user.disabled", "user", user_id)
    # Withdrawing the slot is not enough: the user knew the data key, and an old copy of
    # vault.keys still unwraps it. A new data key re-encrypts the database.
    return rotate_key(session, remove_slots=(slot_id,), reason="user.disabled")


def rotate_key(session: Session, remove_slots: tuple[str, ...] = (), reason: str = "admin") -> str | None:
    """Re-key the database and re-seal the new key for the remaining users and the
    recovery key (app/vault/rotation.py). Returns a new recovery key when the old one
    could not be re-sealed (a vault made before key pairs), else ``None``."""
    session.require("users.manage")
    new_recovery = session.vault.rotate_data_key(remove_slots)
    withdrawn = sorted(sid for sid, s in session.vault.keyfile.slots.items()
                       if s.withdrawn_reason == "key_rotated")
    with transaction(session.conn):
        session.audit("vault.key_rotated", "vault", str(session.vault.keyfile.vault_id),
                      {"reason": reason, "slots_needing_reset": len(withdrawn),
                       "new_recovery_key": new_recovery is not None})
    session.vault.save_keyfile()
    return new_recovery


def enable_user(session: Session, username: str, temporary_password: str) -> None:
    """Bring a disabled account back, with a new temporary password: disabling withdrew
    its key slot, so there is no old password to return to."""
    session.require("users.manage")
    user_id, slot_id, _ = _user_row(session, username)
    if not _is_disabled(session, user_id):
        raise UserFacingError(f"{username} is not disabled.")
    _check(session, username, temporary_password, user_id)
    now = session.clock.now_iso()
    with transaction(session.conn) as conn:
        conn.execute(
            "UPDATE app_user SET disabled_at = NULL, must_change_password = 1,"
            " password_changed_at = ? WHERE user_id = ?",
            (now, user_id),
        )
        remember_password(conn, user_id, temporary_password, now)
        session.audit("user.enabled", "user", user_id)
    session.vault.set_password_slot(slot_id, temporary_password)


def reset_password(session: Session, username: str, temporary_password: str) -> None:
    """Unlocks a locked-out account too (VT-2.1-3: resetting is the administrator's job).
    A disabled account stays disabled: bringing one back is its own, audited step
    (``enable_user``), so a routine reset cannot undo a revocation (MO-REVOKE-1)."""
    session.require("users.manage")
    user_id, slot_id, _ = _user_row(session, username)
    if _is_disabled(session, user_id):
        raise UserFacingError(f"{username} is disabled; enable the account instead of resetting it.")
    _check(session, username, temporary_password, user_id)
    now = session.clock.now_iso()
    with transaction(session.conn) as conn:
        conn.execute(
            "UPDATE app_user SET must_change_password = 1, password_changed_at = ? WHERE user_id = ?",
            (now, user_id),
        )
        remember_password(conn, user_id, temporary_password, now)
        session.audit("user.password_reset", "user", user_id)
    session.vault.set_password_slot(slot_id, temporary_password)


def _is_disabled(session: Session, user_id: str) -> bool:
    row = session.conn.execute("SELECT disabled_at FROM app_user WHERE user_id = ?", (user_id,)).fetchone()
    return row is not None and row[0] is not None


def change_own_password(session: Session, current: str, new: str) -> None:
    """A re-wrap of the data key under the new password; the database is untouched."""
    slot_id = session.vault.keyfile.slot_id(session.user.username)
    slot = session.vault.keyfile.slots.get(slot_id)
    if slot is None or slot.withdrawn or slot.kdf is None or slot.wrapped is None:
        raise BadCredentials("This account has no active password.")
    try:
        params = Argon2Params.from_json(slot.kdf)
        key = unwrap_key(derive_password_kek(current, params), slot.wrapped,
                         session.vault.keyfile.aad(slot_id))
        zero(key)
    except UnwrapFailed:
        raise BadCredentials("The current password is wrong.") from None
    if current == new:
        raise PasswordRejected(["The new password must differ from the current one."])
    _check(session, session.user.username, new, session.user.user_id)
    session.vault.set_password_slot(slot_id, new)
    now = session.clock.now_iso()
    with transaction(session.conn) as conn:
        conn.execute(
            "UPDATE app_user SET must_change_password = 0, password_changed_at = ? WHERE user_id = ?",
            (now, session.user.user_id),
        )
        remember_password(conn, session.user.user_id, new, now)
        session.audit("user.password_changed", "user", session.user.user_id)
    session.user.must_change_password = False
    session.user.password_changed_at = datetime.fromisoformat(now)


def declare_conflict(session: Session, personal_id: str, relation: str,
                     username: str | None = None) -> None:
    """VT-2.1-9: a user discloses that a client record is their own or a relative's."""
    if relation not in ("self", "family"):
        raise UserFacingError("The relation must be 'self' or 'family'.")
    user_id = session.user.user_id
    if username is not None and username != session.user.username:
        session.require("users.manage")
        user_id = _user_row(session, username)[0]
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO conflict_declaration (user_id, personal_id, relation, declared_at)"
            " VALUES (?, ?, ?, ?)",
            (user_id, personal_id, relation, session.clock.now_iso()),
        )
        audit.record(conn, "conflict.declared", session.user.user_id, "person", personal_id,
                     {"for_user": user_id, "relation": relation}, session.clock)


def issue_new_recovery_key(session: Session) -> str:
    """A fresh recovery key for the vault; the old one stops working at once. For an
    administrator who lost the key, or whose key was shown when the app locked."""
    session.require("users.manage")
    key = session.vault.rotate_recovery_key()
    with transaction(session.conn):
        session.audit("recovery_key.issued", "vault", str(session.vault.keyfile.vault_id))
    return key

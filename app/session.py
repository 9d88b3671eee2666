"""Signing in and out: from a user name and password to an open vault and a role.

The command line and the GUI both go through here, so the rules (lockout, expiry,
first-password change, permissions) hold the same in both.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from app import audit, user_access
from app.clock import Clock, system_clock
from app.errors import (
    AccountDisabled,
    ConflictOfInterest,
    PasswordRejected,
    PermissionDenied,
)
from app.packs import Pack, Role, load_pack
from app.security import one_session, role_grants, totp
from app.security.passwords import check_password
from app.settings import Settings
from app.two_step import Code, PendingSignIn
from app.user_access import PERMISSIONS_WITHOUT_ACCESS, AccessInactive, AccessStatus
from app.vault import keyauth
from app.vault.connection import Connection, transaction
from app.vault.vault import (
    RECOVERY_SLOT,
    Vault,
    load_keyfile,
    unlock_password_slot,
    unlock_recovery,
)


@dataclass
class SignedInUser:
    user_id: str
    username: str
    display_name: str
    role: Role
    must_change_password: bool
    password_changed_at: datetime


@dataclass
class Session:
    vault: Vault
    pack: Pack
    user: SignedInUser
    clock: Clock = system_clock
    warnings: list[str] = field(default_factory=list)
    # Set at sign-in: the pack's user agreements and trainings this user lacks.
    access: AccessStatus | None = None

    @property
    def conn(self) -> Connection:
        return self.vault.conn

    @property
    def settings(self) -> Settings:
        return Settings(self.vault.conn)

    @property
    def password_profile_name(self) -> str:
        return self.settings.password_profile or self.pack.password.default_profile

    @property
    def password_expired(self) -> bool:
        days = self.pack.password_profile(self.password_profile_name).expiry_days
        return bool(days) and self.clock.now() >= self.user.password_changed_at + timedelta(days=days or 0)

    @property
    def needs_new_password(self) -> bool:
        return self.user.must_change_password or self.password_expired

    @property
    def second_factor_due(self) -> bool:
        """The pack requires a second factor and this user has not set one up yet."""
        return self.pack.second_factor.totp == "required" and not totp.is_enrolled(self)

    def can(self, permission: str) -> bool:
        if self.access is not None and self.access.inactive and permission not in PERMISSIONS_WITHOUT_ACCESS:
            return False
        return permission in self.user.role.permissions

    def require(self, permission: str) -> None:
        if self.access is not None and self.access.inactive and permission not in PERMISSIONS_WITHOUT_ACCESS:
            raise AccessInactive(self.access.refusal())
        if not self.can(permission):
            raise PermissionDenied(
                f"Your role ({self.user.role.name}) does not allow this ({permission})."
            )

    def require_no_conflict(self, personal_id: str, editing: bool) -> None:
        """VT-2.1-8: users may not change their own or their family's record; the pack
        may also block opening it (A15)."""
        if not editing and not self.pack.conflict_of_interest_blocks_viewing:
            return
        row = self.conn.execute(
            "SELECT relation FROM conflict_declaration WHERE user_id = ? AND personal_id = ?",
            (self.user.user_id, personal_id),
        ).fetchone()
        if row:
            raise ConflictOfInterest(
                "You declared this record as your own or a family member's, so you cannot "
                + ("change" if editing else "open")
                + " it; ask a colleague."
            )

    def refresh_access(self) -> None:
        """Read the user's access again (after an administrator recorded a requirement)."""
        self.access = user_access.status(self.conn, self.pack.user_access, self.user.user_id,
                                         self.clock.now().date())

    def audit(self, action: str, entity: str | None = None, entity_id: str | None = None,
              detail: dict[str, object] | None = None) -> None:
        audit.record(self.conn, action, self.user.user_id, entity, entity_id, detail, self.clock)

    def lock(self) -> None:
        """Close the database and drop the key; the session object is then unusable.
        The key file is signed again first, anchoring the audit trail's new head."""
        try:
            if self.vault.is_open:
                with transaction(self.conn):
                    self.audit("session.locked")
                # The next sign-in anchors it; a full disk must not keep the vault open.
                with contextlib.suppress(OSError):
                    self.vault.anchor_audit()
        finally:
            self.vault.close()

    close = lock

    @contextlib.contextmanager
    def worker(self) -> Iterator[Session]:
        """The same user on a second connection, for a job on another thread; the
        connection and its copy of the key are closed when the block ends."""
        vault = self.vault.open_worker()
        try:
            yield Session(vault, self.pack, self.user, self.clock, access=self.access)
        finally:
            vault.close()


def _context_words(pack: Pack, agency: str | None) -> list[str]:
    words = [pack.hmis_name]
    if pack.vendor_name:
        words.append(pack.vendor_name)
    if agency:
        words.append(agency)
    return words


def validate_new_password(pack: Pack, profile_name: str | None, username: str, password: str,
                          agency: str | None) -> None:
    problems = check_password(
        password, pack.password_profile(profile_name), username, _context_words(pack, agency)
    )
    if problems:
        raise PasswordRejected(problems)


DEFAULT_PROJECTS: tuple[tuple[str, int], ...] = (
    ("Street Outreach", 4),
    ("Emergency Shelter", 0),
)


def initialize(
    data_dir: Path,
    pack_id: str,
    username: str,
    password: str,
    display_name: str | None = None,
    agency_name: str = "Agency",
    projects: tuple[tuple[str, int], ...] = DEFAULT_PROJECTS,
    clock: Clock = system_clock,
    demo: bool = False,
    *,
    access_completed_on: date | None,
) -> tuple[Session, str]:
    """Device setup: a new vault, its agency and projects, and the first admin user.

    ``demo``: a throwaway vault of made-up people, flagged ``is_demo`` in its settings.
    ``access_completed_on``: the day the administrator completed the pack's user
    agreements and trainings ([user_access]), as they state it at set-up; None leaves
    them unrecorded, so the administrator sees no client record until they are."""
    pack = load_pack(pack_id)
    validate_new_password(pack, None, username, password, agency_name)
    if not username.strip():
        raise PasswordRejected(["Enter a user name."])
    vault, recovery_key = Vault.create(data_dir, pack_id, clock, demo=demo)
    now = clock.now_iso()
    admin_id = str(uuid.uuid4())
    slot_id = vault.keyfile.slot_id(username)
    try:
        with transaction(vault.conn) as conn:
            settings = Settings(conn)
            settings.pack = pack_id
            settings.agency_name = agency_name
            settings.idle_lock_minutes = pack.idle_lock.default_minutes
            if demo:
                settings.is_demo = True
            org_id = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO organization VALUES (?, ?, ?, ?)", (org_id, agency_name, now, now)
            )
            for name, project_type in projects:
                conn.execute(
                    "INSERT INTO project (project_id, organization_id, name, project_type,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (str(uuid.uuid4()), org_id, name, project_type, now, now),
                )
            conn.execute(
                "INSERT INTO app_user (user_id, username, slot_id, display_name, role,"
                " must_change_password, password_changed_at, created_at) VALUES (?,?,?,?,?,0,?,?)",
                (admin_id, username.strip(), slot_id, display_name or username.strip(),
                 pack.admin_role, now, now),
            )
            audit.record(conn, "vault.created", admin_id, "device", vault.keyfile.vault_id,
                         {"pack": pack_id}, clock)
            audit.record(conn, "user.created", admin_id, "user", admin_id,
                         {"role": pack.admin_role}, clock)
            role_grants.record_setup(conn, pack, admin_id, username.strip(), agency_name, now, clock)
            if access_completed_on is not None and pack.user_access.requirements:
                user_access.check_completion_date(access_completed_on, clock.now().date())
                user_access.insert_records(conn, admin_id, [r.id for r in pack.user_access.requirements],
                                           access_completed_on, admin_id, now)
                audit.record(conn, "user.access_recorded", admin_id, "user", admin_id,
                             {"requirements": [r.id for r in pack.user_access.requirements],
                              "completed_on": access_completed_on.isoformat()}, clock)
        vault.set_password_slot(slot_id, password)
        from app.security.users import remember_password

        remember_password(vault.conn, admin_id, password, now)
    except BaseException:
        vault.close()
        raise
    user = _load_user(vault, slot_id, pack)
    _hold_session(vault, slot_id, pack)
    session = Session(vault, pack, user, clock)
    session.refresh_access()
    if session.access is not None and session.access.inactive:
        session.warnings.append(session.access.refusal() + " Record them under Tools › Users.")
    return session, recovery_key


def _hold_session(vault: Vault, slot_id: str, pack: Pack) -> None:
    """MO-PWD-6 (A25): where the pack asks it, the user's one session on this device is
    held until the vault closes; a second window or command of the same user is refused
    (``SignedInElsewhere``), after the password was found right (no failure counted)."""
    held = one_session.acquire(vault.data_dir, slot_id, pack.sessions)
    if held is not None:
        vault.on_close.append(held.release)


def _load_user(vault: Vault, slot_id: str, pack: Pack) -> SignedInUser:
    row = vault.conn.execute(
        "SELECT user_id, username, display_name, role, disabled_at, must_change_password,"
        " password_changed_at FROM app_user WHERE slot_id = ?",
        (slot_id,),
    ).fetchone()
    if row is None or row[4] is not None:
        vault.close()
        raise AccountDisabled("This account is disabled; ask an administrator.")
    return SignedInUser(
        user_id=row[0], username=row[1], display_name=row[2], role=pack.role(row[3]),
        must_change_password=bool(row[5]),
        password_changed_at=datetime.fromisoformat(row[6]),
    )


def _check_keyfile(session: Session, conn: Connection) -> None:
    """Issue 12 items 5 and 6: what changed in the key file without the data key, and
    whether the audit trail still reaches the head the key file anchored."""
    vault, keyfile = session.vault, session.vault.keyfile
    findings = list(vault.unlock_findings)
    if any("rolled back" in f for f in findings):
        session.warnings.append(
            "The key file is older than this database expected; someone may have restored "
            "an old copy. The event is in the audit trail."
        )
        session.audit("keyfile.rollback_detected", "device", keyfile.vault_id)
    if findings:
        session.warnings.append(
            "The key file was changed outside the app (" + "; ".join(findings) + "); the vault's own "
            "settings were restored and the event is in the audit trail."
        )
        session.audit("keyfile.tampered", "device", keyfile.vault_id, {"findings": findings})
    stored_pack = Settings(conn).pack
    if stored_pack and stored_pack != keyfile.pack:
        session.warnings.append("The key file named a different policy pack; the database's pack applies.")
        session.audit("keyfile.pack_mismatch", "device", keyfile.vault_id)
        keyfile.pack = stored_pack
    trusted_kdf = keyauth.trusted_kdf_profile(conn)
    if trusted_kdf and keyfile.kdf_profile != trusted_kdf:
        keyfile.kdf_profile = trusted_kdf
    snapshot = keyfile.snapshot or {}
    anchor = snapshot.get("audit_head")
    if anchor is not None and audit.anchor_broken(conn, anchor):
        head_seq, _ = audit.chain_head(conn)
        cut = {"anchored_seq": int(anchor[0]), "found_seq": head_seq, "detected_at": session.clock.now_iso()}
        keyfile.audit_breaks.append(cut)
        session.warnings.append(
            f"The audit trail is shorter than it was: it had reached event {cut['anchored_seq']} and now "
            f"ends at event {head_seq}. An administrator should find out why."
        )
        session.audit("audit.cut_detected", "device", keyfile.vault_id, cut)


def _check_access(session: Session) -> None:
    """The pack's user agreements and trainings (CT-110-1, VT-2.1-5, MO-ACCESS-1 and the
    renewals): a user without them current is refused; an administrator signs in to
    record them but sees no client record until then."""
    access = user_access.status(session.conn, session.pack.user_access, session.user.user_id,
                                session.clock.now().date(), signing_in=True)
    session.access = access
    if access.inactive:
        if not PERMISSIONS_WITHOUT_ACCESS & set(session.user.role.permissions):
            with transaction(session.conn):
                session.audit("signin.refused_access", "user", session.user.user_id,
                              {"requirements": [g.requirement.id for g in access.gaps]})
            session.vault.close()
            raise AccessInactive(access.refusal() + " Ask your agency administrator.")
        session.warnings.append(access.refusal() + " Record them under Tools › Users.")
    session.warnings.extend(access.reminders())


def _after_unlock(vault: Vault, pack: Pack, user: SignedInUser, clock: Clock, how: str) -> Session:
    session = Session(vault, pack, user, clock)
    _check_access(session)
    keyfile = vault.keyfile
    with transaction(vault.conn) as conn:
        _check_keyfile(session, conn)
        slots_to_users = dict(conn.execute("SELECT slot_id, user_id FROM app_user").fetchall())
        for failure in keyfile.failure_log:
            audit.record(conn, "signin.failed", slots_to_users.get(failure["slot"]), "user",
                         slots_to_users.get(failure["slot"]), {}, clock, at=failure["at"])
        session.audit("signin.succeeded", "user", user.user_id, {"method": how})
    if keyfile.failure_log:
        keyfile.failure_log.clear()
    vault.save_keyfile()
    from app.leftovers import clean_after_crash

    session.warnings.extend(clean_after_crash(vault.conn, user.user_id, clock))
    return session


def sign_in(data_dir: Path, username: str, password: str, clock: Clock = system_clock,
            code: Code = None) -> Session:
    """Password, then (for a user with a second factor) the one-time code; ``code``
    may be a function, called only when the code is needed."""
    return begin_sign_in(data_dir, username, password, clock).finish(code)


def begin_sign_in(data_dir: Path, username: str, password: str, clock: Clock = system_clock) -> PendingSignIn:
    """The password step: the vault is open, but nothing is handed out until
    ``PendingSignIn.finish`` has checked the code of a user with a second factor."""
    keyfile = load_keyfile(data_dir)
    pack = load_pack(keyfile.trusted_pack)  # a plain edit of "pack" cannot soften the lockout
    unlocked = unlock_password_slot(data_dir, username, password, pack.lockout, clock)
    vault = Vault.open(data_dir, unlocked, clock)
    stored_pack = Settings(vault.conn).pack
    if stored_pack and stored_pack != pack.id:
        pack = load_pack(stored_pack)
    try:
        user = _load_user(vault, unlocked.slot_id, pack)
        _hold_session(vault, unlocked.slot_id, pack)
        needs_code = pack.second_factor.totp != "off" and totp.load(vault.conn, user.user_id) is not None
        return PendingSignIn(vault, pack, user, clock, unlocked.slot_id, needs_code)
    except BaseException:
        vault.close()
        raise


def sign_in_with_recovery(
    data_dir: Path, recovery_key: str, username: str, new_password: str, clock: Clock = system_clock
) -> tuple[Session, str]:
    """An admin who forgot their password or is locked out sets a new one with the
    recovery key; the key is then replaced (it is single-use)."""
    unlocked = unlock_recovery(data_dir, recovery_key, clock)
    vault = Vault.open(data_dir, unlocked, clock)
    try:
        pack = load_pack(Settings(vault.conn).pack or unlocked.keyfile.pack)
        row = vault.conn.execute(
            "SELECT slot_id, role, user_id FROM app_user WHERE username = ? AND disabled_at IS NULL",
            (username.strip(),),
        ).fetchone()
        if row is None or "users.manage" not in pack.role(row[1]).permissions:
            raise PermissionDenied("The recovery key can only reset an active administrator's password.")
        _hold_session(vault, row[0], pack)
        validate_new_password(pack, Settings(vault.conn).password_profile, username, new_password,
                              Settings(vault.conn).agency_name)
        from app.security.users import password_reused, remember_password

        if password_reused(vault.conn, row[2], new_password, pack, Settings(vault.conn).password_profile):
            raise PasswordRejected(["Choose a password you have not used recently."])
        vault.set_password_slot(row[0], new_password)
        now = clock.now_iso()
        with transaction(vault.conn) as conn:
            conn.execute(
                "UPDATE app_user SET must_change_password = 0, password_changed_at = ? WHERE user_id = ?",
                (now, row[2]),
            )
            remember_password(conn, row[2], new_password, now)
            audit.record(conn, "recovery_key.used", row[2], "user", row[2], {}, clock)
        new_key = vault.rotate_recovery_key()
        user = _load_user(vault, row[0], pack)
    except BaseException:
        vault.close()
        raise
    try:
        session = _after_unlock(vault, pack, user, clock, RECOVERY_SLOT)
    except BaseException:
        vault.close()
        raise
    return session, new_key

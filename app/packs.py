"""Policy packs: one agency jurisdiction's rules as data (forms/packs/<id>/pack.toml).

A pack sets passwords, lockout, idle lock, timeliness, sharing defaults, roles and
consent policy; code reads the values and never branches on the pack's name, so a
fourth jurisdiction is a new folder. Every rule carries the clause ID it encodes, and
every reading of an ambiguous clause is stated in the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.errors import PackError

PERMISSIONS = frozenset(
    {
        "client.search",  # find people and see the result list
        "client.view_basic",  # name, DOB, basic profile
        "client.view_full",  # every client screen except medical
        "client.view_medical",
        "client.create",
        "client.edit_basic",
        "client.edit_full",
        "intake.run",
        "services.record",
        "notes.read",
        "notes.write",
        "notes.request_deletion",  # CT-404-2: the Data Coordinator only
        "consent.print",
        "client.print_record",
        "reports.view",
        "data_quality.view",
        "export.hmis_csv",
        "sync.run",
        "users.manage",
        "device.configure",
        "audit.view",
    }
)


_CLAUSE_ID = re.compile(r"[A-Z]{2}-[A-Z0-9.]+(-[A-Z0-9.]+)*")


class Clause(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    source: str


def clause_ids(clauses: Iterable[Clause]) -> str:
    """The clauses a message cites, as it cites them: "VT-2.1-1, VT-2.1-5"."""
    return ", ".join(c.id for c in clauses)


class PasswordProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str
    min_length: int = Field(ge=1)
    max_length: int = Field(default=128, ge=64)  # NIST: accept at least 64
    require_upper: bool = False
    require_lower: bool = False
    require_digit: bool = False
    require_special: bool = False
    require_letter: bool = False
    forbid_username: bool = False
    forbid_words: tuple[str, ...] = ()
    forbid_reversed_words: bool = False
    forbid_dictionary_word: bool = False
    blocklist: bool = False
    expiry_days: int | None = Field(default=None, ge=1)
    history: int = Field(default=0, ge=0)
    clauses: tuple[Clause, ...] = ()


class PasswordPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    default_profile: str
    profiles: dict[str, PasswordProfile]
    first_password_must_change: bool = True

    @model_validator(mode="after")
    def _default_exists(self) -> PasswordPolicy:
        if self.default_profile not in self.profiles:
            raise ValueError(f"default_profile {self.default_profile!r} is not among the profiles")
        return self


class LockoutPolicy(BaseModel):
    """Failed sign-ins. After ``attempts_before_delay`` failures each further one waits
    ``delays_minutes``; at ``withdraw_after`` the user's key slot is withdrawn until an
    admin resets the password. Success resets the count (the pack's reading of A11)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    attempts_before_delay: int = Field(ge=1, le=100)
    delays_minutes: tuple[int, ...] = ()
    withdraw_after: int = Field(ge=1, le=100)  # NIST caps consecutive failures at 100
    reading: str
    clauses: tuple[Clause, ...] = ()


class SecondFactorPolicy(BaseModel):
    """A one-time code from an authenticator app after the password (RFC 6238), at
    sign-in and unlock. "off": never offered; "optional": each user may enrol;
    "required": a user without one is asked to enrol after signing in. ``reading``
    states the pack's reading of what its policy asks (A7)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    totp: Literal["off", "optional", "required"] = "off"
    reading: str = ""
    clauses: tuple[Clause, ...] = ()


class IdleLockPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    default_minutes: int = Field(ge=1, le=15)
    min_minutes: int = Field(default=1, ge=1)
    max_minutes: int = Field(default=15, le=15)
    lock_on_os_lock: bool = True
    reading: str = ""
    clauses: tuple[Clause, ...] = ()


class TimelinessPolicy(BaseModel):
    """Hours from collection until the record must be in the central HMIS."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    window_hours: int = Field(ge=1)
    grace_hours: int = Field(default=0, ge=0)
    warn_before_hours: int = Field(default=24, ge=0)
    by_project_type: dict[str, int] = {}
    reading: str = ""
    clauses: tuple[Clause, ...] = ()

    def window_for(self, project_type: int | None) -> int:
        if project_type is not None and str(project_type) in self.by_project_type:
            return self.by_project_type[str(project_type)]
        return self.window_hours


class SharingPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    default: Literal["shared", "not_shared"]
    forced_not_shared_populations: tuple[str, ...] = ()
    reading: str = ""
    clauses: tuple[Clause, ...] = ()


class ConsentPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    consent_before_any_data: bool
    verbal_allowed: Literal["always", "phone_first_contact", "never"]
    verbal_signature_text: str | None = None
    separate_release_to_share: bool = False
    household_covered_by_one: bool = False
    declined_locks_household: bool = False
    expiry_months: int | None = None
    minors_can_consent: bool = True
    adult_age: int = 18
    dv_needs_explicit_permission: bool = False
    script_before_every_interview: bool = True
    # MO-ROI-6, A19: what one ROI covers, "project" (each project the client is
    # enrolled in needs its own) or "agency" (one ROI covers every project); with
    # ``roi_scope_agency_choice`` the agency may choose the other on its device.
    roi_scope: Literal["agency", "project"] = "agency"
    roi_scope_agency_choice: bool = False
    readings: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    # Which of this pack's clauses each consent rule cites in its messages, by rule key
    # (app/rules/consent_terms.py RULE_KEYS); "" where no clause of the pack states that rule.
    cite: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _cited_ids_look_like_ids(self) -> ConsentPolicy:
        bad = sorted(k for k, v in self.cite.items() if v and not _CLAUSE_ID.fullmatch(v))
        if bad:
            raise ValueError(f"consent.cite {', '.join(bad)}: not a clause ID")
        return self


class OpenClause(BaseModel):
    """A clause this pack does not (yet) enforce, with the reason (docs/policy-conformance.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[A-Z]{2}-[A-Z0-9.]+(-[A-Z0-9.]+)*$")
    reason: str = Field(min_length=10)


class ConformancePolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    open: tuple[OpenClause, ...] = ()


class ExportPolicy(BaseModel):
    """How the pack reads Not Shared for the HMIS CSV export's two destinations
    (docs/hmis-csv-export.md): the rule itself is the same for every pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    destination_reading: str = ""
    over_time_reading: str = ""
    clauses: tuple[Clause, ...] = ()


class Role(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    kind: Literal["volunteer", "case_manager", "data_coordinator", "agency_admin", "other"]
    permissions: tuple[str, ...]
    description: str = ""
    # Who may give this role on a device: the agency's administrator, or only the HMIS
    # Lead, whose one-time grant the device redeems with the Lead's server (VT-2.1-4:
    # the Agency Administrator assigns up to Case Manager III; higher comes from the Lead).
    assigned_by: Literal["agency", "hmis_lead"] = "agency"
    clauses: tuple[Clause, ...] = ()

    @model_validator(mode="after")
    def _known_permissions(self) -> Role:
        unknown = sorted(set(self.permissions) - PERMISSIONS)
        if unknown:
            raise ValueError(f"unknown permission(s) {', '.join(unknown)}")
        return self


class RoleAssignmentPolicy(BaseModel):
    """Who gives which role (each role's ``assigned_by``): the clauses a refusal cites and
    the pack's reading, the first administrator made at set-up included."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    clauses: tuple[Clause, ...] = ()
    reading: str = ""

    def cited(self) -> str:
        return clause_ids(self.clauses)


class DemoPlace(BaseModel):
    """Where demo projects say they are (HUD 2.03): a CoC of the pack's jurisdiction, its
    six-digit geocode and a town, so a demo vault's export carries complete descriptors."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    coc_code: str = Field(pattern=r"^[A-Z]{2}-\d{3}$")
    geocode: str = Field(pattern=r"^\d{6}$")
    city: str
    state: str = Field(pattern=r"^[A-Z]{2}$")
    zip: str = Field(pattern=r"^\d{5}$")
class ClientRightsPolicy(BaseModel):
    """The client's copy of their record and how long records are kept (C9, C10)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    copy_due_days: int | None = Field(default=None, ge=1)  # MO-RIGHTS-1, VT-3.4-7
    copy_due_business_days: bool = False
    warn_days_before: int = Field(default=1, ge=0)
    retention_years: int | None = Field(default=None, ge=1)  # MO-RET-1, VT-3.4-11
    retention_action: Literal["dispose_or_deidentify", "make_inactive"] | None = None
    # VT-3.4-9: the only grounds on which a request to see or copy the record may be
    # denied, by key; empty where the pack lists none (any stated reason then).
    copy_denial_grounds: dict[str, str] = {}
    clauses: tuple[Clause, ...] = ()


class AccessRequirement(BaseModel):
    """A step a user completes outside the device (an agreement signed, a training done)
    that the agency administrator records on the device; access needs it current."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=3)
    # never: once is enough; yearly: again within a year of the last; fiscal_year: again
    # for each HUD fiscal year (from 1 October); used_within: lapses when the user has not
    # signed in within ``used_within_days`` of completing it, and access ends
    # ``grace_days`` after that notice.
    renew: Literal["never", "yearly", "fiscal_year", "used_within"] = "never"
    used_within_days: int | None = Field(default=None, ge=1)
    grace_days: int = Field(default=0, ge=0)
    # A fiscal-year renewal done this many days before 1 October counts for the new year.
    early_renewal_days: int = Field(default=0, ge=0, le=90)
    clauses: tuple[Clause, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _used_within_needs_days(self) -> AccessRequirement:
        if (self.renew == "used_within") != (self.used_within_days is not None):
            raise ValueError("used_within_days goes with renew = \"used_within\" and only with it")
        return self


class UserAccessPolicy(BaseModel):
    """What a user must have completed, and kept current, to open client records."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    requirements: tuple[AccessRequirement, ...] = ()
    warn_days_before: int = Field(default=30, ge=0)
    # One account per person: a second enabled account with the same full name is refused.
    one_account_per_person: bool = False
    # CT-403-2, MO-PWD-5: false keeps every user name off the sign-in screen, the lock
    # screen included (no name is pre-filled there after a lock); true keeps the locked
    # session's name in the field, for a quicker unlock.
    sign_in_names_shown: bool = True
    clauses: tuple[Clause, ...] = ()
    reading: str = ""

    @model_validator(mode="after")
    def _unique(self) -> UserAccessPolicy:
        ids = [r.id for r in self.requirements]
        if len(ids) != len(set(ids)):
            raise ValueError("access requirement ids must be unique")
        return self

    def requirement(self, requirement_id: str) -> AccessRequirement | None:
        return next((r for r in self.requirements if r.id == requirement_id), None)


# What the core does the same in every pack: no pack can switch it off, so a pack names
# the clauses each one meets ([[guarantees]] in pack.toml) and docs/policy-conformance.md
# shows them beside the tests that drive them. A pack may name only these.
GUARANTEES = {
    "sign_in_required": "every window and command opens the vault with a user name and password (app/session.py)",
    "passwords_never_stored":
        "only Argon2id-wrapped keys are kept; no password reaches the disk (app/security/keys.py)",
    "one_role_per_user": "a user has exactly one role of the pack (app/security/users.py)",
    "actions_audited_under_the_user":
        "every access and change is a hash-chained audit event under the signed-in user (app/audit.py)",
    "no_edit_of_own_or_family_file":
        "a declared conflict of interest blocks opening and editing that file (app/session.py)",
    "vault_encrypted_at_rest": "client data lives only in the SQLCipher vault (app/vault)",
    "tls_in_transit": "sync talks https only, plain http to loopback alone (sync/transport.py)",
    "hud_data_elements":
        "the HUD universal and program-specific elements by project type (forms/questions, app/catalog)",
    "intake_logic_checks":
        "intake checks and the HMIS CSV checker refuse missing or inconsistent answers (app/intake/validate.py)",
    "entry_and_exit_dates": "an exit is dated on or after its entry and recorded once (app/followup.py)",
    "case_notes_append_only": "a saved case note is never changed or deleted (app/notes.py)",
    "note_deletion_request": "a note deletion request carries the client, the note's date and a reason (app/notes.py)",
    "drafts_encrypted_and_audited":
        "drafts live in the vault and saving, reading or discarding one is audited (app/drafts.py)",
    "files_named_without_personal_data": (
        "the app sends no e-mail, and every file it writes (HMIS CSV, printed forms, record copies) is named by "
        "agency, kind and code, never by a client (app/documents/service.py, sync/hmis_csv/device_export.py)"
    ),
    "consent_travels_to_the_server": "every consent record is queued in the outbox and synced (app/intake/save.py)",
    "sign_in_details_never_written": (
        "no password, second-factor code, recovery key or enrollment code is taken from a command line or the "
        "environment, shown unmasked or copied out of its field, or written to a file, a log or the vault; a "
        "temporary password is shown once (ui/cli_secrets.py, ui/widgets/secret_field.py, app/security/keys.py)"
    ),
}


class Guarantee(BaseModel):
    """One of GUARANTEES, with the clauses of this pack it meets."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    reading: str = ""
    clauses: tuple[Clause, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known(self) -> Guarantee:
        if self.id not in GUARANTEES:
            raise ValueError(f"unknown guarantee {self.id!r}")
        return self


class ReleasePolicy(BaseModel):
    """What leaves the device and on what terms (docs/releases.md): the de-identified
    aggregate report, and the client-level HMIS CSV export's destinations. The rules
    are the same for every pack (``app/releases.py``); the pack switches them on and
    names the clause each refusal cites."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # A client-level export must name its destination (the command has no default).
    client_level_needs_destination: bool = False
    # Identifying client-level data to an outside entity needs a CoC approval reference.
    outside_identifying_needs_approval: bool = False
    # Small-cell suppression in the aggregate report: a count from 1 to min_cell_count - 1
    # is shown as "<min_cell_count".
    min_cell_count: int = Field(default=11, ge=2, le=100)
    reading: str = ""
    destination_clause: str = ""  # cited when a client-level export names no destination
    approval_clause: str = ""  # cited when identifying data to an outside entity has no approval
    clauses: tuple[Clause, ...] = ()


class VictimServicePolicy(BaseModel):
    """VAWA: a victim service provider keeps a comparable database, not HMIS data."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    clause: str = ""  # the pack's clause, cited when sync or a CoC export is refused


class SessionPolicy(BaseModel):
    """How many places one user may be signed in at once (``[sessions]``; A25)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # One signed-in session per user: a second sign-in of the same user on this device (a
    # second window or a headless command) is refused, and the server reports another
    # device's live session of the same user at each sync and sign-in.
    one_per_user: bool = False
    # A session another device reported is live this long after its last report.
    live_minutes: int = Field(default=15, ge=1, le=24 * 60)
    clauses: tuple[Clause, ...] = ()
    reading: str = ""

    def cited(self) -> str:
        return clause_ids(self.clauses)


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    jurisdiction: str
    hmis_name: str
    vendor_name: str | None = None
    sources: dict[str, str]
    password: PasswordPolicy
    lockout: LockoutPolicy
    idle_lock: IdleLockPolicy
    second_factor: SecondFactorPolicy = SecondFactorPolicy()
    timeliness: TimelinessPolicy
    sharing: SharingPolicy
    consent: ConsentPolicy
    roles: tuple[Role, ...]
    admin_role: str
    conflict_of_interest_blocks_viewing: bool = True
    export: ExportPolicy = ExportPolicy()
    release: ReleasePolicy = ReleasePolicy()
    demo_place: DemoPlace | None = None
    conformance: ConformancePolicy = ConformancePolicy()
    client_rights: ClientRightsPolicy = ClientRightsPolicy()
    victim_service_provider: VictimServicePolicy = VictimServicePolicy()
    user_access: UserAccessPolicy = UserAccessPolicy()
    role_assignment: RoleAssignmentPolicy = RoleAssignmentPolicy()
    sessions: SessionPolicy = SessionPolicy()
    guarantees: tuple[Guarantee, ...] = ()
    # The pack's reading of an ambiguity (A1.. in docs/policy-clauses.md) that no setting's
    # own ``reading`` states, by its ID.
    readings: dict[str, str] = {}

    @model_validator(mode="after")
    def _readings_name_ambiguities(self) -> Pack:
        bad = sorted(k for k, v in self.readings.items() if not re.fullmatch(r"A\d+", k) or len(v) < 10)
        if bad:
            raise ValueError(f"readings {', '.join(bad)}: a key is an ambiguity ID (A7) and its value a sentence")
        return self

    @model_validator(mode="after")
    def _roles_cover_the_basics(self) -> Pack:
        ids = [r.id for r in self.roles]
        if len(ids) != len(set(ids)):
            raise ValueError("role ids must be unique")
        if self.admin_role not in ids:
            raise ValueError(f"admin_role {self.admin_role!r} is not a role")
        kinds = {r.kind for r in self.roles}
        missing = {"volunteer", "case_manager", "data_coordinator", "agency_admin"} - kinds
        if missing:
            raise ValueError(f"the pack needs roles of kind {', '.join(sorted(missing))}")
        if "users.manage" not in self.role(self.admin_role).permissions:
            raise ValueError("the admin role must have users.manage")
        if any(r.assigned_by == "hmis_lead" for r in self.roles) and not self.role_assignment.clauses:
            raise ValueError("a role assigned by the HMIS Lead needs [role_assignment] clauses to cite")
        return self

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise PackError(f"The role {role_id!r} does not exist in the {self.id} pack.")

    def password_profile(self, name: str | None) -> PasswordProfile:
        return self.password.profiles[name or self.password.default_profile]


def _packs_root() -> Traversable:
    return resources.files("forms").joinpath("packs")


def available_packs() -> list[str]:
    return sorted(
        entry.name
        for entry in _packs_root().iterdir()
        if entry.is_dir() and entry.joinpath("pack.toml").is_file()
    )


def parse_pack(text: str, origin: str) -> Pack:
    """Parse and validate one pack file; errors name the file and the line or key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{origin}: {exc}.") from exc
    try:
        return Pack.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
        raise PackError(f"{origin}: at {where}: {first['msg']}{more}.") from exc


@cache
def load_pack(pack_id: str) -> Pack:
    if pack_id not in available_packs():
        raise PackError(
            f"There is no policy pack {pack_id!r}; choose one of {', '.join(available_packs())}."
        )
    entry = _packs_root().joinpath(pack_id, "pack.toml")
    pack = parse_pack(entry.read_text("utf-8"), f"forms/packs/{pack_id}/pack.toml")
    if pack.id != pack_id:
        raise PackError(f"forms/packs/{pack_id}/pack.toml: at id: says {pack.id!r}, expected {pack_id!r}.")
    return pack

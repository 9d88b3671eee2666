"""Local users and roles from the packs; conflict of interest (VT-2.1-8)."""

from __future__ import annotations

import pytest
from support import (
    ON_FILE,
    PACKS,
    USER_PASSWORD,
    VaultInfo,
    add_ready_user,
    auth,
    role_of_kind,
    run_cli,
    single_sentence,
    synthetic_person,
)

from app.errors import AccountLocked, ConflictOfInterest, PermissionDenied, UserFacingError
from app.packs import load_pack
from app.people import open_person, save_new_person, update_person
from app.search_service import find_people
from app.security.users import (
    add_user,
    declare_conflict,
    disable_user,
    enable_user,
    generate_temporary_password,
    list_users,
    reset_password,
)
from app.session import Session

KINDS = ("volunteer", "case_manager", "data_coordinator", "agency_admin")


@pytest.mark.parametrize("pack", PACKS)
def test_each_pack_has_the_four_role_kinds(pack: str) -> None:
    p = load_pack(pack)
    kinds = {r.kind for r in p.roles}
    assert set(KINDS) <= kinds
    assert "users.manage" in p.role(p.admin_role).permissions
    volunteer = p.role(role_of_kind(pack, "volunteer"))
    assert "users.manage" not in volunteer.permissions
    assert "client.view_medical" not in volunteer.permissions
    assert {"client.view_basic", "client.create", "intake.run"} <= set(volunteer.permissions)


def test_vt_role_2_volunteer_sees_the_basic_profile_only() -> None:
    """VT-ROLE-2: a Volunteer edits only the basic profile, with no other client screens."""
    volunteer = load_pack("vt").role("volunteer")
    assert "client.view_full" not in volunteer.permissions
    assert "client.edit_full" not in volunteer.permissions
    assert "services.record" not in volunteer.permissions


def test_vt_role_7_system_operator_never_sees_clients() -> None:
    operator = load_pack("vt").role("system_operator")
    assert not any(p.startswith("client.") for p in operator.permissions)


def test_volunteer_cannot_manage_users(any_vault: VaultInfo) -> None:
    add_ready_user(any_vault, "vera.volunteer", "volunteer")
    session = any_vault.sign_in("vera.volunteer", USER_PASSWORD)
    try:
        assert session.user.role.kind == "volunteer"
        with pytest.raises(PermissionDenied):
            list_users(session)
        with pytest.raises(PermissionDenied):
            add_user(session, "sneaky.user", "Sneaky", role_of_kind(any_vault.pack, "agency_admin"),
                     generate_temporary_password(), access_completed_on=session.clock.now().date())
        with pytest.raises(PermissionDenied):
            disable_user(session, any_vault.user)
        with pytest.raises(PermissionDenied):
            reset_password(session, any_vault.user, generate_temporary_password())
        count = session.conn.execute("SELECT count(*) FROM app_user").fetchone()[0]
        assert count == 2
    finally:
        session.close()
    result = run_cli(any_vault.data_dir, "user", "add", "sneaky.user", "--role", "volunteer",
                     *auth("vera.volunteer"), password=USER_PASSWORD)
    assert result.returncode == PermissionDenied.exit_code
    assert single_sentence(result.stderr), result.stderr


def test_vt_2_1_11_first_password_must_be_changed(any_vault: VaultInfo) -> None:
    """VT-2.1-11: the first password is generated and handed over; it must be changed."""
    temporary = generate_temporary_password()
    admin = any_vault.sign_in()
    try:
        add_user(admin, "cam.case", "Cam", role_of_kind(any_vault.pack, "case_manager"), temporary,
                 access_completed_on=admin.clock.now().date())
        summary = {u.username: u for u in list_users(admin)}["cam.case"]
        assert summary.must_change_password and not summary.disabled and not summary.locked
    finally:
        admin.close()
    session = any_vault.sign_in("cam.case", temporary)
    try:
        assert session.user.must_change_password and session.needs_new_password
    finally:
        session.close()
    if any_vault.pack != "vt":
        return  # the command-line half below is the same code for every pack
    # The command line refuses to work until it is changed...
    blocked = run_cli(any_vault.data_dir, "search", "anyone", *auth("cam.case"), password=temporary)
    assert blocked.returncode != 0
    assert "must be changed" in blocked.stderr and single_sentence(blocked.stderr)
    # ...and change-password takes the current then the new one on stdin.
    changed = run_cli(any_vault.data_dir, "change-password", *auth("cam.case"),
                      stdin=f"{temporary}\n{USER_PASSWORD}\n")
    assert changed.returncode == 0, changed.stderr
    ok = run_cli(any_vault.data_dir, "search", "anyone", *auth("cam.case"), password=USER_PASSWORD)
    assert ok.returncode == 0, ok.stderr


def test_admin_adds_disables_and_resets(any_vault: VaultInfo) -> None:
    add_ready_user(any_vault, "dana.coord", "data_coordinator")
    admin = any_vault.sign_in()
    try:
        with pytest.raises(UserFacingError, match="already a user"):
            add_user(admin, "dana.coord", "Dana", role_of_kind(any_vault.pack, "volunteer"),
                     generate_temporary_password(), access_completed_on=admin.clock.now().date())
        with pytest.raises(PermissionDenied):
            disable_user(admin, any_vault.user)
        disable_user(admin, "dana.coord")
        assert {u.username: u for u in list_users(admin)}["dana.coord"].disabled
    finally:
        admin.close()

    # Disabled: the right password no longer opens the vault.
    with pytest.raises(AccountLocked, match="disabled"):
        any_vault.sign_in("dana.coord", USER_PASSWORD)
    result = run_cli(any_vault.data_dir, "status", *auth("dana.coord"), password=USER_PASSWORD)
    assert result.returncode == AccountLocked.exit_code
    assert "disabled" in result.stderr and single_sentence(result.stderr)

    temporary = generate_temporary_password()
    admin = any_vault.sign_in()
    try:
        # MO-REVOKE-1: a routine reset must not quietly undo a revocation.
        with pytest.raises(UserFacingError, match="disabled; enable"):
            reset_password(admin, "dana.coord", temporary)
        assert {u.username: u for u in list_users(admin)}["dana.coord"].disabled
        enable_user(admin, "dana.coord", temporary)
        with pytest.raises(UserFacingError, match="not disabled"):
            enable_user(admin, "dana.coord", generate_temporary_password())
        actions = [r[0] for r in admin.conn.execute("SELECT action FROM audit_event")]
        assert "user.enabled" in actions
    finally:
        admin.close()
    session = any_vault.sign_in("dana.coord", temporary)
    try:
        assert session.needs_new_password
        assert session.user.role.kind == "data_coordinator"
    finally:
        session.close()


def test_cli_user_management(vt_vault: VaultInfo) -> None:
    added = run_cli(vt_vault.data_dir, "user", "add", "finn.field", "--role", "case_manager_1",
                    "--access-completed", "today",

                    *auth(), password=vt_vault.password)
    assert added.returncode == 0, added.stderr
    temporary = added.stdout.strip().splitlines()[-1]
    listed = run_cli(vt_vault.data_dir, "user", "list", "--json", *auth(), password=vt_vault.password)
    rows = {r["username"]: r for r in listed.json()}
    assert rows["finn.field"]["must_change_password"] is True
    assert rows["finn.field"]["role"] == "case_manager_1"
    session = vt_vault.sign_in("finn.field", temporary)
    session.close()
    disabled = run_cli(vt_vault.data_dir, "user", "disable", "finn.field", *auth(),
                       password=vt_vault.password)
    assert disabled.returncode == 0, disabled.stderr
    with pytest.raises(AccountLocked):
        vt_vault.sign_in("finn.field", temporary)


def _declared(info: VaultInfo) -> tuple[str, str]:
    """Two people; the case manager declares the first as family."""
    add_ready_user(info, "cody.case", "case_manager")
    admin = info.sign_in()
    try:
        own = save_new_person(admin, synthetic_person("Conflictus", "Familiaris", dob="1990-01-02"), basis=ON_FILE)
        other = save_new_person(admin, synthetic_person("Conflictus", "Strangerton", dob="1990-01-02"), basis=ON_FILE)
    finally:
        admin.close()
    session = info.sign_in("cody.case", USER_PASSWORD)
    try:
        declare_conflict(session, own, "family")
    finally:
        session.close()
    return own, other


def _search_ids(session: Session, text: str) -> set[str]:
    return {h.personal_id for h in find_people(session, text)}


def test_vt_2_1_8_conflict_of_interest_blocks_open_edit_and_search(vt_vault: VaultInfo) -> None:
    """VT-2.1-8 (and A15): a user cannot open, change or find a record they declared as
    their own or family; colleagues still can."""
    own, other = _declared(vt_vault)
    session = vt_vault.sign_in("cody.case", USER_PASSWORD)
    try:
        with pytest.raises(ConflictOfInterest):
            open_person(session, own)
        person = open_person(session, other)
        assert person.last_name == "Strangerton"
        blocked = synthetic_person("Conflictus", "Changed")
        blocked.personal_id = own
        with pytest.raises(ConflictOfInterest):
            update_person(session, blocked, basis=ON_FILE)
        assert _search_ids(session, "Conflictus") == {other}
        assert _search_ids(session, "Familiaris") == set()
        assert _search_ids(session, "1990-01-02") == {other}
    finally:
        session.close()
    admin = vt_vault.sign_in()
    try:
        assert _search_ids(admin, "Conflictus") == {own, other}
        assert open_person(admin, own).last_name == "Familiaris"  # unchanged
        events = admin.conn.execute(
            "SELECT action FROM audit_event WHERE entity_id = ? ORDER BY seq", (own,)
        ).fetchall()
        assert ("conflict.declared",) in events
        assert ("person.edited",) not in events
    finally:
        admin.close()


def test_declaring_for_someone_else_needs_users_manage(vt_vault: VaultInfo) -> None:
    own, _ = _declared(vt_vault)
    add_ready_user(vt_vault, "val.vol", "volunteer")
    session = vt_vault.sign_in("val.vol", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            declare_conflict(session, own, "self", username="cody.case")
        with pytest.raises(UserFacingError):
            declare_conflict(session, own, "cousin")
    finally:
        session.close()
    admin = vt_vault.sign_in()
    try:
        declare_conflict(admin, own, "self", username="val.vol")
    finally:
        admin.close()
    session = vt_vault.sign_in("val.vol", USER_PASSWORD)
    try:
        with pytest.raises(ConflictOfInterest):
            open_person(session, own)
    finally:
        session.close()


def test_vt_role_1_a_resource_specialist_reaches_no_client_or_service_record(vt_vault: VaultInfo) -> None:
    """VT-ROLE-1: a Resource Specialist signs in but every client or service command is
    refused in one sentence, showing nothing."""
    from app.vault.connection import transaction

    specialist = load_pack("vt").role("resource_specialist")
    assert specialist.permissions == ()
    admin = vt_vault.sign_in()
    try:
        user_id = add_user(admin, "rowan.resource", "Rowan", "resource_specialist", USER_PASSWORD,
                           access_completed_on=admin.clock.now().date())
        with transaction(admin.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
        person = synthetic_person("Rosalind", "Directorywell")
        save_new_person(admin, person, basis=ON_FILE)
    finally:
        admin.close()
    for command in (["search", "Directorywell"], ["history", person.personal_id]):
        refused = run_cli(vt_vault.data_dir, *command, "--json", *auth("rowan.resource"), password=USER_PASSWORD)
        assert refused.returncode != 0 and refused.stdout == "", command
        assert single_sentence(refused.stderr) and "Resource Specialist" in refused.stderr
        assert "Directorywell" not in refused.stderr
    session = vt_vault.sign_in("rowan.resource", USER_PASSWORD)
    try:
        for permission in ("client.search", "client.view_basic", "services.record", "notes.read"):
            assert not session.can(permission)
    finally:
        session.close()

"""Role clauses as the packs encode them ([[roles]] permissions), checked as data and
through Session.require's source of truth, the pack's role table."""

from __future__ import annotations

from app.packs import PERMISSIONS, load_pack

CLIENT = {p for p in PERMISSIONS if p.startswith(("client.", "notes.", "services.", "intake."))}


def perms(pack: str, role: str) -> set[str]:
    return set(load_pack(pack).role(role).permissions)


def test_vt_role_3_agency_staff_record_services_on_the_basic_profile_without_reports() -> None:
    """VT-ROLE-3: full service records, only the client profile, no reports."""
    staff = perms("vt", "agency_staff")
    assert {"services.record", "client.view_basic"} <= staff
    assert not staff & {"client.view_full", "client.view_medical", "reports.view", "notes.read"}


def test_vt_role_4_case_manager_1_sees_all_but_medical_case_manager_2_also_medical() -> None:
    """VT-ROLE-4."""
    assert "client.view_full" in perms("vt", "case_manager_1")
    assert "client.view_medical" not in perms("vt", "case_manager_1")
    assert "client.view_medical" in perms("vt", "case_manager_2")


def test_vt_role_6_the_agency_administrator_sees_everything_and_manages_users() -> None:
    """VT-ROLE-6: every client screen and every right another client role has, plus users."""
    pack = load_pack("vt")
    admin = perms("vt", pack.admin_role)
    others = set().union(*(set(r.permissions) for r in pack.roles if r.id != pack.admin_role)) & CLIENT
    assert others <= admin and {"users.manage", "device.configure"} <= admin


def test_ct_ga_1_full_view_only_and_reporting_only_levels() -> None:
    """CT-GA-1: three access levels."""
    assert {"client.create", "client.edit_full", "client.view_full"} <= perms("ct", "case_manager")
    view_only = perms("ct", "view_only")
    assert "client.view_full" in view_only and not {p for p in view_only if "edit" in p or "create" in p}
    assert not perms("ct", "reporting_only") & CLIENT and "reports.view" in perms("ct", "reporting_only")


def test_ct_207_4_only_client_facing_or_administrative_roles_touch_client_records() -> None:
    """CT-207-4: the reporting and security roles never look at, enter or edit a record."""
    for role in ("reporting_only", "security_coordinator"):
        assert not perms("ct", role) & CLIENT, role


def test_ct_401_1_and_mo_revoke_1_only_the_administrator_manages_users() -> None:
    """CT-401-1, MO-REVOKE-1: accounts are created, disabled and removed by the administrator alone."""
    for pack_id in ("ct", "mo"):
        pack = load_pack(pack_id)
        assert [r.id for r in pack.roles if "users.manage" in r.permissions] == [pack.admin_role]

"""VT-2.1-4: the Agency Administrator gives roles up to Case Manager III; a higher role
comes from the HMIS Lead, as a one-time grant code from the Lead's server
(``hmis-intake-server grant-role``) that the device redeems over its enrolled
connection when the administrator adds the user (``hmis-intake user add
--lead-grant-stdin``, the code on the line of standard input after the password).
The device command runs as a real process, against the real server on loopback."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import Engine, select
from support import ADMIN_PASSWORD, ADMIN_USER, AGENCY, VaultInfo, make_vault, single_sentence
from sync_support import ThreadServer, new_code, run_device_cli

from app.clock import system_clock
from app.errors import PackError
from app.packs import load_pack, parse_pack
from app.security.role_grants import SETUP_GRANT_ID, grants_of
from sync import protocol
from sync.errors import GrantRefused
from sync.protocol import DeviceCredential, RoleGrantRedemption
from sync.server import storage
from sync.server.role_grants import new_role_grant
from sync.server.schema import role_grant
from sync.server_cli import main as server_main
from sync.transport import Transport

AUTH = ["--user", ADMIN_USER, "--password-stdin"]
LEAD_ROLES = {"agency_admin", "system_operator", "data_coordinator"}


def _grant_code(db_url: str, user: str, role: str, agency: str = AGENCY) -> str:
    """What the HMIS Lead runs on its server: the last line printed is the code."""
    out = io.StringIO()
    assert server_main(["grant-role", "--db", db_url, "--agency", agency, "--user", user, "--role", role], out) == 0
    printed = out.getvalue().strip().splitlines()
    assert "valid for 60 minutes" in printed[0]
    return printed[-1]


def _user_names(info: VaultInfo) -> set[str]:
    listed = run_device_cli(info.data_dir, "user", "list", "--json", *AUTH)
    assert listed.returncode == 0, listed.stderr
    return {row["username"] for row in json.loads(listed.stdout)}


def test_vt_2_1_4_pack_roles_say_who_gives_them() -> None:
    """VT-2.1-4: in Vermont the roles above Case Manager III are the HMIS Lead's; CT and MO
    state that the agency gives every role; a Lead's role without a clause to cite is refused."""
    vt = load_pack("vt")
    assert {r.id for r in vt.roles if r.assigned_by == "hmis_lead"} == LEAD_ROLES
    assert vt.role("case_manager_3").assigned_by == "agency"
    assert [c.id for c in vt.role_assignment.clauses] == ["VT-2.1-4"]
    assert "Case Manager III" in vt.role_assignment.reading and "set-up" in vt.role_assignment.reading
    for other in ("ct", "mo"):
        pack = load_pack(other)
        assert {r.assigned_by for r in pack.roles} == {"agency"}
        assert pack.role_assignment.reading
    text = (Path(__file__).resolve().parents[2] / "forms/packs/vt/pack.toml").read_text("utf-8")
    without_clause = text.replace('clauses = [{ id = "VT-2.1-4", source = "002 · §2.1 User Access to the System" }]',
                                  "clauses = []")
    assert without_clause != text
    with pytest.raises(PackError, match="role_assignment"):
        parse_pack(without_clause, "vt/pack.toml")


def test_vt_2_1_4_the_agency_admin_gives_up_to_case_manager_iii_and_no_higher(tmp_path: Path) -> None:
    """VT-2.1-4: ``user add`` gives Case Manager III; a role above it, without the Lead's
    grant, is refused in one sentence citing the clause; with a code but no enrolled
    Lead's server to check it, in one sentence too; no account is made."""
    info = make_vault(tmp_path / "device", "vt")
    done = run_device_cli(info.data_dir, "user", "add", "cam.three", "--role", "case_manager_3", *AUTH)
    assert done.returncode == 0, done.stderr
    for role in sorted(LEAD_ROLES):
        refused = run_device_cli(info.data_dir, "user", "add", "jo.lead", "--role", role, *AUTH)
        assert refused.returncode != 0
        assert single_sentence(refused.stderr), refused.stderr
        assert "VT-2.1-4" in refused.stderr and "HMIS Lead" in refused.stderr
        assert load_pack("vt").role(role).name in refused.stderr
    not_enrolled = run_device_cli(info.data_dir, "user", "add", "jo.lead", "--role", "agency_admin",
                                  "--lead-grant-stdin", *AUTH, code="ABCD-EFGH-JKLM")
    assert not_enrolled.returncode != 0 and single_sentence(not_enrolled.stderr), not_enrolled.stderr
    assert "not enrolled" in not_enrolled.stderr
    assert _user_names(info) == {ADMIN_USER, "cam.three"}


def test_vt_2_1_4_the_leads_grant_gives_the_role_once(tmp_path: Path, live_server: ThreadServer,
                                                      server_db_url: str) -> None:
    """VT-2.1-4: with the code the Lead printed, the enrolled device gives the role; the
    grant is kept with the user and audited; the same code cannot give it again."""
    info = make_vault(tmp_path / "device", "vt")
    enrolled = run_device_cli(info.data_dir, "enroll", "--server", live_server.url, "--credential-store", "vault",
                              *AUTH, code=new_code(live_server.engine))
    assert enrolled.returncode == 0, enrolled.stderr
    code = _grant_code(server_db_url, "jo.lead", "agency_admin")

    wrong_user = run_device_cli(info.data_dir, "user", "add", "kim.other", "--role", "agency_admin",
                                "--lead-grant-stdin", *AUTH, code=code)
    assert wrong_user.returncode != 0 and single_sentence(wrong_user.stderr), wrong_user.stderr
    assert "another user name or role" in wrong_user.stderr

    added = run_device_cli(info.data_dir, "user", "add", "jo.lead", "--role", "agency_admin",
                           "--lead-grant-stdin", *AUTH, code=code)
    assert added.returncode == 0, added.stderr
    again = run_device_cli(info.data_dir, "user", "add", "lee.lead", "--role", "agency_admin",
                           "--lead-grant-stdin", *AUTH, code=code)
    assert again.returncode != 0 and single_sentence(again.stderr), again.stderr
    assert "already used" in again.stderr
    assert _user_names(info) == {ADMIN_USER, "jo.lead"}

    with live_server.engine.connect() as conn:
        issued = conn.execute(select(role_grant.c.grant_id, role_grant.c.used_at, role_grant.c.device_id)).one()
    assert issued.used_at is not None and issued.device_id
    session = info.sign_in()
    try:
        user_id = session.conn.execute("SELECT user_id FROM app_user WHERE username = 'jo.lead'").fetchone()[0]
        (grant,) = grants_of(session.conn, user_id)
        assert (grant.grant_id, grant.role, grant.agency) == (issued.grant_id, "agency_admin", AGENCY)
        assert grant.server == live_server.url.split("://", 1)[1]
        events = session.conn.execute(
            "SELECT detail FROM audit_event WHERE action = 'user.role_granted_by_lead' AND entity_id = ?",
            (user_id,)).fetchall()
        assert len(events) == 1 and issued.grant_id in events[0][0]
    finally:
        session.close()


def _device(engine: Engine, agency: str) -> DeviceCredential:
    issued = storage.redeem_code(engine, new_code(engine, agency), f"{agency} laptop", "test")
    return DeviceCredential(issued.device_id, issued.secret)


def test_vt_2_1_4_only_the_granted_agencys_device_redeems_in_time(live_server: ThreadServer) -> None:
    """VT-2.1-4, attacks on the grant endpoint: no or a forged credential is 401; another
    agency's device, a wrong user or role, a used or an expired code are refused, each
    with its sentence and a stable reason, and only the redemption that passes spends
    the code."""
    engine = live_server.engine
    ours, theirs = _device(engine, AGENCY), _device(engine, "Elsewhere Test Agency")
    code = new_role_grant(engine, AGENCY, "jo.lead", "agency_admin")
    request = RoleGrantRedemption(code=code, username="jo.lead", role="agency_admin")
    body = request.model_dump_json().encode()
    url = live_server.url + protocol.ROLE_GRANTS_PATH
    assert requests.post(url, data=body, timeout=10).status_code == 401
    forged = {"Authorization": f"Bearer {ours.device_id}.not-the-secret"}
    assert requests.post(url, data=body, headers=forged, timeout=10).status_code == 401

    transport = Transport(live_server.url)
    try:
        with pytest.raises(GrantRefused, match="not valid for this device's agency") as refused:
            transport.redeem_role_grant(request, theirs)
        assert refused.value.reason == "not_valid"
        for other in (request.model_copy(update={"username": "kim.other"}),
                      request.model_copy(update={"role": "system_operator"})):
            with pytest.raises(GrantRefused, match="another user name or role") as refused:
                transport.redeem_role_grant(other, ours)
            assert refused.value.reason == "other_user_or_role"
        grant = transport.redeem_role_grant(request, ours)  # none of the refusals spent it
        assert (grant.username, grant.role, grant.agency) == ("jo.lead", "agency_admin", AGENCY)
        with pytest.raises(GrantRefused, match="already used") as refused:
            transport.redeem_role_grant(request, ours)
        assert refused.value.reason == "used"
        stale = new_role_grant(engine, AGENCY, "jo.lead", "agency_admin", ttl=timedelta(minutes=30),
                               now=storage.utc_now() - timedelta(hours=1))
        with pytest.raises(GrantRefused, match="expired") as refused:
            transport.redeem_role_grant(request.model_copy(update={"code": stale}), ours)
        assert refused.value.reason == "expired"
        with pytest.raises(GrantRefused, match="not valid") as refused:
            transport.redeem_role_grant(request.model_copy(update={"code": "ABCD-EFGH-JKLM"}), ours)
        assert refused.value.reason == "not_valid"
    finally:
        transport.close()
    # The wire: the English sentence and its stable reason, which the screens word themselves.
    reply = requests.post(url, data=body, headers={"Authorization": ours.header(), "Content-Type": "application/json"},
                          timeout=10)
    assert reply.status_code == 403
    assert reply.json() == {"detail": "This grant code was already used; ask the HMIS Lead for a new one.",
                            "reason": "used"}


def test_vt_2_1_4_the_server_command_checks_its_arguments(server_db_url: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """VT-2.1-4: ``grant-role`` refuses an empty user and a lifetime past a day in one sentence."""
    for argv in (["--user", " ", "--role", "agency_admin", "--agency", AGENCY],
                 ["--user", "jo.lead", "--role", "agency_admin", "--agency", AGENCY, "--ttl-minutes", "2000"]):
        assert server_main(["grant-role", "--db", server_db_url, *argv], io.StringIO()) != 0
        assert single_sentence(capsys.readouterr().err)


def test_vt_2_1_4_set_up_records_the_first_administrator_as_given_by_the_lead(tmp_path: Path) -> None:
    """VT-2.1-4 (the pack's reading): ``init`` works offline, and the Vermont vault's first
    Agency Administrator is kept as given by the HMIS Lead at set-up; a CT vault keeps none."""
    data_dir = tmp_path / "vt"
    done = run_device_cli(data_dir, "init", "--pack", "vt", "--agency", AGENCY, *AUTH)
    assert done.returncode == 0, done.stderr
    info = VaultInfo(data_dir, "vt", ADMIN_USER, ADMIN_PASSWORD, "", system_clock)
    session = info.sign_in()
    try:
        (admin_id,) = session.conn.execute("SELECT user_id FROM app_user").fetchone()
        (grant,) = grants_of(session.conn, admin_id)
        assert (grant.grant_id, grant.role, grant.agency) == (SETUP_GRANT_ID, "agency_admin", AGENCY)
        assert session.conn.execute("SELECT count(*) FROM audit_event WHERE action = 'user.role_granted_by_lead'"
                                    ).fetchone()[0] == 1
    finally:
        session.close()
    ct = make_vault(tmp_path / "ct", "ct").sign_in()
    try:
        assert ct.conn.execute("SELECT count(*) FROM lead_role_grant").fetchone()[0] == 0
    finally:
        ct.close()


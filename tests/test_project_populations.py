"""Projects carry what the rules need: the populations a project serves are set at
``init --project NAME:TYPE:POPULATIONS`` and by ``project set --populations``, checked
against the pack's names, shown by ``project list`` and audited; an intake into a
project whose population the pack forces Not Shared is stored Not Shared.
All through the real ``hmis-intake`` command on a real vault."""

from __future__ import annotations

import json
from pathlib import Path

from app.session import sign_in
from tests.support import ADMIN_PASSWORD, ADMIN_USER, REPO_ROOT, auth, run_cli, single_sentence


def _init(data: Path, pack: str, *projects: str):  # type: ignore[no-untyped-def]
    args = ["init", "--access-completed", "today", "--pack", pack, "--agency", "Lanternfield Test Agency", *auth()]
    for project in projects:
        args += ["--project", project]
    return run_cli(data, *args, password=ADMIN_PASSWORD)


def _projects(data: Path) -> dict[str, dict[str, object]]:
    listed = run_cli(data, "project", "list", "--json", *auth(), password=ADMIN_PASSWORD)
    assert listed.returncode == 0, listed.stderr
    return {p["name"]: p for p in listed.json()}


def test_vt_3_1_2_dv_project_population_is_stored_and_forces_not_shared(tmp_path: Path) -> None:
    """VT-3.1-2: a DV program's client is Not Shared even with a signed release to share."""
    data = tmp_path / "vault"
    assert _init(data, "vt", "Harborlight DV Shelter:0:dv", "Street Outreach:4").returncode == 0
    projects = _projects(data)
    assert projects["Harborlight DV Shelter"]["populations"] == ["dv"]
    assert projects["Street Outreach"]["populations"] == []
    plain = run_cli(data, "project", "list", *auth(), password=ADMIN_PASSWORD).stdout
    assert "populations dv" in plain

    document = json.loads((REPO_ROOT / "forms/intake/example-vt.json").read_text())
    document["project_id"] = "Harborlight DV Shelter"
    document["consent"]["sharing"] = "shared"
    source = tmp_path / "intake.json"
    source.write_text(json.dumps(document))
    imported = run_cli(data, "import-intake", str(source), *auth(), password=ADMIN_PASSWORD)
    assert imported.returncode == 0, imported.stdout + imported.stderr

    session = sign_in(data, ADMIN_USER, ADMIN_PASSWORD)
    try:
        sharing = [row[0] for row in session.conn.execute(
            "SELECT c.sharing FROM consent c JOIN project p USING (project_id) WHERE p.name = ?",
            ("Harborlight DV Shelter",))]
        events = [json.loads(row[0]) for row in session.conn.execute(
            "SELECT detail FROM audit_event WHERE action = 'project.populations_set'")]
    finally:
        session.close()
    assert sharing == ["not_shared"]
    assert events and events[0]["after"] == ["dv"]


def test_vt_3_1_2_project_set_populations_changes_and_clears(tmp_path: Path) -> None:
    """VT-3.1-2 / VT-3.4-13: youth and legal programs are set later with `project set`."""
    data = tmp_path / "vault"
    assert _init(data, "vt").returncode == 0
    done = run_cli(data, "project", "set", "street outreach", "--populations", "youth, LEGAL", *auth(),
                   password=ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert _projects(data)["Street Outreach"]["populations"] == ["legal", "youth"]
    cleared = run_cli(data, "project", "set", "Street Outreach", "--populations", "", *auth(),
                      password=ADMIN_PASSWORD)
    assert cleared.returncode == 0, cleared.stderr
    assert _projects(data)["Street Outreach"]["populations"] == []


def test_mo_prot_1_protected_project_and_unknown_names_refused(tmp_path: Path) -> None:
    """MO-PROT-1: Missouri marks a protected project; a name the pack does not use is
    refused in one sentence, at init (before any vault exists) and at `project set`."""
    refused = _init(tmp_path / "nothing", "mo", "Quiet Door:0:dv")
    assert refused.returncode != 0
    assert single_sentence(refused.stderr) and "'dv'" in refused.stderr and "protected" in refused.stderr
    assert not (tmp_path / "nothing").exists() or not any((tmp_path / "nothing").iterdir())

    data = tmp_path / "vault"
    assert _init(data, "mo", "Quiet Door:0:protected").returncode == 0
    assert _projects(data)["Quiet Door"]["populations"] == ["protected"]
    wrong = run_cli(data, "project", "set", "Quiet Door", "--populations", "youth", *auth(), password=ADMIN_PASSWORD)
    assert wrong.returncode != 0 and single_sentence(wrong.stderr)
    assert _projects(data)["Quiet Door"]["populations"] == ["protected"]


def test_ct_pack_names_no_population(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    assert _init(data, "ct").returncode == 0
    wrong = run_cli(data, "project", "set", "Emergency Shelter", "--populations", "dv", *auth(),
                    password=ADMIN_PASSWORD)
    assert wrong.returncode != 0 and "none" in wrong.stderr and single_sentence(wrong.stderr)

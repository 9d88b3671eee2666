"""Enrollment CoC (HUD 3.16) is required for the head of household and defaults from
the project's CoC code, in `import-intake` and in the intake wizard's flow."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from app.projects import list_projects
from app.session import sign_in
from tests.support import ADMIN_PASSWORD, ADMIN_USER, REPO_ROOT, auth, run_cli


def _document(tmp_path: Path, project: str) -> Path:
    document = json.loads((REPO_ROOT / "forms/intake/example-vt.json").read_text())
    document["project_id"] = project
    document["members"][0]["enrollment"].pop("EnrollmentCoC")
    path = tmp_path / f"{project.replace(' ', '-')}.json"
    path.write_text(json.dumps(document))
    return path


def test_hoh_enrollment_coc_defaults_from_the_project_or_is_required(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    assert run_cli(data, "init", "--access-completed", "today",
                   "--pack", "vt", *auth(), password=ADMIN_PASSWORD).returncode == 0
    assert run_cli(data, "project", "set", "Emergency Shelter", "--coc-code", "VT-501", *auth(),
                   password=ADMIN_PASSWORD).returncode == 0

    refused = run_cli(data, "import-intake", str(_document(tmp_path, "Street Outreach")), *auth(),
                      password=ADMIN_PASSWORD)
    assert refused.returncode != 0 and "Continuum of Care code" in refused.stdout, refused.stdout
    saved = run_cli(data, "import-intake", str(_document(tmp_path, "Emergency Shelter")), *auth(),
                    password=ADMIN_PASSWORD)
    assert saved.returncode == 0, saved.stdout + saved.stderr

    session = sign_in(data, ADMIN_USER, ADMIN_PASSWORD)
    try:
        cocs = [row[0] for row in session.conn.execute("SELECT enrollment_coc FROM enrollment")]
    finally:
        session.close()
    assert cocs == ["VT-501"]


def test_wizard_prefills_the_hoh_enrollment_coc_from_the_project(tmp_path: Path) -> None:
    from app.intake.flow import IntakeFlow

    data = tmp_path / "vault"
    assert run_cli(data, "init", "--access-completed", "today",
                   "--pack", "ct", "--project", "Harbor Shelter:0", *auth(),
                   password=ADMIN_PASSWORD).returncode == 0
    assert run_cli(data, "project", "set", "Harbor Shelter", "--coc-code", "CT-505", *auth(),
                   password=ADMIN_PASSWORD).returncode == 0
    session = sign_in(data, ADMIN_USER, ADMIN_PASSWORD)
    try:
        flow = IntakeFlow(session.pack, list_projects(session), datetime(2026, 3, 1, 10, 0))
        assert [q.field for q in flow.questions(0) if q.field == "EnrollmentCoC"] == ["EnrollmentCoC"]
        assert flow.members[0].answers["EnrollmentCoC"] == "CT-505"
    finally:
        session.close()

"""An export of a fresh demo vault is one a CoC's HMIS takes as it is: in every pack,
hashed and not, `check-hmis-csv` finds no high-priority problem and no error (HUD
Data Standards 2.02-2.08 project descriptors, 3.16 Enrollment CoC)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ADMIN_PASSWORD, PACKS, auth, run_cli


@pytest.mark.parametrize("pack", PACKS)
def test_fresh_demo_vault_exports_without_high_priority_or_error(pack: str, tmp_path: Path) -> None:
    data = tmp_path / "vault"
    assert run_cli(data, "init", "--access-completed", "today",
                   "--pack", pack, *auth(), password=ADMIN_PASSWORD).returncode == 0
    added = run_cli(data, "demo-data", "--clients", "300", "--seed", "5", *auth(), password=ADMIN_PASSWORD)
    assert added.returncode == 0, added.stderr
    listed = run_cli(data, "project", "list", "--json", *auth(), password=ADMIN_PASSWORD).json()
    assert listed and all(not project["missing"] for project in listed), listed
    for hashed in ((), ("--hashed",)):
        out = tmp_path / f"export{'-hashed' if hashed else ''}.zip"
        exported = run_cli(data, "export-hmis-csv", str(out), "--destination", "coc", *hashed, *auth(),
                           password=ADMIN_PASSWORD)
        assert exported.returncode == 0, exported.stderr
        checked = run_cli(None, "check-hmis-csv", str(out), "--json")
        report = checked.json()
        assert report["high_priority"] == 0 and report["errors"] == 0, [
            p for p in report["problems"] if p["severity"] != "warning"][:5]
        assert checked.returncode == 0


def test_export_summary_names_incomplete_projects_and_what_they_lack(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    assert run_cli(data, "init", "--access-completed", "today",
                   "--pack", "vt", *auth(), password=ADMIN_PASSWORD).returncode == 0
    assert run_cli(data, "project", "set", "Street Outreach", "--coc-code", "VT-500", "--geocode", "509999",
                   *auth(), password=ADMIN_PASSWORD).returncode == 0
    out = tmp_path / "export.zip"
    exported = run_cli(data, "export-hmis-csv", str(out), "--destination", "coc", "--json", *auth(),
                       password=ADMIN_PASSWORD)
    assert exported.returncode == 0, exported.stderr
    notes = exported.json()["notes"]
    shelter = next(note for note in notes if "'Emergency Shelter'" in note)
    assert "geocode" in shelter and "bed inventory" in shelter and "housing type" in shelter
    outreach = next(note for note in notes if "'Street Outreach'" in note)
    assert "geocode" not in outreach and "funder" in outreach and "inventory" not in outreach

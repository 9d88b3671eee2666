"""``hmis-intake export-hmis-csv`` and ``check-hmis-csv`` as real subprocesses."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from support import ADMIN_PASSWORD, VaultInfo, auth, run_cli, single_sentence
from test_hmis_csv_export import add_household, read_export

from app.demo import add_demo_people
from app.packs import load_pack
from app.security.users import add_user
from app.vault.connection import transaction
from sync.hmis_csv.columns import FILES

HELPER_PASSWORD = "Violet!Ladder7Kettle9"


def test_export_then_check_from_the_command_line(vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    info = vault_factory("mo")
    session = info.sign_in()
    try:
        add_demo_people(session, 25, seed=11)
        add_household(session, "Emergency Shelter", [{"first": "Kestrel", "last": "Underbrook"}])
    finally:
        session.close()
    out = tmp_path / "for-the-coc.zip"

    result = run_cli(info.data_dir, "export-hmis-csv", str(out), "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    summary = result.json()
    assert isinstance(summary, dict)
    assert summary["files"]["Client.csv"] == 26 and len(summary["files"]) == len(FILES)
    assert summary["check"]["ok"] is True and summary["check"]["errors"] == 0
    assert summary["csv_version"] == "2026 v1.0" and summary["directive"] == 2
    assert len(read_export(out)["Client"]) == 26

    human = run_cli(info.data_dir, "export-hmis-csv", str(tmp_path / "shelter.zip"), "--project",
                    "Emergency Shelter", "--hashed", "--start", "2020-01-01", *auth(), password=ADMIN_PASSWORD)
    assert human.returncode == 0, human.stderr
    assert "Rows per file:" in human.stdout and "Check: 0 error(s)" in human.stdout
    assert "Kestrel" not in human.stdout and "Underbrook" not in human.stdout
    with zipfile.ZipFile(tmp_path / "shelter.zip") as archive:
        assert b"Kestrel" not in archive.read("Client.csv")

    checked = run_cli(None, "check-hmis-csv", str(out), "--json")
    assert checked.returncode == 0, checked.stderr
    report = checked.json()
    assert isinstance(report, dict) and report["ok"] is True and report["errors"] == 0


def test_check_reports_a_broken_export_without_a_vault(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("Export.csv", "ExportID,Nonsense\r\n")
    result = run_cli(tmp_path / "no-vault-here", "check-hmis-csv", str(broken))
    assert result.returncode == 1
    assert "missing_file" in result.stdout and "header_missing_column" in result.stdout
    assert single_sentence(result.stderr)

    missing = run_cli(None, "check-hmis-csv", str(tmp_path / "absent.zip"))
    assert missing.returncode != 0 and single_sentence(missing.stderr)


def test_export_mistakes_are_one_sentence(vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    info = vault_factory("ct")
    out = str(tmp_path / "x.zip")
    cases = [
        ["--start", "2026-02-30"],
        ["--delta"],
        ["--start", "2026-03-02", "--end", "2026-03-01"],
        ["--project", "Night Kitchen"],
    ]
    for extra in cases:
        result = run_cli(info.data_dir, "export-hmis-csv", out, *extra, *auth(), password=ADMIN_PASSWORD)
        assert result.returncode != 0, extra
        assert single_sentence(result.stderr), (extra, result.stderr)
    nowhere = run_cli(info.data_dir, "export-hmis-csv", str(tmp_path / "no" / "x.zip"), *auth(),
                      password=ADMIN_PASSWORD)
    assert nowhere.returncode != 0 and single_sentence(nowhere.stderr)
    assert not Path(out).exists()


def test_a_volunteer_is_refused_on_the_command_line(vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    info = vault_factory("mo")
    admin = info.sign_in()
    try:
        role = next(r.id for r in load_pack("mo").roles if r.kind == "volunteer")
        user_id = add_user(admin, "briar.helper", "Briar Helper", role, HELPER_PASSWORD,
                           access_completed_on=admin.clock.now().date())
        with transaction(admin.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
    finally:
        admin.close()
    out = tmp_path / "refused.zip"
    result = run_cli(info.data_dir, "export-hmis-csv", str(out), *auth("briar.helper"), password=HELPER_PASSWORD)
    assert result.returncode == 8
    assert single_sentence(result.stderr) and "export.hmis_csv" in result.stderr
    assert not out.exists()

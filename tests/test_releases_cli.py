"""What leaves the device, driven through ``hmis-intake`` as real subprocesses on real
vaults: the de-identified aggregate report by default (VT-3.2-1) and an outside
entity's data request, identifying only with the CoC's approval (MO-DREQ-1). Every
file is read back (CSV with ``csv``, PDF with pypdf, zips with ``zipfile``). Everyone
here is synthetic.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pypdf
from support import ADMIN_PASSWORD, AGENCY, USER_PASSWORD, VaultInfo, add_ready_user, auth, run_cli, single_sentence
from test_hmis_csv_destination import example, import_intake, withheld
from test_hmis_csv_export import read_export, zip_bytes

from app.demo import add_demo_people
from app.packs import load_pack
from app.projects import add_project

PEOPLE = 40


def _with_demo_people(info: VaultInfo, count: int = PEOPLE) -> list[str]:
    """Synthetic people saved through the intake; returns every name word on file."""
    session = info.sign_in()
    try:
        add_demo_people(session, count, seed=7)
        names = [word for row in session.conn.execute("SELECT first_name, last_name FROM person")
                 for word in row if word and len(word) > 3]
        vault_id = session.vault.keyfile.vault_id
    finally:
        session.close()
    assert names
    return [*names, vault_id]


def _period(info: VaultInfo) -> list[str]:
    today = info.clock.now().date()
    return ["--from", (today - timedelta(days=400)).isoformat(), "--to", today.isoformat()]


def _read_report(path: Path) -> tuple[dict[str, str], list[str], list[list[str]]]:
    lines = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    blank = lines.index([])
    header = {row[0]: row[1] for row in lines[:blank]}
    return header, lines[blank + 1], lines[blank + 2:]


def test_vt_3_2_1_aggregate_report_states_its_source_and_suppresses_small_cells(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """VT-3.2-1: the aggregate report is counts only, every count from 1 to N-1 shown as
    <N (N from the pack), and its header says where the data comes from and what it
    includes: this device's vault and agency, the period, projects, role, records."""
    info = vault_factory("vt")
    words = _with_demo_people(info)
    vault_id, names = words[-1], words[:-1]
    out = tmp_path / "aggregate.csv"
    result = run_cli(info.data_dir, "report", "aggregate", *_period(info), "--out", str(out), "--json", *auth(),
                     password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    minimum = load_pack("vt").release.min_cell_count
    summary = result.json()
    assert summary["counted"]["people"] == PEOPLE and summary["min_cell_count"] == minimum

    header, columns, rows = _read_report(out)
    assert vault_id in header["Data source"] and AGENCY in header["Data source"]
    assert header["Data source"].startswith("HMIS Intake on this device")
    assert _period(info)[1] in header["Period"] and _period(info)[3] in header["Period"]
    assert load_pack("vt").role(load_pack("vt").admin_role).name in header["Generated"]
    assert f"{PEOPLE} people" in header["Records counted"]
    assert header["Small cells"].startswith(f"a count from 1 to {minimum - 1} is shown as <{minimum}")
    assert "VT-3.2-1" in header["Policy"]
    assert columns[:2] == ["Section", "Category"] and columns[-1] == "All projects"

    cells = [cell for row in rows for cell in row[2:]]
    assert all(cell in ("0", f"<{minimum}", "*") or int(cell) >= minimum for cell in cells), cells
    assert f"<{minimum}" in cells  # small cells are there, and hidden
    assert_no_hidden_count_follows_from_a_total(rows)
    totals = {row[1]: row[2:] for row in rows if row[0] == "Totals"}
    assert totals["People"][-1] == str(PEOPLE)
    text = out.read_text("utf-8")
    assert not [name for name in names if name in text]  # no client's name
    assert "Testfirst" not in text


def _hidden(cell: str) -> bool:
    return cell.startswith("<") or cell == "*"


def assert_no_hidden_count_follows_from_a_total(rows: list[list[str]]) -> None:
    """No shown total has exactly one hidden part: across the projects of a row, or down
    the categories of a section whose categories add up to its total row."""
    totals = {row[1]: row[2:] for row in rows if row[0] == "Totals"}
    width = len(rows[0]) - 2
    for row in rows:
        if width > 2 and not _hidden(row[-1]):
            assert sum(_hidden(cell) for cell in row[2:-1]) != 1, row
    for section, total in (("People by age at entry", "People"), ("People by sex (4.21)", "People"),
                           ("People by veteran status (3.07)", "People"),
                           ("Enrollments by prior living situation (3.917)", "Enrollments"),
                           ("Enrollments by exit destination (3.12)", "Enrollments")):
        members = [row[2:] for row in rows if row[0] == section]
        assert members, section
        for column in range(width):
            if not _hidden(totals[total][column]):
                assert sum(_hidden(m[column]) for m in members) != 1, (section, column)


def test_vt_3_2_1_aggregate_pdf_reads_back_with_its_header_and_no_names(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """VT-3.2-1: the same report as a PDF, parsed back with pypdf."""
    info = vault_factory("vt")
    words = _with_demo_people(info)
    out = tmp_path / "aggregate.pdf"
    result = run_cli(info.data_dir, "report", "aggregate", *_period(info), "--out", str(out), *auth(),
                     password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "de-identified aggregate report" in result.stdout
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "Data source" in text and words[-1] in text and "Small cells" in text
    assert "<11" in text and "People by age at entry" in text
    assert not [name for name in words[:-1] if name in text]


def test_vt_3_2_1_aggregate_pdf_with_many_projects_keeps_every_column_on_the_page(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """VT-3.2-1: with more projects than fit across a page, the PDF continues the columns
    in another table, so every project's counts are printed, and still no name."""
    info = vault_factory("vt")
    session = info.sign_in()
    try:
        for n in range(1, 6):
            add_project(session, f"Outreach Route {n}", 4)
    finally:
        session.close()
    words = _with_demo_people(info)
    out = tmp_path / "many.pdf"
    result = run_cli(info.data_dir, "report", "aggregate", *_period(info), "--out", str(out), "--json", *auth(),
                     password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert len(result.json()["columns"]) == 8
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    for n in range(1, 6):
        assert f"Outreach Route {n}" in text
    assert text.count("All projects") >= 2 and not [name for name in words[:-1] if name in text]
    csv_out = tmp_path / "many.csv"
    result = run_cli(info.data_dir, "report", "aggregate", *_period(info), "--out", str(csv_out), *auth(),
                     password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    _header, columns, rows = _read_report(csv_out)
    assert len(columns) == 10 and "*" in {cell for row in rows for cell in row[2:]}
    assert_no_hidden_count_follows_from_a_total(rows)


def test_vt_3_2_1_aggregate_needs_reports_view_and_a_good_period(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """VT-3.2-1: a role without ``reports.view`` gets no report; bad input is one sentence."""
    info = vault_factory("vt")
    add_ready_user(info, "volly", "volunteer")
    out = tmp_path / "r.csv"
    refused = run_cli(info.data_dir, "report", "aggregate", *_period(info), "--out", str(out), *auth("volly"),
                      password=USER_PASSWORD)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr and not out.exists()
    backwards = run_cli(info.data_dir, "report", "aggregate", "--from", "2026-05-01", "--to", "2026-04-01",
                        "--out", str(out), *auth(), password=ADMIN_PASSWORD)
    assert backwards.returncode == 2 and single_sentence(backwards.stderr.strip()) and not out.exists()
    wrong = run_cli(info.data_dir, "report", "aggregate", *_period(info), "--out", str(tmp_path / "r.txt"),
                    *auth(), password=ADMIN_PASSWORD)
    assert wrong.returncode == 2 and ".csv or .pdf" in wrong.stderr


def test_vt_3_2_1_a_client_level_export_needs_an_explicit_destination(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """VT-3.2-1: only aggregate data is released by default, so ``export-hmis-csv``
    without ``--destination`` is refused in one sentence citing the clause."""
    info = vault_factory("vt")
    import_intake(info, example("vt"), tmp_path)
    out = tmp_path / "default.zip"
    refused = run_cli(info.data_dir, "export-hmis-csv", str(out), *auth(), password=ADMIN_PASSWORD)
    assert refused.returncode == 2, refused.stderr
    assert "(VT-3.2-1)" in refused.stderr and single_sentence(refused.stderr.strip())
    assert not out.exists()
    chosen = run_cli(info.data_dir, "export-hmis-csv", str(out), "--destination", "coc", *auth(),
                     password=ADMIN_PASSWORD)
    assert chosen.returncode in (0, 1), chosen.stderr  # written (the check may flag incomplete projects)
    assert out.exists()


def _audit_details(info: VaultInfo, action: str) -> list[dict[str, object]]:
    session = info.sign_in()
    try:
        return [json.loads(row[0]) for row in
                session.conn.execute("SELECT detail FROM audit_event WHERE action = ? ORDER BY seq", (action,))]
    finally:
        session.close()


def test_mo_dreq_1_an_outside_request_gets_de_identified_data(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """MO-DREQ-1: ``--destination outside`` writes no name, SSN or DOB, says so in the
    manifest beside the zip, and keeps the rows."""
    info = vault_factory("mo")
    import_intake(info, example("mo"), tmp_path)
    out = tmp_path / "request.zip"
    result = run_cli(info.data_dir, "export-hmis-csv", str(out), "--destination", "outside", "--json", *auth(),
                     password=ADMIN_PASSWORD)
    assert result.returncode in (0, 1), result.stderr
    files = read_export(out)
    assert len(files["Client"]) == 2 and all(withheld(row) for row in files["Client"])
    assert len(files["Enrollment"]) == 2
    assert b"Marlowe" not in zip_bytes(out) and b"Thistlewhorl" not in zip_bytes(out)
    assert b"1979-10-14" not in zip_bytes(out)
    manifest = json.loads(out.with_name("request.manifest.json").read_text("utf-8"))
    assert manifest["deidentified"] is True and manifest["coc_approval"] is None
    assert "DOB" in manifest["withheld"]["Client"] and manifest["kept"]
    (detail,) = _audit_details(info, "hmis_csv.exported")
    assert detail["destination"] == "outside" and detail["deidentified"] is True
    assert "Marlowe" not in json.dumps(detail) and str(out) not in json.dumps(detail)


def test_mo_dreq_1_identifying_data_without_coc_approval_is_refused(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """MO-DREQ-1: identifying client-level data for an outside entity without the CoC's
    approval reference is refused in one sentence naming the clause; nothing is written."""
    info = vault_factory("mo")
    import_intake(info, example("mo"), tmp_path)
    out = tmp_path / "request.zip"
    refused = run_cli(info.data_dir, "export-hmis-csv", str(out), "--destination", "outside", "--identifying",
                      *auth(), password=ADMIN_PASSWORD)
    assert refused.returncode == 2, refused.stderr
    assert "(MO-DREQ-1)" in refused.stderr and single_sentence(refused.stderr.strip())
    assert "Traceback" not in refused.stderr
    assert not out.exists() and not out.with_name("request.manifest.json").exists()
    assert _audit_details(info, "hmis_csv.exported") == []
    misplaced = run_cli(info.data_dir, "export-hmis-csv", str(out), "--destination", "coc", "--coc-approval",
                        "CoC-2026-14", *auth(), password=ADMIN_PASSWORD)
    assert misplaced.returncode == 2 and "outside" in misplaced.stderr and not out.exists()


def test_mo_dreq_1_identifying_data_with_coc_approval_records_the_reference(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """MO-DREQ-1: with ``--coc-approval`` the names go (as consent allows) and the
    reference is in the audit event and the manifest."""
    info = vault_factory("mo")
    import_intake(info, example("mo"), tmp_path)
    out = tmp_path / "approved.zip"
    result = run_cli(info.data_dir, "export-hmis-csv", str(out), "--destination", "outside", "--identifying",
                     "--coc-approval", "CoC-2026-14", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode in (0, 1), result.stderr
    assert "under CoC approval CoC-2026-14" in result.stdout
    clients = read_export(out)["Client"]
    assert "Marlowe" in {row["FirstName"] for row in clients}
    manifest = json.loads(out.with_name("approved.manifest.json").read_text("utf-8"))
    assert manifest["coc_approval"] == "CoC-2026-14" and manifest["deidentified"] is False
    (detail,) = _audit_details(info, "hmis_csv.exported")
    assert detail["coc_approval"] == "CoC-2026-14" and detail["deidentified"] is False

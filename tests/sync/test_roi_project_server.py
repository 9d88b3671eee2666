"""MO-ROI-6 at the central server: what a device syncs carries the project each ROI
covers, and the server's HMIS CSV export shares a project's rows by that project's ROI,
as the device's own export does. A real server on loopback; synthetic people only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from support import REPO_ROOT
from sync_support import ThreadServer
from test_hmis_csv_export import by_id
from test_server_export import export_with_cli, open_device, sync_all

from app.followup import record_service
from app.intake import parse_document, save_intake
from app.projects import add_project
from app.session import Session
from sync.hmis_csv.rows import csv_id

SECOND = "Outreach North"


@pytest.fixture
def vaults() -> Iterator[dict[str, Session]]:
    opened: dict[str, Session] = {}
    yield opened
    for session in opened.values():
        if session.vault.is_open:
            session.close()


def _example() -> dict:
    return json.loads((REPO_ROOT / "forms" / "intake" / "example-mo.json").read_text("utf-8"))


def test_mo_roi_6_the_server_export_shares_each_projects_rows_by_its_roi(
        live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session], tmp_path: Path) -> None:
    """MO-ROI-6: the client's Street Outreach ROI is Shared; a later ROI for a second
    project is Not Shared. The consent records reach the server naming their project;
    the server's CoC-wide file names the client (their Street Outreach enrollment is
    shared), keeps the Street Outreach service dated after the second ROI and leaves
    out the second project's enrollment."""
    session = open_device(vaults, tmp_path, "mo")
    first = save_intake(session, parse_document(_example()))
    head, outreach = first.personal_ids[0], first.enrollment_ids[0]
    second_id = add_project(session, SECOND, 4)
    doc = _example()
    doc.update(document_id="roi-project-second", project_id=SECOND, collected_at="2026-03-02T12:00:00Z")
    doc["consent"].update(signed_on="2026-03-02", sharing="not_shared", shared_with=[], shared_information=[])
    doc["members"] = doc["members"][:1]
    doc["members"][0]["link_personal_id"] = head
    doc["members"][0]["enrollment"].update(EntryDate="2026-03-02", DateOfEngagement="2026-03-02")
    second = save_intake(session, parse_document(doc)).enrollment_ids[0]
    service = record_service(session, outreach, date(2026, 3, 3), 142, 2)
    queued = [json.loads(r[0]) for r in session.conn.execute(
        "SELECT payload FROM outbox WHERE entity = 'consent' AND operation = 'create'")]
    assert sorted(p["covers_project_id"] == second_id for p in queued) == [False, False, True]
    sync_all(session, live_server)

    _summary, files = export_with_cli(server_db_url, tmp_path / "server.zip")
    client = by_id(files["Client"], "PersonalID")[csv_id(head)]
    assert client["FirstName"] == "Marlowe"
    assert csv_id(service) in {row["ServicesID"] for row in files["Services"]}
    exported = {row["EnrollmentID"] for row in files["Enrollment"]}
    assert csv_id(outreach) in exported and csv_id(second) not in exported

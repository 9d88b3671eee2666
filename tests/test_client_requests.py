"""A client's requests with their due dates (MO-RIGHTS-1: 5 business days; VT-3.4-7:
60 days) and corrections that mark and supplement without changing the original
(VT-3.4-8, MO-RIGHTS-2), through the real command."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from records_support import save_example
from support import ADMIN_PASSWORD, USER_PASSWORD, VaultInfo, add_ready_user, auth, run_cli, single_sentence

from app.corrections import business_days_after, due_date
from app.packs import load_pack


def test_mo_rights_1_a_copy_is_due_five_business_days_later() -> None:
    friday = date(2026, 12, 4)
    assert business_days_after(friday, 5) == date(2026, 12, 11)
    assert business_days_after(date(2026, 12, 5), 1) == date(2026, 12, 7)  # Saturday -> Monday
    assert due_date(load_pack("mo"), friday) == date(2026, 12, 11)


def test_vt_3_4_7_a_copy_is_due_within_sixty_days_and_ct_sets_no_deadline() -> None:
    assert due_date(load_pack("vt"), date(2026, 1, 1)) == date(2026, 3, 2)
    assert due_date(load_pack("ct"), date(2026, 1, 1)) is None


def test_mo_rights_1_request_log_warns_before_and_after_the_due_date(mo_vault: VaultInfo) -> None:
    pid = save_example(mo_vault).personal_ids[0]
    today = date.today()
    fresh = run_cli(mo_vault.data_dir, "request", "add", pid, "--kind", "record_copy", "--json", *auth(),
                    password=ADMIN_PASSWORD)
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.json()["due_on"] == business_days_after(today, 5).isoformat()
    late_day = (today - timedelta(days=14)).isoformat()
    late = run_cli(mo_vault.data_dir, "request", "add", pid, "--kind", "record_copy", "--received", late_day,
                   "--json", *auth(), password=ADMIN_PASSWORD).json()
    listed = run_cli(mo_vault.data_dir, "request", "list", "--open", "--json", *auth(), password=ADMIN_PASSWORD)
    by_id = {r["request_id"]: r for r in listed.json()}
    assert by_id[late["request_id"]]["overdue"] and not by_id[fresh.json()["request_id"]]["overdue"]
    text = run_cli(mo_vault.data_dir, "request", "list", *auth(), password=ADMIN_PASSWORD).stdout
    assert "OVERDUE" in text
    no_reason = run_cli(mo_vault.data_dir, "request", "close", late["request_id"], "--denied", *auth(),
                        password=ADMIN_PASSWORD)
    assert no_reason.returncode != 0 and single_sentence(no_reason.stderr)
    closed = run_cli(mo_vault.data_dir, "request", "close", late["request_id"], *auth(), password=ADMIN_PASSWORD)
    assert closed.returncode == 0, closed.stderr
    again = run_cli(mo_vault.data_dir, "request", "close", late["request_id"], *auth(), password=ADMIN_PASSWORD)
    assert again.returncode != 0 and single_sentence(again.stderr)
    future = run_cli(mo_vault.data_dir, "request", "add", pid, "--kind", "correction", "--received", "2999-01-01",
                     *auth(), password=ADMIN_PASSWORD)
    assert future.returncode != 0 and single_sentence(future.stderr)


@pytest.mark.parametrize("pack", ["vt", "mo"])
def test_vt_3_4_8_mo_rights_2_correction_marks_and_supplements_keeping_the_original(
        pack: str, vault_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    info: VaultInfo = vault_factory(pack)
    pid = save_example(info).personal_ids[0]
    session = info.sign_in()
    try:
        dob = session.conn.execute("SELECT dob FROM person WHERE personal_id = ?", (pid,)).fetchone()[0]
    finally:
        session.close()
    request = run_cli(info.data_dir, "request", "add", pid, "--kind", "correction", "--json", *auth(),
                      password=ADMIN_PASSWORD).json()["request_id"]
    added = run_cli(info.data_dir, "correction", "add", pid, "--field", "dob", "--marked", "inaccurate",
                    "--request", request, *auth(), stdin=f"{ADMIN_PASSWORD}\nThe client says 1979-10-15.\n")
    assert added.returncode == 0, added.stderr
    denied = run_cli(info.data_dir, "correction", "deny", pid, "--field", "last_name", "--reason",
                     "The ID shown matches the record", *auth(), password=ADMIN_PASSWORD)
    assert denied.returncode == 0, denied.stderr
    empty = run_cli(info.data_dir, "correction", "add", pid, "--field", "dob", "--marked", "incomplete", *auth(),
                    stdin=f"{ADMIN_PASSWORD}\n")
    assert empty.returncode != 0 and single_sentence(empty.stderr)
    session = info.sign_in()
    try:
        assert session.conn.execute("SELECT dob FROM person WHERE personal_id = ?", (pid,)).fetchone()[0] == dob
    finally:
        session.close()
    copy = tmp_path / "copy.pdf"
    assert run_cli(info.data_dir, "record-copy", pid, str(copy), *auth(), password=ADMIN_PASSWORD).returncode == 0
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(copy).pages))
    assert dob in text and "The client says 1979-10-15." in text and "inaccurate" in text
    assert "denied: The ID shown matches the record" in text
    history = run_cli(info.data_dir, "history", pid, "--json", *auth(), password=ADMIN_PASSWORD).json()
    assert sum(e["action"] == "correction.recorded" for e in history) == 2


def test_a_volunteer_cannot_record_corrections(vt_vault: VaultInfo) -> None:
    pid = save_example(vt_vault).personal_ids[0]
    add_ready_user(vt_vault, "val.volunteer", "volunteer")
    refused = run_cli(vt_vault.data_dir, "correction", "add", pid, "--field", "dob", "--marked", "inaccurate",
                      *auth("val.volunteer"), stdin=f"{USER_PASSWORD}\nSomething else.\n")
    assert refused.returncode != 0 and single_sentence(refused.stderr)


def test_mo_rights_1_the_coordinator_is_warned_the_day_before(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from support import make_vault

    from app.clock import FakeClock
    from app.corrections import list_requests, log_request

    clock = FakeClock(datetime(2026, 12, 4, 15, 0, tzinfo=UTC))  # a Friday
    info = make_vault(tmp_path / "mo", "mo", clock)
    pid = save_example(info).personal_ids[0]
    session = info.sign_in()
    try:
        log_request(session, pid, "record_copy", date(2026, 11, 27))  # due Friday 4 December: today
        log_request(session, pid, "record_copy", date(2026, 11, 30))  # due Monday 7 December
        log_request(session, pid, "record_copy", date(2026, 12, 4))   # due Friday 11 December
        views = list_requests(session, open_only=True)
    finally:
        session.close()
    assert [(v.due_on, v.due_soon, v.overdue) for v in views] == [
        ("2026-12-04", True, False), ("2026-12-07", False, False), ("2026-12-11", False, False)]


def test_vt_3_4_9_a_record_copy_is_denied_only_on_a_listed_ground_kept_in_the_record(vt_vault: VaultInfo) -> None:
    """VT-3.4-9: a request to see or copy the record may be denied only on the pack's four
    grounds; the ground and the reason are kept with the request in the client's record."""
    pid = save_example(vt_vault).personal_ids[0]
    request = run_cli(vt_vault.data_dir, "request", "add", pid, "--kind", "record_copy", "--json", *auth(),
                      password=ADMIN_PASSWORD).json()
    close = ["request", "close", request["request_id"], "--denied", "--reason", "Explained to the client in person."]
    for ground in ([], ["--ground", "too_busy"]):
        refused = run_cli(vt_vault.data_dir, *close, *ground, *auth(), password=ADMIN_PASSWORD)
        assert refused.returncode != 0 and single_sentence(refused.stderr), refused.stderr
        assert "repeated_or_harassing" in refused.stderr
    still_open = run_cli(vt_vault.data_dir, "request", "list", "--open", "--json", *auth(), password=ADMIN_PASSWORD)
    assert [r["request_id"] for r in still_open.json()] == [request["request_id"]]
    denied = run_cli(vt_vault.data_dir, *close, "--ground", "safety", *auth(), password=ADMIN_PASSWORD)
    assert denied.returncode == 0, denied.stderr
    (row,) = run_cli(vt_vault.data_dir, "request", "list", "--json", *auth(), password=ADMIN_PASSWORD).json()
    assert row["personal_id"] == pid and row["status"] == "denied"
    assert row["resolution"].startswith("Disclosure would reasonably endanger the life or physical safety")
    assert row["resolution"].endswith("Explained to the client in person.")
    assert load_pack("mo").client_rights.copy_denial_grounds == {}  # Missouri lists none: any stated reason

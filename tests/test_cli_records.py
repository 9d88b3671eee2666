"""The profile's actions from the headless command, driven as a real subprocess:
revoking and stopping sharing (MO-RIGHTS-4, VT-3.1-4), case notes (CT-404-1..3), a
record's history (CT-207-6) and the audit of searches (CT-207-12)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from records_support import save_example
from support import ADMIN_PASSWORD, USER_PASSWORD, VaultInfo, add_ready_user, auth, run_cli, single_sentence


def audit_rows(info: VaultInfo, action: str) -> list[tuple[str | None, str | None, dict]]:
    session = info.sign_in()
    try:
        return [(r[0], r[1], json.loads(r[2])) for r in session.conn.execute(
            "SELECT entity_id, user_id, detail FROM audit_event WHERE action = ? ORDER BY seq", (action,))]
    finally:
        session.close()


def consents(info: VaultInfo, pid: str, user: str = "quinn.admin", password: str = ADMIN_PASSWORD) -> list[dict]:
    result = run_cli(info.data_dir, "consent", "list", pid, "--json", *auth(user), password=password)
    assert result.returncode == 0, result.stderr
    return result.json()


def test_mo_rights_4_consent_revoke_revokes_the_household_roi_with_its_reason(mo_vault: VaultInfo) -> None:
    intake = save_example(mo_vault)
    head, child = intake.personal_ids
    result = run_cli(mo_vault.data_dir, "consent", "revoke", head, "--reason", "Moving out of state", "--json",
                     *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert len(result.json()["consent_ids"]) == 2  # MO-ROI-3: one ROI covers the household
    for pid in (head, child):
        (only,) = consents(mo_vault, pid)
        assert only["status"] == "revoked" and only["change"] == "revoked"
        assert only["change_reason"] == "Moving out of state"
    assert {row[0] for row in audit_rows(mo_vault, "consent.revoked")} == {head, child}
    again = run_cli(mo_vault.data_dir, "consent", "revoke", head, *auth(), password=ADMIN_PASSWORD)
    assert again.returncode != 0 and single_sentence(again.stderr), again.stderr
    # MO-ROI-10 / CT-207-1: with the ROI revoked no new note goes in.
    note = run_cli(mo_vault.data_dir, "note", "add", head, *auth(), stdin=f"{ADMIN_PASSWORD}\nMet again.\n")
    assert note.returncode != 0 and single_sentence(note.stderr), note.stderr


def test_vt_3_1_4_stop_sharing_switches_to_not_shared_and_entry_goes_on(vt_vault: VaultInfo) -> None:
    intake = save_example(vt_vault, sharing="shared", shared_with=["Vermont partner agencies"],
                          release_to_share_signed=True,
                          expires_on=(date.today() + timedelta(days=300)).isoformat())
    (pid,) = intake.personal_ids
    before = consents(vt_vault, pid)
    assert [c["sharing"] for c in before] == ["shared"]
    result = run_cli(vt_vault.data_dir, "consent", "stop-sharing", pid, "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    after = consents(vt_vault, pid)
    assert [(c["sharing"], c["status"]) for c in after] == [("not_shared", "current"), ("shared", "revoked")]
    assert after[1]["change"] == "stopped_sharing"
    assert after[0]["consent_id"] == result.json()["consent_ids"][0]
    again = run_cli(vt_vault.data_dir, "consent", "stop-sharing", pid, *auth(), password=ADMIN_PASSWORD)
    assert again.returncode != 0 and "already Not Shared" in again.stderr and single_sentence(again.stderr)
    note = run_cli(vt_vault.data_dir, "note", "add", pid, *auth(), stdin=f"{ADMIN_PASSWORD}\nStill here.\n")
    assert note.returncode == 0, note.stderr


def test_vt_3_1_4_a_volunteer_cannot_change_consent(vt_vault: VaultInfo) -> None:
    (pid,) = save_example(vt_vault).personal_ids
    add_ready_user(vt_vault, "val.volunteer", "volunteer")
    result = run_cli(vt_vault.data_dir, "consent", "revoke", pid, *auth("val.volunteer"), password=USER_PASSWORD)
    assert result.returncode != 0 and single_sentence(result.stderr), result.stderr
    assert consents(vt_vault, pid)[0]["status"] == "current"


def test_consent_change_refuses_bad_dates_and_unknown_people(ct_vault: VaultInfo) -> None:
    (pid,) = save_example(ct_vault).personal_ids
    for args in (("consent", "revoke", pid, "--effective", "next tuesday"),
                 ("consent", "revoke", pid, "--effective", "2999-01-01"),
                 ("consent", "revoke", pid, "--effective", "2001-01-01"),
                 ("consent", "stop-sharing", "no-such-person"),
                 ("consent", "list", "no-such-person"),
                 ("history", "no-such-person")):
        result = run_cli(ct_vault.data_dir, *args, *auth(), password=ADMIN_PASSWORD)
        assert result.returncode != 0, args
        assert single_sentence(result.stderr) and "Traceback" not in result.stderr, (args, result.stderr)
    assert consents(ct_vault, pid)[0]["status"] == "current"


def test_ct_404_1_note_add_reads_the_text_after_the_password_and_never_echoes_it(ct_vault: VaultInfo) -> None:
    (pid,) = save_example(ct_vault).personal_ids
    text = "Asked about the winter shelter list.\nSecond line of the note."
    result = run_cli(ct_vault.data_dir, "note", "add", pid, "--json", *auth(), stdin=f"{ADMIN_PASSWORD}\n{text}\n")
    assert result.returncode == 0, result.stderr
    note_id = result.json()["note_id"]
    assert "winter" not in result.stdout + result.stderr
    amend = run_cli(ct_vault.data_dir, "note", "add", pid, "--amends", note_id, *auth(),
                    stdin=f"{ADMIN_PASSWORD}\nCorrection: the spring list.\n")
    assert amend.returncode == 0, amend.stderr
    session = ct_vault.sign_in()
    try:
        rows = session.conn.execute("SELECT body, amends FROM case_note WHERE personal_id = ? ORDER BY rowid",
                                    (pid,)).fetchall()
    finally:
        session.close()
    assert rows == [(text, None), ("Correction: the spring list.", note_id)]  # the original stays (CT-404-1)
    empty = run_cli(ct_vault.data_dir, "note", "add", pid, *auth(), stdin=f"{ADMIN_PASSWORD}\n   \n")
    assert empty.returncode != 0 and single_sentence(empty.stderr), empty.stderr


def test_ct_404_2_ct_404_3_only_the_coordinator_requests_deletion_with_a_reason(ct_vault: VaultInfo) -> None:
    (pid,) = save_example(ct_vault).personal_ids
    note_id = run_cli(ct_vault.data_dir, "note", "add", pid, "--json", *auth(),
                      stdin=f"{ADMIN_PASSWORD}\nWrong client's note.\n").json()["note_id"]
    add_ready_user(ct_vault, "casey.case", "case_manager")
    add_ready_user(ct_vault, "dana.coord", "data_coordinator")
    refused = run_cli(ct_vault.data_dir, "note", "request-deletion", note_id, "--reason", "Wrong client",
                      *auth("casey.case"), password=USER_PASSWORD)
    assert refused.returncode != 0 and single_sentence(refused.stderr), refused.stderr
    no_reason = run_cli(ct_vault.data_dir, "note", "request-deletion", note_id, "--reason", " ",
                        *auth("dana.coord"), password=USER_PASSWORD)
    assert no_reason.returncode != 0 and single_sentence(no_reason.stderr), no_reason.stderr
    done = run_cli(ct_vault.data_dir, "note", "request-deletion", note_id, "--reason", "Wrong client", "--json",
                   *auth("dana.coord"), password=USER_PASSWORD)
    assert done.returncode == 0, done.stderr
    session = ct_vault.sign_in()
    try:
        row = session.conn.execute("SELECT note_id, personal_id, reason FROM note_deletion_request").fetchone()
        assert session.conn.execute("SELECT count(*) FROM case_note").fetchone()[0] == 1  # still there
    finally:
        session.close()
    assert tuple(row) == (note_id, pid, "Wrong client")  # CT-404-3: client id, note, reason
    assert [r[0] for r in audit_rows(ct_vault, "note.deletion_requested")] == [pid]


def test_ct_207_6_history_says_who_added_viewed_edited_and_exported(ct_vault: VaultInfo, tmp_path: Path) -> None:
    (pid,) = save_example(ct_vault).personal_ids
    add_ready_user(ct_vault, "casey.case", "case_manager")
    consents(ct_vault, pid, "casey.case", USER_PASSWORD)  # a view by another user
    run_cli(ct_vault.data_dir, "note", "add", pid, *auth("casey.case"), stdin=f"{USER_PASSWORD}\nA note.\n")
    export = run_cli(ct_vault.data_dir, "export-hmis-csv", str(tmp_path / "out.zip"), *auth(),
                     password=ADMIN_PASSWORD)
    assert export.returncode == 0, export.stderr
    result = run_cli(ct_vault.data_dir, "history", pid, "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    entries = result.json()
    seen = {(e["kind"], e["action"], e["user"]) for e in entries}
    assert ("added", "person.created", "Quinn.Admin") in seen or any(
        e["action"] == "person.created" for e in entries)
    assert ("viewed", "person.consents_viewed", "Casey.Case") in seen
    assert ("added", "note.added", "Casey.Case") in seen
    assert any(e["kind"] == "exported" for e in entries)
    assert [e["at"] for e in entries] == sorted(e["at"] for e in entries)
    text = run_cli(ct_vault.data_dir, "history", pid, *auth(), password=ADMIN_PASSWORD)
    assert "added a case note" in text.stdout and "Brackenfold" not in text.stdout
    # Reading the history is itself an access (CT-207-12).
    assert [r[0] for r in audit_rows(ct_vault, "person.history_viewed")] == [pid, pid]


def test_ct_207_12_search_is_audited_with_its_count_never_its_text(ct_vault: VaultInfo) -> None:
    save_example(ct_vault)
    found = run_cli(ct_vault.data_dir, "search", "Brackenfold", "--json", *auth(), password=ADMIN_PASSWORD)
    assert found.returncode == 0 and len(found.json()) == 1, found.stderr
    nobody = run_cli(ct_vault.data_dir, "search", "Zzyzxqua", *auth(), password=ADMIN_PASSWORD)
    assert nobody.returncode == 0
    rows = audit_rows(ct_vault, "client.searched")
    assert [r[2] for r in rows] == [{"results": 1}, {"results": 0}]
    assert rows[0][1] is not None  # the user
    session = ct_vault.sign_in()
    try:
        details = " ".join(r[0] for r in session.conn.execute("SELECT detail FROM audit_event"))
    finally:
        session.close()
    assert "Brackenfold" not in details and "Zzyzxqua" not in details

"""The client's copy of their record (MO-RIGHTS-1, VT-3.4-7) with who added, changed,
viewed, printed or exported it (CT-207-6), and the revocation notice (MO-RIGHTS-4),
made through the real command and parsed back with pypdf."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from records_support import save_example
from support import ADMIN_PASSWORD, PACKS, USER_PASSWORD, VaultInfo, add_ready_user, auth, run_cli, single_sentence


def flat_pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.mark.parametrize("pack", PACKS)
def test_ct_207_6_mo_rights_1_record_copy_holds_the_record_and_its_history(
        pack: str, vault_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    info: VaultInfo = vault_factory(pack)
    pid = save_example(info).personal_ids[0]
    add_ready_user(info, "casey.case", "case_manager")
    note = run_cli(info.data_dir, "note", "add", pid, "--json", *auth("casey.case"),
                   stdin=f"{USER_PASSWORD}\nAsked for the food pantry hours.\n")
    assert note.returncode == 0, note.stderr
    run_cli(info.data_dir, "history", pid, *auth("casey.case"), password=USER_PASSWORD)
    made = run_cli(info.data_dir, "record-copy", pid, str(tmp_path), "--json", *auth(), password=ADMIN_PASSWORD)
    assert made.returncode == 0, made.stderr
    path = Path(made.json()["file"])
    code = made.json()["verification_code"]
    assert path.name == f"record-copy-{code}.pdf"
    pages = flat_pages(path)
    whole = " ".join(pages)
    session = info.sign_in()
    try:
        first, last, dob = session.conn.execute("SELECT first_name, last_name, dob FROM person WHERE personal_id = ?",
                                                (pid,)).fetchone()
        project = session.conn.execute("SELECT p.name FROM enrollment e JOIN project p USING (project_id)"
                                       " WHERE e.personal_id = ?", (pid,)).fetchone()[0]
        event = session.conn.execute("SELECT detail FROM audit_event WHERE action = 'document.saved'").fetchone()
    finally:
        session.close()
    assert f"{first} {last}" in whole and dob in whole and project in whole
    assert "Asked for the food pantry hours." in whole
    # Who: the case manager added a note and read the history; the admin saved an intake.
    assert "Casey.Case added a case note" in whole and "Casey.Case read this history" in whole
    assert "saved an intake" in whole
    assert all(code in page for page in pages)
    meta = PdfReader(path).metadata
    described = " ".join(str(meta.get(k, "")) for k in ("/Title", "/Subject", "/Author", "/Keywords"))
    assert first not in described and last not in described and pid not in described
    assert event is not None and "record_copy" in event[0]
    # The copy itself is in the next history.
    history = run_cli(info.data_dir, "history", pid, "--json", *auth(), password=ADMIN_PASSWORD).json()
    assert any(e["action"] == "document.saved" and e["detail"].get("document") == "record_copy" for e in history)


def test_record_copy_needs_client_print_record(vt_vault: VaultInfo, tmp_path: Path) -> None:
    pid = save_example(vt_vault).personal_ids[0]
    add_ready_user(vt_vault, "val.volunteer", "volunteer")
    refused = run_cli(vt_vault.data_dir, "record-copy", pid, str(tmp_path / "c.pdf"), *auth("val.volunteer"),
                      password=USER_PASSWORD)
    assert refused.returncode != 0 and single_sentence(refused.stderr) and not (tmp_path / "c.pdf").exists()
    unknown = run_cli(vt_vault.data_dir, "record-copy", "nobody", str(tmp_path / "c.pdf"), *auth(),
                      password=ADMIN_PASSWORD)
    assert unknown.returncode != 0 and single_sentence(unknown.stderr)


def test_mo_rights_4_revoke_prints_a_notice_with_the_effective_date(mo_vault: VaultInfo, tmp_path: Path) -> None:
    pid = save_example(mo_vault).personal_ids[0]
    result = run_cli(mo_vault.data_dir, "consent", "revoke", pid, "--reason", "Client asked at the front desk",
                     "--notice", str(tmp_path), "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    notice = Path(result.json()["notice"])
    effective = result.json()["effective"]
    whole = " ".join(flat_pages(notice))
    assert "Notice of revocation of consent" in whole and effective in whole
    assert "Client asked at the front desk" in whole
    code = notice.stem.removeprefix("revocation-notice-")
    assert code in whole
    checked = run_cli(mo_vault.data_dir, "consent", "verify", code, "--json", *auth(), password=ADMIN_PASSWORD)
    assert checked.returncode == 0 and checked.json()["kind"] == "revocation_notice", checked.stdout
    # The record copy shows the revocation and its reason.
    made = run_cli(mo_vault.data_dir, "record-copy", pid, str(tmp_path / "copy.pdf"), *auth(), password=ADMIN_PASSWORD)
    assert made.returncode == 0, made.stderr
    copy = " ".join(flat_pages(tmp_path / "copy.pdf"))
    assert f"revoked {effective} (Client asked at the front desk)" in copy
    # A bad --notice changes nothing.
    other = save_example(mo_vault).personal_ids[0]
    bad = run_cli(mo_vault.data_dir, "consent", "revoke", other, "--notice", str(tmp_path / "n.txt"), *auth(),
                  password=ADMIN_PASSWORD)
    assert bad.returncode != 0 and single_sentence(bad.stderr)
    listed = run_cli(mo_vault.data_dir, "consent", "list", other, "--json", *auth(), password=ADMIN_PASSWORD)
    assert listed.json()[0]["status"] == "current"


def test_pdf_bytes_parse_back(mo_vault: VaultInfo) -> None:
    """The vault's PDFs are real PDFs pypdf reads without warnings of damage."""
    from app.documents.service import blank_consent_document

    session = mo_vault.sign_in()
    try:
        document = blank_consent_document(session)
    finally:
        session.close()
    reader = PdfReader(io.BytesIO(document.pdf), strict=True)
    assert len(reader.pages) >= 2

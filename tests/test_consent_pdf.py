"""The consent / release-of-information form as a PDF, for each pack and language,
parsed back with pypdf: the texts shown with their version and SHA-256, the choices,
the expiry, the signature image or "Verbal Consent" (MO-ROI-9), the household covered
(MO-ROI-3), the grievance contact (MO-RIGHTS-6), the verification code on every page,
and no personal data in the metadata or the file name."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from records_support import consent_ids, save_example, tiny_png
from support import (
    ADMIN_PASSWORD,
    AGENCY,
    PACKS,
    USER_PASSWORD,
    VaultInfo,
    add_ready_user,
    auth,
    make_vault,
    run_cli,
    single_sentence,
)

from app.catalog import load_consent_texts
from app.documents.consent_form import consent_form
from app.documents.labels import labels
from app.documents.service import blank_consent_document, consent_document
from app.vault.connection import transaction

LANGS = ("en", "es")
NOT_RECORDED = {"en": "text version not recorded", "es": "versión del texto no registrada"}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pages_text(pdf: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def personal_values(info: VaultInfo) -> list[str]:
    session = info.sign_in()
    try:
        rows = session.conn.execute("SELECT personal_id, first_name, last_name, dob FROM person").fetchall()
    finally:
        session.close()
    return [str(v) for row in rows for v in row if v]


@pytest.fixture(scope="module")
def households(tmp_path_factory: pytest.TempPathFactory) -> dict[str, VaultInfo]:
    made = {}
    for pack in PACKS:
        info = make_vault(tmp_path_factory.mktemp(pack) / "data", pack)
        save_example(info, signature_png=None if pack == "mo" else tiny_png())
        made[pack] = info
    return made


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("pack", PACKS)
def test_mo_roi_9_ct_207_9_consent_pdf_holds_texts_choices_signature_and_code(
        households: dict[str, VaultInfo], pack: str, lang: str) -> None:
    info = households[pack]
    session = info.sign_in()
    try:
        head = session.conn.execute("SELECT personal_id FROM enrollment WHERE relationship_to_hoh = 1").fetchone()[0]
        consent_id = consent_ids(info, head)[0]
        document = consent_document(session, consent_id, lang)
        form = consent_form(session, consent_id, lang)
        members = session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        session.close()
    reader = PdfReader(io.BytesIO(document.pdf))
    pages = pages_text(document.pdf)
    whole = " ".join(pages)
    texts = load_consent_texts(pack, lang)
    # The exact texts shown, with their id and hash as the consent recorded them.
    assert flat(form.consent_text.title) in whole and flat(form.script.title) in whole
    assert flat(texts.revocation.body[0].replace("{agency}", AGENCY)) in whole
    assert form.consent_text.sha256 in whole and form.script.sha256 in whole
    assert NOT_RECORDED[lang] not in whole, "the consent record names its text versions"
    # The choices: sharing level, expiry, who it is shared with.
    assert flat(form.sharing_label) in whole and (form.ends_on or labels(lang)["no_end"]) in whole
    # The signature image, or the pack's "Verbal Consent" line (MO-ROI-9).
    images = sum(len(page.images) for page in reader.pages)
    if form.method == "verbal":
        assert "Verbal Consent" in whole and images == 0
    else:
        assert images == 1
    # The household covered (MO-ROI-3), the grievance contact (MO-RIGHTS-6).
    assert len(form.members) == members and all(flat(m.name) in whole for m in form.members)
    assert flat(form.grievance_contact) in whole
    # Letter pages, each with the code and "N of M".
    assert all(page.mediabox.width == 612 and page.mediabox.height == 792 for page in reader.pages)
    assert all(document.code in page for page in pages)
    assert re.search(r"\b1\b.*\b" + str(len(pages)) + r"\b", pages[0])
    # No personal data in the metadata or the suggested file name.
    meta = reader.metadata
    described = " ".join(str(meta.get(k, "")) for k in ("/Title", "/Subject", "/Author", "/Keywords"))
    for value in personal_values(info):
        assert value not in described and value not in document.file_name
    assert meta.get("/Title") and document.file_name.endswith(f"{document.code}.pdf")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("pack", PACKS)
def test_blank_form_has_the_same_texts_and_empty_fields(households: dict[str, VaultInfo], pack: str,
                                                         lang: str) -> None:
    session = households[pack].sign_in()
    try:
        document = blank_consent_document(session, lang)
    finally:
        session.close()
    pages = pages_text(document.pdf)
    whole = " ".join(pages)
    texts = load_consent_texts(pack, lang)
    assert flat(texts.revocation.body[0].replace("{agency}", AGENCY)) in whole and "[ ]" in whole and "____" in whole
    assert flat(texts.verbal.signature_line) in whole
    assert all(document.code in page for page in pages)
    for value in personal_values(households[pack]):
        assert value not in whole


def test_consent_pdf_list_and_verify_from_the_command(mo_vault: VaultInfo, tmp_path: Path) -> None:
    head = save_example(mo_vault).personal_ids[0]
    listed = run_cli(mo_vault.data_dir, "consent", "list", head, "--json", *auth(), password=ADMIN_PASSWORD)
    assert listed.returncode == 0, listed.stderr
    (consent,) = listed.json()
    code = consent["verification_code"]
    made = run_cli(mo_vault.data_dir, "consent", "pdf", consent["consent_id"], str(tmp_path), "--json", *auth(),
                   password=ADMIN_PASSWORD)
    assert made.returncode == 0, made.stderr
    saved = Path(made.json()["file"])
    assert saved.parent == tmp_path and saved.name == f"consent-form-{code}.pdf"
    assert all(code in page for page in pages_text(saved.read_bytes()))
    typed = code.lower().replace("-", " ")
    checked = run_cli(mo_vault.data_dir, "consent", "verify", typed, "--json", *auth(), password=ADMIN_PASSWORD)
    assert checked.returncode == 0, checked.stderr
    assert checked.json()["consent_id"] == consent["consent_id"] and checked.json()["matches"]
    # A revoked consent's copy still verifies, and the check says it was revoked.
    run_cli(mo_vault.data_dir, "consent", "revoke", head, *auth(), password=ADMIN_PASSWORD)
    after = run_cli(mo_vault.data_dir, "consent", "verify", code, "--json", *auth(), password=ADMIN_PASSWORD)
    assert after.json()["status"] == "revoked" and after.json()["matches"]
    unknown = run_cli(mo_vault.data_dir, "consent", "verify", "00000-00000", *auth(), password=ADMIN_PASSWORD)
    assert unknown.returncode == 1 and "No document" in unknown.stdout
    garbage = run_cli(mo_vault.data_dir, "consent", "verify", "hello", *auth(), password=ADMIN_PASSWORD)
    assert garbage.returncode != 0 and single_sentence(garbage.stderr), garbage.stderr
    # Saving is an audit event against the person, naming the document, not its content.
    session = mo_vault.sign_in()
    try:
        events = session.conn.execute("SELECT entity_id, detail FROM audit_event WHERE action = 'document.saved'")
        (entity_id, detail), = events.fetchall()
    finally:
        session.close()
    assert entity_id == head and json.loads(detail) == {"document": "consent_form", "code": code,
                                                         "consent_id": consent["consent_id"]}


def test_only_roles_with_consent_print_make_the_pdf(mo_vault: VaultInfo, tmp_path: Path) -> None:
    head = save_example(mo_vault).personal_ids[0]
    consent_id = consent_ids(mo_vault, head)[0]
    add_ready_user(mo_vault, "val.volunteer", "volunteer")
    refused = run_cli(mo_vault.data_dir, "consent", "pdf", consent_id, str(tmp_path / "x.pdf"),
                      *auth("val.volunteer"), password=USER_PASSWORD)
    assert refused.returncode != 0 and single_sentence(refused.stderr) and not (tmp_path / "x.pdf").exists()
    for bad in ((consent_id, str(tmp_path / "x.txt")), ("no-such-consent", str(tmp_path / "y.pdf")),
                (consent_id, str(tmp_path / "z.pdf"), "--lang", "fr")):
        result = run_cli(mo_vault.data_dir, "consent", "pdf", *bad, *auth(), password=ADMIN_PASSWORD)
        assert result.returncode != 0 and single_sentence(result.stderr), (bad, result.stderr)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.txt")) == []


def test_names_beyond_latin_1_print_as_written_where_the_system_has_a_wide_font() -> None:
    from app.documents import pdf_common

    if pdf_common.REGULAR == "Helvetica":
        pytest.skip("no wide TrueType font on this system; the PDF falls back to Helvetica (Latin-1)")
    pdf = pdf_common.build_pdf([pdf_common.p("Nguyễn Thị Ánh, Łucja Żółć")],
                               pdf_common.PageFrame("Agency", "Code", "X", "Page {page} of {pages}"), "t", "s", "k")
    assert "Nguyễn Thị Ánh, Łucja Żółć" in pages_text(pdf)[0]


def test_mo_rights_6_the_grievance_contact_set_by_the_administrator_is_on_the_form(mo_vault: VaultInfo,
                                                                                   tmp_path: Path) -> None:
    head = save_example(mo_vault).personal_ids[0]
    contact = "Jo Examplar, Client Rights Officer, 555-0100"
    result = run_cli(mo_vault.data_dir, "consent", "contacts", "--grievance-contact", contact,
                     "--agency-contact", "12 Sample Street, 555-0199", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    add_ready_user(mo_vault, "casey.case", "case_manager")
    refused = run_cli(mo_vault.data_dir, "consent", "contacts", "--grievance-contact", "x",
                      *auth("casey.case"), password=USER_PASSWORD)
    assert refused.returncode != 0 and single_sentence(refused.stderr)
    made = run_cli(mo_vault.data_dir, "consent", "pdf", consent_ids(mo_vault, head)[0], str(tmp_path / "f.pdf"),
                   *auth(), password=ADMIN_PASSWORD)
    assert made.returncode == 0, made.stderr
    whole = " ".join(pages_text((tmp_path / "f.pdf").read_bytes()))
    assert contact in whole and "12 Sample Street, 555-0199" in whole


def test_recorded_text_versions_and_choices_print_when_the_vault_has_them(mo_vault: VaultInfo) -> None:
    """A vault with the newer consent columns (the names the consent record uses) prints
    the recorded script and text ids, versions and hashes, the signer and the choices,
    instead of "not recorded"; the code changes with the recorded hash."""
    head = save_example(mo_vault).personal_ids[0]
    consent_id = consent_ids(mo_vault, head)[0]
    session = mo_vault.sign_in()
    try:
        before = consent_form(session, consent_id).verification_code
        with transaction(session.conn) as conn:
            conn.execute(
                "UPDATE consent SET signer = 'guardian', guardian_name = 'Rowan Examplar', language = 'es',"
                " script_id = 'mo/es/oral_explanation', script_version = '2026-01', script_sha256 = ?,"
                " consent_text_id = 'mo/es/consent', consent_text_version = '2026-02', consent_text_sha256 = ?,"
                " shared_information = ?, first_contact_by_phone = 0,"
                " release_to_share_signed = 1 WHERE consent_id = ?",
                ("a" * 64, "b" * 64, '["name, date of birth, services"]', consent_id))
        form = consent_form(session, consent_id)
        document = consent_document(session, consent_id)
    finally:
        session.close()
    whole = " ".join(pages_text(document.pdf))
    assert form.lang == "es" and form.verification_code != before
    assert "a" * 64 in whole and "b" * 64 in whole and "2026-01" in whole and "2026-02" in whole
    assert NOT_RECORDED["es"] not in whole
    assert "Rowan Examplar" in whole and "padre, madre o tutor de un menor" in whole
    assert "name, date of birth, services" in whole and '["name' not in whole, "the phrases, not their JSON"

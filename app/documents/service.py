"""Making, saving and checking documents as a signed-in user.

Only roles with ``consent.print`` make consent forms and revocation notices; only
roles with ``client.print_record`` make the client's copy of their record. Printing,
saving and previewing are audit events (CT-207-12) against the person, naming the
kind of document and its code, never its content; every issued code is kept in
``issued_document`` so ``verify`` can check a paper copy later. Suggested file names
carry the kind of document and its code only (no personal data in a name).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.errors import UserFacingError
from app.fileio import atomic_write_bytes
from app.session import Session
from app.vault.connection import transaction

CONSENT_PRINT = "consent.print"
RECORD_PRINT = "client.print_record"
Event = Literal["printed", "saved", "previewed"]


@dataclass(frozen=True)
class Document:
    kind: str  # consent_form, blank_consent_form, record_copy, revocation_notice
    pdf: bytes
    code: str
    personal_id: str | None
    subject_id: str | None  # the consent id, or the person's for a record copy
    texts_sha256: str | None = None

    @property
    def file_name(self) -> str:
        return f"{self.kind.replace('_', '-')}-{self.code}.pdf"


def check_language(session: Session, lang: str | None) -> None:
    from app.catalog import available_languages

    shipped = available_languages(session.pack.id)
    if lang is not None and lang not in shipped:
        raise UserFacingError(f"The {session.pack.id} forms come in {', '.join(shipped)}, not {lang!r}.")


def consent_document(session: Session, consent_id: str, lang: str | None = None) -> Document:
    from app.documents.consent_form import consent_form
    from app.documents.consent_pdf import render_consent_pdf

    session.require(CONSENT_PRINT)
    check_language(session, lang)
    form = consent_form(session, consent_id, lang)
    session.require_no_conflict(str(form.personal_id), editing=False)
    return Document("consent_form", render_consent_pdf(form), form.verification_code, form.personal_id,
                    consent_id, form.texts_sha256)


def blank_consent_document(session: Session, lang: str | None = None) -> Document:
    from app.documents.consent_form import blank_form
    from app.documents.consent_pdf import render_consent_pdf

    session.require(CONSENT_PRINT)
    check_language(session, lang)
    form = blank_form(session, lang)
    return Document("blank_consent_form", render_consent_pdf(form), form.verification_code, None, None,
                    form.texts_sha256)


def record_event(session: Session, document: Document, event: Event, copies: int = 1) -> None:
    """Audit one print, save or preview and keep the document's code."""
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT OR IGNORE INTO issued_document (code, kind, subject_id, personal_id, texts_sha256, issued_at,"
            " issued_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (document.code, document.kind, document.subject_id or "", document.personal_id, document.texts_sha256,
             session.clock.now().isoformat(timespec="seconds"), session.user.user_id),
        )
        detail: dict[str, object] = {"document": document.kind, "code": document.code}
        if document.kind in ("consent_form", "revocation_notice") and document.subject_id:
            detail["consent_id"] = document.subject_id
        if event == "printed":
            detail["copies"] = copies
        entity, entity_id = ("person", document.personal_id) if document.personal_id else ("document", document.kind)
        session.audit(f"document.{event}", entity, entity_id, detail)


def save_document(session: Session, document: Document, path: Path) -> Path:
    """Write the PDF where the user chose (atomically) and audit it."""
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / document.file_name
    if path.suffix.lower() != ".pdf":
        raise UserFacingError("Give the file a name ending in .pdf.")
    try:
        atomic_write_bytes(path, document.pdf)
    except OSError as exc:
        raise UserFacingError(f"Could not write the PDF there ({exc.strerror or 'error'}); choose another folder.") \
            from None
    record_event(session, document, "saved")
    return path


def record_copy_document(session: Session, personal_id: str, lang: str | None = None) -> Document:
    """The client's copy of everything held about them (MO-RIGHTS-1, VT-3.4-7, CT-207-6)."""
    from app.documents.record_copy import gather_record
    from app.documents.record_pdf import render_record_pdf

    session.require(RECORD_PRINT)
    session.require("client.view_full")
    check_language(session, lang)
    session.require_no_conflict(personal_id, editing=False)
    copy = gather_record(session, personal_id, lang)
    return Document("record_copy", render_record_pdf(copy), copy.verification_code, personal_id, personal_id)


def revocation_document(session: Session, consent_id: str, lang: str | None = None) -> Document:
    """A notice of a consent's revocation, with its effective date (MO-RIGHTS-4)."""
    import hashlib

    from app.catalog import load_consent_texts
    from app.documents.consent_form import _fill, consent_form, form_language
    from app.documents.labels import labels
    from app.documents.record_pdf import render_revocation_pdf
    from app.documents.verification import code_from_digest

    session.require(CONSENT_PRINT)
    check_language(session, lang)
    form = consent_form(session, consent_id, lang)
    session.require_no_conflict(str(form.personal_id), editing=False)
    change = session.conn.execute(
        "SELECT kind, effective_on, reason, recorded_by FROM consent_change WHERE consent_id = ?"
        " ORDER BY recorded_at DESC LIMIT 1", (consent_id,)).fetchone()
    revoked = session.conn.execute("SELECT revoked_at FROM consent WHERE consent_id = ?", (consent_id,)).fetchone()
    if not (revoked and revoked[0]):
        raise UserFacingError("This consent has not been revoked.")
    lang = form_language(session.pack.id, lang or form.lang)
    words = labels(lang)
    recorder = session.conn.execute("SELECT display_name FROM app_user WHERE user_id = ?",
                                    (change[3] if change else "",)).fetchone()
    rows = [(words["agency"], form.agency), (words["revocation_covers"], ", ".join(m.name for m in form.members)),
            (words["signed_on"], str(form.signed_on)), (words["method"], words.get(f"method_{form.method}", "")),
            (words["revocation_effective"], str(revoked[0])),
            (words["revocation_reason"], (change[2] if change and change[2] else words["unknown"])),
            (words["revocation_recorded"], recorder[0] if recorder else words["unknown"])]
    texts = load_consent_texts(session.pack.id, lang)
    digest = hashlib.sha256(f"revocation:{consent_id}:{revoked[0]}:{form.verification_code}".encode()).hexdigest()
    code = code_from_digest(digest)
    values = {"agency": form.agency, "grievance_contact": form.grievance_contact}
    body = [_fill(text, values) for text in texts.revocation.body]
    pdf = render_revocation_pdf(lang, form.agency, rows, code, body, _fill(texts.revocation.title, values))
    return Document("revocation_notice", pdf, code, form.personal_id, consent_id)


def set_contacts(session: Session, agency_contact: str | None, grievance_contact: str | None) -> dict[str, str | None]:
    """The agency's contact details and its grievance contact (MO-RIGHTS-6: a named
    contact with contact details) printed on every consent form; empty text clears one.
    Administrators only (device.configure)."""
    from app.documents.consent_form import AGENCY_CONTACT_KEY, GRIEVANCE_CONTACT_KEY, setting

    session.require("device.configure")
    changes = {AGENCY_CONTACT_KEY: agency_contact, GRIEVANCE_CONTACT_KEY: grievance_contact}
    for value in changes.values():
        if value is not None and len(value.strip()) > 300:
            raise UserFacingError("A contact is longer than 300 characters; shorten it.")
    with transaction(session.conn) as conn:
        for key, value in changes.items():
            if value is None:
                continue
            if value.strip():
                conn.execute("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
                             " value = excluded.value", (key, value.strip()))
            else:
                conn.execute("DELETE FROM setting WHERE key = ?", (key,))
        session.audit("documents.contacts_set", "device", None,
                      {"changed": sorted(k for k, v in changes.items() if v is not None)})
    return {key: setting(session.conn, key) for key in changes}

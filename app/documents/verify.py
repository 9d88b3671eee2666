"""Check a paper copy's verification code against the vault (``hmis-intake consent
verify CODE``): which consent it was printed from, whether the record and the texts
still give the same code, and whether the consent was revoked since."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from app.documents.verification import normalize_code
from app.errors import UserFacingError
from app.session import Session
from app.vault.connection import transaction


@dataclass(frozen=True)
class Verification:
    code: str
    found: bool
    kind: str | None = None
    consent_id: str | None = None
    personal_id: str | None = None
    signed_on: str | None = None
    method: str | None = None
    status: str | None = None
    matches: bool = False  # the record and texts today give the same code
    issued_at: str | None = None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def consent_code_for(session: Session, consent_id: str) -> str:
    from app.documents.consent_form import consent_form

    return consent_form(session, consent_id).verification_code


def _result(session: Session, code: str, consent_id: str, kind: str, issued_at: str | None) -> Verification:
    from app.documents.consent_form import consent_form

    form = consent_form(session, consent_id)
    return Verification(code, True, kind, consent_id, form.personal_id, form.signed_on, form.method, form.status,
                        form.verification_code == code, issued_at)


def verify_code(session: Session, text: str) -> Verification:
    session.require("client.view_full")
    code = normalize_code(text)
    if code is None:
        raise UserFacingError("That is not a verification code; a code has 10 letters and digits, like 7K3QH-2MXA9.")
    conn = session.conn
    result = Verification(code, False)
    issued = conn.execute("SELECT kind, subject_id, personal_id, issued_at FROM issued_document WHERE code = ?"
                          " ORDER BY issued_at LIMIT 1", (code,)).fetchone()
    if issued is not None:
        kind, subject, personal_id, issued_at = issued
        exists = subject and conn.execute("SELECT 1 FROM consent WHERE consent_id = ?", (subject,)).fetchone()
        if kind == "consent_form" and exists:
            result = _result(session, code, subject, kind, issued_at)
        elif kind == "revocation_notice" and exists:
            found = _result(session, code, subject, kind, issued_at)
            result = Verification(code, True, kind, subject, found.personal_id, found.signed_on, found.method,
                                  found.status, found.status == "revoked", issued_at)
        else:
            result = Verification(code, True, kind, None, personal_id, issued_at=issued_at, matches=True)
    else:
        for (consent_id,) in conn.execute("SELECT consent_id FROM consent ORDER BY created_at DESC").fetchall():
            if consent_code_for(session, consent_id) == code:
                result = _result(session, code, consent_id, "consent_form", None)
                break
    with transaction(conn):
        session.audit("document.verified", "person" if result.personal_id else None, result.personal_id,
                      {"code": code, "found": result.found})
    return result

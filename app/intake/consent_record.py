"""What a stored consent keeps beyond method, sharing and dates (schema 8).

Both an intake (``app.intake.save``) and a new consent on the profile
(``app.consents.record_consent``) store a consent row with every fact that made it
valid: phone first contact (CT-207-7), the separate release (CT-207-8), the DV
permissions (VT-3.4-2), who signed and emancipation (VT-3.4-14), the language, what
is shared, and the id, version and SHA-256 of the exact oral-explanation script and
consent text shown. The texts are rendered again here from the same pack, language
and choices as the wizard showed them (``app.catalog.render_consent_text``), so a
consent whose document names other versions or hashes than this device renders is
refused, not stored under a text nobody saw.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.catalog import ConsentChoices, TextParties, render_consent_text, render_script_text
from app.catalog.rendering import RenderedText
from app.errors import UserFacingError
from app.intake.document import ConsentInput, IntakeDocument, MemberInput
from app.packs import Pack
from app.rules.consent import roi_expiry
from app.session import Session
from app.vault.connection import Connection

#: The schema-8 consent columns, in the order the migration adds them.
RECORD_COLUMNS = (
    "shared_information", "first_contact_by_phone", "release_to_share_signed", "possible_dv_victim",
    "dv_permission_to_enter", "dv_permission_to_share", "signer", "guardian_name", "emancipated", "language",
    "script_id", "script_version", "script_sha256", "consent_text_id", "consent_text_version",
    "consent_text_sha256", "consent_time",
)


class TextsNotShown(UserFacingError):
    """The consent names a script or consent text this device does not render."""

    exit_code = 11


@dataclass(frozen=True)
class TextMismatch:
    """A document's stated text version or hash that this device does not render."""

    field: str
    message: str


def client_name(client: dict[str, Any]) -> str:
    return " ".join(str(client[k]).strip() for k in ("FirstName", "LastName")
                    if isinstance(client.get(k), str) and client[k].strip())


def person_name(conn: Connection, personal_id: str) -> str:
    row = conn.execute("SELECT first_name, last_name FROM person WHERE personal_id = ?", (personal_id,)).fetchone()
    return " ".join(str(part).strip() for part in (row or ()) if part and str(part).strip())


def texts_for(pack_id: str, consent: ConsentInput, *, language: str, parties: TextParties,
              expires_on: date | None, script_acknowledged: bool) -> tuple[RenderedText | None, RenderedText]:
    """The script (None when it was not acknowledged) and consent text a consent is
    given under. ``expires_on`` is the expiry it is stored with (the date chosen, or
    the pack's fixed term); a declined consent shows none."""
    script = render_script_text(pack_id, language, parties) if script_acknowledged else None
    choices = ConsentChoices(
        method=consent.method, sharing=consent.sharing, signed_on=consent.signed_on,
        shared_with=consent.shared_with, shared_information=consent.shared_information,
        expires_on=None if consent.method == "declined" else expires_on, witness=consent.witness,
        consent_time=consent.consent_time,
    )
    return script, render_consent_text(pack_id, language, choices, parties)


def signer_name(doc: IntakeDocument, member: MemberInput) -> str:
    """Whose consent text it is: a member's own consent names them; the household's
    consent names the head of household who gave it."""
    if member.consent is not None:
        return client_name(member.client)
    head = next((m for m in doc.members if m.relationship == 1), doc.members[0])
    return client_name(head.client)


def intake_texts(pack: Pack, doc: IntakeDocument, agency: str, staff_name: str,
                 member_index: int | None = None) -> tuple[RenderedText | None, RenderedText] | None:
    """The oral explanation and consent text of an intake exactly as ``save_intake``
    renders and hashes them: the household's consent (``member_index`` None) or one
    member's own. For the wizard, to show before the signature; None when there is
    no such consent. ``agency`` and ``staff_name`` as the session has them
    (``settings.agency_name``, ``user.display_name``)."""
    if member_index is None:
        consent = doc.consent
        member = next((m for m in doc.members if m.relationship == 1), doc.members[0])
    else:
        member = doc.members[member_index]
        consent = member.consent
    if consent is None:
        return None
    expires = consent.expires_on or roi_expiry(pack, consent.signed_on)
    parties = TextParties(agency=agency, staff_name=staff_name, client_name=signer_name(doc, member))
    return texts_for(pack.id, consent, language=consent.language or doc.language, parties=parties,
                     expires_on=expires, script_acknowledged=doc.script_acknowledged)


def shown_texts(session: Session, consent: ConsentInput, language: str, name: str,
                expires_on: date | None, script_acknowledged: bool) -> tuple[RenderedText | None, RenderedText]:
    """:func:`texts_for` with the session's agency and staff member."""
    parties = TextParties(agency=session.settings.agency_name or "", staff_name=session.user.display_name,
                          client_name=name)
    return texts_for(session.pack.id, consent, language=language, parties=parties, expires_on=expires_on,
                     script_acknowledged=script_acknowledged)


def mismatches(consent: ConsentInput, script: RenderedText | None, text: RenderedText) -> list[TextMismatch]:
    """Where the versions or hashes a document states differ from the texts rendered here."""
    found: list[TextMismatch] = []
    stated = (
        ("consent_text_version", consent.consent_text_version, text.version),
        ("consent_text_sha256", consent.consent_text_sha256, text.sha256),
        ("script_version", consent.script_version, script.version if script else None),
        ("script_sha256", consent.script_sha256, script.sha256 if script else None),
    )
    for field, given, here in stated:
        if given is not None and given != here:
            what = "consent text" if field.startswith("consent") else "oral explanation"
            found.append(TextMismatch(field, f"The {what} shown is not the one this device holds "
                                             f"({here or 'none, as the explanation was not acknowledged'}); "
                                             "show the current text to the client again."))
    return found


def record_columns(session: Session, consent: ConsentInput, *, language: str, name: str, emancipated: bool,
                   expires_on: date | None, script_acknowledged: bool) -> dict[str, Any]:
    """The schema-8 columns of one consent row (see :data:`RECORD_COLUMNS`)."""
    lang = consent.language or language
    script, text = shown_texts(session, consent, lang, name, expires_on, script_acknowledged)
    wrong = mismatches(consent, script, text)
    if wrong:
        raise TextsNotShown(wrong[0].message)
    information = [s.strip() for s in consent.shared_information if s.strip()]
    if not information and consent.sharing == "shared" and consent.method != "declined":
        from app.catalog import load_consent_texts

        default = load_consent_texts(session.pack.id, lang).sharing.information
        information = [default] if default else []
    guardian = consent.signer_is_guardian
    return {
        "shared_information": json.dumps(information, ensure_ascii=False),
        "first_contact_by_phone": int(consent.first_contact_by_phone),
        "release_to_share_signed": int(consent.release_to_share_signed),
        "possible_dv_victim": int(consent.possible_dv_victim),
        "dv_permission_to_enter": int(consent.dv_permission_to_enter),
        "dv_permission_to_share": int(consent.dv_permission_to_share),
        "signer": "guardian" if guardian else "client",
        "guardian_name": (consent.guardian_name or None) if guardian else None,
        "emancipated": int(emancipated),
        "language": lang,
        "script_id": script.text_id if script else None,
        "script_version": script.version if script else None,
        "script_sha256": script.sha256 if script else None,
        "consent_text_id": text.text_id,
        "consent_text_version": text.version,
        "consent_text_sha256": text.sha256,
        "consent_time": consent.consent_time or None,
    }

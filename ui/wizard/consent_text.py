"""The consent text the client reads and signs, with their sharing choices filled in.

The words are the pack's (``forms/packs/<pack>/<lang>/consent.toml``); this module
only fills the placeholders from the intake so far and keeps the agreements that
match the client's choice: an agreement that names with whom or what is shared is a
release to share, so under Not Shared it is left out and the pack's Not Shared
description says what the client agrees to instead. The result carries the SHA-256
of the exact text shown, so a signature can be bound to it.

The text and its hash come from ``app.catalog.render_consent_text``, the function the
core saves the consent with, so the stored hash is of the text shown.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.catalog import ConsentChoices, TextParties, load_consent_texts, render_consent_text, render_text
from app.intake.flow import IntakeFlow
from app.intake.flow_consent import as_date

BLANK = "\u2014"


@dataclass(frozen=True)
class RenderedConsent:
    title: str
    text: str
    signature_label: str
    sha256: str


def consent_values(flow: IntakeFlow, agency: str, staff_name: str, tr_client: str) -> dict[str, str]:
    """Every placeholder's value at this point of the intake."""
    consent = flow.consent
    shared = consent.sharing == "shared" and not flow.declined
    expiry = flow.expiry()
    return {
        "agency": agency,
        "staff_name": staff_name,
        "client_name": flow.member_label(0) or tr_client,
        "witness_name": consent.witness.strip() or BLANK,
        "consent_date": consent.consent_date,
        "consent_time": consent.consent_time,
        "expiry_date": expiry or BLANK,
        "shared_with": ", ".join(s.strip() for s in consent.shared_with.split(",") if s.strip()) if shared
        else BLANK,
        "shared_information": consent.shared_information.strip() if shared and consent.shared_information.strip()
        else BLANK,
        "grievance_contact": agency,
    }


def _fill(text: str, values: dict[str, str]) -> str:
    try:
        return render_text(text, values)
    except (KeyError, ValueError):
        return text


def render_consent(flow: IntakeFlow, agency: str, staff_name: str, tr_client: str) -> RenderedConsent:
    """The written consent as the client signs it, rendered by the same core function
    (``app.catalog.render_consent_text``) that ``save_intake`` renders and hashes when
    it stores the consent, from the same choices: what is shown is what is stored."""
    texts = load_consent_texts(flow.pack.id, flow.language)
    values = consent_values(flow, agency, staff_name, tr_client)
    consent = flow.consent
    shared = consent.sharing == "shared" and not flow.declined
    expiry = flow.expiry()
    choices = ConsentChoices(
        method="written", sharing="shared" if shared else "not_shared", signed_on=as_date(consent.consent_date.strip()),
        shared_with=tuple(s.strip() for s in consent.shared_with.split(",") if s.strip()) if shared else (),
        shared_information=shared_information(flow),
        expires_on=as_date(expiry.strip()) if expiry else None,
    )
    parties = TextParties(agency=agency, staff_name=staff_name, client_name=flow.member_label(0) or tr_client)
    rendered = render_consent_text(flow.pack.id, flow.language, choices, parties)
    title = _fill(texts.written.title, values)
    return RenderedConsent(title, rendered.text, _fill(texts.written.signature_label, values), rendered.sha256)


def shared_information(flow: IntakeFlow) -> tuple[str, ...]:
    """What the client agreed may be shared, as the consent stores it (empty: the pack's wording)."""
    consent = flow.consent
    if consent.sharing != "shared" or flow.declined:
        return ()
    return tuple(s.strip() for s in consent.shared_information.split(",") if s.strip())


def signature_binding(flow: IntakeFlow, rendered: RenderedConsent) -> str:
    """What a signature is given on: the exact text and who signs it (the client, or a
    parent or guardian for them, VT-3.4-14). A change of either needs a new signature."""
    signer = "guardian" if flow.consent.signer_is_guardian else "client"
    return hashlib.sha256(f"{rendered.sha256}\n{signer}".encode("ascii")).hexdigest()

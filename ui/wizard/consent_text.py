"""The consent text the client reads and signs, with their sharing choices filled in.

The words are the pack's (``forms/packs/<pack>/<lang>/consent.toml``); this module
only fills the placeholders from the intake so far and keeps the agreements that
match the client's choice: an agreement that names with whom or what is shared is a
release to share, so under Not Shared it is left out and the pack's Not Shared
description says what the client agrees to instead. The result carries the SHA-256
of the exact text shown, so a signature can be bound to it.

Switching to ``app.catalog`` rendering (text + version + hash) later only changes
``render_consent`` below; the pages call nothing else.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.catalog import load_consent_texts, render_text
from app.catalog.common import placeholders_in
from ui.wizard.flow import IntakeFlow

BLANK = "\u2014"
# Placeholders that make an agreement a release to share.
_SHARING_PLACEHOLDERS = frozenset({"shared_with", "shared_information"})


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
    """The written consent as the client signs it: body, the agreements of their
    choice and the sharing level they chose, every blank filled."""
    texts = load_consent_texts(flow.pack.id, flow.language)
    values = consent_values(flow, agency, staff_name, tr_client)
    shared = flow.consent.sharing == "shared" and not flow.declined
    written = texts.written
    parts = [_fill(p, values) for p in written.body]
    agreements = [a for a in written.agreements
                  if shared or not placeholders_in(a.text) & _SHARING_PLACEHOLDERS]
    parts.append("\n".join("\u2022 " + _fill(a.text, values) for a in agreements))
    level = texts.sharing.level("shared" if shared else "not_shared")
    parts.append(_fill(level.label, values) + ": " + _fill(level.description, values))
    text = "\n\n".join(p for p in parts if p)
    title = _fill(written.title, values)
    digest = hashlib.sha256("\n".join((texts.pack, texts.lang, title, text)).encode("utf-8")).hexdigest()
    return RenderedConsent(title, text, _fill(written.signature_label, values), digest)


def signature_binding(flow: IntakeFlow, rendered: RenderedConsent) -> str:
    """What a signature is given on: the exact text and who signs it (the client, or a
    parent or guardian for them, VT-3.4-14). A change of either needs a new signature."""
    signer = "guardian" if flow.consent.signer_is_guardian else "client"
    return hashlib.sha256(f"{rendered.sha256}\n{signer}".encode("ascii")).hexdigest()

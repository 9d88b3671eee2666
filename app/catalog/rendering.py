"""The exact text a client is read and signs, with its version id and SHA-256.

A consent is bound to what was shown: the wizard shows :func:`render_consent_text`
before the signature, and saving a consent renders it again from the same pack,
language and choices and stores the version id and hash beside the consent (schema
8). The same goes for the oral explanation (:func:`render_script_text`). Because the
hash is of the rendered text, changing a text in ``forms/`` changes the hash of new
consents only; stored consents keep the hash of the text their client saw.

The consent text is rendered WITH the sharing choices filled in (with whom, what,
until when), so no blank is left once the choices are made; a placeholder that has
no value is shown as "—" and named in :attr:`RenderedText.blanks`, so a caller can
refuse to ask for a signature under an incomplete text. A declined consent shows
the declined section and the notices only: no agreement, no sharing level, no
expiry sentence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib.resources.abc import Traversable

from app.catalog.common import placeholders_in
from app.catalog.pack_files import load_consent_texts, load_script
from app.catalog.scripts import ConsentSection

BLANK = "\u2014"
CONSENT_TEXT_KIND = "consent"
SCRIPT_KIND = "oral_explanation"


@dataclass(frozen=True)
class ConsentChoices:
    """What the worker and client decided, in the form the consent is stored with.

    ``expires_on`` is the expiry the consent will be stored with: the date chosen, or
    the pack's fixed term (MO-ROI-10) worked out by the caller; None where the
    consent has none. ``shared_information`` empty means the pack's default wording
    of what is shared (``[sharing] information`` in consent.toml).
    """

    method: str  # "written" | "verbal" | "declined"
    sharing: str  # "shared" | "not_shared"
    signed_on: date | None
    shared_with: tuple[str, ...] = ()
    shared_information: tuple[str, ...] = ()
    expires_on: date | None = None
    witness: str = ""
    consent_time: str = ""  # "HH:MM", the verbal attestation's time


@dataclass(frozen=True)
class TextParties:
    """Who the text names: the agency, the attesting staff member and the client
    (for a guardian's consent, the person it is given for)."""

    agency: str
    staff_name: str = ""
    client_name: str = ""
    grievance_contact: str = ""  # defaults to the agency


@dataclass(frozen=True)
class RenderedText:
    """One rendered text: ``text_id`` is "<pack>/<lang>/<file>", ``version`` the file's
    ``version`` key, ``sha256`` the hex SHA-256 of ``text`` encoded as UTF-8."""

    text_id: str
    version: str
    text: str
    sha256: str
    blanks: tuple[str, ...] = field(default=())

    @property
    def complete(self) -> bool:
        return not self.blanks


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Filler:
    """Fills placeholders, remembering which had no value."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.blanks: list[str] = []

    def __call__(self, text: str) -> str:
        names = placeholders_in(text)
        filled = {}
        for name in names:
            value = self.values.get(name, "").strip()
            if not value:
                value = BLANK
                if name not in self.blanks:
                    self.blanks.append(name)
            filled[name] = value
        return text.format_map(filled)


def _section(fill: _Filler, section: ConsentSection, extra: Iterable[str] = ()) -> str:
    lines = [fill(section.title), *(fill(p) for p in section.body), *extra]
    return "\n\n".join(lines)


def render_consent_text(pack_id: str, lang: str, choices: ConsentChoices, parties: TextParties,
                        root: Traversable | str | None = None) -> RenderedText:
    """The consent text of ``pack_id`` in ``lang`` exactly as shown and signed.

    Title; then the written consent (body and the agreements that apply: a release
    to share only when the client chose Shared, CT-207-8), or the verbal consent
    (body, staff attestation, "Verbal Consent" line, MO-ROI-9), or the declined
    section; then, unless declined, the sharing section with the chosen level and
    how to change one's mind; then every notice. ``root`` reads another forms
    directory (tests, pack authors); None reads the shipped forms.
    """
    texts = load_consent_texts(pack_id, lang, root)
    shared = choices.sharing == "shared" and choices.method != "declined"
    information = ", ".join(s.strip() for s in choices.shared_information if s.strip())
    if not information and texts.sharing.information is not None:
        information = texts.sharing.information
    agency = parties.agency.strip()
    values = {
        "agency": agency,
        "staff_name": parties.staff_name,
        "client_name": parties.client_name,
        "witness_name": choices.witness,
        "consent_date": choices.signed_on.isoformat() if choices.signed_on else "",
        "consent_time": choices.consent_time,
        "expiry_date": choices.expires_on.isoformat() if choices.expires_on else "",
        "shared_with": ", ".join(s.strip() for s in choices.shared_with if s.strip()),
        "shared_information": information,
        "grievance_contact": parties.grievance_contact or agency,
    }
    fill = _Filler(values)
    blocks = [fill(texts.title)]
    if choices.method == "written":
        written = texts.written
        agreements = ["\u2022 " + fill(a.text) for a in written.agreements if a.applies_to == "always" or shared]
        blocks.append(_section(fill, written, agreements))
    elif choices.method == "verbal":
        verbal = texts.verbal
        blocks.append(_section(fill, verbal, [fill(verbal.attestation), fill(verbal.signature_line)]))
    else:
        blocks.append(_section(fill, texts.declined))
    if choices.method != "declined":
        level = texts.sharing.level("shared" if shared else "not_shared")
        blocks.append(_section(fill, texts.sharing, [f"{fill(level.label)}: {fill(level.description)}"]))
        blocks.append(_section(fill, texts.revocation))
    blocks.extend(_section(fill, notice) for notice in texts.notices)
    text = "\n\n".join(blocks) + "\n"
    return RenderedText(f"{pack_id}/{lang}/{CONSENT_TEXT_KIND}", texts.version, text, text_sha256(text),
                        tuple(fill.blanks))


def render_script_text(pack_id: str, lang: str, parties: TextParties,
                       root: Traversable | str | None = None) -> RenderedText:
    """The oral explanation of ``pack_id`` in ``lang`` as read to the client: title,
    introduction, every point with its sub-points, closing (the staff note is for
    the worker and is left out)."""
    script = load_script(pack_id, lang, root)
    agency = parties.agency.strip()
    fill = _Filler({"agency": agency, "grievance_contact": parties.grievance_contact or agency,
                    "staff_name": parties.staff_name, "client_name": parties.client_name})
    blocks = [fill(script.title), fill(script.intro)]
    for point in script.points:
        lines = [fill(point.title)]
        if point.text is not None:
            lines.append(fill(point.text))
        lines.extend("\u2022 " + fill(item.text) for item in point.items)
        blocks.append("\n".join(lines))
    if script.closing is not None:
        blocks.append(fill(script.closing))
    text = "\n\n".join(blocks) + "\n"
    return RenderedText(f"{pack_id}/{lang}/{SCRIPT_KIND}", script.version, text, text_sha256(text),
                        tuple(fill.blanks))

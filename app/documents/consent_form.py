"""The facts a consent / release-of-information form prints, gathered from the vault:
the consent row (read by column name, so a vault without the newer consent columns
reads them as "not recorded"), the household it covers, and the exact texts shown.

The texts: where the consent records the script and consent text it was shown (ids,
versions and SHA-256), the form prints those; where it does not, it prints the pack's
current texts and says "text version not recorded", with the SHA-256 of the texts as
printed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from app.catalog import available_languages, load_consent_texts, load_questions, load_script, render_text
from app.catalog.scripts import ConsentTexts, OralScript
from app.documents.labels import labels
from app.documents.verification import consent_code
from app.rights import consent_row, consent_status
from app.session import Session
from app.settings import Settings
from app.vault.connection import Connection

FLAG_COLUMNS = ("first_contact_by_phone", "release_to_share_signed", "possible_dv_victim",
                "dv_permission_to_enter", "dv_permission_to_share")
DASH = "\u2014"


@dataclass(frozen=True)
class TextBlock:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ShownText:
    """One text as shown: its blocks, and its id, version and SHA-256 (recorded, or of
    the blocks as printed when ``recorded`` is False)."""

    title: str
    blocks: tuple[TextBlock, ...]
    text_id: str
    version: str | None
    sha256: str
    recorded: bool


@dataclass(frozen=True)
class Member:
    name: str
    dob: str | None
    relationship: str


@dataclass
class ConsentForm:
    pack_id: str
    pack_name: str
    lang: str
    agency: str
    agency_contact: str
    grievance_contact: str
    script: ShownText
    consent_text: ShownText
    blank: bool = False
    consent_id: str | None = None
    personal_id: str | None = None
    method: str | None = None
    sharing: str | None = None
    sharing_label: str = ""
    sharing_description: str = ""
    shared_with: tuple[str, ...] = ()
    shared_information: str | None = None
    signed_on: str | None = None
    ends_on: str | None = None
    recorded_at: str | None = None
    flags: dict[str, bool | None] = field(default_factory=dict)
    members: tuple[Member, ...] = ()
    signature_png: bytes | None = None
    signature_line: str = ""
    signer: str | None = None
    guardian_name: str | None = None
    emancipated: bool | None = None
    attested_by: str | None = None
    witness: str | None = None
    status: str | None = None
    change: tuple[str, str] | None = None  # (revoked | stopped_sharing, effective day)
    verification_code: str = ""

    @property
    def texts_sha256(self) -> str:
        return hashlib.sha256(f"{self.script.sha256}:{self.consent_text.sha256}".encode()).hexdigest()


def _sha(blocks: tuple[TextBlock, ...], title: str) -> str:
    text = "\n".join([title] + [f"{b.title}\n" + "\n".join(b.paragraphs) for b in blocks])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fill(text: str, values: dict[str, str]) -> str:
    try:
        return render_text(text, values)
    except (KeyError, ValueError):
        return text


def script_blocks(script: OralScript, values: dict[str, str]) -> tuple[TextBlock, ...]:
    blocks = [TextBlock("", (_fill(script.intro, values),))]
    for point in script.points:
        paragraphs = ([_fill(point.text, values)] if point.text else []) + [_fill(i.text, values) for i in point.items]
        blocks.append(TextBlock(_fill(point.title, values), tuple(paragraphs)))
    if script.closing:
        blocks.append(TextBlock("", (_fill(script.closing, values),)))
    return tuple(blocks)


def consent_blocks(texts: ConsentTexts, values: dict[str, str], method: str | None,
                   sharing: str | None) -> tuple[TextBlock, ...]:
    """The sections a client of this method was shown; a blank form (method None)
    shows the written and the verbal ones and both sharing levels."""
    def f(text: str) -> str:
        return _fill(text, values)

    blocks: list[TextBlock] = []
    if method in (None, "written"):
        w = texts.written
        blocks.append(TextBlock(f(w.title), tuple(f(p) for p in w.body) + tuple(f(a.text) for a in w.agreements)))
    if method in (None, "verbal"):
        v = texts.verbal
        blocks.append(TextBlock(f(v.title), (*(f(p) for p in v.body), f(v.attestation))))
    if method == "declined":
        blocks.append(TextBlock(f(texts.declined.title), tuple(f(p) for p in texts.declined.body)))
    s = texts.sharing
    levels = [lvl for lvl in s.levels if sharing is None or lvl.id == sharing]
    blocks.append(TextBlock(f(s.title), tuple(f(p) for p in s.body)
                            + tuple(f"{lvl.label}: {f(lvl.description)}" for lvl in levels)))
    blocks.append(TextBlock(f(texts.revocation.title), tuple(f(p) for p in texts.revocation.body)))
    for notice in texts.notices:
        blocks.append(TextBlock(f(notice.title), tuple(f(p) for p in notice.body)))
    return tuple(blocks)


def _shown(title: str, blocks: tuple[TextBlock, ...], row: dict[str, Any], prefix: str, default_id: str) -> ShownText:
    recorded = row.get(f"{prefix}_sha256")
    if recorded:
        return ShownText(title, blocks, str(row.get(f"{prefix}_id") or default_id),
                         str(row.get(f"{prefix}_version")) if row.get(f"{prefix}_version") is not None else None,
                         str(recorded), True)
    return ShownText(title, blocks, default_id, None, _sha(blocks, title), False)


def form_language(pack_id: str, wanted: str | None) -> str:
    shipped = available_languages(pack_id)
    if wanted in shipped:
        return str(wanted)
    return "en" if "en" in shipped else shipped[0]


def _user_name(conn: Connection, user_id: str | None) -> str | None:
    if not user_id:
        return None
    row = conn.execute("SELECT display_name FROM app_user WHERE user_id = ?", (user_id,)).fetchone()
    return str(row[0]) if row else user_id


def _members(conn: Connection, row: dict[str, Any], lang: str) -> tuple[Member, ...]:
    """The people one ROI covers: the consent's person and, where the same decision was
    recorded for the household at once (MO-ROI-3), the other members."""
    ids = [row["personal_id"]]
    if row.get("household_id"):
        ids += [r[0] for r in conn.execute(
            "SELECT personal_id FROM consent WHERE household_id = ? AND signed_on = ? AND method = ?"
            " AND created_at = ? AND personal_id != ? ORDER BY personal_id",
            (row["household_id"], row["signed_on"], row["method"], row["created_at"], row["personal_id"]))]
    relationships = load_questions().code_list("3.15.1")
    members = []
    for pid in ids:
        person = conn.execute("SELECT first_name, last_name, dob FROM person WHERE personal_id = ?", (pid,)).fetchone()
        rel = conn.execute("SELECT relationship_to_hoh FROM enrollment WHERE personal_id = ? AND household_id IS ?"
                           " ORDER BY entry_date DESC LIMIT 1", (pid, row.get("household_id"))).fetchone()
        name = " ".join(p for p in (person[0], person[1]) if p) if person else ""
        label = relationships.label(int(rel[0]), lang) if rel and int(rel[0]) in relationships else ""
        members.append(Member(name or labels(lang)["unknown"], person[2] if person else None, label))
    return tuple(members)


def _flag(row: dict[str, Any], name: str) -> bool | None:
    value = row.get(name)
    return None if value is None else bool(value)


def consent_form(session: Session, consent_id: str, lang: str | None = None) -> ConsentForm:
    """Everything the form for one stored consent prints (no permission check: the
    caller in ``service`` does that)."""
    conn = session.conn
    row = consent_row(conn, consent_id)
    if row is None:
        from app.errors import UserFacingError

        raise UserFacingError("That consent does not exist on this device.")
    pack = session.pack
    lang = form_language(pack.id, lang or row.get("language"))
    texts = load_consent_texts(pack.id, lang)
    script = load_script(pack.id, lang)
    agency = session.settings.agency_name or ""
    members = _members(conn, row, lang)
    status, end = consent_status(session, row, session.clock.now().date())
    shared_with = tuple(json.loads(row.get("shared_with") or "[]"))
    created = str(row.get("created_at") or "")
    staff = _user_name(conn, row.get("attested_by"))
    grievance = Settings(conn).grievance_contact or agency
    values = {
        "agency": agency, "client_name": members[0].name if members else DASH, "staff_name": staff or DASH,
        "witness_name": row.get("witness") or DASH, "consent_date": row["signed_on"],
        "consent_time": row.get("consent_time") or (f"{created[11:16]} UTC" if len(created) >= 16 else DASH),
        "expiry_date": end.isoformat() if end else labels(lang)["no_end"],
        "shared_with": ", ".join(shared_with) or DASH,
        "shared_information": _information(row) or ", ".join(shared_with) or DASH,
        "grievance_contact": grievance,
    }
    script_text = _shown(_fill(script.title, values), script_blocks(script, values), row, "script",
                         f"{pack.id}/{lang}/oral_explanation")
    consent_text = _shown(_fill(texts.title, values), consent_blocks(texts, values, row["method"], row["sharing"]),
                          row, "consent_text", f"{pack.id}/{lang}/consent")
    level = texts.sharing.level(row["sharing"])
    change = conn.execute("SELECT kind, effective_on FROM consent_change WHERE consent_id = ?"
                          " ORDER BY recorded_at DESC LIMIT 1", (consent_id,)).fetchone()
    if change is None and row.get("revoked_at"):
        change = ("revoked", row["revoked_at"])
    form = ConsentForm(
        pack_id=pack.id, pack_name=pack.name, lang=lang, agency=agency,
        agency_contact=Settings(conn).agency_contact or agency, grievance_contact=grievance,
        script=script_text, consent_text=consent_text, consent_id=consent_id, personal_id=row["personal_id"],
        method=row["method"], sharing=row["sharing"], sharing_label=level.label,
        sharing_description=_fill(level.description, values), shared_with=shared_with,
        shared_information=_information(row), signed_on=row["signed_on"],
        ends_on=end.isoformat() if end else None, recorded_at=created or None,
        flags={name: _flag(row, name) for name in FLAG_COLUMNS}, members=members,
        signature_png=row.get("signature_png"), signature_line=texts.verbal.signature_line,
        signer=row.get("signer"), guardian_name=row.get("guardian_name"), emancipated=_flag(row, "emancipated"),
        attested_by=staff, witness=row.get("witness"), status=status,
        change=(str(change[0]), str(change[1])) if change else None,
    )
    form.verification_code = consent_code(row, form.script.sha256, form.consent_text.sha256)
    return form


def blank_form(session: Session, lang: str | None = None) -> ConsentForm:
    """The same layout with empty fields, for a worker collecting a signature on paper."""
    pack = session.pack
    lang = form_language(pack.id, lang)
    texts = load_consent_texts(pack.id, lang)
    script = load_script(pack.id, lang)
    agency = session.settings.agency_name or ""
    blank = labels(lang)["blank_line"]
    grievance = session.settings.grievance_contact or agency
    values = {"agency": agency, "client_name": blank, "staff_name": blank, "witness_name": blank,
              "consent_date": blank, "consent_time": blank, "expiry_date": blank, "shared_with": blank,
              "shared_information": blank, "grievance_contact": grievance}
    empty: dict[str, Any] = {}
    script_text = _shown(_fill(script.title, values), script_blocks(script, values), empty, "script",
                         f"{pack.id}/{lang}/oral_explanation")
    consent_text = _shown(_fill(texts.title, values), consent_blocks(texts, values, None, None), empty,
                          "consent_text", f"{pack.id}/{lang}/consent")
    form = ConsentForm(pack_id=pack.id, pack_name=pack.name, lang=lang, agency=agency,
                       agency_contact=session.settings.agency_contact or agency,
                       grievance_contact=grievance, script=script_text, consent_text=consent_text, blank=True,
                       signature_line=texts.verbal.signature_line)
    form.verification_code = consent_code({"blank": pack.id, "lang": lang}, script_text.sha256, consent_text.sha256)
    return form


def _information(row: dict[str, Any]) -> str | None:
    """What is shared, as the consent stores it: a JSON list of phrases (schema 8), or
    plain text in a vault written before it."""
    raw = row.get("shared_information")
    if not raw:
        return None
    try:
        items = json.loads(raw)
    except (TypeError, ValueError):
        return str(raw)
    if isinstance(items, list):
        return ", ".join(str(i) for i in items if str(i).strip()) or None
    return str(items)

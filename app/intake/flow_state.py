"""An intake in progress as one value: the answers so far and where the worker is.

``IntakeState`` is everything the worker has typed or decided, and nothing derived:
the steps, the problems and the document are computed from it and the pack
(``app.intake.flow.IntakeFlow``). Being a plain value, it is what a draft keeps
(``to_payload`` / ``from_payload``) and what a "what if" question works on a copy of
(``dataclasses.replace``) instead of changing the real answers and putting them back.
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

HEAD_OF_HOUSEHOLD = 1


@dataclass
class ConsentState:
    method: str = "written"
    signature_png: bytes | None = None
    paper_attested: bool = False
    verbal_reason: str = ""
    witness: str = ""
    consent_date: str = ""
    consent_time: str = ""
    first_contact_by_phone: bool = False
    signer_is_guardian: bool = False
    emancipated: bool = False
    possible_dv_victim: bool = False
    dv_permission_to_enter: bool = False
    dv_permission_to_share: bool = False
    sharing: str = "not_shared"
    shared_with: str = ""
    shared_information: str = ""
    expires_on: str = ""
    release_to_share_signed: bool = False
    # SHA-256 of the consent text the signature or paper attestation was given on: a
    # change of the choices afterwards makes the client sign again.
    signed_text_sha: str = ""


@dataclass
class MemberState:
    answers: dict[str, Any] = field(default_factory=dict)
    own_consent: bool = False
    link_personal_id: str | None = None
    # The worker compared a likely match and said "not the same person".
    new_confirmed: bool = False


def new_member(entry_date: str, relationship: int | None = None) -> MemberState:
    answers: dict[str, Any] = {"EntryDate": entry_date}
    if relationship is not None:
        answers["RelationshipToHoH"] = relationship
    return MemberState(answers)


@dataclass
class IntakeState:
    collected_at: datetime
    consent: ConsentState
    members: list[MemberState]
    project_id: str | None = None
    language: str = "en"
    ticked: set[str] = field(default_factory=set)
    position: int = 0
    sharing_chosen: bool = False
    # Members with a likely match on the device the worker has not yet decided on;
    # kept by the duplicate step, which holds Next until each is decided.
    undecided_duplicates: set[int] = field(default_factory=set)
    # Answers the worker marked as the same for the whole household (app.intake.household).
    shared: set[str] = field(default_factory=set)


def to_payload(state: IntakeState) -> dict[str, Any]:
    """The state as JSON data for an encrypted draft (the signature as base64)."""
    consent = asdict(state.consent)
    png = consent.pop("signature_png")
    consent["signature_png_b64"] = base64.b64encode(png).decode("ascii") if png else None
    return {
        "version": 1,
        "position": state.position,
        "collected_at": state.collected_at.isoformat(),
        "project_id": state.project_id,
        "language": state.language,
        "ticked": sorted(state.ticked),
        "sharing_chosen": state.sharing_chosen,
        "consent": consent,
        "members": [asdict(m) for m in state.members],
        "shared": sorted(state.shared),
    }


def from_payload(payload: dict[str, Any], fresh: IntakeState) -> IntakeState:
    """A draft read back; what it lacks comes from ``fresh`` (a new intake's state)."""
    raw = dict(payload.get("consent") or {})
    png = raw.pop("signature_png_b64", None)
    known = {f.name for f in fields(ConsentState)}
    consent = ConsentState(**{k: v for k, v in raw.items() if k in known})
    consent.signature_png = base64.b64decode(png) if png else None
    members = [MemberState(dict(m.get("answers") or {}), bool(m.get("own_consent")), m.get("link_personal_id"),
                           bool(m.get("new_confirmed")))
               for m in payload.get("members") or ()]
    return IntakeState(
        collected_at=datetime.fromisoformat(payload.get("collected_at") or fresh.collected_at.isoformat()),
        consent=consent,
        members=members or fresh.members,
        project_id=payload.get("project_id"),
        language=payload.get("language") or "en",
        ticked=set(payload.get("ticked") or ()),
        position=int(payload.get("position") or 0),
        sharing_chosen=bool(payload.get("sharing_chosen")),
        shared=set(payload.get("shared") or ()),
    )

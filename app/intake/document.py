"""The intake document: one household's intake as plain data.

The wizard builds it step by step; ``import-intake`` reads it from JSON transcribed
from paper forms (schema: ``forms/intake-document.schema.json``). Both are checked
and saved by the same code, so a paper intake obeys exactly the wizard's rules.
Field names inside ``client`` and ``enrollment`` are HMIS CSV column names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

FORMAT = "hmis-intake/intake-v1"

CLIENT_FIELDS = (
    "FirstName", "MiddleName", "LastName", "NameSuffix", "NameDataQuality", "SSN", "SSNDataQuality",
    "DOB", "DOBDataQuality", "AmIndAKNative", "Asian", "BlackAfAmerican", "HispanicLatinao",
    "MidEastNAfrican", "NativeHIPacific", "White", "RaceNone", "AdditionalRaceEthnicity", "Sex",
    "VeteranStatus",
)
ENROLLMENT_FIELDS = (
    "EntryDate", "RelationshipToHoH", "EnrollmentCoC", "DisablingCondition", "LivingSituation",
    "RentalSubsidyType", "LengthOfStay", "LOSUnderThreshold", "PreviousStreetESSH", "DateToStreetESSH",
    "TimesHomelessPastThreeYears", "MonthsHomelessPastThreeYears", "DateOfEngagement",
)


class DocumentError(Exception):
    """A document that cannot even be read: ``path`` says where."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


@dataclass
class ConsentInput:
    method: str
    sharing: str
    signed_on: date
    shared_with: tuple[str, ...] = ()
    expires_on: date | None = None
    signature: str | None = None  # "captured" | "paper_attested"
    signature_png: bytes | None = None
    verbal_reason: str = ""
    witness: str = ""
    first_contact_by_phone: bool = False
    release_to_share_signed: bool = False
    signer_is_guardian: bool = False
    possible_dv_victim: bool = False
    dv_permission_to_enter: bool = False
    dv_permission_to_share: bool = False


@dataclass
class MemberInput:
    client: dict[str, Any]
    enrollment: dict[str, Any]
    link_personal_id: str | None = None  # "same person" chosen at the duplicate check
    consent: ConsentInput | None = None
    emancipated: bool = False

    @property
    def relationship(self) -> Any:
        return self.enrollment.get("RelationshipToHoH")


@dataclass
class IntakeDocument:
    project_id: str
    collected_at: datetime
    script_acknowledged: bool
    members: list[MemberInput]
    consent: ConsentInput | None = None
    language: str = "en"
    extra: dict[str, Any] = field(default_factory=dict)


def _obj(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DocumentError(path, "must be an object")
    return value


def _str(value: Any, path: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise DocumentError(path, "must be a non-empty text")
    return value


def _bool(value: Any, path: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise DocumentError(path, "must be true or false")
    return value


def _date(value: Any, path: str, required: bool = True) -> date | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise DocumentError(path, "must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DocumentError(path, "must be a real date written YYYY-MM-DD") from None


def _datetime(value: Any, path: str) -> datetime:
    if not isinstance(value, str):
        raise DocumentError(path, "must be a date and time like 2026-03-01T14:30:00Z")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise DocumentError(path, "must be a date and time like 2026-03-01T14:30:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_consent(raw: Any, path: str) -> ConsentInput:
    data = _obj(raw, path)
    known = {f for f in ConsentInput.__dataclass_fields__} - {"signature_png"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise DocumentError(f"{path}.{unknown[0]}", "is not a consent field")
    method = _str(data.get("method"), f"{path}.method")
    if method not in ("written", "verbal", "declined"):
        raise DocumentError(f"{path}.method", "must be written, verbal or declined")
    sharing = _str(data.get("sharing", "not_shared"), f"{path}.sharing")
    if sharing not in ("shared", "not_shared"):
        raise DocumentError(f"{path}.sharing", "must be shared or not_shared")
    shared_with = data.get("shared_with", [])
    if not isinstance(shared_with, list) or not all(isinstance(s, str) for s in shared_with):
        raise DocumentError(f"{path}.shared_with", "must be a list of texts")
    signature = data.get("signature")
    if signature not in (None, "captured", "paper_attested"):
        raise DocumentError(f"{path}.signature", "must be captured or paper_attested")
    signed = _date(data.get("signed_on"), f"{path}.signed_on")
    assert signed is not None
    return ConsentInput(
        method=method,
        sharing=sharing,
        signed_on=signed,
        shared_with=tuple(shared_with),
        expires_on=_date(data.get("expires_on"), f"{path}.expires_on", required=False),
        signature=signature,
        verbal_reason=_str(data.get("verbal_reason"), f"{path}.verbal_reason", required=False),
        witness=_str(data.get("witness"), f"{path}.witness", required=False),
        **{
            flag: _bool(data.get(flag), f"{path}.{flag}")
            for flag in ("first_contact_by_phone", "release_to_share_signed", "signer_is_guardian",
                         "possible_dv_victim", "dv_permission_to_enter", "dv_permission_to_share")
        },
    )


def _fields(raw: Any, path: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    data = _obj(raw if raw is not None else {}, path)
    for key, value in data.items():
        if key not in allowed:
            raise DocumentError(f"{path}.{key}", "is not a field of this record")
        if value is not None and not isinstance(value, str | int) or isinstance(value, bool):
            raise DocumentError(f"{path}.{key}", "must be a text, a whole number or null")
    return dict(data)


def parse_document(raw: Any) -> IntakeDocument:
    data = _obj(raw, "")
    if data.get("format") != FORMAT:
        raise DocumentError("format", f'must be "{FORMAT}"')
    members_raw = data.get("members")
    if not isinstance(members_raw, list) or not members_raw:
        raise DocumentError("members", "must list at least one household member")
    if len(members_raw) > 30:
        raise DocumentError("members", "lists more than 30 people; split the household")
    members = []
    for i, m in enumerate(members_raw):
        path = f"members[{i}]"
        member = _obj(m, path)
        unknown = sorted(set(member) - {"client", "enrollment", "link_personal_id", "consent", "emancipated"})
        if unknown:
            raise DocumentError(f"{path}.{unknown[0]}", "is not a member field")
        link = member.get("link_personal_id")
        members.append(MemberInput(
            client=_fields(member.get("client"), f"{path}.client", CLIENT_FIELDS),
            enrollment=_fields(member.get("enrollment"), f"{path}.enrollment", ENROLLMENT_FIELDS),
            link_personal_id=_str(link, f"{path}.link_personal_id") if link is not None else None,
            consent=parse_consent(member["consent"], f"{path}.consent") if member.get("consent") else None,
            emancipated=_bool(member.get("emancipated"), f"{path}.emancipated"),
        ))
    oral = _obj(data.get("oral_explanation", {}), "oral_explanation")
    return IntakeDocument(
        project_id=_str(data.get("project_id"), "project_id"),
        collected_at=_datetime(data.get("collected_at"), "collected_at"),
        script_acknowledged=_bool(oral.get("acknowledged"), "oral_explanation.acknowledged"),
        members=members,
        consent=parse_consent(data["consent"], "consent") if data.get("consent") else None,
        language=_str(data.get("language", "en"), "language"),
    )

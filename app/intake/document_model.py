"""The strict, typed model of an intake document (pydantic v2).

It mirrors ``forms/intake/intake-document.schema.json``: every object refuses
fields it does not know (``additionalProperties: false``), every value has one kind
(a name is text, a code is a whole number, a flag is true or false), texts are
clean Unicode without control characters or unpaired surrogates, numbers fit the
vault, and EntryDate, when given, is a real date. Any failure becomes one
:class:`~app.intake.document.DocumentError` listing each problem with its path, e.g.
``possible_dv_victim: is not a field of the document (check its spelling and where
it is placed)``. Code lists, future dates and consent stay the rules' business
(``app.intake.validate``), which report them beside the wizard's fields.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
)

from app.intake.document import (
    FORMAT,
    ConsentInput,
    DocumentError,
    IntakeDocument,
    MemberInput,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")
MAX_MEMBERS = 30
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def _clean(value: str) -> str:
    if _SURROGATE.search(value):
        raise ValueError("holds a broken character (an unpaired surrogate); retype it")
    if _CONTROL.search(value):
        raise ValueError("holds a control character; retype it")
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _real_date(value: str) -> str:
    try:
        if len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be a real date written YYYY-MM-DD") from None
    return value


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("must be a date and time like 2026-03-01T14:30:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _is_moment(value: str) -> str:
    _moment(value)
    return value


def _time(value: str) -> str:
    if not _TIME.match(value):
        raise ValueError("must be a time written HH:MM")
    return value


def _hex64(value: str) -> str:
    if not _HEX64.match(value):
        raise ValueError("must be 64 lower-case hexadecimal digits (a SHA-256)")
    return value


def _doc_id(value: str) -> str:
    if not _DOC_ID.match(value):
        raise ValueError("must be 1 to 100 letters, digits or . _ : / - (starting with a letter or digit)")
    return value


Text = Annotated[StrictStr, Field(max_length=500), AfterValidator(_clean)]
ShortText = Annotated[StrictStr, Field(max_length=100), AfterValidator(_clean)]
Name = Annotated[StrictStr, Field(max_length=50), AfterValidator(_clean)]
Required = Annotated[StrictStr, Field(max_length=200), AfterValidator(_clean), AfterValidator(_non_blank)]
Code = Annotated[StrictInt, Field(ge=INT_MIN, le=INT_MAX)]
DateText = Annotated[StrictStr, Field(max_length=10), AfterValidator(_clean)]  # the rules check the date
RealDate = Annotated[StrictStr, Field(max_length=10), AfterValidator(_real_date)]
Moment = Annotated[StrictStr, Field(max_length=40), AfterValidator(_clean), AfterValidator(_is_moment)]
Version = Annotated[StrictStr, Field(max_length=100), AfterValidator(_clean), AfterValidator(_non_blank)]
Sha256 = Annotated[StrictStr, AfterValidator(_hex64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ConsentModel(_Strict):
    method: Literal["written", "verbal", "declined"]
    sharing: Literal["shared", "not_shared"] = "not_shared"
    signed_on: RealDate
    expires_on: RealDate | None = None
    shared_with: list[Text] = Field(default_factory=list, max_length=50)
    shared_information: list[Text] = Field(default_factory=list, max_length=50)
    signature: Literal["captured", "paper_attested"] | None = None
    verbal_reason: Text | None = None
    witness: Name | None = None
    consent_time: Annotated[StrictStr, AfterValidator(_time)] | None = None
    first_contact_by_phone: StrictBool = False
    release_to_share_signed: StrictBool = False
    signer: Literal["client", "guardian"] | None = None
    signer_is_guardian: StrictBool | None = None  # documents before "signer"
    guardian_name: Name | None = None
    language: Literal["en", "es"] | None = None
    possible_dv_victim: StrictBool = False
    dv_permission_to_enter: StrictBool = False
    dv_permission_to_share: StrictBool = False
    script_version: Version | None = None
    script_sha256: Sha256 | None = None
    consent_text_version: Version | None = None
    consent_text_sha256: Sha256 | None = None


class ClientModel(_Strict):
    FirstName: Name | None = None
    MiddleName: Name | None = None
    LastName: Name | None = None
    NameSuffix: Name | None = None
    NameDataQuality: Code | None = None
    SSN: Annotated[StrictStr, Field(max_length=11), AfterValidator(_clean)] | None = None
    SSNDataQuality: Code | None = None
    DOB: DateText | None = None
    DOBDataQuality: Code | None = None
    AmIndAKNative: Code | None = None
    Asian: Code | None = None
    BlackAfAmerican: Code | None = None
    HispanicLatinao: Code | None = None
    MidEastNAfrican: Code | None = None
    NativeHIPacific: Code | None = None
    White: Code | None = None
    RaceNone: Code | None = None
    AdditionalRaceEthnicity: Annotated[StrictStr, Field(max_length=100), AfterValidator(_clean)] | None = None
    Sex: Code | None = None
    VeteranStatus: Code | None = None


class EnrollmentModel(_Strict):
    EntryDate: RealDate = None  # type: ignore[assignment]  # absent: the collection date; never null
    RelationshipToHoH: Code | None = None
    EnrollmentCoC: ShortText | None = None
    DisablingCondition: Code | None = None
    LivingSituation: Code | None = None
    RentalSubsidyType: Code | None = None
    LengthOfStay: Code | None = None
    LOSUnderThreshold: Code | None = None
    PreviousStreetESSH: Code | None = None
    DateToStreetESSH: DateText | None = None
    TimesHomelessPastThreeYears: Code | None = None
    MonthsHomelessPastThreeYears: Code | None = None
    DateOfEngagement: DateText | None = None


class MemberModel(_Strict):
    client: ClientModel
    enrollment: EnrollmentModel
    link_personal_id: Annotated[StrictStr, Field(max_length=100), AfterValidator(_clean),
                                AfterValidator(_non_blank)] | None = None
    consent: ConsentModel | None = None
    emancipated: StrictBool = False


class OralExplanationModel(_Strict):
    acknowledged: StrictBool = False


class DocumentModel(_Strict):
    format: Literal["hmis-intake/intake-v1"]
    document_id: Annotated[StrictStr, AfterValidator(_doc_id)] | None = None
    project_id: Required
    collected_at: Moment
    language: Literal["en", "es"] = "en"
    oral_explanation: OralExplanationModel = OralExplanationModel()
    consent: ConsentModel | None = None
    members: list[MemberModel] = Field(min_length=1, max_length=MAX_MEMBERS)


# --------------------------------------------------------------------- messages

_MESSAGES = {
    "extra_forbidden": "is not a field of {where} (check its spelling and where it is placed)",
    "missing": "is required",
    "string_type": "must be a text",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "less_than_equal": "is too large",
    "greater_than_equal": "is too small",
    "string_too_long": "is too long (at most {max_length} characters)",
    "too_long": "lists too many entries (at most {max_length})",
    "too_short": "must list at least one entry",
    "none_required": "must be null",
}
_WHERE = {
    "": "the document", "consent": "a consent", "client": "the client record (HMIS CSV Client columns)",
    "enrollment": "the enrollment record (HMIS CSV Enrollment columns)", "oral_explanation": "oral_explanation",
    "member": "a household member",
}


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_DATE_FIELDS = frozenset({"EntryDate", "DOB", "DateToStreetESSH", "DateOfEngagement", "signed_on", "expires_on"})


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    name = next((p for p in reversed(error["loc"]) if isinstance(p, str) and p[:1].isalpha()), "")
    if kind == "string_type" and name in _DATE_FIELDS:
        tail = {"signed_on": "", "EntryDate": " (or left out: the collection date)"}.get(name, " (or null)")
        return "must be a date written YYYY-MM-DD" + tail
    if kind == "string_type" and name == "collected_at":
        return "must be a date and time like 2026-03-01T14:30:00Z"
    if kind == "string_unicode":
        return "holds a broken character (an unpaired surrogate); retype it"
    if kind == "too_short" and name == "members":
        return "must list at least one household member"
    if kind == "too_long" and name == "members":
        return f"lists more than {MAX_MEMBERS} people; split the household"
    if kind == "extra_forbidden":
        parent = [p for p in error["loc"][:-1] if isinstance(p, str)]
        last = parent[-1] if parent else ""
        where = _WHERE["member"] if last == "members" else _WHERE.get(last, last)
        return _MESSAGES[kind].format(where=where)
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", '"')
        return f"must be {expected}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    template = _MESSAGES.get(kind)
    if template is not None:
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):
            return template
    msg = str(error.get("msg", "is not valid"))
    return msg[:1].lower() + msg[1:]


def _refusal(exc: ValidationError, prefix: str = "") -> DocumentError:
    problems: list[tuple[str, str]] = []
    for error in exc.errors(include_url=False, include_input=False):
        path = _path(tuple(error["loc"]))
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        message = _message(error)
        if (path, message) not in problems:
            problems.append((path, message))
    path, message = problems[0] if problems else (prefix, "is not valid")
    if not path and message == "must be an object":
        message = "The document must be a JSON object."
    return DocumentError(path, message, problems)


def _consent(model: ConsentModel, path: str) -> ConsentInput:
    guardian = model.signer == "guardian"
    if model.signer_is_guardian is not None:
        if model.signer is not None and model.signer_is_guardian != guardian:
            raise DocumentError(f"{path}.signer_is_guardian", 'contradicts "signer"; give only "signer"')
        guardian = model.signer_is_guardian
    if model.guardian_name and not guardian:
        raise DocumentError(f"{path}.guardian_name", 'is given but "signer" is not "guardian"')
    return ConsentInput(
        method=model.method,
        sharing=model.sharing,
        signed_on=date.fromisoformat(model.signed_on),
        shared_with=tuple(model.shared_with),
        expires_on=date.fromisoformat(model.expires_on) if model.expires_on else None,
        signature=model.signature,
        verbal_reason=model.verbal_reason or "",
        witness=model.witness or "",
        first_contact_by_phone=model.first_contact_by_phone,
        release_to_share_signed=model.release_to_share_signed,
        signer_is_guardian=guardian,
        possible_dv_victim=model.possible_dv_victim,
        dv_permission_to_enter=model.dv_permission_to_enter,
        dv_permission_to_share=model.dv_permission_to_share,
        shared_information=tuple(model.shared_information),
        guardian_name=model.guardian_name or "",
        language=model.language,
        consent_time=model.consent_time or "",
        script_version=model.script_version,
        script_sha256=model.script_sha256,
        consent_text_version=model.consent_text_version,
        consent_text_sha256=model.consent_text_sha256,
    )


def _validate(model: type[BaseModel], raw: Any, prefix: str = "") -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise _refusal(exc, prefix) from None
    except RecursionError:
        raise DocumentError(prefix, "is nested too deeply to be an intake document") from None


def to_consent(raw: Any, path: str) -> ConsentInput:
    return _consent(_validate(ConsentModel, raw, path), path)


def to_document(raw: Any) -> IntakeDocument:
    """Validate ``raw`` against :class:`DocumentModel` and build the plain document."""
    if isinstance(raw, dict) and raw.get("format") != FORMAT:
        raise DocumentError("format", f'must be "{FORMAT}"')
    doc: DocumentModel = _validate(DocumentModel, raw)
    members = []
    for i, m in enumerate(doc.members):
        path = f"members[{i}]"
        members.append(MemberInput(
            client=m.client.model_dump(exclude_unset=True),
            enrollment=m.enrollment.model_dump(exclude_unset=True),
            link_personal_id=m.link_personal_id,
            consent=_consent(m.consent, f"{path}.consent") if m.consent is not None else None,
            emancipated=m.emancipated,
        ))
    return IntakeDocument(
        project_id=doc.project_id,
        collected_at=_moment(doc.collected_at),
        script_acknowledged=doc.oral_explanation.acknowledged,
        members=members,
        consent=_consent(doc.consent, "consent") if doc.consent is not None else None,
        language=doc.language,
        document_id=doc.document_id,
    )

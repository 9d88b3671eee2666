"""The intake document: one household's intake as plain data.

The wizard builds it step by step; ``import-intake`` reads it from JSON transcribed
from paper forms (schema: ``forms/intake/intake-document.schema.json``). Both are
checked and saved by the same code, so a paper intake obeys exactly the wizard's
rules. Field names inside ``client`` and ``enrollment`` are HMIS CSV column names.

:func:`parse_document` reads the JSON through the strict model in
:mod:`app.intake.document_model`: an unknown field anywhere (``possible_dv_victim``
one level too high, a misspelt column) is refused with its path, and so is a value
of the wrong kind, so nothing a worker transcribed is silently ignored. What the
rules decide (codes, dates in the future, consent) is ``app.intake.validate``'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
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
    """A document that cannot even be read: ``path`` says where (the first problem);
    ``problems`` lists every ``(path, message)`` found."""

    def __init__(self, path: str, message: str, problems: list[tuple[str, str]] | None = None) -> None:
        self.path = path
        self.problems = problems or [(path, message)]
        super().__init__(f"{path}: {message}" if path else message)


@dataclass
class ConsentInput:
    """A consent as given: the rules read it, and the consent row stores all of it
    (schema 8). ``signer_is_guardian`` is the document's ``signer: "guardian"``
    (VT-3.4-14); ``language`` None means the document's language. The ``*_version``
    and ``*_sha256`` fields, when a document carries them, name the texts that were
    shown; saving refuses a consent whose texts are not those of this device."""

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
    shared_information: tuple[str, ...] = ()
    guardian_name: str = ""
    language: str | None = None
    consent_time: str = ""
    script_version: str | None = None
    script_sha256: str | None = None
    consent_text_version: str | None = None
    consent_text_sha256: str | None = None


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
    document_id: str | None = None


def parse_document(raw: Any) -> IntakeDocument:
    """The document in ``raw`` (JSON data), or DocumentError naming where it is wrong."""
    from app.intake.document_model import to_document

    return to_document(raw)


def parse_consent(raw: Any, path: str) -> ConsentInput:
    """One consent object (as in a document's ``consent``), or DocumentError."""
    from app.intake.document_model import to_consent

    return to_consent(raw, path)

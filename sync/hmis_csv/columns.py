"""The HMIS CSV FY2026 v1.0 file and column specification.

One :class:`FileSpec` per file, in the order the specification lists them
(reference §3.1), each with its exact, case-sensitive, ordered columns
(reference §3.2). The writer takes its headers from here and the checker its
expectations, so a column is spelled in exactly one place.

Columns are transcribed in the reference's own notation, ``Name:Type[list]?``,
and parsed once at import, which keeps each line easy to compare with the
reference by eye.

Sources: the twelve files spelled out in reference §3.2 follow it exactly. The
other twelve (Funder, ProjectCoC, Inventory, Affiliation, HMISParticipation,
CEParticipation, EmploymentEducation, Assessment, AssessmentQuestions,
AssessmentResults, Event, YouthEducationStatus) are unchanged from FY2024 in
the FY2026 revision table (reference §1) and follow the HUD CSV specification
that §3.2 points to. Where HUD's machine-readable list and the greenriver
models disagree on nullability or length for those files, the more permissive
reading is used, so the checker never rejects data HUD accepts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType

CSV_VERSION = "2026 v1.0"
"""``Export.CSVVersion`` for this specification (reference §1)."""

FORBIDDEN_CHARACTERS = "<>[]{}"
"""Characters FY2026 exports must not carry; they are stripped (reference §1, "Characters")."""


class Kind(str, Enum):
    """HMIS CSV data types (reference §3.1, "Types")."""

    INTEGER = "I"
    STRING = "S"
    DATE = "D"
    TIMESTAMP = "T"
    MONEY = "M"
    MONEY_NON_NEGATIVE = "M+"


@dataclass(frozen=True)
class Column:
    """One CSV column: its exact name, type, maximum length (strings only),
    whether it may be empty, and the HUD list it draws codes from."""

    name: str
    kind: Kind
    max_length: int | None = None
    nullable: bool = False
    code_list: str | None = None

    @property
    def type_code(self) -> str:
        """The spec's type notation, e.g. ``S32`` or ``I``."""
        if self.kind is Kind.STRING:
            return f"S{self.max_length}"
        return str(self.kind.value)

    @property
    def quoted(self) -> bool:
        """Strings are always double-quoted; numbers, dates and timestamps never are (§3.1)."""
        return self.kind is Kind.STRING


@dataclass(frozen=True)
class FileSpec:
    """One CSV file of an export: its name (without ``.csv``), ordered columns
    and the column that identifies a row (unique within the file, §3.1 "IDs")."""

    name: str
    columns: tuple[Column, ...]
    id_column: str | None = None
    _by_name: Mapping[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = {column.name: column for column in self.columns}
        if len(by_name) != len(self.columns):
            raise ValueError(f"{self.name}: duplicate column names")
        if self.id_column is not None and self.id_column not in by_name:
            raise ValueError(f"{self.name}: id column {self.id_column} is not a column")
        object.__setattr__(self, "_by_name", MappingProxyType(by_name))

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column:
        """The column called ``name``; ``KeyError`` if the file has no such column."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"{self.filename} has no column {name!r}") from None

    def has_column(self, name: str) -> bool:
        return name in self._by_name


_NOTATION = re.compile(r"^(?P<name>[A-Za-z0-9]+):(?P<type>I|S\d+|D|T|M\+?)(?:\[(?P<list>[^\]]+)\])?(?P<null>\?)?$")


def _col(notation: str) -> Column:
    """Parse ``Name:Type[list]?`` as written in reference §3.2."""
    match = _NOTATION.match(notation)
    if match is None:
        raise ValueError(f"bad column notation {notation!r}")
    type_text = match["type"]
    if type_text.startswith("S"):
        kind, max_length = Kind.STRING, int(type_text[1:])
    else:
        kind, max_length = Kind(type_text), None
    return Column(match["name"], kind, max_length, match["null"] == "?", match["list"])


def _cols(*notations: str) -> tuple[Column, ...]:
    return tuple(_col(notation) for notation in notations)


def _each(type_suffix: str, *names: str) -> tuple[str, ...]:
    """Several columns sharing one type, as the reference's "(each I[1.8]?)"."""
    return tuple(f"{name}:{type_suffix}" for name in names)


#: Shared trailing columns (reference §3.1 "Shared trailing columns").
_META = ("DateCreated:T", "DateUpdated:T", "UserID:S32", "DateDeleted:T?", "ExportID:S32")
#: User.csv omits its own UserID from the trailing block.
_USER_META = ("DateCreated:T", "DateUpdated:T", "DateDeleted:T?", "ExportID:S32")


def _file(name: str, id_column: str | None, *notations: str) -> FileSpec:
    return FileSpec(name, _cols(*notations), id_column)


EXPORT = _file(
    "Export", "ExportID",
    "ExportID:S32", "SourceType:I[1.9]", "SourceID:S350?", "SourceName:S50?", "SourceContactFirst:S50?",
    "SourceContactLast:S50?", "SourceContactPhone:S10?", "SourceContactExtension:S5?",
    "SourceContactEmail:S320?", "ExportDate:T", "ExportStartDate:D", "ExportEndDate:D", "SoftwareName:S50",
    "SoftwareVersion:S50?", "CSVVersion:S50?", "ExportPeriodType:I[1.1]", "ExportDirective:I[1.2]",
    "HashStatus:I[1.5]", "ImplementationID:S200",
)

ORGANIZATION = _file(
    "Organization", "OrganizationID",
    "OrganizationID:S32", "OrganizationName:S200", "VictimServiceProvider:I[1.10]",
    "OrganizationCommonName:S200?", *_META,
)

USER = _file(
    "User", "UserID",
    "UserID:S32", "UserFirstName:S50?", "UserLastName:S50?", "UserPhone:S10?", "UserExtension:S5?",
    "UserEmail:S320?", *_USER_META,
)

PROJECT = _file(
    "Project", "ProjectID",
    "ProjectID:S32", "OrganizationID:S32", "ProjectName:S200", "ProjectCommonName:S200?", "OperatingStartDate:D",
    "OperatingEndDate:D?", "ContinuumProject:I[1.10]", "ProjectType:I[2.02.6]?", "HousingType:I[2.02.D]?",
    "RRHSubType:I[2.02.A]?", "ResidentialAffiliation:I[1.10]?", "TargetPopulation:I[2.02.7]?",
    "HOPWAMedAssistedLivingFac:I[2.02.8]?", "PITCount:I?", *_META,
)

FUNDER = _file(
    "Funder", "FunderID",
    "FunderID:S32", "ProjectID:S32", "Funder:I[2.06.1]", "OtherFunder:S100?", "GrantID:S100", "StartDate:D",
    "EndDate:D?", *_META,
)

PROJECT_COC = _file(
    "ProjectCoC", "ProjectCoCID",
    "ProjectCoCID:S32", "ProjectID:S32", "CoCCode:S6", "Geocode:S6", "Address1:S100?", "Address2:S100?",
    "City:S50?", "State:S2?", "ZIP:S5?", "GeographyType:I[2.03.4]?", *_META,
)

INVENTORY = _file(
    "Inventory", "InventoryID",
    "InventoryID:S32", "ProjectID:S32", "CoCCode:S6", "HouseholdType:I[2.07.4]", "Availability:I[2.07.6]?",
    "UnitInventory:I", "BedInventory:I", "CHVetBedInventory:I?", "YouthVetBedInventory:I?",
    "VetBedInventory:I?", "CHYouthBedInventory:I?", "YouthBedInventory:I?", "CHBedInventory:I?",
    "OtherBedInventory:I?", "ESBedType:I[2.07.5]?", "InventoryStartDate:D?", "InventoryEndDate:D?", *_META,
)

AFFILIATION = _file(
    "Affiliation", "AffiliationID",
    "AffiliationID:S32", "ProjectID:S32", "ResProjectID:S32", *_META,
)

HMIS_PARTICIPATION = _file(
    "HMISParticipation", "HMISParticipationID",
    "HMISParticipationID:S32", "ProjectID:S32", "HMISParticipationType:I[2.08.1]",
    "HMISParticipationStatusStartDate:D", "HMISParticipationStatusEndDate:D?", *_META,
)

CE_PARTICIPATION = _file(
    "CEParticipation", "CEParticipationID",
    "CEParticipationID:S32", "ProjectID:S32", "AccessPoint:I[1.10]",
    *_each("I[1.10]?", "PreventionAssessment", "CrisisAssessment", "HousingAssessment", "DirectServices",
           "ReceivesReferrals"),
    "CEParticipationStatusStartDate:D", "CEParticipationStatusEndDate:D?", *_META,
)

CLIENT = _file(
    "Client", "PersonalID",
    "PersonalID:S32", "FirstName:S50?", "MiddleName:S50?", "LastName:S50?", "NameSuffix:S50?",
    "NameDataQuality:I[3.01.5]", "SSN:S9?", "SSNDataQuality:I[3.02.2]", "DOB:D?", "DOBDataQuality:I[3.03.2]",
    "Sex:I[4.21]?",
    *_each("I[1.10]", "AmIndAKNative", "Asian", "BlackAfAmerican", "HispanicLatinao", "MidEastNAfrican",
           "NativeHIPacific", "White"),
    "RaceNone:I[1.6]?", "AdditionalRaceEthnicity:S100?", "VeteranStatus:I[1.8]", "YearEnteredService:I?",
    "YearSeparated:I?",
    *_each("I[1.8]?", "WorldWarII", "KoreanWar", "VietnamWar", "DesertStorm", "AfghanistanOEF", "IraqOIF",
           "IraqOND", "OtherTheater"),
    "MilitaryBranch:I[V1.11]?", "DischargeStatus:I[V1.12]?", *_META,
)

ENROLLMENT = _file(
    "Enrollment", "EnrollmentID",
    "EnrollmentID:S32", "PersonalID:S32", "ProjectID:S32", "EntryDate:D", "HouseholdID:S32",
    "RelationshipToHoH:I[3.15.1]", "EnrollmentCoC:S6?",
    # 3.917 uses the prior-living-situation subset of list 3.12.1 (reference §2.4).
    "LivingSituation:I[3.917]?", "RentalSubsidyType:I[3.12.A]?", "LengthOfStay:I[3.917.2]?",
    "LOSUnderThreshold:I[1.7]?", "PreviousStreetESSH:I[1.7]?", "DateToStreetESSH:D?",
    "TimesHomelessPastThreeYears:I[3.917.4]?", "MonthsHomelessPastThreeYears:I[3.917.5]?",
    "DisablingCondition:I[1.8]", "DateOfEngagement:D?", "MoveInDate:D?", "DateOfPATHStatus:D?",
    "ClientEnrolledInPATH:I[1.7]?", "ReasonNotEnrolled:I[P3.A]?", "PercentAMI:I[V4.1]?",
    "ReferralSource:I[R1.1]?", "CountOutreachReferralApproaches:I?", "DateOfBCPStatus:D?",
    "EligibleForRHY:I[1.7]?", "ReasonNoServices:I[R2.A]?", "RunawayYouth:I[1.8]?",
    "FormerWardChildWelfare:I[1.8]?", "ChildWelfareYears:I[R11.A]?", "ChildWelfareMonths:I?",
    "FormerWardJuvenileJustice:I[1.8]?", "JuvenileJusticeYears:I[R11.A]?", "JuvenileJusticeMonths:I?",
    *_each("I[1.8]?", "UnemploymentFam", "MentalHealthDisorderFam", "PhysicalDisabilityFam",
           "AlcoholDrugUseDisorderFam", "InsufficientIncome", "IncarceratedParent"),
    "VAMCStation:S5[V6.1]?", "TargetScreenReqd:I[1.7]?", "TimeToHousingLoss:I[V7.A]?",
    "AnnualPercentAMI:I[V7.B]?", "LiteralHomelessHistory:I[V7.C]?",
    *_each("I[1.7]?", "ClientLeaseholder", "HOHLeaseholder", "SubsidyAtRisk"),
    "EvictionHistory:I[V7.G]?", "CriminalRecord:I[1.7]?", "IncarceratedAdult:I[V7.I]?",
    *_each("I[1.7]?", "PrisonDischarge", "SexOffender", "DisabledHoH", "CurrentPregnant", "SingleParent"),
    "DependentUnder6:I[V7.O]?", "HH5Plus:I[1.7]?", "CoCPrioritized:I[1.7]?", "HPScreeningScore:I?",
    "ThresholdScore:I?", "MentalHealthConsultation:I[V10]?", *_META,
)

EXIT = _file(
    "Exit", "ExitID",
    "ExitID:S32", "EnrollmentID:S32", "PersonalID:S32", "ExitDate:D",
    # 3.12 uses the destination subset of list 3.12.1 (reference §2.4).
    "Destination:I[3.12]", "DestinationSubsidyType:I[3.12.A]?", "OtherDestination:S50?",
    "HousingAssessment:I[W5.1]?", "SubsidyInformation:I[W5.AB]?", "ProjectCompletionStatus:I[R17.1]?",
    "EarlyExitReason:I[R17.A]?",
    *_each("I[1.8]?", "ExchangeForSex", "ExchangeForSexPastThreeMonths"),
    "CountOfExchangeForSex:I[R15.B]?", "AskedOrForcedToExchangeForSex:I[1.8]?",
    "AskedOrForcedToExchangeForSexPastThreeMonths:I[1.8]?",
    *_each("I[1.8]?", "WorkplaceViolenceThreats", "WorkplacePromiseDifference", "CoercedToContinueWork",
           "LaborExploitPastThreeMonths"),
    *_each("I[1.10]?", "CounselingReceived", "IndividualCounseling", "FamilyCounseling", "GroupCounseling"),
    "SessionCountAtExit:I?", "PostExitCounselingPlan:I[1.10]?", "SessionsInPlan:I?",
    "DestinationSafeClient:I[1.8]?",
    *_each("I[R19.A]?", "DestinationSafeWorker", "PosAdultConnections", "PosPeerConnections",
           "PosCommunityConnections"),
    "AftercareDate:D?", "AftercareProvided:I[R20.2]?",
    *_each("I[1.10]?", "EmailSocialMedia", "Telephone", "InPersonIndividual", "InPersonGroup"),
    "CMExitReason:I[V9.1]?", *_META,
)

#: 4.02 income sources; each is a 1.7 answer followed by its amount (reference §3.2).
INCOME_SOURCES = (
    "Earned", "Unemployment", "SSI", "SSDI", "VADisabilityService", "VADisabilityNonService", "PrivateDisability",
    "WorkersComp", "TANF", "GA", "SocSecRetirement", "Pension", "ChildSupport", "Alimony", "OtherIncomeSource",
)
#: 4.04 insurance types and the column holding the reason for "No" (list 4.04.A).
INSURANCE_TYPES: tuple[tuple[str, str], ...] = (
    ("Medicaid", "NoMedicaidReason"), ("Medicare", "NoMedicareReason"), ("SCHIP", "NoSCHIPReason"),
    ("VHAServices", "NoVHAReason"), ("EmployerProvided", "NoEmployerProvidedReason"),
    ("COBRA", "NoCOBRAReason"), ("PrivatePay", "NoPrivatePayReason"),
    ("StateHealthIns", "NoStateHealthInsReason"), ("IndianHealthServices", "NoIndianHealthServicesReason"),
)


def income_amount_column(source: str) -> str:
    """The amount column paired with an income source; the last one breaks the pattern (§3.2)."""
    return "OtherIncomeAmount" if source == "OtherIncomeSource" else f"{source}Amount"


INCOME_BENEFITS = _file(
    "IncomeBenefits", "IncomeBenefitsID",
    "IncomeBenefitsID:S32", "EnrollmentID:S32", "PersonalID:S32", "InformationDate:D",
    "IncomeFromAnySource:I[1.8]?", "TotalMonthlyIncome:M+?",
    *(notation for source in INCOME_SOURCES
      for notation in (f"{source}:I[1.7]?", f"{income_amount_column(source)}:M+?")),
    "OtherIncomeSourceIdentify:S50?", "BenefitsFromAnySource:I[1.8]?",
    *_each("I[1.7]?", "SNAP", "WIC", "TANFChildCare", "TANFTransportation", "OtherTANF", "OtherBenefitsSource"),
    "OtherBenefitsSourceIdentify:S50?", "InsuranceFromAnySource:I[1.8]?",
    *(notation for insurance, reason in INSURANCE_TYPES
      for notation in (f"{insurance}:I[1.7]?", f"{reason}:I[4.04.A]?")),
    "OtherInsurance:I[1.7]?", "OtherInsuranceIdentify:S50?", "ADAP:I[1.8]?", "NoADAPReason:I[W3]?",
    "RyanWhiteMedDent:I[1.8]?", "NoRyanWhiteReason:I[W3]?", "ConnectionWithSOAR:I[1.8]?",
    "DataCollectionStage:I[5.03.1]", *_META,
)

HEALTH_AND_DV = _file(
    "HealthAndDV", "HealthAndDVID",
    "HealthAndDVID:S32", "EnrollmentID:S32", "PersonalID:S32", "InformationDate:D",
    "DomesticViolenceSurvivor:I[1.8]?", "WhenOccurred:I[4.11.A]?", "CurrentlyFleeing:I[1.8]?",
    "GeneralHealthStatus:I[R7.1]?", "DentalHealthStatus:I[R7.1]?", "MentalHealthStatus:I[R7.1]?",
    "PregnancyStatus:I[1.8]?", "DueDate:D?", "DataCollectionStage:I[5.03.1]", *_META,
)

EMPLOYMENT_EDUCATION = _file(
    "EmploymentEducation", "EmploymentEducationID",
    "EmploymentEducationID:S32", "EnrollmentID:S32", "PersonalID:S32", "InformationDate:D",
    "LastGradeCompleted:I[R4.1]?", "SchoolStatus:I[R5.1]?", "Employed:I[1.8]?", "EmploymentType:I[R6.A]?",
    "NotEmployedReason:I[R6.B]?", "DataCollectionStage:I[5.03.1]", *_META,
)

DISABILITIES = _file(
    "Disabilities", "DisabilitiesID",
    "DisabilitiesID:S32", "EnrollmentID:S32", "PersonalID:S32", "InformationDate:D", "DisabilityType:I[1.3]",
    # List 1.8, or 4.10.2 when DisabilityType = 10: see code_lists.disability_response_list.
    "DisabilityResponse:I", "IndefiniteAndImpairs:I[1.8]?", "TCellCountAvailable:I[1.8]?", "TCellCount:I?",
    "TCellSource:I[W4.B]?", "ViralLoadAvailable:I[W4.3]?", "ViralLoad:I?", "ViralLoadSource:I[W4.B]?",
    "AntiRetroviral:I[1.8]?", "DataCollectionStage:I[5.03.1]", *_META,
)

SERVICES = _file(
    "Services", "ServicesID",
    "ServicesID:S32", "EnrollmentID:S32", "PersonalID:S32", "DateProvided:D", "RecordType:I[1.4]",
    # The list depends on RecordType: see code_lists.TYPE_PROVIDED_LIST_BY_RECORD_TYPE.
    "TypeProvided:I", "OtherTypeProvided:S50?", "MovingOnOtherType:S50?", "SubTypeProvided:I?", "FAAmount:M?",
    "FAStartDate:D?", "FAEndDate:D?", "ReferralOutcome:I[P2.A]?", *_META,
)

CURRENT_LIVING_SITUATION = _file(
    "CurrentLivingSituation", "CurrentLivingSitID",
    "CurrentLivingSitID:S32", "EnrollmentID:S32", "PersonalID:S32", "InformationDate:D",
    # 4.12 uses the current-living-situation subset of list 3.12.1 (reference §2.4).
    "CurrentLivingSituation:I[4.12]", "CLSSubsidyType:I[3.12.A]?", "VerifiedBy:S200?",
    *_each("I[1.8]?", "LeaveSituation14Days", "SubsequentResidence", "ResourcesToObtain", "LeaseOwn60Day",
           "MovedTwoOrMore"),
    "LocationDetails:S250?", *_META,
)

ASSESSMENT = _file(
    "Assessment", "AssessmentID",
    "AssessmentID:S32", "EnrollmentID:S32", "PersonalID:S32", "AssessmentDate:D", "AssessmentLocation:S250",
    "AssessmentType:I[4.19.3]", "AssessmentLevel:I[4.19.4]", "PrioritizationStatus:I[4.19.7]", *_META,
)

ASSESSMENT_QUESTIONS = _file(
    "AssessmentQuestions", "AssessmentQuestionID",
    "AssessmentQuestionID:S32", "AssessmentID:S32", "EnrollmentID:S32", "PersonalID:S32",
    "AssessmentQuestionGroup:S250?", "AssessmentQuestionOrder:I?", "AssessmentQuestion:S250?",
    "AssessmentAnswer:S500?", *_META,
)

ASSESSMENT_RESULTS = _file(
    "AssessmentResults", "AssessmentResultID",
    "AssessmentResultID:S32", "AssessmentID:S32", "EnrollmentID:S32", "PersonalID:S32",
    "AssessmentResultType:S250?", "AssessmentResult:S250?", *_META,
)

EVENT = _file(
    "Event", "EventID",
    "EventID:S32", "EnrollmentID:S32", "PersonalID:S32", "EventDate:D", "Event:I[4.20.2]",
    "ProbSolDivRRResult:I[1.7]?", "ReferralCaseManageAfter:I[1.7]?", "LocationCrisisOrPHHousing:S250?",
    "ReferralResult:I[4.20.D]?", "ResultDate:D?", *_META,
)

YOUTH_EDUCATION_STATUS = _file(
    "YouthEducationStatus", "YouthEducationStatusID",
    "YouthEducationStatusID:S32", "EnrollmentID:S32", "PersonalID:S32", "InformationDate:D",
    "CurrentSchoolAttend:I[C3.2]?", "MostRecentEdStatus:I[C3.A]?", "CurrentEdStatus:I[C3.B]?",
    "DataCollectionStage:I[5.03.1]", *_META,
)

FILES: tuple[FileSpec, ...] = (
    EXPORT,
    ORGANIZATION, USER, PROJECT, FUNDER, PROJECT_COC, INVENTORY, AFFILIATION, HMIS_PARTICIPATION,
    CE_PARTICIPATION,
    CLIENT,
    ENROLLMENT, EXIT, INCOME_BENEFITS, HEALTH_AND_DV, EMPLOYMENT_EDUCATION, DISABILITIES, SERVICES,
    CURRENT_LIVING_SITUATION, ASSESSMENT, ASSESSMENT_QUESTIONS, ASSESSMENT_RESULTS, EVENT, YOUTH_EDUCATION_STATUS,
)
"""All 24 files in specification order (reference §3.1, "Files")."""

FILES_BY_NAME: Mapping[str, FileSpec] = MappingProxyType({spec.name: spec for spec in FILES})

#: Files below Enrollment that hang off an enrollment (they carry EnrollmentID and PersonalID).
ENROLLMENT_LEVEL_FILES: tuple[FileSpec, ...] = tuple(
    spec for spec in FILES if spec.has_column("EnrollmentID") and spec is not ENROLLMENT
)

#: Under HashStatus 4 hashed names are SHA-256 hex (64) and SSNs last-4 + hex (68) (reference §3.1).
HASHED_MAX_LENGTHS: Mapping[str, int] = MappingProxyType(
    {"FirstName": 64, "MiddleName": 64, "LastName": 64, "SSN": 68}
)
HASH_STATUS_SHA256 = 4


def max_length_for(spec: FileSpec, column: Column, hash_status: int | None = None) -> int | None:
    """The longest value ``column`` may hold, widened for hashed Client fields under HashStatus 4."""
    if hash_status == HASH_STATUS_SHA256 and spec is CLIENT and column.name in HASHED_MAX_LENGTHS:
        return HASHED_MAX_LENGTHS[column.name]
    return column.max_length


def file_spec(name: str) -> FileSpec:
    """The spec of a file by name, with or without ``.csv``; ``KeyError`` if unknown."""
    key = name[:-4] if name.endswith(".csv") else name
    try:
        return FILES_BY_NAME[key]
    except KeyError:
        raise KeyError(f"{name!r} is not an HMIS CSV file") from None


@dataclass(frozen=True)
class Dependency:
    """A dependent field: ``column`` stays null unless ``parent`` holds one of
    ``trigger_values`` (reference §3.1 "Nulls": dependent fields stay null unless
    their parent holds the trigger value)."""

    file: str
    column: str
    parent: str
    trigger_values: frozenset[int]


def _dep(file: str, parent: str, values: set[int], *columns: str) -> tuple[Dependency, ...]:
    return tuple(Dependency(file, column, parent, frozenset(values)) for column in columns)


DEPENDENCIES: tuple[Dependency, ...] = (
    # Reference §2.3 (3.12, 3.917) and §3.2 notes.
    *_dep("Enrollment", "LivingSituation", {435}, "RentalSubsidyType"),
    *_dep("Exit", "Destination", {435}, "DestinationSubsidyType"),
    *_dep("Exit", "Destination", {17}, "OtherDestination"),
    *_dep("CurrentLivingSituation", "CurrentLivingSituation", {435}, "CLSSubsidyType"),
    *_dep("CurrentLivingSituation", "LeaveSituation14Days", {1},
          "SubsequentResidence", "ResourcesToObtain", "LeaseOwn60Day", "MovedTwoOrMore"),
    *_dep("HealthAndDV", "DomesticViolenceSurvivor", {1}, "WhenOccurred", "CurrentlyFleeing"),
    # Reference §2.3 (V1 is expected null when VeteranStatus is not 1).
    *_dep("Client", "VeteranStatus", {1}, "YearEnteredService", "YearSeparated", "WorldWarII", "KoreanWar",
          "VietnamWar", "DesertStorm", "AfghanistanOEF", "IraqOIF", "IraqOND", "OtherTheater",
          "MilitaryBranch", "DischargeStatus"),
    # HUD CSV specification notes for IncomeBenefits (4.02-4.04).
    *_dep("IncomeBenefits", "OtherIncomeSource", {1}, "OtherIncomeSourceIdentify"),
    *_dep("IncomeBenefits", "OtherBenefitsSource", {1}, "OtherBenefitsSourceIdentify"),
    *_dep("IncomeBenefits", "OtherInsurance", {1}, "OtherInsuranceIdentify"),
    *(dependency for insurance, reason in INSURANCE_TYPES
      for dependency in _dep("IncomeBenefits", insurance, {0}, reason)),
    *_dep("IncomeBenefits", "ADAP", {0}, "NoADAPReason"),
    *_dep("IncomeBenefits", "RyanWhiteMedDent", {0}, "NoRyanWhiteReason"),
    # HUD CSV specification notes for EmploymentEducation (R6), YouthEducationStatus (C3), Services.
    *_dep("EmploymentEducation", "Employed", {1}, "EmploymentType"),
    *_dep("EmploymentEducation", "Employed", {0}, "NotEmployedReason"),
    *_dep("YouthEducationStatus", "CurrentSchoolAttend", {0}, "MostRecentEdStatus"),
    *_dep("YouthEducationStatus", "CurrentSchoolAttend", {1, 2}, "CurrentEdStatus"),
    *_dep("Services", "RecordType", {161}, "ReferralOutcome"),
    *_dep("Services", "RecordType", {151, 152}, "FAAmount"),
)
"""Dependent fields the writer must leave empty unless the parent holds a trigger value."""

# Every dependency names real columns; a typo here would silently disable a check.
for _dependency in DEPENDENCIES:
    file_spec(_dependency.file).column(_dependency.column)
    file_spec(_dependency.file).column(_dependency.parent)
del _dependency

"""HUD code lists used by the HMIS CSV columns (FY2026).

Each list is keyed by its number in the HMIS CSV specification (e.g. ``"1.8"``),
so a :class:`~sync.hmis_csv.columns.Column` can name the list it draws from and
the checker can tell a valid code from a typo. Codes and labels follow the
FY2026 HMIS Data Standards (reference §2 and §3.2, HUD's machine-readable list
files). Program-specific lists that the reference does not spell out (most R*,
V*, W* lists) are not enumerated here: :func:`get` returns ``None`` for them and
the checker then only checks that the value is an integer.

Living situations (list 3.12.1) are one HUD list used by three fields with
different allowed subsets (reference §2.4), so they are split into
``"3.917"`` (prior, 3.917), ``"4.12"`` (current, 4.12) and ``"3.12"``
(destination, 3.12); ``"3.12.1"`` is the union of all of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

DOESNT_KNOW = 8
PREFERS_NOT_TO_ANSWER = 9
DATA_NOT_COLLECTED = 99

#: The three "reasons for missing data" codes HUD appends to most lists (list 1.8).
MISSING_REASONS: frozenset[int] = frozenset({DOESNT_KNOW, PREFERS_NOT_TO_ANSWER, DATA_NOT_COLLECTED})

_DK = "Client doesn't know"
_PNA = "Client prefers not to answer"
_DNC = "Data not collected"
_REASONS: tuple[tuple[int, str], ...] = ((8, _DK), (9, _PNA), (99, _DNC))


@dataclass(frozen=True)
class CodeList:
    """One HUD list: its spec number, a short name and code → label."""

    list_id: str
    name: str
    labels: Mapping[int, str]

    def __contains__(self, code: object) -> bool:
        return code in self.labels

    def __iter__(self) -> Iterator[int]:
        return iter(self.labels)

    @property
    def codes(self) -> frozenset[int]:
        return frozenset(self.labels)

    def label(self, code: int) -> str:
        """The HUD label of ``code``; raises ``KeyError`` for a code not in the list."""
        return self.labels[code]


def _make(list_id: str, name: str, *pairs: tuple[int, str]) -> CodeList:
    return CodeList(list_id, name, MappingProxyType(dict(pairs)))


# -- Living situations, reference §2.4 -----------------------------------------

_HOMELESS: tuple[tuple[int, str], ...] = (
    (116, "Place not meant for habitation"),
    (101, "Emergency shelter, including hotel or motel paid for with an ES voucher, or Host Home shelter"),
    (118, "Safe Haven"),
)
_INSTITUTIONAL: tuple[tuple[int, str], ...] = (
    (215, "Foster care home or foster care group home"),
    (206, "Hospital or other residential non-psychiatric medical facility"),
    (207, "Jail, prison or juvenile detention facility"),
    (225, "Long-term care facility or nursing home"),
    (204, "Psychiatric hospital or other psychiatric facility"),
    (205, "Substance abuse treatment facility or detox center"),
)
_TEMPORARY: tuple[tuple[int, str], ...] = (
    (302, "Transitional housing for homeless persons (including homeless youth)"),
    (329, "Residential project or halfway house with no homeless criteria"),
    (314, "Hotel or motel paid for without emergency shelter voucher"),
    (332, "Host Home (non-crisis)"),
)
_STAYING_WITH: tuple[tuple[int, str], ...] = (
    (335, "Staying or living in a family member's room, apartment, or house"),
    (336, "Staying or living in a friend's room, apartment or house"),
)
_TEMPORARY_TENURE: tuple[tuple[int, str], ...] = (
    (312, "Staying or living with family, temporary tenure"),
    (313, "Staying or living with friends, temporary tenure"),
)
_HOPWA_MOVES: tuple[tuple[int, str], ...] = (
    (327, "Moved from one HOPWA funded project to HOPWA TH"),
    (426, "Moved from one HOPWA funded project to HOPWA PH"),
)
_PERMANENT: tuple[tuple[int, str], ...] = (
    (410, "Rental by client, no ongoing housing subsidy"),
    (411, "Owned by client, no ongoing housing subsidy"),
    (421, "Owned by client, with ongoing housing subsidy"),
    (435, "Rental by client, with ongoing housing subsidy"),
)
_PERMANENT_TENURE: tuple[tuple[int, str], ...] = (
    (422, "Staying or living with family, permanent tenure"),
    (423, "Staying or living with friends, permanent tenure"),
)

#: Living-situation code that requires a rental subsidy type (3.12.A).
RENTAL_WITH_SUBSIDY = 435
#: Destination / current situation "Other", which carries free text.
OTHER_SITUATION = 17

HOMELESS_SITUATIONS: frozenset[int] = frozenset(code for code, _ in _HOMELESS)
INSTITUTIONAL_SITUATIONS: frozenset[int] = frozenset(code for code, _ in _INSTITUTIONAL)
TEMPORARY_SITUATIONS: frozenset[int] = frozenset(
    code for code, _ in _TEMPORARY + _STAYING_WITH + _TEMPORARY_TENURE + _HOPWA_MOVES[:1]
)
PERMANENT_SITUATIONS: frozenset[int] = frozenset(
    code for code, _ in _PERMANENT + _PERMANENT_TENURE + _HOPWA_MOVES[1:]
)

PRIOR_LIVING_SITUATION = _make(
    "3.917", "PriorLivingSituation",
    *_HOMELESS, *_INSTITUTIONAL, *_TEMPORARY, *_STAYING_WITH, *_PERMANENT, *_REASONS,
)
CURRENT_LIVING_SITUATION = _make(
    "4.12", "CurrentLivingSituation",
    *_HOMELESS, *_INSTITUTIONAL, *_TEMPORARY, *_STAYING_WITH, *_PERMANENT,
    (17, "Other"), (37, "Worker unable to determine"), *_REASONS,
)
DESTINATION = _make(
    "3.12", "Destination",
    *_HOMELESS, *_INSTITUTIONAL, *_TEMPORARY, *_TEMPORARY_TENURE, *_HOPWA_MOVES, *_PERMANENT,
    *_PERMANENT_TENURE, (17, "Other"), (24, "Deceased"), (30, "No exit interview completed"), *_REASONS,
)
LIVING_SITUATION = _make(
    "3.12.1", "LivingSituation",
    *sorted({**PRIOR_LIVING_SITUATION.labels, **CURRENT_LIVING_SITUATION.labels, **DESTINATION.labels}.items()),
)

# -- Everything else -----------------------------------------------------------

_ALL: tuple[CodeList, ...] = (
    _make("1.1", "ExportPeriodType", (1, "Updated"), (3, "Reporting period"), (4, "Other")),
    _make("1.2", "ExportDirective", (1, "Delta refresh"), (2, "Full refresh"), (3, "Other")),
    _make(
        "1.3", "DisabilityType",
        (5, "Physical disability"), (6, "Developmental disability"), (7, "Chronic health condition"),
        (8, "HIV/AIDS"), (9, "Mental health disorder"), (10, "Substance use disorder"),
    ),
    _make(
        "1.4", "RecordType",
        (141, "PATH service"), (142, "RHY service connections"), (143, "HOPWA service"),
        (144, "SSVF service"), (151, "HOPWA financial assistance"), (152, "SSVF financial assistance"),
        (161, "PATH referral"), (200, "Bed night"), (210, "HUD-VASH OTH voucher tracking"),
        (300, "Moving On assistance"),
    ),
    _make("1.5", "HashStatus", (1, "Unhashed"), (2, "SHA-1 (legacy)"), (3, "Hashed - other"), (4, "SHA-256")),
    _make("1.6", "RaceNone", *_REASONS),
    _make("1.7", "NoYesMissing", (0, "No"), (1, "Yes"), (99, _DNC)),
    _make("1.8", "NoYesReasonsForMissingData", (0, "No"), (1, "Yes"), *_REASONS),
    _make(
        "1.9", "SourceType",
        (1, "CoC HMIS"), (2, "Standalone/agency-specific application"), (3, "Data warehouse"), (4, "Other"),
    ),
    _make("1.10", "NoYes", (0, "No"), (1, "Yes")),
    _make(
        "2.02.6", "ProjectType",
        (0, "Emergency Shelter - Entry Exit"), (1, "Emergency Shelter - Night-by-Night"),
        (2, "Transitional Housing"), (3, "PH - Permanent Supportive Housing"), (4, "Street Outreach"),
        (6, "Services Only"), (7, "Other"), (8, "Safe Haven"), (9, "PH - Housing Only"),
        (10, "PH - Housing with Services"), (11, "Day Shelter"), (12, "Homelessness Prevention"),
        (13, "PH - Rapid Re-Housing"), (14, "Coordinated Entry"),
    ),
    _make("2.02.7", "TargetPopulation", (1, "DV: Survivor of Domestic Violence"), (3, "HIV: Persons with HIV/AIDS"),
          (4, "NA: Not applicable")),
    _make("2.02.8", "HOPWAMedAssistedLivingFac", (0, "No"), (1, "Yes"), (2, "Non-HOPWA funded project")),
    _make("2.02.A", "RRHSubType", (1, "RRH: Services only"), (2, "RRH: Housing with or without services")),
    _make("2.02.D", "HousingType", (1, "Site-based - single site"), (2, "Site-based - clustered / multiple sites"),
          (3, "Tenant-based - scattered site")),
    _make("2.03.4", "GeographyType", (1, "Urban"), (2, "Suburban"), (3, "Rural"), (99, "Unknown / data not collected")),
    _make(
        "2.06.1", "FundingSource",
        (1, "HUD: CoC - Homelessness Prevention"), (2, "HUD: CoC - Permanent Supportive Housing"),
        (3, "HUD: CoC - Rapid Re-Housing"), (4, "HUD: CoC - Supportive Services Only"),
        (5, "HUD: CoC - Transitional Housing"), (6, "HUD: CoC - Safe Haven"),
        (7, "HUD: CoC - Single Room Occupancy (SRO)"), (8, "HUD: ESG - Emergency Shelter"),
        (9, "HUD: ESG - Homelessness Prevention"), (10, "HUD: ESG - Rapid Rehousing"),
        (11, "HUD: ESG - Street Outreach"), (13, "HUD: HOPWA - Hotel/Motel Vouchers"),
        (14, "HUD: HOPWA - Housing Information"), (15, "HUD: HOPWA - Permanent Housing"),
        (16, "HUD: HOPWA - Permanent Housing Placement"),
        (17, "HUD: HOPWA - Short-Term Rent, Mortgage, Utility assistance"),
        (18, "HUD: HOPWA - Short-Term Supportive Facility"), (19, "HUD: HOPWA - Transitional Housing"),
        (20, "HUD: HUD/VASH"), (21, "HHS: PATH - Street Outreach & Supportive Services Only"),
        (22, "HHS: RHY - Basic Center Program"), (23, "HHS: RHY - Maternity Group Home"),
        (24, "HHS: RHY - Transitional Living Program"), (25, "HHS: RHY - Street Outreach Project"),
        (26, "HHS: RHY - Demonstration Project"), (27, "VA: CRS Contract Residential Services"),
        (30, "VA: Community Contract Safe Haven Program"),
        (32, "VA: Compensated Work Therapy Transitional Residence"),
        (33, "VA: Supportive Services for Veteran Families"), (34, "N/A"), (35, "HUD: Pay for Success"),
        (36, "HUD: Public and Indian Housing (PIH) Programs"), (37, "VA: Grant Per Diem - Bridge Housing"),
        (38, "VA: Grant Per Diem - Low Demand"), (39, "VA: Grant Per Diem - Hospital to Housing"),
        (40, "VA: Grant Per Diem - Clinical Treatment"),
        (41, "VA: Grant Per Diem - Service Intensive Transitional Housing"),
        (42, "VA: Grant Per Diem - Transition in Place"),
        (43, "HUD: CoC - Youth Homeless Demonstration Program (YHDP)"),
        (44, "HUD: CoC - Joint Component TH/RRH"),
        (45, "VA: Grant Per Diem - Case Management/Housing Retention"),
        (46, "Local or Other Funding Source"), (50, "HUD: HOME"), (51, "HUD: HOME (ARP)"),
        (52, "HUD: PIH (Emergency Housing Voucher)"), (53, "HUD: ESG - RUSH"),
        (54, "HUD: Unsheltered Special NOFO"), (55, "HUD: Rural Special NOFO"), (56, "HUD: CoC Builds"),
    ),
    _make("2.07.4", "HouseholdType", (1, "Households without children"),
          (3, "Households with at least one adult and one child"), (4, "Households with only children")),
    _make("2.07.5", "BedType", (1, "Facility-based"), (2, "Voucher"), (3, "Other")),
    _make("2.07.6", "Availability", (1, "Year-round"), (2, "Seasonal"), (3, "Overflow")),
    _make("2.08.1", "HMISParticipationType", (0, "Not participating"), (1, "HMIS participating"),
          (2, "Comparable database participating")),
    _make("3.01.5", "NameDataQuality", (1, "Full name reported"),
          (2, "Partial, street name, or code name reported"), *_REASONS),
    _make("3.02.2", "SSNDataQuality", (1, "Full SSN reported"), (2, "Approximate or partial SSN reported"),
          *_REASONS),
    _make("3.03.2", "DOBDataQuality", (1, "Full DOB reported"), (2, "Approximate or partial DOB reported"),
          *_REASONS),
    LIVING_SITUATION,
    PRIOR_LIVING_SITUATION,
    CURRENT_LIVING_SITUATION,
    DESTINATION,
    _make(
        "3.12.A", "RentalSubsidyType",
        (428, "GPD TIP housing subsidy"), (419, "VASH housing subsidy"), (431, "RRH or equivalent subsidy"),
        (433, "HCV voucher (tenant or project based) (not dedicated)"), (434, "Public housing unit"),
        (420, "Rental by client, with other ongoing housing subsidy"), (436, "Housing Stability Voucher"),
        (437, "Family Unification Program Voucher (FUP)"),
        (438, "Foster Youth to Independence Initiative (FYI)"), (439, "Permanent Supportive Housing"),
        (440, "Other permanent housing dedicated for formerly homeless persons"),
    ),
    _make(
        "3.15.1", "RelationshipToHoH",
        (1, "Self (head of household)"), (2, "Head of household's child"),
        (3, "Head of household's spouse or partner"), (4, "Head of household's other relation member"),
        (5, "Other: non-relation member"), (99, _DNC),
    ),
    _make(
        "3.917.2", "LengthOfStay",
        (10, "One night or less"), (11, "Two to six nights"), (2, "One week or more, but less than one month"),
        (3, "One month or more, but less than 90 days"), (4, "90 days or more but less than one year"),
        (5, "One year or longer"), *_REASONS,
    ),
    _make("3.917.4", "TimesHomelessPastThreeYears", (1, "One time"), (2, "Two times"), (3, "Three times"),
          (4, "Four or more times"), *_REASONS),
    _make(
        "3.917.5", "MonthsHomelessPastThreeYears",
        *((100 + months, f"{months} month{'s' if months > 1 else ''}") for months in range(1, 13)),
        (113, "More than 12 months"), *_REASONS,
    ),
    _make("4.04.A", "ReasonNotInsured", (1, "Applied; decision pending"), (2, "Applied; client not eligible"),
          (3, "Client did not apply"), (4, "Insurance type N/A for this client"), *_REASONS),
    _make("4.10.2", "DisabilityResponse (substance use)", (0, "No"), (1, "Alcohol use disorder"),
          (2, "Drug use disorder"), (3, "Both alcohol and drug use disorders"), *_REASONS),
    _make(
        "4.11.A", "WhenDVOccurred",
        (1, "Within the past three months"), (2, "Three to six months ago"), (3, "Six months to one year ago"),
        (4, "One year or more"), *_REASONS,
    ),
    _make("4.14", "BedNight", (200, "Bed night")),
    _make("4.19.3", "AssessmentType", (1, "Phone"), (2, "Virtual"), (3, "In person")),
    _make("4.19.4", "AssessmentLevel", (1, "Crisis needs assessment"), (2, "Housing needs assessment")),
    _make("4.19.7", "PrioritizationStatus", (1, "Placed on prioritization list"),
          (2, "Not placed on prioritization list")),
    _make(
        "4.20.2", "EventType",
        (1, "Referral to Prevention Assistance project"),
        (2, "Problem Solving/Diversion/Rapid Resolution intervention or service"),
        (3, "Referral to scheduled CE Crisis Needs Assessment"),
        (4, "Referral to scheduled CE Housing Needs Assessment"),
        (5, "Referral to post-placement/follow-up case management"),
        (6, "Referral to Street Outreach project or services"),
        (7, "Referral to Housing Navigation project or services"),
        (8, "Referral to non-continuum services: ineligible for continuum services"),
        (9, "Referral to non-continuum services: no availability in continuum services"),
        (10, "Referral to Emergency Shelter bed opening"),
        (11, "Referral to Transitional Housing bed/unit opening"),
        (12, "Referral to Joint TH-RRH project/unit/resource opening"),
        (13, "Referral to RRH project resource opening"), (14, "Referral to PSH project resource opening"),
        (15, "Referral to Other PH project/unit/resource opening"),
        (16, "Referral to emergency assistance/flex fund/furniture assistance"),
        (17, "Referral to Emergency Housing Voucher (EHV)"), (18, "Referral to a Housing Stability Voucher"),
    ),
    _make("4.20.D", "ReferralResult", (1, "Successful referral: client accepted"),
          (2, "Unsuccessful referral: client rejected"), (3, "Unsuccessful referral: provider rejected")),
    _make("4.21", "Sex", (0, "Female"), (1, "Male"), *_REASONS),
    # 6 (post-exit) exists in the Data Standards but is never exported (reference §2.1).
    _make("5.03.1", "DataCollectionStage", (1, "Project start"), (2, "Update"), (3, "Project exit"),
          (5, "Annual assessment")),
    _make(
        "C2.2", "MovingOnAssistance",
        (1, "Subsidized housing application assistance"), (2, "Financial assistance for Moving On"),
        (3, "Non-financial assistance for Moving On"), (4, "Housing referral/placement"), (5, "Other"),
    ),
    _make(
        "C3.2", "CurrentSchoolAttend",
        (0, "Not currently enrolled in any school or educational course"),
        (1, "Currently enrolled but NOT attending regularly"), (2, "Currently enrolled and attending regularly"),
        *_REASONS,
    ),
    _make(
        "C3.A", "MostRecentEdStatus",
        (0, "K12: Graduated from high school"), (1, "K12: Obtained GED"), (2, "K12: Dropped out"),
        (3, "K12: Suspended"), (4, "K12: Expelled"),
        (5, "Higher education: Pursuing a credential but not currently attending"),
        (6, "Higher education: Dropped out"), (7, "Higher education: Obtained a credential/degree"), *_REASONS,
    ),
    _make(
        "C3.B", "CurrentEdStatus",
        (0, "Pursuing a high school diploma or GED"), (1, "Pursuing Associate's Degree"),
        (2, "Pursuing Bachelor's Degree"), (3, "Pursuing Graduate Degree"),
        (4, "Pursuing other post-secondary credential"), *_REASONS,
    ),
    _make(
        "P1.2", "PATHServices",
        (1, "Re-engagement"), (2, "Screening"), (3, "Habilitation/rehabilitation"), (4, "Community mental health"),
        (5, "Substance use treatment"), (6, "Case management"), (7, "Residential supportive services"),
        (8, "Housing minor renovation"), (9, "Housing moving assistance"), (10, "Housing eligibility determination"),
        (11, "Security deposits"), (12, "One-time rent for eviction prevention"), (14, "Clinical assessment"),
    ),
    _make(
        "P2.2", "PATHReferral",
        (1, "Community mental health"), (2, "Substance use treatment"), (3, "Primary health/dental care"),
        (4, "Job training"), (5, "Educational services"), (6, "Housing services"), (7, "Permanent housing"),
        (8, "Income assistance"), (9, "Employment assistance"), (10, "Medical insurance"), (11, "Temporary housing"),
    ),
    _make("P2.A", "PATHReferralOutcome", (1, "Attained"), (2, "Not attained"), (3, "Unknown")),
    _make(
        "R14.2", "RHYServices",
        (2, "Community service/service learning (CSL)"), (5, "Education"), (6, "Employment and training services"),
        (7, "Criminal justice/legal services"), (8, "Life skills training"),
        (10, "Parenting education for youth with children"), (12, "Post-natal care for client"),
        (13, "Pre-natal care"), (14, "Health/medical care"), (17, "Substance use disorder treatment"),
        (18, "Substance use disorder/prevention services"), (26, "Home-based services"),
        (27, "Post-natal newborn care"), (28, "STD testing"), (29, "Street-based services"),
    ),
    _make(
        "R17.A", "EarlyExitReason",
        (1, "Left for other opportunities - independent living"), (2, "Left for other opportunities - education"),
        (3, "Left for other opportunities - military"), (4, "Left for other opportunities - other"),
        (5, "Needs could not be met by project"),
    ),
    _make(
        "V1.11", "MilitaryBranch",
        (1, "Army"), (2, "Air Force"), (3, "Navy"), (4, "Marines"), (6, "Coast Guard"), (7, "Space Force"),
        *_REASONS,
    ),
    _make(
        "V1.12", "DischargeStatus",
        (1, "Honorable"), (2, "General under honorable conditions"), (4, "Bad conduct"), (5, "Dishonorable"),
        (6, "Under other than honorable conditions (OTH)"), (7, "Uncharacterized"), *_REASONS,
    ),
    _make(
        "V3.3", "SSVFFinancialAssistance",
        (1, "Rental assistance"), (2, "Security deposit"), (3, "Utility deposit"),
        (4, "Utility fee payment assistance"), (5, "Moving costs"), (8, "Transportation services: tokens/vouchers"),
        (9, "Transportation services: vehicle repair/maintenance"), (10, "Child care"),
        (12, "General housing stability assistance"), (14, "Emergency housing assistance"),
        (15, "Shallow subsidy - financial assistance"), (16, "Food assistance"), (17, "Landlord incentive"),
        (18, "Tenant incentive"),
    ),
    _make(
        "V10", "MentalHealthConsultation",
        (1, "Completed"), (2, "Being arranged with a VA provider"), (3, "Being arranged with another provider"),
        (4, "Offer declined"),
    ),
)

LISTS: Mapping[str, CodeList] = MappingProxyType({code_list.list_id: code_list for code_list in _ALL})

#: Services.TypeProvided draws from a different list per RecordType (reference §3.2,
#: Services.csv). Record types whose list is not enumerated here are absent.
TYPE_PROVIDED_LIST_BY_RECORD_TYPE: Mapping[int, str] = MappingProxyType(
    {141: "P1.2", 142: "R14.2", 152: "V3.3", 161: "P2.2", 200: "4.14", 300: "C2.2"}
)

#: Disabilities.DisabilityResponse uses 4.10.2 for substance use (type 10), else 1.8.
SUBSTANCE_USE_DISORDER = 10


def disability_response_list(disability_type: int) -> str:
    """The list DisabilityResponse draws from for ``disability_type`` (reference §3.2)."""
    return "4.10.2" if disability_type == SUBSTANCE_USE_DISORDER else "1.8"


def get(list_id: str) -> CodeList | None:
    """The list with spec number ``list_id``, or ``None`` if it is not enumerated here."""
    return LISTS.get(list_id)


def require(list_id: str) -> CodeList:
    """Like :func:`get` but raises ``KeyError`` naming the list, for callers that rely on it."""
    found = LISTS.get(list_id)
    if found is None:
        raise KeyError(f"HUD list {list_id!r} is not enumerated in sync.hmis_csv.code_lists")
    return found

"""The HMIS CSV FY2026 column specification matches the HUD format exactly.

The expected headers below are an independent, hand-typed copy: the twelve
files listed in the project's HUD reference (§3.2) are copied from it; the
other twelve from the HUD HMIS CSV Format Specifications that §3.2 points to.
They are deliberately not generated from ``sync.hmis_csv.columns``.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from sync.hmis_csv import code_lists
from sync.hmis_csv.columns import (
    CSV_VERSION,
    DEPENDENCIES,
    FILES,
    FILES_BY_NAME,
    HASH_STATUS_SHA256,
    Kind,
    file_spec,
    max_length_for,
)

META = ["DateCreated", "DateUpdated", "UserID", "DateDeleted", "ExportID"]

EXPECTED_HEADERS: dict[str, list[str]] = {
    "Export": [
        "ExportID", "SourceType", "SourceID", "SourceName", "SourceContactFirst", "SourceContactLast",
        "SourceContactPhone", "SourceContactExtension", "SourceContactEmail", "ExportDate", "ExportStartDate",
        "ExportEndDate", "SoftwareName", "SoftwareVersion", "CSVVersion", "ExportPeriodType", "ExportDirective",
        "HashStatus", "ImplementationID",
    ],
    "Organization": ["OrganizationID", "OrganizationName", "VictimServiceProvider", "OrganizationCommonName", *META],
    "User": [
        "UserID", "UserFirstName", "UserLastName", "UserPhone", "UserExtension", "UserEmail", "DateCreated",
        "DateUpdated", "DateDeleted", "ExportID",
    ],
    "Project": [
        "ProjectID", "OrganizationID", "ProjectName", "ProjectCommonName", "OperatingStartDate", "OperatingEndDate",
        "ContinuumProject", "ProjectType", "HousingType", "RRHSubType", "ResidentialAffiliation", "TargetPopulation",
        "HOPWAMedAssistedLivingFac", "PITCount", *META,
    ],
    "Funder": ["FunderID", "ProjectID", "Funder", "OtherFunder", "GrantID", "StartDate", "EndDate", *META],
    "ProjectCoC": [
        "ProjectCoCID", "ProjectID", "CoCCode", "Geocode", "Address1", "Address2", "City", "State", "ZIP",
        "GeographyType", *META,
    ],
    "Inventory": [
        "InventoryID", "ProjectID", "CoCCode", "HouseholdType", "Availability", "UnitInventory", "BedInventory",
        "CHVetBedInventory", "YouthVetBedInventory", "VetBedInventory", "CHYouthBedInventory", "YouthBedInventory",
        "CHBedInventory", "OtherBedInventory", "ESBedType", "InventoryStartDate", "InventoryEndDate", *META,
    ],
    "Affiliation": ["AffiliationID", "ProjectID", "ResProjectID", *META],
    "HMISParticipation": [
        "HMISParticipationID", "ProjectID", "HMISParticipationType", "HMISParticipationStatusStartDate",
        "HMISParticipationStatusEndDate", *META,
    ],
    "CEParticipation": [
        "CEParticipationID", "ProjectID", "AccessPoint", "PreventionAssessment", "CrisisAssessment",
        "HousingAssessment", "DirectServices", "ReceivesReferrals", "CEParticipationStatusStartDate",
        "CEParticipationStatusEndDate", *META,
    ],
    "Client": [
        "PersonalID", "FirstName", "MiddleName", "LastName", "NameSuffix", "NameDataQuality", "SSN",
        "SSNDataQuality", "DOB", "DOBDataQuality", "Sex", "AmIndAKNative", "Asian", "BlackAfAmerican",
        "HispanicLatinao", "MidEastNAfrican", "NativeHIPacific", "White", "RaceNone", "AdditionalRaceEthnicity",
        "VeteranStatus", "YearEnteredService", "YearSeparated", "WorldWarII", "KoreanWar", "VietnamWar",
        "DesertStorm", "AfghanistanOEF", "IraqOIF", "IraqOND", "OtherTheater", "MilitaryBranch", "DischargeStatus",
        *META,
    ],
    "Enrollment": [
        "EnrollmentID", "PersonalID", "ProjectID", "EntryDate", "HouseholdID", "RelationshipToHoH", "EnrollmentCoC",
        "LivingSituation", "RentalSubsidyType", "LengthOfStay", "LOSUnderThreshold", "PreviousStreetESSH",
        "DateToStreetESSH", "TimesHomelessPastThreeYears", "MonthsHomelessPastThreeYears", "DisablingCondition",
        "DateOfEngagement", "MoveInDate", "DateOfPATHStatus", "ClientEnrolledInPATH", "ReasonNotEnrolled",
        "PercentAMI", "ReferralSource", "CountOutreachReferralApproaches", "DateOfBCPStatus", "EligibleForRHY",
        "ReasonNoServices", "RunawayYouth", "FormerWardChildWelfare", "ChildWelfareYears", "ChildWelfareMonths",
        "FormerWardJuvenileJustice", "JuvenileJusticeYears", "JuvenileJusticeMonths", "UnemploymentFam",
        "MentalHealthDisorderFam", "PhysicalDisabilityFam", "AlcoholDrugUseDisorderFam", "InsufficientIncome",
        "IncarceratedParent", "VAMCStation", "TargetScreenReqd", "TimeToHousingLoss", "AnnualPercentAMI",
        "LiteralHomelessHistory", "ClientLeaseholder", "HOHLeaseholder", "SubsidyAtRisk", "EvictionHistory",
        "CriminalRecord", "IncarceratedAdult", "PrisonDischarge", "SexOffender", "DisabledHoH", "CurrentPregnant",
        "SingleParent", "DependentUnder6", "HH5Plus", "CoCPrioritized", "HPScreeningScore", "ThresholdScore",
        "MentalHealthConsultation", *META,
    ],
    "Exit": [
        "ExitID", "EnrollmentID", "PersonalID", "ExitDate", "Destination", "DestinationSubsidyType",
        "OtherDestination", "HousingAssessment", "SubsidyInformation", "ProjectCompletionStatus", "EarlyExitReason",
        "ExchangeForSex", "ExchangeForSexPastThreeMonths", "CountOfExchangeForSex", "AskedOrForcedToExchangeForSex",
        "AskedOrForcedToExchangeForSexPastThreeMonths", "WorkplaceViolenceThreats", "WorkplacePromiseDifference",
        "CoercedToContinueWork", "LaborExploitPastThreeMonths", "CounselingReceived", "IndividualCounseling",
        "FamilyCounseling", "GroupCounseling", "SessionCountAtExit", "PostExitCounselingPlan", "SessionsInPlan",
        "DestinationSafeClient", "DestinationSafeWorker", "PosAdultConnections", "PosPeerConnections",
        "PosCommunityConnections", "AftercareDate", "AftercareProvided", "EmailSocialMedia", "Telephone",
        "InPersonIndividual", "InPersonGroup", "CMExitReason", *META,
    ],
    "IncomeBenefits": [
        "IncomeBenefitsID", "EnrollmentID", "PersonalID", "InformationDate", "IncomeFromAnySource",
        "TotalMonthlyIncome", "Earned", "EarnedAmount", "Unemployment", "UnemploymentAmount", "SSI", "SSIAmount",
        "SSDI", "SSDIAmount", "VADisabilityService", "VADisabilityServiceAmount", "VADisabilityNonService",
        "VADisabilityNonServiceAmount", "PrivateDisability", "PrivateDisabilityAmount", "WorkersComp",
        "WorkersCompAmount", "TANF", "TANFAmount", "GA", "GAAmount", "SocSecRetirement", "SocSecRetirementAmount",
        "Pension", "PensionAmount", "ChildSupport", "ChildSupportAmount", "Alimony", "AlimonyAmount",
        "OtherIncomeSource", "OtherIncomeAmount", "OtherIncomeSourceIdentify", "BenefitsFromAnySource", "SNAP",
        "WIC", "TANFChildCare", "TANFTransportation", "OtherTANF", "OtherBenefitsSource",
        "OtherBenefitsSourceIdentify", "InsuranceFromAnySource", "Medicaid", "NoMedicaidReason", "Medicare",
        "NoMedicareReason", "SCHIP", "NoSCHIPReason", "VHAServices", "NoVHAReason", "EmployerProvided",
        "NoEmployerProvidedReason", "COBRA", "NoCOBRAReason", "PrivatePay", "NoPrivatePayReason", "StateHealthIns",
        "NoStateHealthInsReason", "IndianHealthServices", "NoIndianHealthServicesReason", "OtherInsurance",
        "OtherInsuranceIdentify", "ADAP", "NoADAPReason", "RyanWhiteMedDent", "NoRyanWhiteReason",
        "ConnectionWithSOAR", "DataCollectionStage", *META,
    ],
    "HealthAndDV": [
        "HealthAndDVID", "EnrollmentID", "PersonalID", "InformationDate", "DomesticViolenceSurvivor", "WhenOccurred",
        "CurrentlyFleeing", "GeneralHealthStatus", "DentalHealthStatus", "MentalHealthStatus", "PregnancyStatus",
        "DueDate", "DataCollectionStage", *META,
    ],
    "EmploymentEducation": [
        "EmploymentEducationID", "EnrollmentID", "PersonalID", "InformationDate", "LastGradeCompleted",
        "SchoolStatus", "Employed", "EmploymentType", "NotEmployedReason", "DataCollectionStage", *META,
    ],
    "Disabilities": [
        "DisabilitiesID", "EnrollmentID", "PersonalID", "InformationDate", "DisabilityType", "DisabilityResponse",
        "IndefiniteAndImpairs", "TCellCountAvailable", "TCellCount", "TCellSource", "ViralLoadAvailable",
        "ViralLoad", "ViralLoadSource", "AntiRetroviral", "DataCollectionStage", *META,
    ],
    "Services": [
        "ServicesID", "EnrollmentID", "PersonalID", "DateProvided", "RecordType", "TypeProvided",
        "OtherTypeProvided", "MovingOnOtherType", "SubTypeProvided", "FAAmount", "FAStartDate", "FAEndDate",
        "ReferralOutcome", *META,
    ],
    "CurrentLivingSituation": [
        "CurrentLivingSitID", "EnrollmentID", "PersonalID", "InformationDate", "CurrentLivingSituation",
        "CLSSubsidyType", "VerifiedBy", "LeaveSituation14Days", "SubsequentResidence", "ResourcesToObtain",
        "LeaseOwn60Day", "MovedTwoOrMore", "LocationDetails", *META,
    ],
    "Assessment": [
        "AssessmentID", "EnrollmentID", "PersonalID", "AssessmentDate", "AssessmentLocation", "AssessmentType",
        "AssessmentLevel", "PrioritizationStatus", *META,
    ],
    "AssessmentQuestions": [
        "AssessmentQuestionID", "AssessmentID", "EnrollmentID", "PersonalID", "AssessmentQuestionGroup",
        "AssessmentQuestionOrder", "AssessmentQuestion", "AssessmentAnswer", *META,
    ],
    "AssessmentResults": [
        "AssessmentResultID", "AssessmentID", "EnrollmentID", "PersonalID", "AssessmentResultType",
        "AssessmentResult", *META,
    ],
    "Event": [
        "EventID", "EnrollmentID", "PersonalID", "EventDate", "Event", "ProbSolDivRRResult",
        "ReferralCaseManageAfter", "LocationCrisisOrPHHousing", "ReferralResult", "ResultDate", *META,
    ],
    "YouthEducationStatus": [
        "YouthEducationStatusID", "EnrollmentID", "PersonalID", "InformationDate", "CurrentSchoolAttend",
        "MostRecentEdStatus", "CurrentEdStatus", "DataCollectionStage", *META,
    ],
}

# Column counts printed in the reference's §3.2 headings.
REFERENCE_COUNTS = {
    "Export": 19, "Organization": 9, "User": 10, "Project": 19, "Client": 38, "Enrollment": 67, "Exit": 44,
    "IncomeBenefits": 77, "HealthAndDV": 18, "Disabilities": 20, "Services": 18, "CurrentLivingSituation": 18,
}

SPEC_ORDER = [
    "Export", "Organization", "User", "Project", "Funder", "ProjectCoC", "Inventory", "Affiliation",
    "HMISParticipation", "CEParticipation", "Client", "Enrollment", "Exit", "IncomeBenefits", "HealthAndDV",
    "EmploymentEducation", "Disabilities", "Services", "CurrentLivingSituation", "Assessment",
    "AssessmentQuestions", "AssessmentResults", "Event", "YouthEducationStatus",
]

# Program-specific lists the columns name but code_lists deliberately does not enumerate.
NOT_ENUMERATED = {
    "P3.A", "V4.1", "R1.1", "R2.A", "R11.A", "V6.1", "V7.A", "V7.B", "V7.C", "V7.G", "V7.I", "V7.O", "W5.1",
    "W5.AB", "R17.1", "R15.B", "R19.A", "R20.2", "V9.1", "R7.1", "W3", "W4.B", "W4.3", "R4.1", "R5.1", "R6.A",
    "R6.B",
}


def test_csv_version() -> None:
    assert CSV_VERSION == "2026 v1.0"


def test_files_are_the_24_in_spec_order() -> None:
    assert [spec.name for spec in FILES] == SPEC_ORDER
    assert len(FILES) == 24
    assert [spec.filename for spec in FILES] == [f"{name}.csv" for name in SPEC_ORDER]


@pytest.mark.parametrize("name", SPEC_ORDER)
def test_header_matches_reference(name: str) -> None:
    assert list(FILES_BY_NAME[name].header) == EXPECTED_HEADERS[name]


@pytest.mark.parametrize(("name", "count"), sorted(REFERENCE_COUNTS.items()))
def test_column_counts_match_reference_headings(name: str, count: int) -> None:
    assert len(FILES_BY_NAME[name].columns) == count


def test_headers_are_pascal_case_without_underscores() -> None:
    for spec in FILES:
        for column in spec.columns:
            assert "_" not in column.name and column.name[0].isupper(), (spec.name, column.name)


def test_shared_trailing_columns() -> None:
    for spec in FILES:
        tail = [column.name for column in spec.columns[-5:]]
        if spec.name == "Export":
            assert spec.columns[0].name == "ExportID" and "DateCreated" not in spec.header
        elif spec.name == "User":
            assert tail[-4:] == ["DateCreated", "DateUpdated", "DateDeleted", "ExportID"]
        else:
            assert tail == META, spec.name
            assert spec.column("DateDeleted").nullable
            assert not spec.column("DateCreated").nullable
            assert spec.column("UserID").type_code == "S32"


def test_selected_types_nullability_and_lists() -> None:
    client = file_spec("Client")
    assert client.column("SSN").type_code == "S9" and client.column("SSN").nullable
    assert client.column("DOB").kind is Kind.DATE and client.column("DOB").nullable
    assert client.column("Sex").code_list == "4.21" and client.column("Sex").nullable
    assert client.column("VeteranStatus").code_list == "1.8" and not client.column("VeteranStatus").nullable
    assert client.column("RaceNone").code_list == "1.6"
    assert file_spec("Export").column("SourceID").type_code == "S350"
    assert file_spec("Export").column("ExportDate").kind is Kind.TIMESTAMP
    assert file_spec("CurrentLivingSituation.csv").column("VerifiedBy").type_code == "S200"
    enrollment = file_spec("Enrollment")
    assert not enrollment.column("RelationshipToHoH").nullable
    assert not enrollment.column("DisablingCondition").nullable
    assert enrollment.column("VAMCStation").kind is Kind.STRING and enrollment.column("VAMCStation").code_list == "V6.1"
    assert enrollment.header.index("MentalHealthConsultation") == enrollment.header.index("ThresholdScore") + 1
    income = file_spec("IncomeBenefits")
    assert income.column("TotalMonthlyIncome").kind is Kind.MONEY_NON_NEGATIVE
    assert income.column("OtherIncomeAmount").type_code == "M+"
    assert file_spec("Services").column("FAAmount").kind is Kind.MONEY
    assert file_spec("ProjectCoC").column("ZIP").type_code == "S5"


def test_every_named_code_list_is_enumerated_or_known_program_specific() -> None:
    for spec in FILES:
        for column in spec.columns:
            if column.code_list is None:
                continue
            assert code_lists.get(column.code_list) is not None or column.code_list in NOT_ENUMERATED, (
                spec.name, column.name, column.code_list,
            )


def test_only_strings_have_lengths() -> None:
    for spec in FILES:
        for column in spec.columns:
            if column.kind is Kind.STRING:
                assert column.max_length is not None and column.max_length > 0
            else:
                assert column.max_length is None


def test_ids_are_unique_columns() -> None:
    for spec in FILES:
        assert spec.id_column is not None
        assert spec.columns[0].name == spec.id_column


def test_file_spec_lookup() -> None:
    assert file_spec("Client.csv") is file_spec("Client")
    with pytest.raises(KeyError):
        file_spec("Gender")
    with pytest.raises(KeyError):
        file_spec("Client").column("Woman")


def test_hashed_lengths() -> None:
    client = file_spec("Client")
    assert max_length_for(client, client.column("FirstName"), HASH_STATUS_SHA256) == 64
    assert max_length_for(client, client.column("SSN"), HASH_STATUS_SHA256) == 68
    assert max_length_for(client, client.column("SSN"), 1) == 9
    assert max_length_for(client, client.column("NameSuffix"), HASH_STATUS_SHA256) == 50


def test_dependencies_point_at_nullable_children() -> None:
    for dependency in DEPENDENCIES:
        assert file_spec(dependency.file).column(dependency.column).nullable, dependency


def test_living_situation_subsets() -> None:
    prior, current, destination = code_lists.require("3.917"), code_lists.require("4.12"), code_lists.require("3.12")
    assert 335 in prior and 335 in current and 335 not in destination
    assert 312 in destination and 312 not in prior
    assert 37 in current and 37 not in destination and 37 not in prior
    assert {24, 30} <= destination.codes and 24 not in current
    assert 17 in current and 17 in destination and 17 not in prior
    assert prior.codes | current.codes | destination.codes == code_lists.require("3.12.1").codes


def test_sync_imports_no_qt() -> None:
    code = (
        "import sys, sync.hmis_csv.checker, sync.hmis_csv.writer_base, sync.hmis_csv.values\n"
        "bad = [name for name in sys.modules if name.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

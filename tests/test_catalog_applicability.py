"""Which questions a household member is asked: HUD subjects, collection stage,
project type, and the dependent-field logic (3.917A / 3.917B, 3.12.A, 4.12.B-F)."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from app.catalog import (
    DataCollectionStage,
    MemberContext,
    ProjectType,
    Subjects,
    load_questions,
    questions_for_member,
)

START = DataCollectionStage.PROJECT_START
EXIT = DataCollectionStage.PROJECT_EXIT

DATE_BLOCK = ("DateToStreetESSH", "TimesHomelessPastThreeYears", "MonthsHomelessPastThreeYears")


def asked(
    project_type: ProjectType | int,
    *,
    adult: bool = True,
    hoh: bool = True,
    stage: DataCollectionStage = START,
    answers: Mapping[str, object] | None = None,
) -> set[str]:
    return {
        q.field
        for q in questions_for_member(
            load_questions(),
            project_type=project_type,
            is_adult=adult,
            is_head_of_household=hoh,
            stage=stage,
            answers=answers,
        )
    }


@pytest.mark.parametrize(
    ("subjects", "adult", "hoh", "expected"),
    [
        (Subjects.ALL, False, False, True),
        (Subjects.ADULTS, False, True, False),
        (Subjects.ADULTS, True, False, True),
        (Subjects.HEAD_OF_HOUSEHOLD, True, False, False),
        (Subjects.HEAD_OF_HOUSEHOLD, False, True, True),
        (Subjects.HOH_AND_ADULTS, False, False, False),
        (Subjects.HOH_AND_ADULTS, False, True, True),
        (Subjects.HOH_AND_ADULTS, True, False, True),
    ],
)
def test_subjects(subjects: Subjects, adult: bool, hoh: bool, expected: bool) -> None:
    assert subjects.includes(is_adult=adult, is_head_of_household=hoh) is expected


def test_a_child_is_not_asked_veteran_status() -> None:
    child = asked(ProjectType.ES_ENTRY_EXIT, adult=False, hoh=False)
    assert "VeteranStatus" not in child
    assert {"FirstName", "DOB", "Sex", "RelationshipToHoH", "DisablingCondition"} <= child
    assert "VeteranStatus" in asked(ProjectType.ES_ENTRY_EXIT, adult=True, hoh=False)


def test_prior_living_situation_is_asked_of_heads_of_household_and_adults() -> None:
    assert "LivingSituation" in asked(ProjectType.TRANSITIONAL_HOUSING, adult=True, hoh=False)
    assert "LivingSituation" in asked(ProjectType.TRANSITIONAL_HOUSING, adult=False, hoh=True)
    assert "LivingSituation" not in asked(ProjectType.TRANSITIONAL_HOUSING, adult=False, hoh=False)


def test_client_location_is_asked_of_the_head_of_household_only() -> None:
    assert "EnrollmentCoC" in asked(ProjectType.PH_RAPID_RE_HOUSING, hoh=True)
    assert "EnrollmentCoC" not in asked(ProjectType.PH_RAPID_RE_HOUSING, hoh=False)


def test_exit_questions_only_at_exit() -> None:
    at_start = asked(ProjectType.ES_ENTRY_EXIT, stage=START)
    at_exit = asked(ProjectType.ES_ENTRY_EXIT, stage=EXIT)
    assert {"ExitDate", "Destination"} <= at_exit
    assert not {"ExitDate", "Destination"} & at_start
    assert "LivingSituation" not in at_exit and "EntryDate" in at_start


def test_current_living_situation_and_engagement_by_project_type() -> None:
    """VT-6.2-1: which elements are asked follows the project type."""
    outreach = asked(ProjectType.STREET_OUTREACH)
    assert {"CurrentLivingSituation", "InformationDate", "DateOfEngagement"} <= outreach
    assert "VerifiedBy" not in outreach
    entry = asked(ProjectType.COORDINATED_ENTRY)
    assert {"CurrentLivingSituation", "VerifiedBy"} <= entry and "DateOfEngagement" not in entry
    psh = asked(ProjectType.PH_PERMANENT_SUPPORTIVE_HOUSING)
    assert not {"CurrentLivingSituation", "DateOfEngagement"} & psh
    assert "CurrentLivingSituation" not in asked(
        ProjectType.STREET_OUTREACH, adult=False, hoh=False
    )


def test_current_living_situation_is_a_per_contact_record() -> None:
    catalog = load_questions()
    assert catalog.question("CurrentLivingSituation").per_contact
    assert not catalog.question("LivingSituation").per_contact


@pytest.mark.parametrize("project_type", [0, 1, 4, 8])
def test_3917a_asks_everyone_the_date_times_and_months(project_type: int) -> None:
    """3.917A (ES, SO, SH): asked even after a stay in the client's own rental."""
    shown = asked(project_type, answers={"LivingSituation": 435, "LengthOfStay": 5})
    assert set(DATE_BLOCK) <= shown
    assert not {"LOSUnderThreshold", "PreviousStreetESSH"} & shown
    assert "RentalSubsidyType" in shown


@pytest.mark.parametrize("project_type", [2, 3, 6, 7, 9, 10, 11, 12, 13, 14])
def test_3917b_homeless_prior_situation_asks_the_date_block(project_type: int) -> None:
    shown = asked(project_type, answers={"LivingSituation": 116, "LengthOfStay": 5})
    assert set(DATE_BLOCK) <= shown
    assert not {"LOSUnderThreshold", "PreviousStreetESSH"} & shown


@pytest.mark.parametrize(
    ("situation", "stay", "under", "street", "date_block"),
    [
        (207, 3, 1, 1, True),  # institutional, under 90 days, streets the night before
        (207, 3, 1, 0, False),  # not on the streets the night before
        (207, 4, 0, None, False),  # 90 days or more
        (410, 11, 1, 1, True),  # rental, under 7 nights, streets the night before
        (410, 2, 0, None, False),  # a week or more
        (335, 10, 1, 1, True),  # with family one night
    ],
)
def test_3917b_institutional_and_housed_situations(
    situation: int, stay: int, under: int, street: int | None, date_block: bool
) -> None:
    answers: dict[str, object] = {
        "LivingSituation": situation,
        "LengthOfStay": stay,
        "LOSUnderThreshold": under,
    }
    if street is not None:
        answers["PreviousStreetESSH"] = street
    shown = asked(ProjectType.PH_PERMANENT_SUPPORTIVE_HOUSING, answers=answers)
    assert "LOSUnderThreshold" in shown
    assert ("PreviousStreetESSH" in shown) is (under == 1)
    for field in DATE_BLOCK:
        assert (field in shown) is date_block, field


def test_3917b_nothing_more_before_the_situation_is_known() -> None:
    shown = asked(ProjectType.TRANSITIONAL_HOUSING, answers={})
    assert {"LivingSituation", "LengthOfStay"} <= shown
    assert not set(DATE_BLOCK) & shown
    assert not {"LOSUnderThreshold", "PreviousStreetESSH", "RentalSubsidyType"} & shown


def test_race_none_only_when_no_race_is_marked() -> None:
    seven = (
        "AmIndAKNative",
        "Asian",
        "BlackAfAmerican",
        "HispanicLatinao",
        "MidEastNAfrican",
        "NativeHIPacific",
        "White",
    )
    none_marked = dict.fromkeys(seven, 0)
    assert "RaceNone" in asked(ProjectType.ES_ENTRY_EXIT, answers=none_marked)
    one_marked = {**none_marked, "Asian": 1}
    assert "RaceNone" not in asked(ProjectType.ES_ENTRY_EXIT, answers=one_marked)


def test_destination_dependents() -> None:
    other = asked(ProjectType.ES_ENTRY_EXIT, stage=EXIT, answers={"Destination": 17})
    assert "OtherDestination" in other and "DestinationSubsidyType" not in other
    subsidy = asked(ProjectType.ES_ENTRY_EXIT, stage=EXIT, answers={"Destination": 435})
    assert "DestinationSubsidyType" in subsidy and "OtherDestination" not in subsidy


def test_current_living_situation_follow_ups() -> None:
    """4.12.B after an institutional/temporary/permanent situation; C-F only when B is yes."""
    follow_ups = {"SubsequentResidence", "ResourcesToObtain", "LeaseOwn60Day", "MovedTwoOrMore"}
    street = asked(ProjectType.STREET_OUTREACH, answers={"CurrentLivingSituation": 116})
    assert "LeaveSituation14Days" not in street
    motel = asked(ProjectType.STREET_OUTREACH, answers={"CurrentLivingSituation": 314})
    assert "LeaveSituation14Days" in motel and not follow_ups & motel
    leaving = asked(
        ProjectType.STREET_OUTREACH,
        answers={"CurrentLivingSituation": 314, "LeaveSituation14Days": 1},
    )
    assert follow_ups <= leaving


def test_catalog_methods_agree_with_the_helper() -> None:
    catalog = load_questions()
    member = MemberContext(ProjectType.STREET_OUTREACH, True, True, START)
    assert catalog.applicable(member) == questions_for_member(
        catalog, project_type=4, is_adult=True, is_head_of_household=True, stage=1
    )
    assert [s.section.id for s in catalog.sections] == [
        "identity",
        "demographics",
        "enrollment",
        "prior_living",
        "contact",
        "exit",
    ]


def test_unknown_project_type_is_rejected() -> None:
    with pytest.raises(ValueError):
        asked(5)

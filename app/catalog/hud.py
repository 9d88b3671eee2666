"""HUD code values that the loader and the applicability rules reason about.

The labels for these codes live in ``forms/questions/code_lists.toml`` (lists 2.02.6
and 5.03.1) for display; the enums exist so code can name a project type or a
collection stage without a magic number. A test checks both agree.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ProjectType(IntEnum):
    """HUD 2.02.6 ProjectType (FY2026). Code 5 is retired and not used."""

    ES_ENTRY_EXIT = 0
    ES_NIGHT_BY_NIGHT = 1
    TRANSITIONAL_HOUSING = 2
    PH_PERMANENT_SUPPORTIVE_HOUSING = 3
    STREET_OUTREACH = 4
    SERVICES_ONLY = 6
    OTHER = 7
    SAFE_HAVEN = 8
    PH_HOUSING_ONLY = 9
    PH_HOUSING_WITH_SERVICES = 10
    DAY_SHELTER = 11
    HOMELESSNESS_PREVENTION = 12
    PH_RAPID_RE_HOUSING = 13
    COORDINATED_ENTRY = 14


class DataCollectionStage(IntEnum):
    """HUD 5.03.1 DataCollectionStage: when an answer is collected."""

    PROJECT_START = 1
    UPDATE = 2
    PROJECT_EXIT = 3
    ANNUAL_ASSESSMENT = 5
    POST_EXIT = 6


class Subjects(StrEnum):
    """Which household members HUD asks an element of (Data Standards "Subjects").

    Adult means 18 or older; head of household means RelationshipToHoH = 1.
    """

    ALL = "all"
    ADULTS = "adults"
    HEAD_OF_HOUSEHOLD = "hoh"
    HOH_AND_ADULTS = "hoh_and_adults"

    def includes(self, *, is_adult: bool, is_head_of_household: bool) -> bool:
        """Whether a member with these traits is asked an element with these subjects."""
        if self is Subjects.ALL:
            return True
        if self is Subjects.ADULTS:
            return is_adult
        if self is Subjects.HEAD_OF_HOUSEHOLD:
            return is_head_of_household
        return is_adult or is_head_of_household


class QuestionType(StrEnum):
    """How an answer is entered: free text, a date, one code from a list, or a 0/1 box."""

    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"
    FLAG = "flag"


class Record(StrEnum):
    """The HMIS CSV file whose column a question fills."""

    CLIENT = "Client"
    ENROLLMENT = "Enrollment"
    EXIT = "Exit"
    CURRENT_LIVING_SITUATION = "CurrentLivingSituation"


#: The response HUD requires the UI to offer wherever a choice is forced (§2.1).
DATA_NOT_COLLECTED = 99
#: HUD list 1.6: the "doesn't know / prefers not to answer / not collected" codes.
MISSING_DATA_CODES: frozenset[int] = frozenset({8, 9, 99})

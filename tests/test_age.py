"""The one age computation (app/domain/age.py), used by the consent rules (minor
signer), the intake's adult questions, the caseload and the HMIS CSV checker."""

from datetime import date

from app.caseload import age_on as caseload_age
from app.domain.age import age_on


def test_a_birthday_counts_on_the_day_itself() -> None:
    assert age_on(date(2008, 6, 15), date(2026, 6, 14)) == 17
    assert age_on(date(2008, 6, 15), date(2026, 6, 15)) == 18


def test_born_on_29_february_turns_a_year_older_on_1_march_in_a_common_year() -> None:
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_the_caseload_reads_the_same_age_from_text() -> None:
    assert caseload_age("2008-02-29", date(2026, 3, 1)) == age_on(date(2008, 2, 29), date(2026, 3, 1))

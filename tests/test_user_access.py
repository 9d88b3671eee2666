"""The pack's user agreements and trainings ([user_access]), driven through the
headless command: recorded at set-up and with a new account, refused at sign-in when
missing or lapsed, and closed client records for an administrator until recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from support import ADMIN_PASSWORD, ADMIN_USER, auth, run_cli, single_sentence

from app.packs import load_pack
from app.user_access import evaluate, lapses_on

TODAY = datetime.now(UTC).date()


def _init(data: Path, pack: str, *extra: str) -> None:
    result = run_cli(data, "init", "--pack", pack, *extra, *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr


def _add_user(data: Path, name: str, role: str, *extra: str) -> str:
    result = run_cli(data, "user", "add", name, "--role", role, *extra, *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _first_sign_in(data: Path, name: str, temporary: str, new_password: str) -> None:
    result = run_cli(data, "change-password", *auth(name), stdin=f"{temporary}\n{new_password}\n")
    assert result.returncode == 0, result.stderr


def _search(data: Path, user: str, password: str):  # type: ignore[no-untyped-def]
    return run_cli(data, "search", "zz", "--json", *auth(user), password=password)


def _record(data: Path, user: str, *args: str):  # type: ignore[no-untyped-def]
    return run_cli(data, "user", "record-access", user, *args, *auth(), password=ADMIN_PASSWORD)


NEW_PASSWORD = "Quillfeather!Lantern42"


def test_vt_2_1_5_an_administrator_without_the_training_sees_no_client_record(tmp_path: Path) -> None:
    """VT-2.1-5, VT-2.1-1, VT-3.4-15: access only after the agreement and training; set up
    without them, the administrator signs in to record them and searching is refused."""
    data = tmp_path / "vt"
    _init(data, "vt")
    refused = _search(data, ADMIN_USER, ADMIN_PASSWORD)
    assert refused.returncode != 0
    # The sign-in's warning, then the refusal of the search: one sentence each.
    warning, refusal = refused.stderr.strip().splitlines()
    assert warning.startswith("Warning: ") and single_sentence(refusal), refused.stderr
    for clause in ("VT-2.1-1", "VT-2.1-5", "VT-2.2-8", "VT-3.4-15", "VT-2.1-7"):
        assert clause in refused.stderr
    shown = run_cli(data, "user", "access", ADMIN_USER, "--json", *auth(), password=ADMIN_PASSWORD)
    assert shown.returncode == 0, shown.stderr
    assert shown.json()["client_records_open"] is False
    assert {r["state"] for r in shown.json()["requirements"]} == {"missing"}
    assert _record(data, ADMIN_USER, "--requirement", "all", "--on", "today").returncode == 0
    assert _search(data, ADMIN_USER, ADMIN_PASSWORD).returncode == 0
    after = run_cli(data, "user", "access", ADMIN_USER, "--json", *auth(), password=ADMIN_PASSWORD).json()
    assert after["client_records_open"] is True


def test_vt_2_2_8_a_lapsed_annual_security_training_refuses_a_case_manager(tmp_path: Path) -> None:
    """VT-2.2-8: annual security training keeps the licence; a year and a day after the
    last one, a case manager is refused at sign-in, and a new training reopens access."""
    data = tmp_path / "vt"
    _init(data, "vt", "--access-completed", "today")
    year_ago = (TODAY - timedelta(days=366)).isoformat()
    temporary = _add_user(data, "casey.worker", "case_manager_1", "--access-completed", year_ago)
    refused = run_cli(data, "change-password", *auth("casey.worker"), stdin=f"{temporary}\n{NEW_PASSWORD}\n")
    assert refused.returncode != 0
    assert single_sentence(refused.stderr), refused.stderr
    assert "VT-2.2-8" in refused.stderr
    assert "Security training" in refused.stderr
    assert "Basic HMIS training" not in refused.stderr  # done once, still counts
    assert _record(data, "casey.worker", "--requirement", "security_training", "--on", "today").returncode == 0
    _first_sign_in(data, "casey.worker", temporary, NEW_PASSWORD)
    assert _search(data, "casey.worker", NEW_PASSWORD).returncode == 0


def test_mo_train_3_access_closes_on_1_october_without_recertification(tmp_path: Path) -> None:
    """MO-TRAIN-3, MO-PRIV-2, MO-ACCESS-1, MO-TRAIN-1 (A29): the agreement and the
    recertification count for one HUD fiscal year; one done before the current fiscal
    year began no longer opens client records."""
    data = tmp_path / "mo"
    _init(data, "mo", "--access-completed", "today")
    fiscal_start = date(TODAY.year if TODAY.month >= 10 else TODAY.year - 1, 10, 1)
    last_year = (fiscal_start - timedelta(days=40)).isoformat()
    temporary = _add_user(data, "morgan.intake", "case_manager", "--access-completed", last_year)
    refused = run_cli(data, "change-password", *auth("morgan.intake"), stdin=f"{temporary}\n{NEW_PASSWORD}\n")
    assert refused.returncode != 0
    assert single_sentence(refused.stderr), refused.stderr
    for clause in ("MO-TRAIN-3", "MO-PRIV-2"):
        assert clause in refused.stderr
    assert "MO-TRAIN-1" not in refused.stderr  # new user training is once
    renewed = _record(data, "morgan.intake", "--requirement", "user_agreement", "--requirement",
                      "confidentiality_agreement", "--requirement", "recertification", "--on", "today")
    assert renewed.returncode == 0, renewed.stderr
    _first_sign_in(data, "morgan.intake", temporary, NEW_PASSWORD)


def test_ct_211_2_training_unused_for_45_days_lapses_45_days_after_the_notice(tmp_path: Path) -> None:
    """CT-211-1, CT-211-2, CT-110-1, CT-401-2: a user who has not signed in within 45 days
    of training needs retraining, and loses access 45 days after that notice."""
    data = tmp_path / "ct"
    _init(data, "ct", "--access-completed", "today")
    trained = (TODAY - timedelta(days=91)).isoformat()
    temporary = _add_user(data, "riley.outreach", "case_manager", "--access-completed", trained)
    refused = run_cli(data, "change-password", *auth("riley.outreach"), stdin=f"{temporary}\n{NEW_PASSWORD}\n")
    assert refused.returncode != 0
    assert "CT-211-2" in refused.stderr
    status = run_cli(data, "user", "access", "riley.outreach", "--json", *auth(), password=ADMIN_PASSWORD).json()
    states = {r["requirement"]: r["state"] for r in status["requirements"]}
    assert states == {"licence_and_agreement": "current", "training": "lapsed"}


def test_record_access_refuses_bad_input_with_one_sentence(tmp_path: Path) -> None:
    data = tmp_path / "ct"
    _init(data, "ct", "--access-completed", "today")
    tomorrow = (TODAY + timedelta(days=2)).isoformat()
    for args in (("--requirement", "bogus", "--on", "today"), ("--requirement", "training", "--on", tomorrow),
                 ("--requirement", "training", "--on", "last tuesday"), ("--requirement", "training")):
        result = _record(data, ADMIN_USER, *args)
        assert result.returncode != 0, args
        assert "Traceback" not in result.stderr
        assert single_sentence(result.stderr), result.stderr
    assert _record(data, "nobody.here", "--requirement", "training", "--on", "today").returncode != 0


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_every_pack_names_its_access_clauses(pack: str) -> None:
    """Each pack's [user_access] requirement cites clauses of that pack only."""
    policy = load_pack(pack).user_access
    assert policy.requirements
    for requirement in policy.requirements:
        assert all(c.id.lower().startswith(pack) for c in requirement.clauses)


def test_mo_train_3_a_september_renewal_counts_for_the_coming_fiscal_year() -> None:
    """MO-TRAIN-3 (A29): the pack's reading lets a renewal from 1 September count."""
    recert = load_pack("mo").user_access.requirement("recertification")
    assert recert is not None
    assert lapses_on(recert, date(2026, 9, 5), None) == date(2027, 10, 1)
    assert lapses_on(recert, date(2026, 8, 20), None) == date(2026, 10, 1)
    policy = load_pack("mo").user_access
    done = {r.id: date(2026, 8, 20) for r in policy.requirements}
    assert [g.requirement.id for g in evaluate(policy, done, {}, date(2026, 10, 1)).gaps] == [
        "user_agreement", "confidentiality_agreement", "recertification"]
    assert evaluate(policy, done, {}, date(2026, 9, 15)).due_soon


def test_ct_211_1_a_sign_in_within_45_days_keeps_the_training() -> None:
    """CT-211-1: the first sign-in within 45 days of the training keeps it current."""
    training = load_pack("ct").user_access.requirement("training")
    assert training is not None
    assert lapses_on(training, date(2026, 1, 1), date(2026, 2, 10)) is None
    assert lapses_on(training, date(2026, 1, 1), date(2026, 2, 20)) == date(2026, 4, 1)
    assert lapses_on(training, date(2026, 1, 1), None) == date(2026, 4, 1)


def test_vt_2_1_7_a_user_not_recorded_as_staff_or_volunteer_of_18_is_refused(tmp_path: Path) -> None:
    """VT-2.1-7 (C12): users are paid staff or official volunteers aged 18 or over; every
    other requirement recorded, the missing eligibility alone refuses the sign-in."""
    data = tmp_path / "vt"
    _init(data, "vt", "--access-completed", "today")
    temporary = _add_user(data, "jules.volunteer", "volunteer")
    others = [r.id for r in load_pack("vt").user_access.requirements if r.id != "eligibility"]
    args = [a for rid in others for a in ("--requirement", rid)]
    assert _record(data, "jules.volunteer", *args, "--on", "today").returncode == 0
    refused = run_cli(data, "change-password", *auth("jules.volunteer"), stdin=f"{temporary}\n{NEW_PASSWORD}\n")
    assert refused.returncode != 0 and single_sentence(refused.stderr), refused.stderr
    assert "(VT-2.1-7)" in refused.stderr and "VT-2.2-8" not in refused.stderr
    assert _record(data, "jules.volunteer", "--requirement", "eligibility", "--on", "today").returncode == 0
    _first_sign_in(data, "jules.volunteer", temporary, NEW_PASSWORD)


def test_vt_2_2_1_a_second_account_for_the_same_person_is_refused(tmp_path: Path) -> None:
    """VT-2.2-1: every user has a unique licence, one account per person; a second enabled
    account with the same full name is refused, in one sentence, and nothing is added."""
    data = tmp_path / "vt"
    _init(data, "vt", "--access-completed", "today")
    _add_user(data, "sam.field", "case_manager_1", "--display-name", "Samwise Quillbury")
    again = run_cli(data, "user", "add", "sam.q", "--role", "volunteer", "--display-name", "samwise  QUILLBURY",
                    *auth(), password=ADMIN_PASSWORD)
    assert again.returncode != 0 and single_sentence(again.stderr), again.stderr
    assert "VT-2.2-1" in again.stderr
    listed = run_cli(data, "user", "list", "--json", *auth(), password=ADMIN_PASSWORD).json()
    assert [u["username"] for u in listed].count("sam.q") == 0
    ct = tmp_path / "ct"  # a pack that does not ask it lets two people share a name
    _init(ct, "ct", "--access-completed", "today")
    _add_user(ct, "sam.one", "case_manager", "--display-name", "Samwise Quillbury")
    _add_user(ct, "sam.two", "case_manager", "--display-name", "Samwise Quillbury")

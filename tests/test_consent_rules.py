"""Consent rules per pack; each test names the clause it checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.packs import load_pack
from app.rules.consent import ConsentRequest, consent_current, evaluate_consent, roi_expiry

TODAY = date(2026, 3, 2)


def written(**changes: object) -> ConsentRequest:
    base = ConsentRequest(
        method="written", sharing="shared", signed_on=TODAY, script_acknowledged=True,
        shared_with=("Continuum of Care partner agencies",), signature_captured=True,
        release_to_share_signed=True, expires_on=date(2027, 3, 1),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def clauses(decision) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.clause for p in decision.problems}


@pytest.mark.parametrize("pack_id", ["ct", "vt", "mo"])
def test_a_complete_written_consent_is_accepted_by_every_pack(pack_id: str) -> None:
    decision = evaluate_consent(load_pack(pack_id), written(), TODAY)
    assert decision.ok, decision.problems
    assert decision.may_enter_data


def test_ct_207_2_script_must_be_acknowledged_before_the_interview() -> None:
    decision = evaluate_consent(load_pack("ct"), written(script_acknowledged=False), TODAY)
    assert "CT-207-2" in clauses(decision)
    assert not decision.may_enter_data


def test_ct_207_7_verbal_only_when_first_contact_is_by_phone() -> None:
    pack = load_pack("ct")
    in_person = written(method="verbal", signature_captured=False, verbal_reason="client could not write")
    assert "CT-207-7" in clauses(evaluate_consent(pack, in_person, TODAY))
    by_phone = replace(in_person, first_contact_by_phone=True)
    assert evaluate_consent(pack, by_phone, TODAY).ok


def test_ct_207_8_sharing_needs_a_separate_release() -> None:
    decision = evaluate_consent(load_pack("ct"), written(release_to_share_signed=False), TODAY)
    assert "CT-207-8" in clauses(decision)


def test_ct_207_1_declined_means_no_data() -> None:
    decision = evaluate_consent(load_pack("ct"), written(method="declined", sharing="not_shared"), TODAY)
    assert not decision.may_enter_data
    assert decision.sharing == "not_shared"


def test_mo_roi_9_verbal_consent_signature_line() -> None:
    request = written(method="verbal", signature_captured=False, verbal_reason="outreach at night, no form")
    decision = evaluate_consent(load_pack("mo"), request, TODAY)
    assert decision.ok
    assert decision.signature_line == "Verbal Consent"


def test_mo_roi_9_verbal_needs_a_reason() -> None:
    request = written(method="verbal", signature_captured=False, verbal_reason=" ")
    assert "MO-ROI-9" in clauses(evaluate_consent(load_pack("mo"), request, TODAY))


def test_mo_roi_8_declined_locks_the_household_but_intake_goes_on() -> None:
    """MO-RIGHTS-3: declining costs no services; the record is entered unshared and locked."""
    decision = evaluate_consent(load_pack("mo"), written(method="declined"), TODAY)
    assert decision.locks_household
    assert decision.sharing == "not_shared"
    assert decision.may_enter_data


def test_mo_roi_10_roi_expires_one_year_after_signing() -> None:
    pack = load_pack("mo")
    assert roi_expiry(pack, date(2026, 3, 2)) == date(2027, 3, 1)
    assert consent_current(pack, date(2025, 3, 2), None, None, date(2026, 3, 1))
    assert not consent_current(pack, date(2025, 3, 2), None, None, date(2026, 3, 2))


def test_mo_roi_10_a22_leap_day_signing() -> None:
    assert roi_expiry(load_pack("mo"), date(2024, 2, 29)) == date(2025, 2, 28)


def test_mo_rights_4_revoked_consent_is_not_current_from_that_day() -> None:
    pack = load_pack("mo")
    assert consent_current(pack, date(2026, 1, 1), None, date(2026, 3, 3), TODAY)
    assert not consent_current(pack, date(2026, 1, 1), None, date(2026, 3, 2), TODAY)


def test_vt_3_4_14_a_minor_cannot_consent_unless_emancipated() -> None:
    pack = load_pack("vt")
    minor = written(client_dob=date(2010, 5, 5))
    assert "VT-3.4-14" in clauses(evaluate_consent(pack, minor, TODAY))
    assert evaluate_consent(pack, replace(minor, emancipated=True), TODAY).ok
    assert evaluate_consent(pack, replace(minor, signer_is_guardian=True), TODAY).ok


def test_vt_3_4_14_is_a_vermont_rule_only() -> None:
    minor = written(client_dob=date(2010, 5, 5))
    assert evaluate_consent(load_pack("mo"), minor, TODAY).ok


@pytest.mark.parametrize("population", ["dv", "hiv", "youth", "legal"])
def test_vt_3_1_2_protected_programs_force_not_shared(population: str) -> None:
    decision = evaluate_consent(load_pack("vt"), written(project_populations=(population,)), TODAY)
    assert decision.sharing == "not_shared"
    assert any(n.clause == "VT-3.1-2" for n in decision.notices)


def test_mo_prot_1_protected_projects_do_not_share() -> None:
    decision = evaluate_consent(load_pack("mo"), written(project_populations=("protected",)), TODAY)
    assert decision.sharing == "not_shared"


def test_vt_3_4_2_possible_dv_victim_needs_explicit_permission() -> None:
    pack = load_pack("vt")
    request = written(possible_dv_victim=True)
    assert "VT-3.4-2" in clauses(evaluate_consent(pack, request, TODAY))
    allowed = replace(request, dv_permission_to_enter=True, dv_permission_to_share=True)
    assert evaluate_consent(pack, allowed, TODAY).ok


def test_written_consent_needs_a_signature_or_attested_paper_form() -> None:
    request = written(signature_captured=False)
    assert not evaluate_consent(load_pack("mo"), request, TODAY).ok
    assert evaluate_consent(load_pack("mo"), replace(request, paper_form_attested=True), TODAY).ok


def test_consent_dated_in_the_future_is_refused() -> None:
    decision = evaluate_consent(load_pack("mo"), written(signed_on=date(2026, 3, 3)), TODAY)
    assert any(p.field == "signed_on" for p in decision.problems)

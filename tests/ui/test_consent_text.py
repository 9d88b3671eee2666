"""The consent text the client signs, filled from their choices (no widgets): every
pack's text names with whom, what and until when once the client shares, leaves the
release to share out under Not Shared, and its SHA-256 follows the exact text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.intake.flow import IntakeFlow
from app.packs import load_pack
from app.projects import ProjectInfo
from ui.wizard.consent_text import render_consent, signature_binding

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _flow(pack_id: str, populations: tuple[str, ...] = ()) -> IntakeFlow:
    project = ProjectInfo("p-1", "Street Outreach", 4, populations)
    flow = IntakeFlow(load_pack(pack_id), [project], NOW)
    flow.consent.shared_with = "Harbor Street Clinic"
    flow.consent.shared_information = "name and date of birth"
    flow.consent.expires_on = "2027-02-28"
    return flow


@pytest.mark.parametrize("pack_id", ["ct", "vt", "mo"])
def test_a_shared_release_is_complete_in_every_pack(pack_id: str) -> None:
    """CT-207-8/9, VT-2.1-19, MO-ROI-1: what, with whom and until when are in the text."""
    flow = _flow(pack_id)
    flow.consent.sharing = "shared"
    for language in ("en", "es"):
        flow.language = language
        rendered = render_consent(flow, "Test Agency", "Ada Admin", "the client")
        assert "\u2014" not in rendered.text and "{" not in rendered.text
        assert "name and date of birth" in rendered.text
        expiry = "2027-03-01" if pack_id == "mo" else "2027-02-28"  # MO-ROI-10: the policy's term
        assert expiry in rendered.text


def test_not_shared_leaves_the_release_to_share_out() -> None:
    """CT-207-8: the consent to enter data and the release to share are separate."""
    flow = _flow("ct")
    flow.consent.sharing = "not_shared"
    text = render_consent(flow, "Test Agency", "Ada Admin", "the client").text
    assert "may enter my information" in text
    assert "Harbor Street Clinic" not in text and "shared electronically" not in text
    assert "only Test Agency can see it" in text


def test_the_hash_follows_the_text_and_the_signer() -> None:
    flow = _flow("vt")
    flow.consent.sharing = "shared"
    first = render_consent(flow, "Test Agency", "Ada Admin", "the client")
    again = render_consent(flow, "Test Agency", "Ada Admin", "the client")
    assert first.sha256 == again.sha256 and len(first.sha256) == 64
    flow.consent.shared_with = "Harbor Street Clinic, Lamplight Pantry"
    changed = render_consent(flow, "Test Agency", "Ada Admin", "the client")
    assert changed.sha256 != first.sha256
    by_client = signature_binding(flow, changed)
    flow.consent.signer_is_guardian = True
    assert signature_binding(flow, changed) != by_client, "VT-3.4-14: who signs is part of what was signed"


def test_an_adults_own_consent_is_asked_once_the_age_is_known() -> None:
    """CT: each adult in the household consents for themselves. On the household step
    no date of birth is typed yet, so the question waits; once the member's page gives
    an adult's date of birth, the problem is there again, and the save refuses it."""
    flow = _flow("ct")
    flow.add_member()
    flow.members[1].answers.update(FirstName="Odile", LastName="Larkspurrow", RelationshipToHoH=3)
    consent_problems = [p for p in flow.check()[0] if p.path.startswith("members[1].consent")]
    assert consent_problems, "the core rule sees an unknown age as an adult's"
    assert not [p for p in consent_problems if not flow._age_unknown_yet(p)], "the wizard waits for the age"
    flow.members[1].answers.update(DOB="1990-01-01", DOBDataQuality=1)
    still = [p for p in flow.check()[0] if p.path.startswith("members[1].consent")]
    assert still and not any(flow._age_unknown_yet(p) for p in still)

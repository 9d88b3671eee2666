"""After intake: an expired or revoked consent holds new data back where the pack says
so, and a new consent lifts the hold. Each test names the clause it checks.

The vault's clock is fixed on 2 March 2026; intakes are dated around it. Synthetic
people only (the example intakes' invented names).
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from support import make_vault

from app.clock import FakeClock
from app.consents import ConsentNeeded, ConsentRefused, entry_hold_for, record_consent
from app.errors import PermissionDenied, ValidationError
from app.followup import record_contact, record_exit, record_service, revoke_consent
from app.intake import IntakeResult, parse_document, save_intake
from app.intake.document import ConsentInput
from app.notes import add_note, request_note_deletion
from app.packs import load_pack
from app.rules.consent import StoredConsent, entry_hold, uncovered_day
from app.security.users import add_user
from app.session import Session, sign_in

FORMS = Path(__file__).resolve().parent.parent / "forms" / "intake"
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
TODAY = NOW.date()
TEMP = "Temp!Password4Cobble"


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(
        b"IEND", b"")


class Vaults:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.clock = FakeClock(NOW)
        self.sessions: list[Session] = []

    def open(self, pack: str) -> Session:
        info = make_vault(self.tmp_path / pack, pack, self.clock)
        session = info.sign_in()
        self.sessions.append(session)
        return session


@pytest.fixture
def vaults(tmp_path: Path) -> Iterator[Vaults]:
    made = Vaults(tmp_path)
    yield made
    for session in made.sessions:
        session.close()


def intake(session: Session, signed: str, **consent: Any) -> IntakeResult:
    """The pack's example intake, signed and started on ``signed``."""
    doc = json.loads((FORMS / f"example-{session.pack.id}.json").read_text("utf-8"))
    doc["collected_at"] = f"{signed}T09:00:00Z"
    doc["consent"]["signed_on"] = signed
    doc["consent"].update(consent)
    for member in doc["members"]:
        member["enrollment"]["EntryDate"] = signed
    return save_intake(session, parse_document(doc))


def counts(session: Session) -> tuple[int, ...]:
    return tuple(int(session.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                 for table in ("consent", "outbox", "audit_event", "current_living_situation", "service",
                               "project_exit", "case_note"))


def verbal_roi(**changes: Any) -> ConsentInput:
    values: dict[str, Any] = {"method": "verbal", "sharing": "shared", "signed_on": TODAY,
                              "shared_with": ("MoHMIS participating agencies",),
                              "verbal_reason": "Met by the river; no paper form with us", "witness": "Second worker"}
    values.update(changes)
    return ConsentInput(**values)


def ct_written_release(**changes: Any) -> ConsentInput:
    values: dict[str, Any] = {"method": "written", "sharing": "shared", "signed_on": TODAY,
                              "shared_with": ("CT HMIS participating agencies",), "expires_on": date(2027, 3, 1),
                              "signature_png": tiny_png(), "release_to_share_signed": True}
    values.update(changes)
    return ConsentInput(**values)


def one_sentence(text: str) -> bool:
    return text.endswith(".") and "\n" not in text and text.count(". ") == 0


# -- Missouri: the ROI expires after a year (MO-ROI-10) --------------------------------------


def test_mo_roi_10_expired_roi_blocks_new_contact(vaults: Vaults) -> None:
    session = vaults.open("mo")
    result = intake(session, "2025-03-01")  # valid through 2026-02-28 (A22)
    before = counts(session)
    with pytest.raises(ConsentNeeded) as refused:
        record_contact(session, result.enrollment_ids[0], TODAY, 116)
    hold = refused.value.hold
    assert (hold.kind, hold.clause, hold.since) == ("expired", "MO-ROI-10", date(2026, 2, 28))
    message = str(refused.value)
    assert "expired on 2026-02-28" in message and "record a new consent" in message and one_sentence(message)
    assert counts(session) == before, "nothing stored, not even an audit event"


@pytest.mark.parametrize("action", ["service", "exit", "note"])
def test_mo_roi_10_expired_roi_blocks_services_exits_and_case_notes(vaults: Vaults, action: str) -> None:
    session = vaults.open("mo")
    result = intake(session, "2025-03-01")
    enrollment, person = result.enrollment_ids[0], result.personal_ids[0]
    before = counts(session)
    with pytest.raises(ConsentNeeded):
        if action == "service":
            record_service(session, enrollment, TODAY, 141, 6)
        elif action == "exit":
            record_exit(session, enrollment, TODAY, 116)
        else:
            add_note(session, person, "Asked about a bed for tonight.")
    assert counts(session) == before


def test_mo_roi_10_an_roi_holds_through_the_day_before_its_anniversary(vaults: Vaults) -> None:
    """A22: signed 2 March 2025, valid through 1 March 2026."""
    session = vaults.open("mo")
    vaults.clock.set(datetime(2026, 3, 1, 20, 0, tzinfo=UTC))
    result = intake(session, "2025-03-02")
    record_contact(session, result.enrollment_ids[0], date(2026, 3, 1), 116)
    vaults.clock.set(NOW)
    with pytest.raises(ConsentNeeded):
        record_contact(session, result.enrollment_ids[0], TODAY, 116)


def test_mo_roi_10_a_new_roi_lifts_the_hold_for_the_whole_household(vaults: Vaults) -> None:
    """MO-ROI-3: one ROI covers every household member, so the renewal is recorded for each."""
    session = vaults.open("mo")
    result = intake(session, "2025-03-01")
    head, child = result.personal_ids
    audit_before = counts(session)[2]
    ids = record_consent(session, head, verbal_roi(), script_acknowledged=True)
    assert len(ids) == 2
    rows = session.conn.execute(
        "SELECT personal_id, method, sharing, signed_on, expires_on, verbal_reason, signature_png FROM consent"
        " WHERE consent_id IN (?, ?)", ids).fetchall()
    assert {r[0] for r in rows} == {head, child}
    assert {tuple(r[1:6]) for r in rows} == {("verbal", "shared", "2026-03-02", "2027-03-01",
                                               "Met by the river; no paper form with us")}
    payloads = [json.loads(r[0]) for r in session.conn.execute(
        "SELECT payload FROM outbox WHERE entity = 'consent' AND operation = 'create' AND entity_id IN (?, ?)", ids)]
    assert len(payloads) == 2 and all("signature_png" not in p and p["signature_captured"] is False for p in payloads)
    events = session.conn.execute("SELECT action, detail FROM audit_event ORDER BY seq").fetchall()[audit_before:]
    assert [e[0] for e in events] == ["consent.recorded", "consent.recorded"]
    assert entry_hold_for(session, head) is None and entry_hold_for(session, child) is None
    record_contact(session, result.enrollment_ids[0], TODAY, 116)
    record_service(session, result.enrollment_ids[1], TODAY, 141, 1)


def test_mo_roi_11_a_record_dated_between_releases_needs_the_helpdesk(vaults: Vaults) -> None:
    session = vaults.open("mo")
    result = intake(session, "2025-03-01")  # through 2026-02-28
    record_consent(session, result.personal_ids[0], verbal_roi(), script_acknowledged=True)  # from 2026-03-02
    enrollment = result.enrollment_ids[0]
    before = counts(session)
    with pytest.raises(ValidationError) as refused:
        record_contact(session, enrollment, date(2026, 3, 1), 116)
    assert refused.value.field == "information_date" and "MO-ROI-11" in str(refused.value)
    with pytest.raises(ValidationError) as exit_refused:
        record_exit(session, enrollment, date(2026, 3, 1), 116)
    assert exit_refused.value.field == "exit_date"
    assert counts(session) == before
    record_contact(session, enrollment, date(2026, 2, 27), 116)  # under the old ROI
    record_contact(session, enrollment, TODAY, 116)  # under the new one


def test_mo_roi_8_a_declined_renewal_locks_the_household_and_services_go_on(vaults: Vaults) -> None:
    """MO-RIGHTS-3: declining must not cost the client services; the record is locked instead."""
    session = vaults.open("mo")
    result = intake(session, "2025-03-01")
    record_consent(session, result.personal_ids[0], ConsentInput("declined", "not_shared", TODAY),
                   script_acknowledged=True)
    assert session.conn.execute("SELECT min(locked) FROM enrollment").fetchone()[0] == 1
    upserts = [json.loads(r[0]) for r in session.conn.execute(
        "SELECT payload FROM outbox WHERE entity = 'enrollment' AND payload LIKE '%\"locked\":1%'")]
    assert sorted(p["enrollment_id"] for p in upserts) == sorted(result.enrollment_ids)
    assert session.conn.execute("SELECT count(*) FROM audit_event WHERE action = 'enrollment.locked'"
                                ).fetchone()[0] == 2
    record_service(session, result.enrollment_ids[0], TODAY, 141, 6)


@pytest.mark.parametrize(("consent", "field", "clause"), [
    (verbal_roi(verbal_reason=""), "verbal_reason", "MO-ROI-9"),
    (verbal_roi(signed_on=date(2026, 3, 3)), "signed_on", "MO-ROI-11"),
    (ConsentInput("written", "shared", TODAY, ("MoHMIS participating agencies",)), "signature", "MO-ROI-7"),
    (verbal_roi(sharing="shared", shared_with=()), "shared_with", "MO-ROI-7"),
])
def test_a_renewal_that_breaks_a_rule_is_refused_and_nothing_is_stored(
        vaults: Vaults, consent: ConsentInput, field: str, clause: str) -> None:
    session = vaults.open("mo")
    result = intake(session, "2025-03-01")
    before = counts(session)
    with pytest.raises(ConsentRefused) as refused:
        record_consent(session, result.personal_ids[0], consent, script_acknowledged=True)
    assert (field, clause) in {(p.field, p.clause) for p in refused.value.problems}
    assert clause in str(refused.value)
    assert counts(session) == before
    assert entry_hold_for(session, result.personal_ids[0]) is not None


def test_the_oral_explanation_a_known_method_and_a_real_signature_image_are_required(vaults: Vaults) -> None:
    session = vaults.open("mo")
    result = intake(session, "2025-03-01")
    before = counts(session)
    with pytest.raises(ConsentRefused) as no_script:
        record_consent(session, result.personal_ids[0], verbal_roi(), script_acknowledged=False)
    assert no_script.value.problems[0].field == "script"
    with pytest.raises(ValidationError) as unknown:
        record_consent(session, result.personal_ids[0], verbal_roi(method="nodded"), script_acknowledged=True)
    assert unknown.value.field == "method"
    with pytest.raises(ValidationError) as not_png:
        record_consent(session, result.personal_ids[0],
                       ConsentInput("written", "not_shared", TODAY, signature_png=b"GIF89a not a png"),
                       script_acknowledged=True)
    assert not_png.value.field == "signature"
    assert counts(session) == before


def test_a_volunteer_cannot_record_a_new_consent(vaults: Vaults) -> None:
    """MO-ACCESS-2: a supervised Volunteer keeps to the basic profile and intake."""
    session = vaults.open("mo")
    result = intake(session, "2025-03-01")
    add_user(session, "val.volunteer", "Val", "volunteer", TEMP, access_completed_on=session.clock.now().date())
    session.conn.execute("UPDATE app_user SET must_change_password = 0 WHERE username = 'val.volunteer'")
    volunteer = sign_in(vaults.tmp_path / "mo", "val.volunteer", TEMP, vaults.clock)
    try:
        before = counts(session)
        with pytest.raises(PermissionDenied):
            record_consent(volunteer, result.personal_ids[0], verbal_roi(), script_acknowledged=True)
        assert counts(session)[0] == before[0]
    finally:
        volunteer.close()


# -- Connecticut: authorisation first (CT-207-1), the release's own expiry (CT-207-9) ------------


def test_ct_207_1_revoked_consent_blocks_new_data_until_a_new_one(vaults: Vaults) -> None:
    session = vaults.open("ct")
    result = intake(session, "2026-03-01", expires_on="2027-02-28")
    person, enrollment = result.personal_ids[0], result.enrollment_ids[0]
    note = add_note(session, person, "Met at the library; wants a shelter bed.")
    (consent_id,) = session.conn.execute("SELECT consent_id FROM consent").fetchone()
    assert revoke_consent(session, consent_id) == [consent_id]
    before = counts(session)
    with pytest.raises(ConsentNeeded) as refused:
        record_service(session, enrollment, TODAY, 141, 6)
    assert (refused.value.hold.kind, refused.value.hold.clause) == ("revoked", "CT-207-1")
    assert "revoked on 2026-03-02" in str(refused.value) and one_sentence(str(refused.value))
    with pytest.raises(ConsentNeeded):
        add_note(session, person, "Correction: the north library.", amends=note)
    assert counts(session) == before
    request_note_deletion(session, note, "The client asked for it after withdrawing consent.")

    ids = record_consent(session, person, ct_written_release(), script_acknowledged=True)
    assert len(ids) == 1, "CT: each consumer consents for themself (A6)"
    stored = session.conn.execute("SELECT method, sharing, expires_on, signature_png FROM consent"
                                  " WHERE consent_id = ?", ids).fetchone()
    assert tuple(stored[:3]) == ("written", "shared", "2027-03-01") and bytes(stored[3]) == tiny_png()
    assert json.loads(session.conn.execute("SELECT payload FROM outbox WHERE entity_id = ?", ids).fetchone()[0])[
        "signature_captured"] is True
    record_service(session, enrollment, TODAY, 141, 6)


def test_ct_207_9_an_expired_release_blocks_new_data(vaults: Vaults) -> None:
    session = vaults.open("ct")
    result = intake(session, "2026-02-01", expires_on="2026-03-01")
    with pytest.raises(ConsentNeeded) as refused:
        record_contact(session, result.enrollment_ids[0], TODAY, 116)
    assert (refused.value.hold.kind, refused.value.hold.clause) == ("expired", "CT-207-9")
    assert "expired on 2026-03-01" in str(refused.value)


def test_ct_207_8_a_new_release_to_share_must_be_signed_on_its_own(vaults: Vaults) -> None:
    session = vaults.open("ct")
    result = intake(session, "2026-02-01", expires_on="2026-03-01")
    before = counts(session)
    with pytest.raises(ConsentRefused) as refused:
        record_consent(session, result.personal_ids[0], ct_written_release(release_to_share_signed=False),
                       script_acknowledged=True)
    assert "CT-207-8" in {p.clause for p in refused.value.problems}
    assert counts(session) == before


def test_ct_207_1_a_refusal_is_not_a_consent_and_is_not_stored(vaults: Vaults) -> None:
    session = vaults.open("ct")
    result = intake(session, "2026-02-01", expires_on="2026-03-01")
    before = counts(session)
    with pytest.raises(ConsentRefused) as refused:
        record_consent(session, result.personal_ids[0], ConsentInput("declined", "not_shared", TODAY),
                       script_acknowledged=True)
    assert refused.value.problems[0].clause == "CT-207-1"
    assert counts(session) == before


# -- Vermont: consent to collect is assumed (VT-3.4-1) ------------------------------------------


def test_vt_3_4_1_a_revoked_consent_stops_sharing_but_not_data_entry(vaults: Vaults) -> None:
    """VT-3.1-4: the record becomes Not Shared; recording goes on."""
    session = vaults.open("vt")
    result = intake(session, "2026-03-01", sharing="shared", shared_with=["Partner agencies"],
                    release_to_share_signed=True, expires_on="2027-03-01")
    (consent_id,) = session.conn.execute("SELECT consent_id FROM consent").fetchone()
    assert revoke_consent(session, consent_id) == [consent_id]
    assert entry_hold_for(session, result.personal_ids[0]) is None
    record_contact(session, result.enrollment_ids[0], TODAY, 116)
    add_note(session, result.personal_ids[0], "Asked for the shelter's phone number.")


# -- The rule itself, per pack -------------------------------------------------------------------


@pytest.mark.parametrize(("pack", "holds"), [("ct", True), ("mo", True), ("vt", False)])
def test_ct_207_1_mo_roi_1_no_consent_on_file_holds_data_where_the_pack_wants_consent_first(
        pack: str, holds: bool) -> None:
    hold = entry_hold(load_pack(pack), [], TODAY)
    assert (hold is not None) == holds
    if hold is not None:
        assert hold.kind == "missing" and hold.clause == {"ct": "CT-207-1", "mo": "MO-ROI-1"}[pack]


def test_mo_roi_8_an_roi_refusal_in_force_lets_data_in_but_a_ct_refusal_does_not() -> None:
    declined = [StoredConsent("declined", date(2026, 3, 1), None, None)]
    assert entry_hold(load_pack("mo"), declined, TODAY) is None
    hold = entry_hold(load_pack("ct"), declined, TODAY)
    assert hold is not None and hold.kind == "declined"


def test_mo_roi_11_only_packs_with_a_fixed_roi_term_check_the_record_date() -> None:
    consents = [StoredConsent("written", date(2026, 3, 1), date(2026, 12, 31), None)]
    assert uncovered_day(load_pack("mo"), consents, date(2026, 2, 28)) is not None
    assert uncovered_day(load_pack("mo"), consents, date(2026, 3, 1)) is None
    assert uncovered_day(load_pack("ct"), consents, date(2026, 2, 28)) is None

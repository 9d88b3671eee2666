"""Case notes are append-only (CT-404-1); deletion is a Data Coordinator's request
(CT-404-2) carrying the client's id, the note's date and the reason (CT-404-3).
A note is client data, so Connecticut wants the client's consent on file first
(CT-207-1); the people here consent before their first note."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import ON_FILE, VaultInfo

from app.consents import ConsentNeeded, record_consent
from app.domain.person import Person
from app.errors import PermissionDenied, ValidationError
from app.intake.document import ConsentInput
from app.notes import add_note, notes_for, request_note_deletion
from app.people import save_new_person
from app.security.users import add_user, change_own_password
from app.session import Session, sign_in
from app.vault.connection import DatabaseError

TEMP = "Temp!Password4Cobble"
NEW = "Fresh!Password8Thimble"


def consenting_person(session: Session) -> str:
    pid = save_new_person(session, Person(first_name="Marlowe", last_name="Quillbarrow"), basis=ON_FILE)
    record_consent(session, pid, ConsentInput("written", "not_shared", session.clock.now().date(),
                                              signature="paper_attested"), script_acknowledged=True)
    return pid


@pytest.fixture
def ct_session(ct_vault: VaultInfo) -> Iterator[Session]:
    session = ct_vault.sign_in()
    try:
        yield session
    finally:
        session.close()


def test_ct_404_1_a_saved_note_cannot_be_changed_or_deleted(ct_session: Session) -> None:
    pid = consenting_person(ct_session)
    note_id = add_note(ct_session, pid, "Met near the river; wants shelter information.")
    with pytest.raises(DatabaseError):
        ct_session.conn.execute("UPDATE case_note SET body = 'x' WHERE note_id = ?", (note_id,))
    with pytest.raises(DatabaseError):
        ct_session.conn.execute("DELETE FROM case_note WHERE note_id = ?", (note_id,))
    assert [n.body for n in notes_for(ct_session, pid)] == ["Met near the river; wants shelter information."]


def test_corrections_are_amendments_that_keep_the_original(ct_session: Session) -> None:
    pid = consenting_person(ct_session)
    original = add_note(ct_session, pid, "Prefers the north shelter.")
    add_note(ct_session, pid, "Correction: prefers the south shelter.", amends=original)
    notes = notes_for(ct_session, pid)
    assert [n.amends for n in notes] == [None, original]
    assert notes[0].body == "Prefers the north shelter."


def test_an_empty_note_is_refused_next_to_the_field(ct_session: Session) -> None:
    pid = consenting_person(ct_session)
    with pytest.raises(ValidationError) as refused:
        add_note(ct_session, pid, "   ")
    assert refused.value.field == "body"


def test_ct_207_1_no_note_without_consent_on_file(ct_session: Session) -> None:
    pid = save_new_person(ct_session, Person(first_name="Tamsin", last_name="Ashgrove"), basis=ON_FILE)
    with pytest.raises(ConsentNeeded) as refused:
        add_note(ct_session, pid, "Asked about the food bank.")
    assert refused.value.hold.clause == "CT-207-1" and "record one" in str(refused.value)
    assert ct_session.conn.execute("SELECT count(*) FROM case_note").fetchone()[0] == 0


def test_ct_404_2_only_the_data_coordinator_requests_deletion(ct_vault: VaultInfo, ct_session: Session) -> None:
    pid = consenting_person(ct_session)
    note_id = add_note(ct_session, pid, "Entered on the wrong client.")
    add_user(ct_session, "casey.case", "Casey", "case_manager", TEMP, access_completed_on=ct_session.clock.now().date())
    add_user(ct_session, "dana.data", "Dana", "data_coordinator", TEMP,
             access_completed_on=ct_session.clock.now().date())
    for username in ("casey.case", "dana.data"):
        first = sign_in(ct_vault.data_dir, username, TEMP, ct_vault.clock)
        change_own_password(first, TEMP, NEW)
        first.close()
    worker = sign_in(ct_vault.data_dir, "casey.case", NEW, ct_vault.clock)
    try:
        with pytest.raises(PermissionDenied):
            request_note_deletion(worker, note_id, "wrong client")
    finally:
        worker.close()
    coordinator = sign_in(ct_vault.data_dir, "dana.data", NEW, ct_vault.clock)
    try:
        request_note_deletion(coordinator, note_id, "Entered on the wrong client.")
        row = coordinator.conn.execute(
            "SELECT personal_id, note_created, reason FROM note_deletion_request").fetchone()
        assert row[0] == pid and row[1] and row[2] == "Entered on the wrong client."
        assert coordinator.conn.execute("SELECT count(*) FROM case_note").fetchone()[0] == 1
        outbox = {r[0] for r in coordinator.conn.execute("SELECT entity FROM outbox")}
        assert "note_deletion_request" in outbox
    finally:
        coordinator.close()

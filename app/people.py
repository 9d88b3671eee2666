"""Reading and saving people. Each save is one transaction with its outbox row and
audit event; each open is an audit event (CT-207-12). Creating or editing a person
is client data, so it asks the consent gate first (``app.consent_gate``): where the
pack wants consent before any data (CT-207-1, MO-ROI-1) a person comes with a consent
basis, and an edit waits while the person's consent has lapsed or was withdrawn."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from app import consent_gate
from app.consent_gate import ConsentBasis
from app.domain.person import PERSON_COLUMNS, Person, person_from_row, person_values
from app.errors import UserFacingError
from app.outbox import enqueue
from app.search import index_person
from app.session import Session
from app.vault.connection import Connection, transaction

_INSERT = (
    f"INSERT INTO person ({', '.join(PERSON_COLUMNS)}, created_at, updated_at, created_by, updated_by)"
    f" VALUES ({', '.join('?' * len(PERSON_COLUMNS))}, ?, ?, ?, ?)"
)


def insert_person(conn: Connection, person: Person, user_id: str, now: str) -> int:
    """Insert and index one person inside the caller's transaction; returns the rowid."""
    cursor = conn.execute(_INSERT, (*person_values(person), now, now, user_id, user_id))
    rowid = int(cursor.lastrowid or 0)
    index_person(conn, rowid, person)
    return rowid


def person_payload(person: Person, user_id: str | None = None, saved_at: str | None = None) -> dict[str, object]:
    """The person as the central server receives it; ``user_id`` and ``saved_at`` say who
    saved this version and when (Client.csv's UserID and DateCreated/DateUpdated)."""
    payload: dict[str, object] = dataclasses.asdict(person)
    if user_id is not None:
        payload["user_id"] = user_id
    if saved_at is not None:
        payload["saved_at"] = saved_at
    return payload


def save_new_person(session: Session, person: Person, collected_at: datetime | None = None,
                    basis: ConsentBasis | None = None) -> str:
    """A person on their own, outside an intake. ``basis`` is the consent context the
    caller holds (the consent the client gave, the program's populations); without
    one, a pack that wants consent before any data (CT-207-1, MO-ROI-1) refuses the
    person with ``ConsentNeeded`` and nothing is stored."""
    session.require("client.create")
    now = session.clock.now()
    stamp = now.isoformat(timespec="seconds")
    day = (collected_at or now).date()
    decision = consent_gate.require(session.conn, session.pack, None, day, "person", now.date(), "consent",
                                    basis or ConsentBasis())
    with transaction(session.conn) as conn:
        insert_person(conn, person, session.user.user_id, stamp)
        enqueue(conn, "person", person.personal_id, "upsert", person_payload(person, session.user.user_id, stamp),
                collected_at or now, session.pack.timeliness.window_hours, now)
        consent_gate.record(conn, decision, "person", person.personal_id, person.personal_id, "person", day,
                            session.user.user_id, stamp)
        session.audit("person.created", "person", person.personal_id)
    return person.personal_id


def open_person(session: Session, personal_id: str) -> Person:
    """A view of a record: checked against role and conflict of interest, and audited."""
    session.require("client.view_basic")
    session.require_no_conflict(personal_id, editing=False)
    row = session.conn.execute(
        f"SELECT {', '.join(PERSON_COLUMNS)} FROM person WHERE personal_id = ? AND deleted_at IS NULL",
        (personal_id,),
    ).fetchone()
    if row is None:
        raise UserFacingError("That record does not exist on this device.")
    with transaction(session.conn):
        session.audit("person.viewed", "person", personal_id)
    return person_from_row(row)


def update_person(session: Session, person: Person, collected_at: datetime | None = None,
                  basis: ConsentBasis | None = None, changed: tuple[str, ...] = ()) -> None:
    """An edit of a person's identity is new data: the consent gate decides it for the
    day it was collected (MO-ROI-10, MO-ROI-11, MO-RIGHTS-4, CT-207-1). ``changed``
    names the fields corrected, for the audit event (names only, never values)."""
    session.require("client.edit_basic")
    session.require_no_conflict(person.personal_id, editing=True)
    now = session.clock.now()
    day = (collected_at or now).date()
    decision = consent_gate.require(session.conn, session.pack, person.personal_id, day, "update", now.date(),
                                    "consent", basis)
    assignments = ", ".join(f"{c} = ?" for c in PERSON_COLUMNS[1:])
    with transaction(session.conn) as conn:
        row = conn.execute("SELECT id FROM person WHERE personal_id = ?", (person.personal_id,)).fetchone()
        if row is None:
            raise UserFacingError("That record does not exist on this device.")
        conn.execute(
            f"UPDATE person SET {assignments}, updated_at = ?, updated_by = ? WHERE personal_id = ?",
            (*person_values(person)[1:], now.isoformat(timespec="seconds"), session.user.user_id,
             person.personal_id),
        )
        index_person(conn, int(row[0]), person, replace=True)
        # With the household's group, so a pending lock still goes first (MO-ROI-8).
        household = conn.execute("SELECT household_id FROM enrollment WHERE personal_id = ?"
                                 " ORDER BY entry_date DESC, created_at DESC LIMIT 1", (person.personal_id,)).fetchone()
        enqueue(conn, "person", person.personal_id, "upsert",
                person_payload(person, session.user.user_id, now.isoformat(timespec="seconds")),
                collected_at or now, session.pack.timeliness.window_hours, now,
                group=household[0] if household else None)
        consent_gate.record(conn, decision, "person", person.personal_id, person.personal_id, "update", day,
                            session.user.user_id, now.isoformat(timespec="seconds"))
        session.audit("person.edited", "person", person.personal_id,
                      {"fields": list(changed)} if changed else None)

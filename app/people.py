"""Reading and saving people. Each save is one transaction with its outbox row and
audit event; each open is an audit event (CT-207-12)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

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


def save_new_person(session: Session, person: Person, collected_at: datetime | None = None) -> str:
    session.require("client.create")
    now = session.clock.now()
    stamp = now.isoformat(timespec="seconds")
    with transaction(session.conn) as conn:
        insert_person(conn, person, session.user.user_id, stamp)
        enqueue(conn, "person", person.personal_id, "upsert", person_payload(person, session.user.user_id, stamp),
                collected_at or now, session.pack.timeliness.window_hours, now)
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


def update_person(session: Session, person: Person, collected_at: datetime | None = None) -> None:
    session.require("client.edit_basic")
    session.require_no_conflict(person.personal_id, editing=True)
    now = session.clock.now()
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
        enqueue(conn, "person", person.personal_id, "upsert",
                person_payload(person, session.user.user_id, now.isoformat(timespec="seconds")),
                collected_at or now, session.pack.timeliness.window_hours, now)
        session.audit("person.edited", "person", person.personal_id)

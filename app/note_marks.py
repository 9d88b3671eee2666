"""What the case-notes list shows beside each note: who wrote it and whether a
deletion request is waiting for the help desk (CT-404-2: the note stays until the
request is handled). Read only; reading the notes themselves is ``app.notes``.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.session import Session


def author_names(session: Session, user_ids: Iterable[str]) -> dict[str, str]:
    """Display names of the users with these HMIS UserIDs (5.09); unknown ones are left out."""
    wanted = sorted({u for u in user_ids if u})
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = session.conn.execute(
        f"SELECT user_id, display_name FROM app_user WHERE user_id IN ({marks})", wanted).fetchall()
    return {row[0]: row[1] for row in rows}


def notes_pending_deletion(session: Session, personal_id: str) -> set[str]:
    """The client's notes with a deletion request not yet handled (CT-404-2)."""
    session.require("notes.read")
    rows = session.conn.execute(
        "SELECT DISTINCT note_id FROM note_deletion_request WHERE personal_id = ? AND status = 'requested'",
        (personal_id,)).fetchall()
    return {row[0] for row in rows}

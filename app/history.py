"""Who added, edited, viewed, exported or printed a client's record, and when
(CT-207-6: the client's right to know who added to, deleted or edited their record),
read from the hash-chained audit trail (CT-207-12). Reading the history is itself an
access, so it is audited too.

An HMIS CSV export is audited once for the whole file, not per person; it belongs to
a person's history when it ran after the person was added and covered one of their
projects (or every project).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from app.audit import events_for, events_of
from app.errors import UserFacingError
from app.session import Session
from app.vault.connection import transaction

# What each audited action means for the person, in the words the history shows.
ACTIONS: dict[str, tuple[str, str]] = {
    "person.created": ("added", "added the person"),
    "intake.saved": ("added", "saved an intake"),
    "person.edited": ("edited", "edited the profile"),
    "person.viewed": ("viewed", "opened the record"),
    "person.consents_viewed": ("viewed", "listed the consents"),
    "person.history_viewed": ("viewed", "read this history"),
    "consent.recorded": ("added", "recorded a consent"),
    "consent.revoked": ("edited", "recorded a revocation of consent"),
    "consent.sharing_stopped": ("edited", "stopped sharing (Not Shared from then on)"),
    "enrollment.locked": ("edited", "locked the household's record"),
    "contact.recorded": ("added", "recorded a contact"),
    "service.recorded": ("added", "recorded a service"),
    "exit.recorded": ("added", "recorded an exit"),
    "note.added": ("added", "added a case note"),
    "note.amended": ("edited", "amended a case note"),
    "note.deletion_requested": ("edited", "requested deletion of a case note"),
    "conflict.declared": ("edited", "declared a conflict of interest"),
    "correction.recorded": ("edited", "recorded a correction request"),
    "client_request.recorded": ("added", "logged a request from the client"),
    "client_request.resolved": ("edited", "closed a request from the client"),
    "document.printed": ("printed", "printed a document"),
    "document.saved": ("printed", "saved a document as PDF"),
    "document.previewed": ("viewed", "previewed a document"),
    "retention.purged": ("deleted", "removed the record from this device"),
    "hmis_csv.exported": ("exported", "exported an HMIS CSV file that includes this record"),
}
EXPORT_ACTION = "hmis_csv.exported"
# Detail keys that are identifiers or counts, never content, and may be shown.
SAFE_DETAIL = ("consent_id", "note_id", "enrollment_id", "replaced_by", "from", "method", "document",
               "request_id", "correction_id", "export_id", "start", "end", "kind", "copies")


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    user_id: str | None
    user: str
    kind: str  # added, edited, viewed, exported, printed, deleted, other
    action: str
    what: str
    detail: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _users(session: Session) -> dict[str, str]:
    return {str(r[0]): str(r[1]) for r in session.conn.execute("SELECT user_id, display_name FROM app_user")}


def _export_events(session: Session, personal_id: str, since: str) -> list[tuple[str, str | None, str, dict[str, Any]]]:
    projects = {str(r[0]) for r in session.conn.execute(
        "SELECT DISTINCT project_id FROM enrollment WHERE personal_id = ?", (personal_id,))}
    found = []
    for event in events_of(session.conn, EXPORT_ACTION, since):
        at, user_id, entity_id, facts = event.at, event.user_id, event.entity_id, event.detail
        chosen = facts.get("projects", "all")
        if chosen == "all" or projects & set(chosen):
            found.append((at, user_id, EXPORT_ACTION,
                          {"export_id": entity_id, "start": facts.get("start"), "end": facts.get("end")}))
    return found


def person_history(session: Session, personal_id: str, audit_read: bool = True) -> list[HistoryEntry]:
    """The person's history, oldest first. ``audit_read=False`` is for a document that
    audits its own making (the client's copy of their record)."""
    session.require("client.view_full")
    row = session.conn.execute("SELECT created_at FROM person WHERE personal_id = ?", (personal_id,)).fetchone()
    if row is None:
        raise UserFacingError("That person does not exist on this device.")
    session.require_no_conflict(personal_id, editing=False)
    if audit_read:
        with transaction(session.conn):
            session.audit("person.history_viewed", "person", personal_id)
    raw = [(e.at, e.user_id, e.action, e.detail) for e in events_for(session.conn, "person", personal_id)]
    raw += _export_events(session, personal_id, str(row[0])[:10])
    raw.sort(key=lambda e: e[0])
    names = _users(session)
    entries = []
    for at, user_id, action, detail in raw:
        kind, what = ACTIONS.get(action, ("other", action))
        entries.append(HistoryEntry(at, user_id, names.get(user_id or "", "system"), kind, action, what,
                                    {k: detail[k] for k in SAFE_DETAIL if k in detail}))
    return entries

"""Search as a signed-in user: role limits and conflict-of-interest exclusions applied.

Every search is an access to client data, so it is audited (CT-207-12): the fact, the
user and how many people it found, never what was typed (a name or a date of birth
in the audit trail would be one more copy of it)."""

from __future__ import annotations

from dataclasses import dataclass

from app.search import SearchHit, search
from app.session import Session
from app.vault.connection import transaction

SEARCH_ACTION = "client.searched"


@dataclass(frozen=True)
class VisibleFields:
    """What a role may see in a result list (VT-ROLE-2: a volunteer sees the basic
    profile only; the SSN's last 4 are for roles with the full client screens)."""

    name: bool
    dob: bool
    ssn_last4: bool


def visible_fields(session: Session) -> VisibleFields:
    basic = session.can("client.view_basic")
    return VisibleFields(name=basic, dob=basic, ssn_last4=session.can("client.view_full"))


def find_people(session: Session, text: str, limit: int = 50) -> list[SearchHit]:
    session.require("client.search")
    if not session.can("client.view_basic"):
        _audit(session, 0)
        return []
    exclude = session.user.user_id if session.pack.conflict_of_interest_blocks_viewing else None
    hits = search(session.conn, text, limit, exclude_user_conflicts=exclude)
    if not visible_fields(session).ssn_last4:
        hits = [SearchHit(h.personal_id, h.first_name, h.last_name, h.dob, None, h.is_demo) for h in hits]
    _audit(session, len(hits))
    return hits


def _audit(session: Session, results: int) -> None:
    with transaction(session.conn):
        session.audit(SEARCH_ACTION, None, None, {"results": results})

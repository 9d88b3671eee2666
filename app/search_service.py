"""Search as a signed-in user: role limits and conflict-of-interest exclusions applied."""

from __future__ import annotations

from app.search import SearchHit, search
from app.session import Session


def find_people(session: Session, text: str, limit: int = 50) -> list[SearchHit]:
    session.require("client.search")
    exclude = session.user.user_id if session.pack.conflict_of_interest_blocks_viewing else None
    hits = search(session.conn, text, limit, exclude_user_conflicts=exclude)
    if not session.can("client.view_basic"):
        return []
    return hits

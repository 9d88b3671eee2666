"""Users' open sessions across devices (MO-PWD-6: one user may not be signed in at more
than one workstation or location at a time; reading A25).

A device reports its signed-in user at sign-in, at sign-out (and lock) and with every
sync. The server keeps one row per agency, user and device; a session is live while
it is not signed out and its device reported within ``live_minutes``. The reply to a
report lists the same user's live sessions on the agency's other devices, and each
such meeting is kept in ``session_overlap`` for the administrator
(``hmis-intake-server sessions``). The server warns and records; it does not refuse,
since it cannot tell a laptop that went offline without signing out from one in use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sync.protocol import OpenSession, SessionState
from sync.server.schema import device, session_overlap, user_session
from sync.server.storage import _iso, utc_now


def user_key(user: str) -> str:
    """Case-blind, spaces collapsed, within the column (case folding may lengthen it)."""
    return " ".join(user.casefold().split())[:150]


@dataclass(frozen=True)
class Reported:
    elsewhere: tuple[OpenSession, ...]


def _live_others(conn: Connection, agency: str, key: str, device_id: str, cutoff: str) -> list[OpenSession]:
    rows = conn.execute(
        select(user_session.c.device_id, user_session.c.since, user_session.c.last_seen, device.c.name)
        .join(device, device.c.device_id == user_session.c.device_id, isouter=True)
        .where(user_session.c.agency == agency, user_session.c.user_key == key,
               user_session.c.device_id != device_id, user_session.c.signed_out_at.is_(None),
               user_session.c.last_seen >= cutoff, device.c.revoked_at.is_(None))
        .order_by(user_session.c.since)
    ).all()
    return [OpenSession(device_id=r.device_id, device_name=r.name or "", since=r.since, last_seen=r.last_seen)
            for r in rows]


def _record_overlaps(conn: Connection, agency: str, key: str, device_id: str, others: list[OpenSession],
                     stamp: str) -> None:
    for other in others:
        where = (session_overlap.c.agency == agency, session_overlap.c.user_key == key,
                 session_overlap.c.device_id == device_id, session_overlap.c.other_device_id == other.device_id)
        if conn.execute(update(session_overlap).where(*where).values(last_seen=stamp)).rowcount == 0:
            conn.execute(insert(session_overlap).values(agency=agency, user_key=key, device_id=device_id,
                                                        other_device_id=other.device_id, first_seen=stamp,
                                                        last_seen=stamp))


def report(engine: Engine, agency: str, device_id: str, user: str, state: SessionState,
           live_minutes: int, now: datetime | None = None) -> Reported:
    """Keep what the device says; the same user's live sessions on other devices."""
    moment = now or utc_now()
    stamp, cutoff = _iso(moment), _iso(moment - timedelta(minutes=live_minutes))
    key = user_key(user)
    try:
        return _report(engine, agency, device_id, key, state, stamp, cutoff)
    except IntegrityError:  # two reports of one device raced to add the same row: the second updates it
        return _report(engine, agency, device_id, key, state, stamp, cutoff)


def _report(engine: Engine, agency: str, device_id: str, key: str, state: SessionState, stamp: str,
            cutoff: str) -> Reported:
    where = (user_session.c.agency == agency, user_session.c.user_key == key,
             user_session.c.device_id == device_id)
    with engine.begin() as conn:
        if state is SessionState.SIGNED_OUT:
            conn.execute(update(user_session).where(*where, user_session.c.signed_out_at.is_(None))
                         .values(signed_out_at=stamp, last_seen=stamp))
            return Reported(())
        row = conn.execute(select(user_session.c.last_seen, user_session.c.signed_out_at).where(*where)).first()
        if row is None:
            conn.execute(insert(user_session).values(agency=agency, user_key=key, device_id=device_id,
                                                     since=stamp, last_seen=stamp))
        else:
            # A session that was signed out or went quiet starts again from now.
            fresh = row.signed_out_at is None and row.last_seen >= cutoff
            values = {"last_seen": stamp} if fresh else {"since": stamp, "last_seen": stamp, "signed_out_at": None}
            conn.execute(update(user_session).where(*where).values(**values))
        others = _live_others(conn, agency, key, device_id, cutoff)
        _record_overlaps(conn, agency, key, device_id, others, stamp)
    return Reported(tuple(others))


def list_sessions(engine: Engine, live_minutes: int, agency: str | None = None,
                  now: datetime | None = None) -> list[dict[str, Any]]:
    """Every session not signed out, newest report first, each marked live or not and
    with how many other devices hold a live session of the same user."""
    cutoff = _iso((now or utc_now()) - timedelta(minutes=live_minutes))
    query = (select(user_session.c.agency, user_session.c.user_key, user_session.c.device_id, device.c.name,
                    user_session.c.since, user_session.c.last_seen)
             .join(device, device.c.device_id == user_session.c.device_id, isouter=True)
             .where(user_session.c.signed_out_at.is_(None)))
    if agency is not None:
        query = query.where(user_session.c.agency == agency)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query.order_by(user_session.c.last_seen.desc()))]
    for r in rows:
        r["device_name"] = r.pop("name") or ""
        r["live"] = r["last_seen"] >= cutoff
    for r in rows:
        r["live_elsewhere"] = sum(1 for o in rows if o["live"] and o["agency"] == r["agency"]
                                  and o["user_key"] == r["user_key"] and o["device_id"] != r["device_id"])
    return rows


def list_overlaps(engine: Engine, agency: str | None = None) -> list[dict[str, Any]]:
    query = select(session_overlap)
    if agency is not None:
        query = query.where(session_overlap.c.agency == agency)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query.order_by(session_overlap.c.last_seen.desc()))]

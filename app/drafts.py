"""Unsaved work kept inside the encrypted vault, so a lock, a closed window or a
crash never loses what a worker typed (S3). A draft belongs to the user who wrote it.

VT-3.1-10: access to draft data is audited: saving, reading back and discarding a
draft are audit events under the user (the draft's id and kind; never its content)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from app.session import Session
from app.vault.connection import transaction


@dataclass(frozen=True)
class Draft:
    draft_id: str
    kind: str
    payload: dict[str, Any]
    updated_at: str


def save_draft(session: Session, kind: str, payload: dict[str, Any], draft_id: str | None = None) -> str:
    draft_id = draft_id or str(uuid.uuid4())
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT INTO draft (draft_id, user_id, kind, payload, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(draft_id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at",
            (draft_id, session.user.user_id, kind, json.dumps(payload, ensure_ascii=False),
             session.clock.now_iso()),
        )
        session.audit("draft.saved", "draft", draft_id, {"kind": kind})
    return draft_id


def list_drafts(session: Session, kind: str | None = None) -> list[Draft]:
    sql = "SELECT draft_id, kind, payload, updated_at FROM draft WHERE user_id = ?"
    params: list[str] = [session.user.user_id]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    rows = session.conn.execute(sql + " ORDER BY updated_at DESC", params).fetchall()
    if rows:
        with transaction(session.conn):
            for row in rows:
                session.audit("draft.read", "draft", row[0], {"kind": row[1]})
    return [Draft(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]


def discard_draft(session: Session, draft_id: str) -> None:
    with transaction(session.conn) as conn:
        gone = conn.execute("DELETE FROM draft WHERE draft_id = ? AND user_id = ?",
                            (draft_id, session.user.user_id)).rowcount
        if gone:
            session.audit("draft.discarded", "draft", draft_id)

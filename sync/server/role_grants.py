"""Role grants: the HMIS Lead, who runs this server, gives a role above what an agency
may give itself (VT-2.1-4) as a one-time code for one user name and role at one agency.

The code is short-lived and kept only as its hash. A device redeems it over its
enrolled, authenticated connection; the server checks, in this order, that the code
exists and belongs to the device's agency (another agency's device learns nothing
more than "not valid"), that it was not used and has not expired, and that it names
this user and role. Only a redemption that passes every check spends the code, and
the guard in the UPDATE makes it single-use even across server processes.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, insert, select, update

from sync.protocol import GrantRefusalReason
from sync.server.schema import role_grant
from sync.server.storage import (
    CODE_ALPHABET,
    CODE_LENGTH,
    AuthenticatedDevice,
    _iso,
    _sha256,
    format_code,
    normalize_code,
    utc_now,
)

DEFAULT_GRANT_TTL = timedelta(hours=1)
MAX_GRANT_TTL = timedelta(hours=24)

_NOT_VALID = "This grant code is not valid for this device's agency; check it or ask the HMIS Lead for a new one."
_USED = "This grant code was already used; ask the HMIS Lead for a new one."


class GrantRefused(Exception):
    """The code is unknown, another agency's, used, expired or for someone else; ``str()``
    is the English sentence, ``reason`` the stable code the device words in its language."""

    def __init__(self, reason: GrantRefusalReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class RedeemedGrant:
    grant_id: str
    agency: str
    username: str
    role: str
    issued_at: str


def new_role_grant(engine: Engine, agency: str, username: str, role: str,
                   ttl: timedelta = DEFAULT_GRANT_TTL, now: datetime | None = None) -> str:
    """A one-time code that lets ``agency``'s device give ``role`` to ``username``."""
    now = now or utc_now()
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    with engine.begin() as conn:
        conn.execute(insert(role_grant).values(
            code_hash=_sha256(raw), grant_id=str(uuid.uuid4()), agency=agency, username=username, role=role,
            created_at=_iso(now), expires_at=_iso(now + ttl),
        ))
    return format_code(raw)


def redeem_role_grant(engine: Engine, code: str, by: AuthenticatedDevice, username: str, role: str,
                      now: datetime | None = None) -> RedeemedGrant:
    now = now or utc_now()
    raw = normalize_code(code)
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        raise GrantRefused(GrantRefusalReason.NOT_VALID, _NOT_VALID)
    code_hash = _sha256(raw)
    with engine.begin() as conn:
        row = conn.execute(
            select(role_grant.c.grant_id, role_grant.c.agency, role_grant.c.username, role_grant.c.role,
                   role_grant.c.created_at, role_grant.c.expires_at, role_grant.c.used_at)
            .where(role_grant.c.code_hash == code_hash)
        ).first()
        if row is None or row.agency != by.agency:
            raise GrantRefused(GrantRefusalReason.NOT_VALID, _NOT_VALID)
        if row.used_at is not None:
            raise GrantRefused(GrantRefusalReason.USED, _USED)
        if row.expires_at <= _iso(now):
            raise GrantRefused(GrantRefusalReason.EXPIRED,
                               "This grant code has expired; ask the HMIS Lead for a new one.")
        if row.username.casefold() != username.strip().casefold() or row.role != role:
            raise GrantRefused(GrantRefusalReason.OTHER_USER_OR_ROLE, "This grant code was issued for another "
                               "user name or role; check both, or ask the HMIS Lead for a new one.")
        claimed = conn.execute(
            update(role_grant)
            .where(role_grant.c.code_hash == code_hash, role_grant.c.used_at.is_(None))
            .values(used_at=_iso(now), device_id=by.device_id)
        ).rowcount
        if claimed != 1:
            raise GrantRefused(GrantRefusalReason.USED, _USED)
    return RedeemedGrant(row.grant_id, row.agency, row.username, row.role, row.created_at)

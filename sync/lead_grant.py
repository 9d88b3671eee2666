"""Redeeming the HMIS Lead's role grant (VT-2.1-4) over the device's enrolled connection.

``redeemer(session, code)`` is what ``app.security.users.add_user`` calls, as its
``lead_grant``, for a role the pack reserves to the HMIS Lead: it sends the code with
the user name and role to the server the device is enrolled with (the HMIS Lead's),
authenticated by the device credential and through the pinned CA, and returns the
grant the server confirmed. A refusal is the server's one sentence.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import ValidationError

from app.security.role_grants import LeadGrant, Redeem
from app.session import Session
from sync.credentials import enrolled_server
from sync.errors import GrantRefused
from sync.protocol import RoleGrantRedemption
from sync.transport import DEFAULT_TIMEOUT, Transport


def redeemer(session: Session, code: str, timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> Redeem:
    """The ``lead_grant`` for ``add_user``: nothing is sent until it is called."""

    def redeem(username: str, role_id: str) -> LeadGrant:
        session.require("users.manage")
        server_url, ca_file, credential = enrolled_server(session.conn, str(session.vault.keyfile.vault_id))
        try:
            request = RoleGrantRedemption(code=code.strip(), username=username, role=role_id)
        except ValidationError as exc:
            raise GrantRefused("The grant code is empty, too long or has control characters; check it.",
                               "malformed") from exc
        transport = Transport(server_url, ca_file, timeout)
        try:
            grant = transport.redeem_role_grant(request, credential)
        finally:
            transport.close()
        return LeadGrant(grant.grant_id, grant.username, grant.role, grant.agency, grant.issued_at,
                         urlsplit(server_url).netloc)

    return redeem

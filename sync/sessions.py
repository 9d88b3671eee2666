"""The device's side of MO-PWD-6 across devices (one user signed in at one workstation
at a time; reading A25): where the pack asks it (``[sessions] one_per_user``) and the
device is enrolled, it tells the server which user is signed in, at sign-in, at
sign-out and lock, and with every sync (``SyncJob``), and shows what the server says
about the same user's live sessions on the agency's other devices.

A device offline, or one never enrolled, reports nothing: its session is known on the
device alone (``app/security/one_session.py``) until its next sync.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from app.packs import SessionPolicy
from app.session import Session
from sync.credentials import current_enrollment, enrolled_server
from sync.errors import SyncError
from sync.protocol import DeviceCredential, OpenSession, SessionReport, SessionState
from sync.transport import Transport

log = logging.getLogger("hmis_intake.sync")

# A sign-in or lock must not wait long on a server that does not answer.
REPORT_TIMEOUT = (3.0, 5.0)


def report_for(session: Session, state: SessionState) -> SessionReport:
    return SessionReport(user=session.user.username, state=state, live_minutes=session.pack.sessions.live_minutes)


def elsewhere_warning(policy: SessionPolicy, elsewhere: tuple[OpenSession, ...]) -> str:
    """One sentence naming the other devices (by their enrolled name) and when each was
    last seen; empty when there are none."""
    if not elsewhere:
        return ""
    seen = "; ".join(f"{s.device_name or s.device_id}, last seen {s.last_seen[:16].replace('T', ' ')} UTC"
                     for s in elsewhere)
    return (f"This user is also signed in on another device of the agency ({seen}); sign out there, "
            f"since one user may be signed in at one place at a time ({policy.cited()}).")


@dataclass
class SessionReporter:
    """What a report needs, read while the vault is open, so the sign-out can still be
    sent after the session closed."""

    server_url: str
    ca_file: Path | None
    credential: DeviceCredential = field(repr=False)
    report: SessionReport

    @classmethod
    def for_session(cls, session: Session) -> SessionReporter | None:
        """None where the pack does not ask it or the device is not enrolled."""
        if not session.pack.sessions.one_per_user or current_enrollment(session.conn) is None:
            return None
        try:
            server_url, ca_file, credential = enrolled_server(session.conn, str(session.vault.keyfile.vault_id))
        except SyncError as exc:
            log.info("session not reported: %s", type(exc).__name__)
            return None
        return cls(server_url, ca_file, credential, report_for(session, SessionState.SIGNED_IN))

    def send(self, state: SessionState) -> tuple[OpenSession, ...]:
        """Raises ``SyncError`` when the server cannot be reached or refuses."""
        transport = Transport(self.server_url, self.ca_file, REPORT_TIMEOUT)
        try:
            reply = transport.report_session(self.report.model_copy(update={"state": state}), self.credential)
        finally:
            transport.close()
        return reply.elsewhere

    def try_send(self, state: SessionState) -> tuple[OpenSession, ...]:
        """``send``, an unreachable server logged (by type) and taken as nothing known."""
        try:
            return self.send(state)
        except SyncError as exc:
            log.info("session report not delivered: %s", type(exc).__name__)
            return ()

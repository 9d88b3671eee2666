"""Sync errors a person can act on: one sentence each, no personal data.

``transient`` tells the engine whether retrying the same batch can help (the server
was unreachable, timed out, answered 5xx/409/429 or sent a broken reply) or whether
it must stop and say why (certificate, credential, protocol version).
"""

from __future__ import annotations

from app.errors import UserFacingError


class SyncError(UserFacingError):
    exit_code = 11
    transient = False


class InsecureServer(SyncError):
    """The server address is not https (or loopback http)."""

    exit_code = 2


class CertificateProblem(SyncError):
    exit_code = 12


class ServerUnavailable(SyncError):
    exit_code = 13
    transient = True

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class AuthRefused(SyncError):
    exit_code = 14


class GrantRefused(AuthRefused):
    """The HMIS Lead's server refused a role grant code (VT-2.1-4). ``reason`` is the
    server's stable code (``sync.protocol.GrantRefusalReason``), or ``"malformed"`` for a
    code the device would not send; empty when an older server gave none. The screens
    word it in their language from the reason; the command prints the English sentence."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class ProtocolMismatch(SyncError):
    exit_code = 15


class BatchRejected(SyncError):
    """The server refused a whole batch as malformed (422/413): split it to find the record."""


class EnrollmentFailed(SyncError):
    exit_code = 16


class NotEnrolled(SyncError):
    exit_code = 17


class CredentialStoreUnavailable(SyncError):
    exit_code = 18

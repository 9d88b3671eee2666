"""A victim service provider's device is a comparable database, never an HMIS feed.

VAWA bars victim service providers from entering client data in HMIS; they keep a
comparable database that yields the same reports (VT-3.5-1, MO-VSP-1). An agency
set up as one keeps using the device to record its clients, and may export HMIS CSV
for its own comparable database (the ``agency`` destination), but the device never
enrolls with or syncs to the central HMIS and never writes a CoC-wide file.
"""

from __future__ import annotations

from app.errors import UserFacingError
from app.session import Session
from app.settings import Settings
from app.vault.connection import Connection, transaction


class ComparableDatabaseOnly(UserFacingError):
    exit_code = 20


def is_victim_service_provider(conn: Connection) -> bool:
    return Settings(conn).victim_service_provider


def set_victim_service_provider(session: Session, value: bool) -> None:
    """Administrators only; audited. Turning it on leaves what is on the device in place."""
    session.require("device.configure")
    with transaction(session.conn):
        session.settings.victim_service_provider = bool(value)
        session.audit("device.victim_service_provider_set", "device", None, {"victim_service_provider": value})


def refuse_hmis_transfer(session: Session, what: str) -> None:
    """Raise when this device belongs to a victim service provider. ``what`` names the
    refused act in a few words ("sync with the central HMIS")."""
    if not is_victim_service_provider(session.conn):
        return
    clause = session.pack.victim_service_provider.clause
    cited = f" ({clause})" if clause else ""
    raise ComparableDatabaseOnly(
        f"This device belongs to a victim service provider, which keeps a comparable database and may not "
        f"{what}{cited}; export HMIS CSV for the agency's own database instead.")

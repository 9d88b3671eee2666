"""Enrolling the device and running a sync for a signed-in session: the one place the
vault, the credential store, the transport and the engine are put together, for the
command line and the GUI alike.

Only one run at a time works on a vault: ``SyncJob.run`` takes the ``sync_lease`` row
first, so the app's background sync, its "Sync now" and an ``hmis-intake sync`` in a
terminal never overlap; the one that comes second says so and sends nothing.
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from app.audit import chain_head
from app.session import Session
from app.settings import Settings
from app.vault.connection import DatabaseError, transaction
from app.victim_service import refuse_hmis_transfer
from sync.credentials import (
    DeviceEnrollment,
    KeyringStore,
    StoreKind,
    VaultStore,
    ca_fingerprint,
    check_ca_pin,
    current_enrollment,
    keyring_problem,
    load_credential,
    pinned_ca,
    set_ca_pin,
    stored_ca_file,
)
from sync.engine import DEFAULT_BATCH_SIZE, RetryPolicy, SyncEngine, SyncProgress, SyncReport
from sync.errors import CredentialStoreUnavailable, SyncError
from sync.protocol import OpenSession, SessionState
from sync.sessions import report_for
from sync.store import OutboxStore, SyncLease, drop_acknowledged, requeue_rows
from sync.transport import DEFAULT_TIMEOUT, Transport, check_server_url

log = logging.getLogger("hmis_intake.sync")


class SyncAlreadyRunning(SyncError):
    exit_code = 19


def _already_running() -> SyncAlreadyRunning:
    return SyncAlreadyRunning("Another sync is already running on this device; wait for it to finish, "
                              "then try again.")


def _host(url: str) -> str:
    return urlsplit(url).netloc


def _vault_id(session: Session) -> str:
    return str(session.vault.keyfile.vault_id)


def enroll_device(
    session: Session,
    server_url: str,
    code: str,
    store_kind: StoreKind = StoreKind.KEYRING,
    ca_file: Path | None = None,
    device_name: str | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> DeviceEnrollment:
    """Trade a one-time code for a device credential and keep it where the admin chose."""
    session.require("device.configure")
    refuse_hmis_transfer(session, "enroll with the central HMIS")
    url = check_server_url(server_url)
    vault_id = _vault_id(session)
    if store_kind is StoreKind.KEYRING:
        # Checked before the code is spent, so a missing keyring costs no code.
        problem = keyring_problem()
        if problem:
            raise CredentialStoreUnavailable(
                f"{problem} Use an OS keyring, or choose to keep the device credential in the "
                "encrypted vault with --credential-store vault."
            )
    ca_path = Path(ca_file).expanduser().resolve() if ca_file else None
    pin = ca_fingerprint(ca_path)  # read once: the CA that enrollment trusts is the one pinned
    transport = Transport(url, ca_path, timeout)
    try:
        enrollment = transport.enroll(code.strip(), (device_name or platform.node() or "device")[:100])
        transport.whoami(enrollment.credential)
    finally:
        transport.close()
    credential = enrollment.credential
    keyring_store = KeyringStore(vault_id)
    if store_kind is StoreKind.KEYRING:
        keyring_store.save(credential)
    now = session.clock.now_iso()
    try:
        with transaction(session.conn) as conn:
            conn.execute(
                "INSERT INTO sync_device (id, server_url, device_id, agency, credential_store, ca_file,"
                " enrolled_at, enrolled_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET server_url = excluded.server_url,"
                " device_id = excluded.device_id, agency = excluded.agency,"
                " credential_store = excluded.credential_store, vault_credential = NULL,"
                " ca_file = excluded.ca_file, enrolled_at = excluded.enrolled_at,"
                " enrolled_by = excluded.enrolled_by",
                (url, credential.device_id, enrollment.agency, store_kind.value,
                 str(ca_path) if ca_path else None, now, session.user.user_id),
            )
            if store_kind is StoreKind.VAULT:
                VaultStore(conn).save(credential)
            set_ca_pin(conn, pin)
            Settings(conn).server_url = url
            session.audit("device.enrolled", "device", vault_id,
                          {"server": _host(url), "device_id": credential.device_id,
                           "credential_store": store_kind.value, "ca_sha256": pin})
    except BaseException:
        if store_kind is StoreKind.KEYRING:
            keyring_store.delete()
        raise
    result = current_enrollment(session.conn)
    assert result is not None
    return result


class SyncJob:
    """One run of the engine for a session. ``cancel()`` may be called from another thread."""

    def __init__(
        self,
        session: Session,
        server_url: str | None = None,
        ca_file: Path | None = None,
        on_progress: Callable[[SyncProgress], None] | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        retry: RetryPolicy | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        background: bool = False,
    ) -> None:
        # The credential is the device's, not the user's: a background run sends the
        # outbox whoever is signed in, so a laptop used only by roles without the sync
        # screen still meets the timeliness window (MO-TIME-1). ``sync.run`` governs the
        # runs a person starts, the history and "send again".
        if not background:
            session.require("sync.run")
        refuse_hmis_transfer(session, "send records to the central HMIS")
        self.background = background
        self.session = session
        enrollment, credential = load_credential(session.conn, _vault_id(session))
        url = check_server_url(server_url) if server_url else enrollment.server_url
        if url != enrollment.server_url:
            raise SyncError(
                f"This device is enrolled with {_host(enrollment.server_url)}, not {_host(url)}; "
                "enroll it with the new server first."
            )
        ca_stored = current_ca_file(session)
        check_ca_pin(session.conn, ca_file or ca_stored)  # before any request: nothing reaches an impostor
        self.on_progress = on_progress
        self.lease = SyncLease(session.conn, session.clock)
        self.lease_lost = False
        self.transport = Transport(url, ca_file or ca_stored, timeout)
        self.credential = credential
        self.engine = SyncEngine(OutboxStore(session.conn, session.clock), self.transport, credential,
                                 batch_size=batch_size, retry=retry, on_progress=self._progress,
                                 audit_head=lambda: _sent_head(session), before_send=self._heartbeat)

    def cancel(self) -> None:
        self.engine.cancel()

    def _progress(self, progress: SyncProgress) -> None:
        # Called after every batch and before every backoff wait: the lease's heartbeat.
        self._heartbeat()
        if self.on_progress is not None:
            self.on_progress(progress)

    def _heartbeat(self) -> None:
        """Renew the lease; if another run took it meanwhile, stop before both send."""
        if self.lease.held:
            try:
                if not self.lease.renew():
                    # It expired and another run took it: stop before both send.
                    self.lease_lost = True
                    self.engine.cancel()
            except DatabaseError as exc:
                log.warning("could not renew the sync lease: %s", type(exc).__name__)

    def _report_session(self) -> tuple[OpenSession, ...]:
        """MO-PWD-6 (A25): each sync that reached the server tells it who is signed in
        here (a heartbeat) where the pack asks it; the same user's live sessions elsewhere
        come back. A server that cannot take it does not fail the sync."""
        if not self.session.pack.sessions.one_per_user:
            return ()
        try:
            return self.transport.report_session(report_for(self.session, SessionState.SIGNED_IN),
                                                 self.credential).elsewhere
        except SyncError as exc:
            log.info("session report not delivered: %s", type(exc).__name__)
            return ()

    def run(self) -> SyncReport:
        try:
            holder = self.lease.acquire()
        except BaseException:
            self.transport.close()
            raise
        if holder is not None:
            self.transport.close()
            raise _already_running()
        try:
            report = self.engine.run()
            if report.error is None and not report.cancelled:  # the server answered: say who is here
                report.sessions_elsewhere = self._report_session()
        finally:
            self.transport.close()
            try:
                self.lease.release()
            except DatabaseError as exc:  # it expires by itself
                log.warning("could not release the sync lease: %s", type(exc).__name__)
        if self.lease_lost and report.error is None:
            report.error = _already_running()
        with transaction(self.session.conn) as conn:
            drop_acknowledged(conn)
            self.session.audit("sync.completed", "device", _vault_id(self.session), {
                "accepted": report.accepted, "duplicate": report.duplicate, "refused": report.refused,
                "left": report.left, "batches": report.batches, "cancelled": report.cancelled,
                "background": self.background,
                "error": type(report.error).__name__ if report.error else None,
            })
        return report


def send_refused_again(session: Session, row_ids: Iterable[int]) -> int:
    """Records the server refused go back to the outbox with their keys unchanged; the
    next run sends them. Used once whatever the server objected to has been put right
    (its rules were updated, or the record was corrected and saved again)."""
    session.require("sync.run")
    with transaction(session.conn) as conn:
        count = requeue_rows(conn, list(row_ids))
        if count:
            session.audit("sync.requeued", "device", _vault_id(session), {"records": count})
    return count


def pin_server_ca(session: Session, ca_file: Path | None) -> str:
    """An administrator trusts a new CA (or the system store, ``None``) from now on: the
    pin and the stored CA path change together, audited with both fingerprints."""
    session.require("device.configure")
    if current_enrollment(session.conn) is None:
        raise SyncError("This device is not enrolled with a sync server yet; run 'hmis-intake enroll' first.")
    ca_path = Path(ca_file).expanduser().resolve() if ca_file else None
    fingerprint = ca_fingerprint(ca_path)
    with transaction(session.conn) as conn:
        previous = pinned_ca(conn)
        conn.execute("UPDATE sync_device SET ca_file = ? WHERE id = 1", (str(ca_path) if ca_path else None,))
        set_ca_pin(conn, fingerprint)
        session.audit("sync.ca_pinned", "device", _vault_id(session),
                      {"previous_sha256": previous, "ca_sha256": fingerprint})
    return fingerprint


def current_ca_file(session: Session) -> Path | None:
    return stored_ca_file(session.conn)


def _sent_head(session: Session) -> tuple[int, str] | None:
    """The audit chain head sent with each batch; nothing before the first event."""
    seq, head = chain_head(session.conn)
    return (seq, head) if seq > 0 else None

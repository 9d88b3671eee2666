"""The agency CA is pinned by fingerprint inside the vault at enrollment. Attack: replace
the stored PEM file (or give another --ca-file) and put an impostor server with its own
self-signed CA on the same address, over real TLS on loopback. Nothing, not even the
device credential, may reach the impostor until an administrator re-pins (audited)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from support import ADMIN_USER, make_vault, single_sentence
from sync_support import ThreadServer, add_outbox_records, new_code, run_device_cli, self_signed_cert

from sync.credentials import StoreKind, pinned_ca
from sync.errors import CertificateProblem
from sync.lead_grant import redeemer
from sync.service import SyncJob, enroll_device
from sync.sessions import SessionReporter

AUTH = ["--user", ADMIN_USER, "--password-stdin"]


class _Recorder:
    """ASGI wrapper noting every request the impostor receives and its Authorization."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, bool]] = []

    def wrap(self, app: Any) -> Callable[..., Any]:
        async def recorded(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                headers = dict(scope.get("headers", []))
                self.seen.append((scope["path"], b"authorization" in headers))
            await app(scope, receive, send)

        return recorded


def test_a_replaced_ca_file_sends_nothing_to_an_impostor_until_re_pinned(
        tmp_path: Path, server_engine: Engine) -> None:
    genuine = self_signed_cert(tmp_path / "genuine")
    impostor_ca = self_signed_cert(tmp_path / "impostor")
    stored = tmp_path / "agency-ca.pem"  # where the administrator keeps the agency's CA
    shutil.copy(genuine.cert, stored)
    info = make_vault(tmp_path / "device", "mo")
    session = info.sign_in()
    server = ThreadServer(server_engine, ssl_certfile=genuine.cert, ssl_keyfile=genuine.key)
    port = server.port
    try:
        enroll_device(session, server.url, new_code(server_engine), StoreKind.VAULT, stored)
        assert pinned_ca(session.conn) not in (None, "system")
        add_outbox_records(session, 2)
        assert SyncJob(session).run().accepted == 2
    finally:
        server.stop()

    # The attacker swaps the PEM on disk and answers on the same address with their CA.
    recorder = _Recorder()
    impostor_engine = server_engine  # its database does not matter: it must get no request
    impostor = ThreadServer(impostor_engine, ssl_certfile=impostor_ca.cert, ssl_keyfile=impostor_ca.key,
                            wrap=recorder.wrap, port=port)
    try:
        add_outbox_records(session, 3)
        shutil.copy(impostor_ca.cert, stored)
        with pytest.raises(CertificateProblem, match="not the CA pinned"):
            SyncJob(session)
        # Giving the impostor's CA on the command line is refused the same way.
        with pytest.raises(CertificateProblem, match="pinned"):
            SyncJob(session, ca_file=impostor_ca.cert)
        # Nor does the window's session report (MO-PWD-6) or an HMIS Lead's grant (VT-2.1-4).
        assert SessionReporter.for_session(session) is None
        with pytest.raises(CertificateProblem, match="not the CA pinned"):
            redeemer(session, "K7QM-2WXC")("jo.lead", "agency_admin")
        # And a PEM with a comment added but the same certificate still matches the pin.
        shutil.copy(genuine.cert, stored)
        stored.write_bytes(b"# the agency's CA\n" + stored.read_bytes())
        SyncJob(session).transport.close()
        shutil.copy(impostor_ca.cert, stored)
        session.close()

        refused = run_device_cli(info.data_dir, "sync", *AUTH)
        assert refused.returncode == 12 and single_sentence(refused.stderr), refused.stderr
        assert "server-pin" in refused.stderr
        assert recorder.seen == []  # not a single request, so no credential either

        # The administrator re-pins on purpose; the event is audited with both fingerprints.
        repinned = run_device_cli(info.data_dir, "server-pin", "--ca-file", str(stored), *AUTH)
        assert repinned.returncode == 0, repinned.stderr
        session = info.sign_in()
        (detail,) = session.conn.execute(
            "SELECT detail FROM audit_event WHERE action = 'sync.ca_pinned'").fetchone()
        assert "previous_sha256" in detail and "ca_sha256" in detail
        SyncJob(session).run()  # now trusted: the request reaches the (re-pinned) server
        assert recorder.seen and recorder.seen[0][0] == "/v1/batches"
    finally:
        impostor.stop()
        if session.vault.is_open:
            session.close()


def test_server_pin_needs_an_administrator_choice(tmp_path: Path) -> None:
    info = make_vault(tmp_path / "device", "mo")
    cert = self_signed_cert(tmp_path / "ca")
    both = run_device_cli(info.data_dir, "server-pin", *AUTH)
    assert both.returncode != 0 and single_sentence(both.stderr)
    not_enrolled = run_device_cli(info.data_dir, "server-pin", "--ca-file", str(cert.cert), *AUTH)
    assert not_enrolled.returncode != 0 and single_sentence(not_enrolled.stderr)
    assert "not enrolled" in not_enrolled.stderr
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    session = info.sign_in()
    try:
        with pytest.raises(CertificateProblem, match="not a PEM certificate"):
            from sync.credentials import ca_fingerprint

            ca_fingerprint(junk)
    finally:
        session.close()

"""MO-PWD-6 across devices (reading A25), over the real reference server on loopback:
each device reports its signed-in user at sign-in, sign-out and every sync; a sync or
sign-in of a user live on another device of the same agency says so, and the server
lists the sessions and the overlap for its administrator."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine
from support import ADMIN_USER, REPO_ROOT, VaultInfo, child_env, make_vault, single_sentence
from sync_support import ThreadServer, add_outbox_records, new_code, run_device_cli

from sync.credentials import StoreKind
from sync.protocol import SessionState
from sync.server import sessions as server_sessions
from sync.server.storage import utc_now
from sync.service import enroll_device
from sync.sessions import SessionReporter

AUTH = ("--user", ADMIN_USER, "--password-stdin")


def _device(tmp_path: Path, name: str, server: ThreadServer, agency: str = "Riverbend Test Shelter",
            records: int = 0) -> VaultInfo:
    info = make_vault(tmp_path / name, "mo")
    session = info.sign_in()
    try:
        enroll_device(session, server.url, new_code(server.engine, agency), StoreKind.VAULT, device_name=name)
        if records:
            add_outbox_records(session, records)
    finally:
        session.close()
    return info


def _server_cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sync.server_cli", *args, "--db", db_url], capture_output=True,
                          text=True, env=child_env(), cwd=str(REPO_ROOT), timeout=60)


def _db_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_mo_pwd_6_a_sync_says_when_the_same_user_is_live_on_another_device(
        tmp_path: Path, live_server: ThreadServer) -> None:
    """MO-PWD-6: laptop-a signs in (reported at sign-in); laptop-b's sync as the same user
    warns in one sentence naming laptop-a and the clause, and its JSON lists it; the
    server's ``sessions`` listing shows both live and the overlap; once laptop-a signs
    out, laptop-b's next sync is quiet."""
    laptop_a = _device(tmp_path, "laptop-a", live_server)
    laptop_b = _device(tmp_path, "laptop-b", live_server, records=3)
    session_a = laptop_a.sign_in()
    try:
        reporter = SessionReporter.for_session(session_a)
        assert reporter is not None and reporter.report.user == ADMIN_USER
        assert reporter.send(SessionState.SIGNED_IN) == ()  # nobody else yet

        synced = run_device_cli(laptop_b.data_dir, "sync", "--json", *AUTH)
        assert synced.returncode == 0, synced.stderr
        warnings = [line for line in synced.stderr.splitlines() if line.startswith("Warning:")]
        assert len(warnings) == 1 and "laptop-a" in warnings[0] and warnings[0].endswith("(MO-PWD-6)."), warnings
        reply = json.loads(synced.stdout)
        assert reply["accepted"] == 3
        assert [s["device_name"] for s in reply["signed_in_elsewhere"]] == ["laptop-a"]

        listing = _server_cli(_db_url(live_server.engine), "sessions", "--json")
        assert listing.returncode == 0, listing.stderr
        rows = {r["device_name"]: r for r in json.loads(listing.stdout)}
        assert set(rows) == {"laptop-a", "laptop-b"}
        assert all(r["live"] and r["live_elsewhere"] == 1 and r["user_key"] == ADMIN_USER for r in rows.values())
        printed = _server_cli(_db_url(live_server.engine), "sessions")
        assert "ALSO LIVE ON 1 OTHER DEVICE(S)" in printed.stdout and "2 open session(s)." in printed.stdout
        overlaps = json.loads(_server_cli(_db_url(live_server.engine), "sessions", "--overlaps", "--json").stdout)
        assert len(overlaps) == 1 and overlaps[0]["user_key"] == ADMIN_USER

        assert reporter.send(SessionState.SIGNED_OUT) == ()
    finally:
        session_a.close()
    quiet = run_device_cli(laptop_b.data_dir, "sync", *AUTH)
    assert quiet.returncode == 0, quiet.stderr
    assert "Warning:" not in quiet.stderr, quiet.stderr


def test_mo_pwd_6_only_a_live_session_of_the_same_user_and_agency_counts(
        tmp_path: Path, live_server: ThreadServer) -> None:
    """MO-PWD-6, A25: a session whose device last reported more than ``live_minutes`` ago
    is not live; another user, or the same name at another agency, is not an overlap."""
    engine = live_server.engine
    here = _device(tmp_path, "laptop-a", live_server)
    other_agency = _device(tmp_path, "laptop-c", live_server, agency="Hillside Test Outreach")
    quiet = _device(tmp_path, "laptop-d", live_server)
    ids = {}
    for info in (here, other_agency, quiet):
        session = info.sign_in()
        try:
            reporter = SessionReporter.for_session(session)
            assert reporter is not None
            ids[info.data_dir.name] = reporter.credential.device_id
        finally:
            session.close()
    now = utc_now()
    server_sessions.report(engine, "Riverbend Test Shelter", ids["laptop-d"], ADMIN_USER, SessionState.SIGNED_IN,
                           15, now=now - timedelta(minutes=16))
    server_sessions.report(engine, "Hillside Test Outreach", ids["laptop-c"], ADMIN_USER, SessionState.SIGNED_IN,
                           15, now=now)
    server_sessions.report(engine, "Riverbend Test Shelter", ids["laptop-d"], "robin.field",
                           SessionState.SIGNED_IN, 15, now=now)
    found = server_sessions.report(engine, "Riverbend Test Shelter", ids["laptop-a"], ADMIN_USER.upper(),
                                   SessionState.SIGNED_IN, 15, now=now)
    assert found.elsewhere == ()
    # A minute later laptop-d reports the same user again: live now, and laptop-a hears of it.
    server_sessions.report(engine, "Riverbend Test Shelter", ids["laptop-d"], ADMIN_USER, SessionState.SIGNED_IN,
                           15, now=now + timedelta(minutes=1))
    found = server_sessions.report(engine, "Riverbend Test Shelter", ids["laptop-a"], ADMIN_USER,
                                   SessionState.SIGNED_IN, 15, now=now + timedelta(minutes=2))
    assert [s.device_name for s in found.elsewhere] == ["laptop-d"]


def test_mo_pwd_6_an_unreachable_server_does_not_stop_a_sign_in_report(tmp_path: Path,
                                                                      live_server: ThreadServer) -> None:
    """A25: an offline device reports nothing and learns nothing; the report fails
    quietly (``try_send``) rather than stopping the sign-in."""
    info = _device(tmp_path, "laptop-a", live_server)
    session = info.sign_in()
    try:
        reporter = SessionReporter.for_session(session)
        assert reporter is not None
    finally:
        session.close()
    live_server.stop()
    assert reporter.try_send(SessionState.SIGNED_IN) == ()
    assert reporter.credential.secret not in repr(reporter)  # the credential is never printed


def test_mo_pwd_6_the_sessions_listing_refuses_a_bad_window_in_one_sentence(tmp_path: Path,
                                                                           server_engine: Engine) -> None:
    """MO-PWD-6: the administrator's listing with a live window out of range is one
    sentence and a usage exit; an empty server lists no session."""
    url = _db_url(server_engine)
    bad = _server_cli(url, "sessions", "--live-minutes", "0")
    assert bad.returncode != 0 and bad.stdout == "" and single_sentence(bad.stderr), bad.stderr
    empty = _server_cli(url, "sessions")
    assert empty.returncode == 0 and empty.stdout == "0 open session(s).\n"

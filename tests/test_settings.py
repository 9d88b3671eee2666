"""Every typed setting round-trips through a real vault, and a stored value that does
not parse is a one-sentence error naming the key and never the value (app.settings)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support import ADMIN_PASSWORD, ADMIN_USER, VaultInfo, auth, make_vault, run_cli, single_sentence

from app import settings as settings_module
from app.session import Session, initialize
from app.settings import DATE, BadSetting, Defaulted, Setting, Settings, choice
from app.vault.connection import Connection

# One value per setting that is not its default, in the setting's own type.
SAMPLES: dict[str, Any] = {
    "pack": "ct",
    "agency_name": "Riverbend Test Shelter",
    "password_profile": "passphrase",
    "idle_lock_minutes": 7,
    "language": "es",
    "is_demo": True,
    "victim_service_provider": True,
    "agency_contact": "Front desk, 555-0100",
    "grievance_contact": "Grievance officer, 555-0199",
    "timeliness_hours": {"0": 24, "4": 168},
    "purge_after_exit_days": 365,
    "roi_scope": "agency",
    "server_url": "https://hmis.example.test",
    "ca_pin": "ab" * 32,
    "sync_interrupted_seen": "lease-owner-1",
    "exports_in_progress": [{"token": "t-1", "dir": "/tmp", "name": "out.zip", "host": "h", "pid": 7}],
    "acknowledged_pruned": 4200,
    "keyfile_seq": 12,
    "keyfile_signed": True,
    "keyfile_kdf_profile": {"alg": "argon2id", "memory_kib": 65536, "time_cost": 3, "parallelism": 4},
}

# Stored text each typed setting cannot read (text settings read any text).
SECRET = "Testfirst Testlast 1999"  # stands for data that must never reach a message
BAD_TEXT: dict[str, str] = {
    "idle_lock_minutes": SECRET,
    "language": SECRET,
    "is_demo": SECRET,
    "victim_service_provider": SECRET,
    "timeliness_hours": '{"0": "' + SECRET + '"}',
    "purge_after_exit_days": SECRET,
    "roi_scope": SECRET,
    "exports_in_progress": '{"name": "' + SECRET + '"}',
    "acknowledged_pruned": SECRET,
    "keyfile_seq": SECRET,
    "keyfile_signed": SECRET,
    "keyfile_kdf_profile": '["' + SECRET + '"]',
}


def descriptors() -> dict[str, Setting[Any] | Defaulted[Any]]:
    return {name: value for name, value in vars(Settings).items() if isinstance(value, Setting | Defaulted)}


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    info = make_vault(tmp_path_factory.mktemp("settings") / "data", "ct")
    opened = info.sign_in()
    yield opened
    opened.close()


def stored(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put_raw(conn: Connection, key: str, text: str) -> None:
    conn.execute("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, text))


def test_every_setting_has_a_sample_and_every_key_is_spelled_once() -> None:
    found = descriptors()
    assert set(found) == set(SAMPLES)
    keys = [d.key for d in found.values()] + [Settings.totp.prefix]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_setting_round_trips_in_its_own_type(session: Session, name: str) -> None:
    settings = Settings(session.conn)
    descriptor = descriptors()[name]
    before = getattr(settings, name)
    try:
        setattr(settings, name, SAMPLES[name])
        again = getattr(Settings(session.conn), name)
        assert again == SAMPLES[name] and type(again) is type(SAMPLES[name])
        setattr(settings, name, None)  # unset: back to the default
        assert stored(session.conn, descriptor.key) is None
        default = descriptor.default if isinstance(descriptor, Defaulted) else None
        assert getattr(settings, name) == default
    finally:
        setattr(settings, name, before)


@pytest.mark.parametrize("name", ["is_demo", "victim_service_provider", "keyfile_signed"])
def test_flags_written_as_1_and_0_by_older_versions_still_read(session: Session, name: str) -> None:
    settings = Settings(session.conn)
    key = descriptors()[name].key
    before = getattr(settings, name)
    try:
        put_raw(session.conn, key, "1")
        assert getattr(settings, name) is True
        put_raw(session.conn, key, "0")
        assert getattr(settings, name) is False
        setattr(settings, name, True)
        assert stored(session.conn, key) == "1"  # still written the way older versions read it
    finally:
        setattr(settings, name, before)


@pytest.mark.parametrize("name", sorted(BAD_TEXT))
def test_a_bad_stored_value_is_one_sentence_naming_the_key_only(session: Session, name: str) -> None:
    settings = Settings(session.conn)
    key = descriptors()[name].key
    before = stored(session.conn, key)
    try:
        put_raw(session.conn, key, BAD_TEXT[name])
        with pytest.raises(BadSetting) as caught:
            getattr(settings, name)
        message = str(caught.value)
        assert key in message and SECRET not in message
        assert message.endswith(".") and "\n" not in message
    finally:
        if before is None:
            session.conn.execute("DELETE FROM setting WHERE key = ?", (key,))
        else:
            put_raw(session.conn, key, before)


def test_per_user_records_round_trip_and_list_only_their_own_prefix(session: Session) -> None:
    conn = session.conn
    Settings.totp.put(conn, "user-a", '{"secret": "x"}')
    Settings.totp.put(conn, "user-b", '{"secret": "y"}')
    # "_" is a LIKE wildcard: a key that only looks like the prefix is not a record.
    put_raw(conn, "secondXfactor.totp.user-c", "{}")
    try:
        assert Settings.totp.get(conn, "user-a") == '{"secret": "x"}'
        assert {"user-a", "user-b"} <= set(Settings.totp.ids(conn))
        assert "user-c" not in set(Settings.totp.ids(conn))
        Settings.totp.put(conn, "user-a", None)
        assert Settings.totp.get(conn, "user-a") is None
    finally:
        Settings.totp.put(conn, "user-b", None)
        conn.execute("DELETE FROM setting WHERE key = 'secondXfactor.totp.user-c'")


class _Extra(Settings):
    """The date and choice types, which no shipped setting uses yet."""

    review_on = Setting("test.review_on", DATE)
    mode = Setting("test.mode", choice("street", "shelter"))


def test_date_and_choice_settings_round_trip_and_refuse_bad_text(session: Session) -> None:
    extra = _Extra(session.conn)
    try:
        extra.review_on = date(2026, 12, 5)
        extra.mode = "shelter"
        assert extra.review_on == date(2026, 12, 5) and stored(session.conn, "test.review_on") == "2026-12-05"
        assert extra.mode == "shelter"
        put_raw(session.conn, "test.review_on", "5 December")
        put_raw(session.conn, "test.mode", "boat")
        with pytest.raises(BadSetting, match=r"test\.review_on"):
            _ = extra.review_on
        with pytest.raises(BadSetting, match=r"test\.mode"):
            _ = extra.mode
    finally:
        extra.review_on = None
        extra.mode = None


def test_no_other_module_spells_the_setting_table() -> None:
    """app/settings.py is the only production module with SQL on the setting table."""
    home = Path(settings_module.__file__).resolve()
    root = home.parent.parent
    offenders = []
    for folder in ("app", "ui", "sync", "tools"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text("utf-8")
            if path != home and any(
                    s in text for s in ("FROM setting ", "INTO setting ", "UPDATE setting ", "FROM setting\n")):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []


def test_the_command_reports_a_bad_stored_value_in_one_sentence(ct_vault: VaultInfo) -> None:
    session = ct_vault.sign_in()
    try:
        put_raw(session.conn, Settings.purge_after_exit_days.key, SECRET)
    finally:
        session.close()
    result = run_cli(ct_vault.data_dir, "retention", "list", *auth(), password=ct_vault.password)
    assert result.returncode == BadSetting.exit_code
    assert single_sentence(result.stderr) and "retention.purge_after_exit_days" in result.stderr
    assert SECRET not in result.stderr + result.stdout


def test_a_demo_vault_is_flagged_when_it_is_created_and_a_normal_one_is_not(tmp_path: Path) -> None:
    for demo in (True, False):
        session, _ = initialize(tmp_path / f"data-{demo}", "ct", ADMIN_USER, ADMIN_PASSWORD, demo=demo,
                                access_completed_on=None)
        try:
            assert session.settings.is_demo is demo
        finally:
            session.close()

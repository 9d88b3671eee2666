"""Failed sign-ins: counted, persisted, tamper-resistant, never a wipe (VT-2.1-17, S7, C2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support import (
    ADMIN_PASSWORD,
    ON_FILE,
    USER_PASSWORD,
    VaultInfo,
    add_ready_user,
    auth,
    read_keys,
    run_cli,
    single_sentence,
    synthetic_person,
    write_keys,
)

from app.clock import FakeClock
from app.errors import AccountLocked, BadCredentials
from app.packs import load_pack
from app.security.users import list_users, reset_password
from app.session import sign_in
from app.vault.vault import db_path

WRONG = "Wrong!Guess123x"
USER = "lou.locked"


def _slot(info: VaultInfo, username: str) -> dict[str, Any]:
    from app.vault.keyfile import KeyFile

    keyfile = KeyFile.load(info.data_dir / "vault.keys")
    return read_keys(info.data_dir)["slots"][keyfile.slot_id(username)]


def _fail(info: VaultInfo, username: str = USER) -> Exception:
    with pytest.raises((BadCredentials, AccountLocked)) as caught:
        sign_in(info.data_dir, username, WRONG, info.clock)
    return caught.value


def _people(info: VaultInfo) -> int:
    session = info.sign_in()
    try:
        return int(session.conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        session.close()


def test_vt_2_1_17_three_failures_lock_until_an_admin_resets(vt_vault: VaultInfo) -> None:
    """VT-2.1-17 / VT-SEC-1: the third failed sign-in locks the account; only an admin's
    reset (VT-2.1-3) opens it again."""
    add_ready_user(vt_vault, USER, "case_manager")
    assert isinstance(_fail(vt_vault), BadCredentials)
    second = _fail(vt_vault)
    assert isinstance(second, BadCredentials) and "1 attempt left" in str(second)
    third = _fail(vt_vault)
    assert isinstance(third, AccountLocked) and "now locked" in str(third)
    with pytest.raises(AccountLocked, match="administrator must reset"):
        vt_vault.sign_in(USER, USER_PASSWORD)
    vt_vault.clock.advance(days=3)  # time does not unlock it
    with pytest.raises(AccountLocked):
        vt_vault.sign_in(USER, USER_PASSWORD)

    admin = vt_vault.sign_in()
    try:
        assert {u.username: u for u in list_users(admin)}[USER].locked
        reset_password(admin, USER, "Reset!Temp4455qz")
    finally:
        admin.close()
    session = vt_vault.sign_in(USER, "Reset!Temp4455qz")
    try:
        assert session.needs_new_password
    finally:
        session.close()


def test_vt_success_resets_the_count(vt_vault: VaultInfo) -> None:
    """A11 as the vt pack reads it: the three failures must be consecutive."""
    add_ready_user(vt_vault, USER, "case_manager")
    _fail(vt_vault)
    _fail(vt_vault)
    vt_vault.sign_in(USER, USER_PASSWORD).close()
    assert _slot(vt_vault, USER)["failures"] == 0
    assert isinstance(_fail(vt_vault), BadCredentials)
    assert isinstance(_fail(vt_vault), BadCredentials)
    vt_vault.sign_in(USER, USER_PASSWORD).close()


@pytest.mark.parametrize("pack", ["ct", "mo"])
def test_ct_mo_delay_after_three_and_withdraw_after_ten(
    pack: str, vault_factory: Callable[[str], VaultInfo], fake_clock: FakeClock
) -> None:
    """C2: ct and mo set no count; the product delays 1, 5, 15 minutes after 3 failures
    and withdraws the account after 10 until an admin resets it."""
    info: VaultInfo = vault_factory(pack)
    policy = load_pack(pack).lockout
    assert (policy.attempts_before_delay, policy.delays_minutes, policy.withdraw_after) == (3, (1, 5, 15), 10)
    add_ready_user(info, USER, "case_manager")
    for _ in range(3):
        assert isinstance(_fail(info), BadCredentials)
    # Even the right password waits out the delay, and asking costs no attempt.
    with pytest.raises(AccountLocked, match="try again in 1 minute"):
        info.sign_in(USER, USER_PASSWORD)
    assert _slot(info, USER)["failures"] == 3
    fake_clock.advance(seconds=61)
    assert isinstance(_fail(info), BadCredentials)  # failure 4
    with pytest.raises(AccountLocked, match="try again in 5 minutes"):
        info.sign_in(USER, USER_PASSWORD)
    fake_clock.advance(minutes=2)
    with pytest.raises(AccountLocked, match="try again in 3 minutes"):
        info.sign_in(USER, USER_PASSWORD)
    for failure in range(5, 11):
        fake_clock.advance(minutes=16)
        error = _fail(info)
        if failure < 10:
            assert isinstance(error, BadCredentials), (failure, error)
        else:
            assert isinstance(error, AccountLocked) and "now locked" in str(error)
    fake_clock.advance(days=1)
    with pytest.raises(AccountLocked, match="administrator must reset"):
        info.sign_in(USER, USER_PASSWORD)
    assert _slot(info, USER)["wrapped"] is None
    assert _people(info) == 0 and read_keys(info.data_dir)["recovery"]["wrapped"]  # no wipe


@pytest.mark.parametrize("pack", ["ct", "mo"])
def test_ct_mo_success_after_the_delay_resets_the_count(
    pack: str, vault_factory: Callable[[str], VaultInfo], fake_clock: FakeClock
) -> None:
    info: VaultInfo = vault_factory(pack)
    add_ready_user(info, USER, "case_manager")
    for _ in range(3):
        _fail(info)
    fake_clock.advance(minutes=1, seconds=1)
    info.sign_in(USER, USER_PASSWORD).close()
    assert _slot(info, USER)["failures"] == 0


def test_failure_count_survives_a_restart(vt_vault: VaultInfo) -> None:
    """Each attempt is its own process; the count lives in the key file."""
    add_ready_user(vt_vault, USER, "case_manager")
    for expected_failures in (1, 2):
        result = run_cli(vt_vault.data_dir, "status", *auth(USER), password=WRONG)
        assert result.returncode == BadCredentials.exit_code
        assert single_sentence(result.stderr), result.stderr
        assert _slot(vt_vault, USER)["failures"] == expected_failures
    third = run_cli(vt_vault.data_dir, "status", *auth(USER), password=WRONG)
    assert third.returncode == AccountLocked.exit_code and "locked" in third.stderr
    right = run_cli(vt_vault.data_dir, "status", *auth(USER), password=USER_PASSWORD)
    assert right.returncode == AccountLocked.exit_code
    assert "locked" in right.stderr and single_sentence(right.stderr), right.stderr


def test_editing_the_counter_back_does_not_unlock(vt_vault: VaultInfo) -> None:
    """S7: the locked slot is withdrawn (its wrapped key deleted), so a reset counter in
    the key file gives nothing back."""
    add_ready_user(vt_vault, USER, "case_manager")
    for _ in range(3):
        _fail(vt_vault)
    keys = read_keys(vt_vault.data_dir)
    for slot in keys["slots"].values():
        slot["failures"] = 0
        slot["last_failure_at"] = None
    write_keys(vt_vault.data_dir, keys)
    with pytest.raises(AccountLocked):
        vt_vault.sign_in(USER, USER_PASSWORD)
    for slot in keys["slots"].values():
        slot["withdrawn_reason"] = None
    write_keys(vt_vault.data_dir, keys)
    with pytest.raises(AccountLocked):
        vt_vault.sign_in(USER, USER_PASSWORD)
    result = run_cli(vt_vault.data_dir, "status", *auth(USER), password=USER_PASSWORD)
    assert result.returncode == AccountLocked.exit_code and single_sentence(result.stderr)


def test_the_vault_is_never_wiped(vt_vault: VaultInfo, fake_clock: FakeClock) -> None:
    """S7: lockouts withdraw a slot; the data, the admin and the recovery key remain."""
    info = vt_vault
    pack = info.pack
    session = info.sign_in()
    try:
        from app.people import save_new_person

        for i in range(3):
            save_new_person(session, synthetic_person("Keptfirst", f"Keptlast{i}"), basis=ON_FILE)
    finally:
        session.close()
    add_ready_user(info, USER, "volunteer")
    for _ in range(load_pack(pack).lockout.withdraw_after):
        fake_clock.advance(minutes=20)
        _fail(info)
    for _ in range(2):
        with pytest.raises((BadCredentials, AccountLocked)):
            sign_in(info.data_dir, "nobody.at.all", WRONG, info.clock)
    assert db_path(info.data_dir).stat().st_size > 0
    assert _people(info) == 3
    assert read_keys(info.data_dir)["recovery"]["wrapped"]


def test_failed_sign_ins_reach_the_audit_trail_at_the_next_sign_in(vt_vault: VaultInfo) -> None:
    add_ready_user(vt_vault, USER, "case_manager")
    _fail(vt_vault)
    _fail(vt_vault)
    with pytest.raises(BadCredentials):
        sign_in(vt_vault.data_dir, "nobody.at.all", WRONG, vt_vault.clock)
    assert len(read_keys(vt_vault.data_dir)["failure_log"]) == 3
    session = vt_vault.sign_in()
    try:
        user_id = session.conn.execute("SELECT user_id FROM app_user WHERE username = ?", (USER,)).fetchone()[0]
        rows = session.conn.execute(
            "SELECT user_id, entity, entity_id, at FROM audit_event WHERE action = 'signin.failed' ORDER BY seq"
        ).fetchall()
    finally:
        session.close()
    assert [r[0] for r in rows] == [user_id, user_id, None]
    assert all(r[1] == "user" and r[3] for r in rows)
    assert rows[0][2] == user_id
    assert read_keys(vt_vault.data_dir)["failure_log"] == []


def test_admin_password_is_not_in_failure_records(vt_vault: VaultInfo) -> None:
    """S7: each failure is logged without the secret."""
    _fail(vt_vault, vt_vault.user)
    text = (vt_vault.data_dir / "vault.keys").read_text()
    assert WRONG not in text and ADMIN_PASSWORD not in text

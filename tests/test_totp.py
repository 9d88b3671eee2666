"""The optional second factor (issue 12 item 12; CT-GOV-1, ambiguity A7): a one-time
code from an authenticator app (RFC 6238) after the password, at sign-in and unlock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import ADMIN_PASSWORD, ADMIN_USER, VaultInfo, read_keys

from app.clock import FakeClock
from app.errors import AccountLocked, BadCredentials, PermissionDenied, SecondFactorNeeded
from app.packs import load_pack
from app.security import totp
from app.session import sign_in


def _enrol(info: VaultInfo) -> tuple[str, list[str]]:
    session = info.sign_in()
    try:
        enrollment = totp.start_enrollment(session)
        assert enrollment.uri.startswith("otpauth://totp/")
        codes = totp.confirm_enrollment(session, enrollment, totp.code_at(enrollment.secret, info.clock.now()))
    finally:
        session.close()
    return enrollment.secret, codes


def _next_step(clock: FakeClock) -> None:
    clock.advance(seconds=totp.STEP_SECONDS)


def _failures(info: VaultInfo) -> int:
    keys = read_keys(info.data_dir)
    return next(iter(keys["slots"].values()))["failures"]


def test_rfc6238_reference_vector() -> None:
    """RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (eight digits; six are its tail)."""
    from datetime import UTC, datetime

    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # base32 of "12345678901234567890"
    assert totp.code_at(secret, datetime.fromtimestamp(59, UTC)) == "287082"


def test_ct_gov_1_each_pack_states_its_reading_of_a7() -> None:
    """CT-GOV-1 / A7: every pack says whether it offers the second factor, and why."""
    for pack_id in ("ct", "vt", "mo"):
        policy = load_pack(pack_id).second_factor
        assert policy.totp in ("off", "optional", "required")
        assert "A7" in policy.reading
    assert load_pack("ct").second_factor.totp == "optional"
    assert [c.id for c in load_pack("ct").second_factor.clauses] == ["CT-GOV-1"]


def test_valid_code_signs_in_and_the_secret_is_not_in_the_key_file(ct_vault: VaultInfo) -> None:
    secret, _ = _enrol(ct_vault)
    assert secret not in (ct_vault.data_dir / "vault.keys").read_text()
    _next_step(ct_vault.clock)
    with pytest.raises(SecondFactorNeeded):
        ct_vault.sign_in()
    code = totp.code_at(secret, ct_vault.clock.now())
    session = sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock, code=code)
    try:
        assert session.user.username == ADMIN_USER
        used = session.conn.execute("SELECT COUNT(*) FROM audit_event WHERE action = 'second_factor.used'"
                                    ).fetchone()[0]
        assert used == 1
    finally:
        session.close()
    assert _failures(ct_vault) == 0


def test_wrong_code_counts_as_a_failed_attempt_and_locks_at_the_limit(ct_vault: VaultInfo) -> None:
    secret, _ = _enrol(ct_vault)
    limit = load_pack("ct").lockout.withdraw_after
    for attempt in range(1, limit):
        _next_step(ct_vault.clock)
        ct_vault.clock.advance(minutes=20)  # past any delay
        with pytest.raises(BadCredentials, match="code is wrong"):
            sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock, code="000000"
                    if totp.code_at(secret, ct_vault.clock.now()) != "000000" else "111111")
        assert _failures(ct_vault) == attempt  # a right password did not reset the count
    ct_vault.clock.advance(minutes=20)
    with pytest.raises(AccountLocked):
        sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock, code="12345x")
    ct_vault.clock.advance(minutes=20)
    with pytest.raises(AccountLocked):  # the right code no longer helps: the slot is withdrawn
        sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock,
                code=totp.code_at(secret, ct_vault.clock.now()))


def test_leaving_at_the_code_prompt_still_counts(ct_vault: VaultInfo) -> None:
    from app.session import begin_sign_in

    _enrol(ct_vault)
    pending = begin_sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock)
    assert pending.needs_code
    pending.cancel()
    assert _failures(ct_vault) == 1


@pytest.mark.parametrize("offset", [-1, 1])
def test_one_step_of_clock_drift_is_accepted(ct_vault: VaultInfo, offset: int) -> None:
    secret, _ = _enrol(ct_vault)
    ct_vault.clock.advance(minutes=5)
    phone_time = ct_vault.clock.now() + timedelta(seconds=offset * totp.STEP_SECONDS)
    sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock,
            code=totp.code_at(secret, phone_time)).close()


def test_two_steps_of_drift_are_refused(ct_vault: VaultInfo) -> None:
    secret, _ = _enrol(ct_vault)
    ct_vault.clock.advance(minutes=5)
    phone_time = ct_vault.clock.now() + timedelta(seconds=2 * totp.STEP_SECONDS)
    with pytest.raises(BadCredentials):
        sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock, code=totp.code_at(secret, phone_time))


def test_the_same_code_is_refused_a_second_time(ct_vault: VaultInfo) -> None:
    secret, _ = _enrol(ct_vault)
    _next_step(ct_vault.clock)
    code = totp.code_at(secret, ct_vault.clock.now())
    sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock, code=code).close()
    with pytest.raises(BadCredentials, match="already used"):
        sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock, code=code)


def test_a_recovery_code_works_once(ct_vault: VaultInfo) -> None:
    _, codes = _enrol(ct_vault)
    assert len(codes) == totp.RECOVERY_CODES and len(set(codes)) == len(codes)
    session = sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock, code=codes[0].lower())
    try:
        assert any("recovery code" in w for w in session.warnings)
        stored = totp.load(session.conn, session.user.user_id)
        assert stored is not None and codes[1] not in stored.to_json()  # kept hashed only
        assert len(stored.recovery) == totp.RECOVERY_CODES - 1
    finally:
        session.close()
    with pytest.raises(BadCredentials):
        sign_in(ct_vault.data_dir, ADMIN_USER, ADMIN_PASSWORD, ct_vault.clock, code=codes[0])


def test_enrollment_needs_a_matching_code_and_reset_needs_an_admin(ct_vault: VaultInfo) -> None:
    session = ct_vault.sign_in()
    try:
        enrollment = totp.start_enrollment(session)
        with pytest.raises(totp.SecondFactorError):
            totp.confirm_enrollment(session, enrollment, "000000" if totp.code_at(
                enrollment.secret, ct_vault.clock.now()) != "000000" else "111111")
        assert not totp.is_enrolled(session)
        totp.confirm_enrollment(session, enrollment, None)
        assert totp.is_enrolled(session)
        assert totp.reset(session, ADMIN_USER) is True
        assert not totp.is_enrolled(session)
    finally:
        session.close()
    ct_vault.sign_in().close()  # the password alone again
    assert _failures(ct_vault) == 0


def test_a_pack_with_the_second_factor_off_refuses_enrollment(ct_vault: VaultInfo) -> None:
    session = ct_vault.sign_in()
    try:
        session.pack = session.pack.model_copy(update={"second_factor": session.pack.second_factor.model_copy(
            update={"totp": "off"})})
        with pytest.raises(PermissionDenied):
            totp.start_enrollment(session)
    finally:
        session.close()


def test_a_pack_that_requires_it_marks_the_user_due_until_enrolled(ct_vault: VaultInfo) -> None:
    session = ct_vault.sign_in()
    try:
        assert not session.second_factor_due  # ct: optional
        session.pack = session.pack.model_copy(update={"second_factor": session.pack.second_factor.model_copy(
            update={"totp": "required"})})
        assert session.second_factor_due
        enrollment = totp.start_enrollment(session)
        totp.confirm_enrollment(session, enrollment, totp.code_at(enrollment.secret, ct_vault.clock.now()))
        assert not session.second_factor_due
    finally:
        session.close()

"""The idle lock's wall clock and the encrypted drafts that survive a lock
(MO-HW-1, MO-PHYS-1, CT-208-2, S1, S3)."""

from __future__ import annotations

import pytest
from support import PACKS, USER_PASSWORD, VaultInfo, add_ready_user

from app.clock import FakeClock
from app.drafts import discard_draft, list_drafts, save_draft
from app.packs import load_pack
from app.security.idle import IdleClock
from app.settings import Settings


@pytest.mark.parametrize("pack", PACKS)
def test_packs_idle_lock_defaults(pack: str) -> None:
    """MO-HW-1 / MO-PHYS-1 / CT-208-2: a short idle lock, 5 minutes by default, 1-15 allowed."""
    policy = load_pack(pack).idle_lock
    assert policy.default_minutes == 5
    assert 1 <= policy.min_minutes <= policy.default_minutes <= policy.max_minutes <= 15
    assert policy.lock_on_os_lock


def test_init_stores_the_pack_idle_minutes(any_vault: VaultInfo) -> None:
    session = any_vault.sign_in()
    try:
        assert Settings(session.conn).idle_lock_minutes == load_pack(any_vault.pack).idle_lock.default_minutes
    finally:
        session.close()


def test_mo_hw_1_idle_lock_fires_at_the_deadline() -> None:
    clock = FakeClock()
    idle = IdleClock(5, clock)
    clock.advance(minutes=4, seconds=59)
    assert not idle.expired()
    clock.advance(seconds=1)
    assert idle.expired()


def test_activity_pushes_the_deadline() -> None:
    clock = FakeClock()
    idle = IdleClock(5, clock)
    clock.advance(minutes=4)
    idle.touch()
    clock.advance(minutes=4)
    assert not idle.expired()
    assert idle.seconds_left() == pytest.approx(60)


def test_sleep_past_the_deadline_is_already_expired() -> None:
    """S1: wall-clock time; a laptop that slept an hour is locked before it repaints."""
    clock = FakeClock()
    idle = IdleClock(5, clock)
    clock.advance(hours=1)  # no ticks in between, as during suspend
    assert idle.expired()
    assert idle.seconds_left() < 0


def test_timeout_must_be_positive_and_can_change() -> None:
    clock = FakeClock()
    with pytest.raises(ValueError):
        IdleClock(0, clock)
    idle = IdleClock(15, clock)
    with pytest.raises(ValueError):
        idle.set_timeout(-1)
    idle.set_timeout(1)
    clock.advance(seconds=61)
    assert idle.expired()


def test_s3_draft_survives_a_lock_and_belongs_to_its_writer(vt_vault: VaultInfo) -> None:
    session = vt_vault.sign_in()
    draft_id = save_draft(session, "intake", {"first_name": "Draftina", "typed": "half a sentence"})
    save_draft(session, "intake", {"first_name": "Draftina", "typed": "half a sentence, then more"}, draft_id)
    session.lock()
    assert not session.vault.is_open
    add_ready_user(vt_vault, "dora.other", "case_manager")

    session = vt_vault.sign_in()
    try:
        (draft,) = list_drafts(session, "intake")
        assert draft.draft_id == draft_id
        assert draft.payload["typed"] == "half a sentence, then more"
    finally:
        session.close()
    other = vt_vault.sign_in("dora.other", USER_PASSWORD)
    try:
        assert list_drafts(other) == []
        discard_draft(other, draft_id)  # not theirs: nothing happens
    finally:
        other.close()
    session = vt_vault.sign_in()
    try:
        assert [d.draft_id for d in list_drafts(session)] == [draft_id]
        discard_draft(session, draft_id)
        assert list_drafts(session) == []
    finally:
        session.close()

"""Timeliness per pack: MO-TIME-1 72 h, VT-2.2-4 5 days + 30 days' grace, CT-302-1 by
project type with the agency's own schedule."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from support import VaultInfo

from app.packs import load_pack
from app.rules.timeliness import Standing, agency_overrides, deadline, set_agency_overrides
from app.session import Session
from app.vault.connection import transaction

COLLECTED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_mo_time_1_72_hours_from_collection() -> None:
    d = deadline(load_pack("mo"), COLLECTED)
    assert d.due_at == COLLECTED + timedelta(hours=72)
    assert d.standing(COLLECTED + timedelta(hours=47)) is Standing.ON_TIME
    assert d.standing(COLLECTED + timedelta(hours=49)) is Standing.DUE_SOON  # within 24 h
    assert d.standing(COLLECTED + timedelta(hours=72)) is Standing.MISSED  # no grace in MO


def test_vt_2_2_4_five_days_with_thirty_days_grace() -> None:
    d = deadline(load_pack("vt"), COLLECTED)
    assert d.due_at == COLLECTED + timedelta(days=5)
    assert d.standing(COLLECTED + timedelta(days=6)) is Standing.OVERDUE
    assert d.standing(COLLECTED + timedelta(days=35, hours=1)) is Standing.MISSED


def test_same_record_three_packs_three_deadlines() -> None:
    due = {p: deadline(load_pack(p), COLLECTED).due_at for p in ("ct", "vt", "mo")}
    assert due["mo"] < due["vt"]
    assert due["ct"] == COLLECTED + timedelta(hours=72)


@pytest.fixture
def ct_session(ct_vault: VaultInfo) -> Iterator[Session]:
    session = ct_vault.sign_in()
    try:
        yield session
    finally:
        session.close()


def test_ct_302_1_agency_schedule_by_project_type(ct_session: Session) -> None:
    with transaction(ct_session.conn):
        set_agency_overrides(ct_session.settings, {0: 24, 4: 168})
    overrides = agency_overrides(ct_session.settings)
    pack = ct_session.pack
    assert deadline(pack, COLLECTED, 0, overrides).due_at == COLLECTED + timedelta(hours=24)
    assert deadline(pack, COLLECTED, 4, overrides).due_at == COLLECTED + timedelta(hours=168)
    assert deadline(pack, COLLECTED, 13, overrides).due_at == COLLECTED + timedelta(hours=72)
    with pytest.raises(ValueError):
        set_agency_overrides(ct_session.settings, {0: 0})

"""HUD service record types follow the project type (forms/services/record_types.toml):
no bed night (4.14) on a street outreach enrollment. Synthetic people only."""

from __future__ import annotations

from datetime import date

import pytest
from test_followup import count, enrolled  # noqa: F401  (fixture)

from app.errors import ValidationError
from app.followup import record_service, service_types
from app.services_offered import record_types_for
from app.session import Session

STREET_OUTREACH, NIGHT_BY_NIGHT, RAPID_REHOUSING = 4, 1, 13


def test_hud_4_14_bed_nights_only_in_night_by_night_shelters() -> None:
    offered = list(service_types())
    assert 200 not in record_types_for(STREET_OUTREACH, offered)
    assert 200 in record_types_for(NIGHT_BY_NIGHT, offered)
    assert 141 in record_types_for(STREET_OUTREACH, offered), "PATH services are street outreach's"
    assert 144 in record_types_for(RAPID_REHOUSING, offered) and 141 not in record_types_for(RAPID_REHOUSING, offered)


def test_hud_4_14_a_bed_night_on_street_outreach_is_refused(enrolled: tuple[Session, str]) -> None:
    session, enrollment_id = enrolled
    with pytest.raises(ValidationError) as refused:
        record_service(session, enrollment_id, date(2026, 3, 2), 200, 200)
    assert refused.value.field == "record_type"
    assert count(session, "SELECT count(*) FROM service") == 0

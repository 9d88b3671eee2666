"""Services the agency gives beside HUD's (a meal, a blanket, a hygiene kit,
transport), from ``forms/services/agency_services.toml``, offered by HUD project
type like HUD's record types (``app.services_offered``).

They are recorded like a HUD service (the role ``services.record``, a conflict of
interest, the consent gate for the day, within the enrollment, audited, queued for
sync as ``agency_service``) but stored in their own table, so the HMIS CSV export's
Services.csv, which holds HUD's record types only, never carries them. No
jurisdiction here."""

from __future__ import annotations

import functools
import tomllib
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources

from app.errors import ValidationError
from app.followup import _check_date, _gate, _open_for_entry, _store
from app.session import Session

ENTITY = "agency_service"


@dataclass(frozen=True)
class AgencyService:
    code: str
    label: dict[str, str]
    project_types: frozenset[int] | None  # None: every project type

    def offered_for(self, project_type: int) -> bool:
        return self.project_types is None or project_type in self.project_types


@functools.lru_cache(maxsize=1)
def agency_services() -> tuple[AgencyService, ...]:
    text = resources.files("forms").joinpath("services", "agency_services.toml").read_text(encoding="utf-8")
    found = []
    for code, entry in tomllib.loads(text).get("services", {}).items():
        types = entry.get("project_types", "all")
        found.append(AgencyService(code, dict(entry["label"]),
                                   None if types == "all" else frozenset(int(t) for t in types)))
    return tuple(found)


def offered_for(project_type: int) -> list[AgencyService]:
    return [s for s in agency_services() if s.offered_for(project_type)]


def record_agency_service(session: Session, enrollment_id: str, date_provided: date, code: str,
                          quantity: int = 1, collected_at: datetime | None = None) -> str:
    """One agency service given on ``date_provided`` during the enrollment."""
    facts = _open_for_entry(session, enrollment_id)
    service = next((s for s in agency_services() if s.code == code), None)
    if service is None:
        raise ValidationError("service_code", "This agency does not list that service.")
    if not service.offered_for(facts.project_type):
        raise ValidationError("service_code", "This project does not give that service; choose one from the "
                                              "list for this enrollment's project.")
    if not 1 <= quantity <= 99:
        raise ValidationError("quantity", "Give a quantity from 1 to 99.")
    _check_date("date_provided", date_provided, session, facts.entry_date, "service date")
    if facts.exit_date is not None and date_provided > facts.exit_date:
        raise ValidationError("date_provided", "The service date cannot be after the project exit "
                                               f"({facts.exit_date.isoformat()}).")
    decision = _gate(session, facts, date_provided, "service", "date_provided")
    service_id = str(uuid.uuid4())
    now = session.clock.now()
    collected = collected_at or now
    row = {
        "service_id": service_id, "enrollment_id": enrollment_id, "personal_id": facts.personal_id,
        "date_provided": date_provided.isoformat(), "service_code": code, "quantity": quantity,
        "collected_at": collected.isoformat(timespec="seconds"), "created_at": now.isoformat(timespec="seconds"),
        "created_by": session.user.user_id,
    }
    _store(session, ENTITY, row, ENTITY, service_id, facts, collected, now, "agency_service.recorded",
           decision, date_provided)
    return service_id

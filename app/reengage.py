"""Re-engagement: a new enrollment for a client (and the household they were last
enrolled with) who is already on file, without a whole new intake.

The answer is the start of an ordinary intake: one member per person, linked to the
record on file (``link_personal_id``) and carrying the identity and demographics
stored for them, head of household first with the relationships of the last
household. The intake is saved by the same core save (``app.intake.save_intake``),
so the consent gate, the project's questions and the duplicate rules all apply; a
linked member's stored record is not rewritten by it. Each person read is audited
and a person under a conflict-of-interest declaration is left out (VT-2.1-8)."""

from __future__ import annotations

from typing import Any

from app.domain.person import Person
from app.errors import UserFacingError
from app.people import open_person
from app.session import Session

HEAD_OF_HOUSEHOLD = 1
# Person attribute -> the intake document's client field.
CLIENT_KEYS = {
    "first_name": "FirstName", "middle_name": "MiddleName", "last_name": "LastName", "name_suffix": "NameSuffix",
    "name_data_quality": "NameDataQuality", "ssn": "SSN", "ssn_data_quality": "SSNDataQuality", "dob": "DOB",
    "dob_data_quality": "DOBDataQuality", "am_ind_ak_native": "AmIndAKNative", "asian": "Asian",
    "black_af_american": "BlackAfAmerican", "hispanic_latinao": "HispanicLatinao",
    "mid_east_n_african": "MidEastNAfrican", "native_hi_pacific": "NativeHIPacific", "white": "White",
    "race_none": "RaceNone", "additional_race_ethnicity": "AdditionalRaceEthnicity", "sex": "Sex",
    "veteran_status": "VeteranStatus",
}


def client_answers(person: Person) -> dict[str, Any]:
    """The stored person as an intake's client answers (blank ones left out)."""
    return {key: getattr(person, attr) for attr, key in CLIENT_KEYS.items()
            if getattr(person, attr) not in (None, "")}


def has_open_enrollment(session: Session, personal_id: str) -> bool:
    return session.conn.execute("SELECT 1 FROM enrollment e"
                                " LEFT JOIN project_exit x ON x.enrollment_id = e.enrollment_id"
                                " WHERE e.personal_id = ? AND x.exit_id IS NULL LIMIT 1",
                                (personal_id,)).fetchone() is not None


def reengagement_members(session: Session, personal_id: str, household: bool = True) -> list[dict[str, Any]]:
    """The members of a re-engagement intake, head of household first: ``answers``
    (client answers and RelationshipToHoH) and ``link_personal_id``. With
    ``household`` the people of the client's last household come too."""
    session.require("intake.run")
    conn = session.conn
    last = conn.execute("SELECT household_id FROM enrollment WHERE personal_id = ?"
                        " ORDER BY entry_date DESC, created_at DESC LIMIT 1", (personal_id,)).fetchone()
    relationships: dict[str, int] = {personal_id: HEAD_OF_HOUSEHOLD}
    if household and last is not None:
        rows = conn.execute("SELECT personal_id, relationship_to_hoh FROM enrollment WHERE household_id = ?",
                            (last[0],)).fetchall()
        relationships = {str(r[0]): int(r[1] if r[1] is not None else 99) for r in rows}
        relationships.setdefault(personal_id, HEAD_OF_HOUSEHOLD)
    members: list[dict[str, Any]] = []
    for pid, relationship in relationships.items():
        try:
            person = open_person(session, pid)
        except UserFacingError:
            if pid == personal_id:
                raise
            continue  # a conflict of interest or a record no longer here: left out
        members.append({"answers": {**client_answers(person), "RelationshipToHoH": relationship},
                        "link_personal_id": pid})
    members.sort(key=lambda m: m["answers"]["RelationshipToHoH"] != HEAD_OF_HOUSEHOLD)
    if members and members[0]["answers"]["RelationshipToHoH"] != HEAD_OF_HOUSEHOLD:
        members[0]["answers"]["RelationshipToHoH"] = HEAD_OF_HOUSEHOLD  # the client asked for leads
    return members

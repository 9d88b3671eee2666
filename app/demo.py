"""Synthetic people for demos and benchmarks: clearly fake, never real.

Names are built from nature words ("Juniper Mossbrook"), SSNs start with 9 (a range
the SSA never issues, so HUD flags them), and every row is marked ``is_demo``.
Inserts go in large transactions (thousands of people per commit). Each person,
enrollment and consent goes into the outbox as an intake's would, so a central
server the device syncs with holds the same households.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from app.domain.person import Person
from app.outbox import enqueue
from app.people import insert_person, person_payload
from app.project_demo import complete_demo_projects
from app.projects import queue_project_once
from app.session import Session
from app.vault.connection import transaction

FIRST = (
    "Aspen", "Birch", "Cedar", "Dune", "Ember", "Fern", "Garnet", "Hazel", "Iris", "Juniper",
    "Kestrel", "Linden", "Marigold", "Nettle", "Onyx", "Poppy", "Quill", "Rowan", "Sorrel",
    "Tansy", "Umber", "Vale", "Willow", "Yarrow", "Zinnia", "Alder", "Bramble", "Clover",
    "Dove", "Elm", "Flint", "Heath", "Ivy", "Jasper", "Laurel", "Moss", "Oak", "Pebble",
    "Reed", "Sage", "Thistle", "Wren",
)
LAST_A = (
    "Moss", "Fern", "Stone", "Brook", "Thorn", "Glen", "Wild", "Briar", "Ash", "Heather",
    "Cobble", "Larch", "Meadow", "River", "Sedge", "Tumble", "Whistle", "Marsh", "Pine", "Hollow",
)
LAST_B = (
    "brook", "whistle", "field", "wick", "mere", "dale", "hollow", "ridge", "ford", "wood",
    "feather", "bottom", "shade", "burrow", "thatch", "wing",
)
BATCH = 5000
_ENROLLMENT_INSERT = (
    "INSERT INTO enrollment (enrollment_id, personal_id, project_id, household_id, relationship_to_hoh,"
    " entry_date, disabling_condition, collected_at, created_at, updated_at, created_by, updated_by, locked)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_CONSENT_INSERT = (
    "INSERT INTO consent (consent_id, personal_id, household_id, project_id, method, sharing, signed_on,"
    " expires_on, attested_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _person(rng: random.Random, last_name: str, age_range: tuple[int, int], today: date) -> Person:
    age_days = rng.randint(age_range[0] * 365, age_range[1] * 365)
    dob = today - timedelta(days=age_days)
    ssn = "9" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    known_ssn = rng.random() < 0.8
    return Person(
        personal_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        first_name=rng.choice(FIRST),
        last_name=last_name,
        name_data_quality=1,
        ssn=ssn if known_ssn else None,
        ssn_data_quality=1 if known_ssn else rng.choice((8, 9, 99)),
        dob=dob.isoformat(),
        dob_data_quality=1,
        white=int(rng.random() < 0.5),
        black_af_american=int(rng.random() < 0.35),
        hispanic_latinao=int(rng.random() < 0.2),
        sex=rng.choice((0, 1, 8, 9, 99)),
        veteran_status=(rng.choice((0, 0, 0, 1)) if age_days >= 18 * 365 else None),
        is_demo=True,
    )


def add_demo_people(session: Session, count: int, seed: int | None = None) -> int:
    """Add exactly ``count`` synthetic people in households, each with a consent and an
    enrollment in one of the device's projects; returns the number added."""
    session.require("client.create")
    if count < 0:
        raise ValueError("count must be zero or more")
    rng = random.Random(seed)
    if session.can("device.configure"):
        complete_demo_projects(session)  # HUD 2.02-2.08, so the demo's export is complete
    projects = session.conn.execute("SELECT project_id, project_type FROM project").fetchall()
    if not projects:
        raise ValueError("the device has no projects to enroll people in")
    pack = session.pack
    now = session.clock.now()
    now_iso = now.isoformat(timespec="seconds")
    today = now.date()
    user = session.user.user_id
    window = pack.timeliness.window_hours
    queued: set[str] = set()
    added = 0
    while added < count:
        with transaction(session.conn) as conn:
            batch_start = added
            batch_end = min(count, added + BATCH)
            while added < batch_end:
                size = min(batch_end - added, rng.choice((1, 1, 1, 2, 3, 4)))
                project_id, project_type = rng.choice(projects)
                household_id = str(uuid.uuid4())
                conn.execute("INSERT INTO household VALUES (?, ?)", (household_id, now_iso))
                last = rng.choice(LAST_A) + rng.choice(LAST_B)
                collected = now - timedelta(hours=rng.uniform(0, pack.timeliness.window_hours * 1.5))
                entry = collected.date().isoformat()
                signed = collected.date()
                expires = (signed + timedelta(days=365)).isoformat() if pack.consent.expiry_months else None
                sharing = pack.sharing.default
                if project_id not in queued:
                    queue_project_once(conn, project_id, user, now, window)
                    queued.add(project_id)
                for member in range(size):
                    ages = (18, 80) if member == 0 else ((18, 70) if member == 1 and rng.random() < 0.4 else (0, 17))
                    person = _person(rng, last, ages, today)
                    insert_person(conn, person, user, now_iso)
                    relationship = 1 if member == 0 else (3 if ages[0] >= 18 else 2)
                    # The same columns the intake saves and sends, so the central server
                    # holds what the device holds (households, enrollments, consents).
                    enrollment = {
                        "enrollment_id": str(uuid.uuid4()), "personal_id": person.personal_id,
                        "project_id": project_id, "household_id": household_id,
                        "relationship_to_hoh": relationship, "entry_date": entry,
                        "disabling_condition": rng.choice((0, 1, 99)),
                        "collected_at": collected.isoformat(timespec="seconds"), "created_at": now_iso,
                        "updated_at": now_iso, "created_by": user, "updated_by": user, "locked": 0,
                    }
                    conn.execute(_ENROLLMENT_INSERT, tuple(enrollment.values()))
                    consent = {
                        "consent_id": str(uuid.uuid4()), "personal_id": person.personal_id,
                        "household_id": household_id, "project_id": project_id,
                        "method": rng.choice(("written", "written", "verbal")), "sharing": sharing,
                        "signed_on": signed.isoformat(), "expires_on": expires, "attested_by": user,
                        "created_at": now_iso,
                    }
                    conn.execute(_CONSENT_INSERT, tuple(consent.values()))
                    enqueue(conn, "person", person.personal_id, "upsert", person_payload(person, user, now_iso),
                            collected, window, now)
                    enqueue(conn, "enrollment", enrollment["enrollment_id"], "upsert", enrollment, collected,
                            window, now)
                    enqueue(conn, "consent", consent["consent_id"], "create",
                            {**consent, "shared_with": "[]", "signature_captured": False}, collected, window, now)
                    added += 1
            session.audit("demo.people_added", "device", session.vault.keyfile.vault_id,
                          {"count": batch_end - batch_start})
    return added

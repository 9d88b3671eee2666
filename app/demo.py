"""Synthetic people for demos and benchmarks: clearly fake, never real.

Names are built from nature words ("Juniper Mossbrook"), an SSN is only ever its last
four digits (HUD's partial SSN, never a whole number anyone holds), and every person
is marked ``is_demo``.
Every household is an intake document saved through ``app.intake.save_intake``, the
gate a worker's intake passes: a head of household and every adult answer the
3.917 questions, no one is born after the project start, and a consent the pack
accepts covers the data's dates (written, signed on paper and attested, on the day
of entry; the pack's default sharing). So a demo household is one a worker could
have entered, in every pack, and its outbox rows, audit events and the consent
gate's decisions are the intake's own.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from app.intake.document import ConsentInput, IntakeDocument, MemberInput
from app.intake.save import save_intake
from app.packs import Pack
from app.project_demo import complete_demo_projects
from app.rules.consent import roi_expiry
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
HOMELESS_SITUATIONS = (116, 101, 118)  # 3.917: place not meant for habitation, shelter, safe haven
LENGTHS_OF_STAY = (10, 11, 2, 3, 4, 5)
MONTHS_HOMELESS = tuple(range(101, 114))
SHARED_WITH = ("Participating agencies of this HMIS",)


def _client(rng: random.Random, last_name: str, dob: date, adult: bool) -> dict[str, Any]:
    # Only the last four digits (HUD's "partial SSN"): never anyone's whole number.
    known_ssn = rng.random() < 0.8
    client: dict[str, Any] = {
        "FirstName": rng.choice(FIRST), "LastName": last_name, "NameDataQuality": 1,
        "SSN": f"{rng.randint(1, 9999):04d}" if known_ssn else None,
        "SSNDataQuality": 2 if known_ssn else rng.choice((8, 9)),
        "DOB": dob.isoformat(), "DOBDataQuality": 1,
        "White": int(rng.random() < 0.5), "BlackAfAmerican": int(rng.random() < 0.35),
        "HispanicLatinao": int(rng.random() < 0.2), "Sex": rng.choice((0, 1, 0, 1, 8, 9)),
        "VeteranStatus": rng.choice((0, 0, 0, 1)) if adult else None,
    }
    if not (client["White"] or client["BlackAfAmerican"] or client["HispanicLatinao"]):
        client["RaceNone"] = rng.choice((8, 9))  # the client doesn't know, or prefers not to say
    return client


def _enrollment(rng: random.Random, entry: date, relationship: int, adult: bool) -> dict[str, Any]:
    """3.10 to 3.917 as an intake records them; the 3.917 history for the head of
    household and every adult (HUD asks it of them, not of children)."""
    enrollment: dict[str, Any] = {
        "EntryDate": entry.isoformat(), "RelationshipToHoH": relationship,
        "DisablingCondition": rng.choice((0, 0, 1, 8)),
    }  # EnrollmentCoC (3.16) comes from the project's CoC at save
    if relationship == 1 or adult:
        enrollment.update(
            LivingSituation=rng.choice(HOMELESS_SITUATIONS), LengthOfStay=rng.choice(LENGTHS_OF_STAY),
            LOSUnderThreshold=1, PreviousStreetESSH=1,
            DateToStreetESSH=(entry - timedelta(days=rng.randint(1, 700))).isoformat(),
            TimesHomelessPastThreeYears=rng.choice((1, 2, 3, 4)),
            MonthsHomelessPastThreeYears=rng.choice(MONTHS_HOMELESS), DateOfEngagement=entry.isoformat(),
        )
    return enrollment


def _consent(pack: Pack, signed: date) -> ConsentInput:
    """A written consent signed on paper on the day of entry, at the pack's default
    sharing, complete for every pack's rules (a release with its own signature, whom
    it shares with and when it ends, where the pack asks for them)."""
    shared = pack.sharing.default == "shared"
    expires = None
    if shared and roi_expiry(pack, signed) is None:
        expires = signed + timedelta(days=364)
    return ConsentInput(
        method="written", sharing=pack.sharing.default, signed_on=signed,
        shared_with=SHARED_WITH if shared else (), expires_on=expires, signature="paper_attested",
        release_to_share_signed=shared,
    )


def household_document(rng: random.Random, pack: Pack, project_id: str, size: int,
                       collected: datetime) -> IntakeDocument:
    """One synthetic household's intake: a head of household, perhaps a second adult
    (who signs their own consent where the pack wants each adult to), and children,
    all born before the project start."""
    entry = collected.date()
    last = rng.choice(LAST_A) + rng.choice(LAST_B)
    consent = _consent(pack, entry)
    members: list[MemberInput] = []
    for index in range(size):
        adult = index == 0 or (index == 1 and rng.random() < 0.4)
        age_days = rng.randint(18 * 365 + 5, 80 * 365) if adult else rng.randint(1, 17 * 365)
        dob = entry - timedelta(days=age_days)
        relationship = 1 if index == 0 else (3 if adult else 2)
        members.append(MemberInput(
            client=_client(rng, last, dob, adult), enrollment=_enrollment(rng, entry, relationship, adult),
            consent=consent if adult and index > 0 else None,
        ))
    return IntakeDocument(project_id=project_id, collected_at=collected, members=members, consent=consent,
                          script_acknowledged=True)


WEEK_DAYS = 7
OVERDUE_ON_PURPOSE = 2  # households left unsent past the deadline, so the banner has something to show


def _collected(rng: random.Random, now: datetime, window_hours: int, week: bool) -> datetime:
    """When a household was met: within 1.5 timeliness windows (the benchmark's mix of
    due and overdue), or, for ``week``, in working hours on one of the last seven days."""
    if not week:
        return now - timedelta(hours=rng.uniform(0, window_hours * 1.5))
    day = now - timedelta(days=rng.randrange(WEEK_DAYS))
    moment = day.replace(hour=rng.randint(8, 17), minute=rng.randrange(60), second=0, microsecond=0)
    return moment if moment <= now else now - timedelta(minutes=rng.randint(5, 90))


def _settle_sent(session: Session, households: list[str], now: datetime) -> int:
    """A normal week: what was collected before the timeliness window was sent on time
    and acknowledged (a demo vault has no server), except a few households past their
    deadline, left overdue on purpose. Returns the number of outbox rows marked sent."""
    stamp = now.isoformat(timespec="seconds")
    ours = set(households)
    late = [str(r[0]) for r in session.conn.execute(
        "SELECT batch_group FROM outbox WHERE state = 'pending' AND deadline_at <= ? AND batch_group IS NOT NULL"
        " GROUP BY batch_group ORDER BY max(collected_at) DESC", (stamp,)) if r[0] in ours]
    keep = late[:OVERDUE_ON_PURPOSE]
    marks = ", ".join("?" * len(keep)) or "''"
    cursor = session.conn.execute(
        "UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?, attempts = 1, payload = ''"
        " WHERE state = 'pending' AND deadline_at <= ?"
        f" AND (batch_group IS NULL OR batch_group NOT IN ({marks}))", (stamp, stamp, *keep))
    return cursor.rowcount


def add_demo_people(session: Session, count: int, seed: int | None = None, week: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Add exactly ``count`` synthetic people in households, each household saved as an
    intake in one of the device's projects; returns the number added. With ``week`` the
    households were met over the last seven days and what fell due was sent, but for a
    few overdue on purpose ("Try with demo data"). ``progress(done, count)`` is called
    after each household."""
    session.require("client.create")
    if count < 0:
        raise ValueError("count must be zero or more")
    rng = random.Random(seed)
    if session.can("device.configure"):
        complete_demo_projects(session)  # HUD 2.02-2.08, so the demo's export is complete
    projects = [row[0] for row in session.conn.execute("SELECT project_id FROM project ORDER BY name")]
    if not projects:
        raise ValueError("the device has no projects to enroll people in")
    pack = session.pack
    now = session.clock.now()
    added: list[str] = []
    household_ids: list[str] = []
    households = 0
    # Synthetic data needs no fsync per household: each intake still commits whole,
    # and the vault is back to synchronous=FULL before the last commit returns.
    session.conn.execute("PRAGMA synchronous = OFF")
    try:
        while len(added) < count:
            size = min(count - len(added), rng.choice((1, 1, 1, 2, 3, 4)))
            collected = _collected(rng, now, pack.timeliness.window_hours, week)
            # The first households go to each project in turn, so every project has people.
            households += 1
            project = projects[households - 1] if households <= len(projects) else rng.choice(projects)
            result = save_intake(session, household_document(rng, pack, project, size, collected))
            added.extend(result.personal_ids)
            household_ids.append(result.household_id)
            if progress is not None:
                progress(len(added), count)
    finally:
        session.conn.execute("PRAGMA synchronous = FULL")
    # Flag the people as synthetic, here and in what the central server receives.
    with transaction(session.conn) as conn:
        for start in range(0, len(added), 500):
            chunk = added[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            conn.execute(f"UPDATE person SET is_demo = 1 WHERE personal_id IN ({marks})", chunk)
            conn.execute("UPDATE outbox SET payload = json_set(payload, '$.is_demo', json('true'))"
                         f" WHERE entity = 'person' AND state = 'pending' AND entity_id IN ({marks})", chunk)
        settled = _settle_sent(session, household_ids, now) if week else 0
        session.audit("demo.people_added", "device", session.vault.keyfile.vault_id,
                      {"count": len(added), "marked_sent": settled})
    return len(added)

"""After intake: may more data go in for a person, given the consents on file, and how
is a day's data shared. ``entry_hold`` and ``uncovered_day`` answer whether more data
may go in (MO-ROI-10, MO-ROI-11, CT-207-1), ``project_hold`` where an ROI covers one
project (MO-ROI-6), and ``decide_entry`` puts them together for one record dated one
day. Pure functions over the pack; no pack names here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.packs import Pack
from app.rules.consent_terms import Sharing, cite, forced_not_shared, roi_expiry, with_clause


def consent_current(pack: Pack, signed_on: date, expires_on: date | None, revoked_on: date | None,
                    today: date) -> bool:
    """MO-ROI-10: an expired (or revoked) ROI needs a new one before more data goes in."""
    if revoked_on is not None and revoked_on <= today:
        return False
    end = expires_on or roi_expiry(pack, signed_on)
    return end is None or today <= end


Scope = Literal["agency", "project"]


def roi_scope(pack: Pack, chosen: str | None = None) -> Scope:
    """MO-ROI-6, A19: whether an ROI covers one project or every project of the agency.
    The pack's scope, unless the pack lets the agency choose and it chose (``chosen``,
    the device's setting)."""
    if pack.consent.roi_scope_agency_choice and chosen in ("agency", "project"):
        return "project" if chosen == "project" else "agency"
    return pack.consent.roi_scope


@dataclass(frozen=True)
class StoredConsent:
    """What the entry rules need of a consent already on the device."""

    method: str
    signed_on: date
    expires_on: date | None
    revoked_on: date | None
    recorded_at: str = ""  # ISO 8601; orders two consents signed the same day
    sharing: str = "not_shared"
    project_id: str | None = None  # the one project it covers; None: every project (MO-ROI-6)


@dataclass(frozen=True)
class EntryHold:
    """Why no more data may go in for a person, as one sentence saying what to do.

    ``kind`` is missing, revoked, expired, declined or gap; ``since`` is the day the
    consent stopped (or the uncovered day, for a gap)."""

    kind: str
    since: date | None
    clause: str
    message: str


def consent_end(pack: Pack, consent: StoredConsent) -> date | None:
    return consent.expires_on or roi_expiry(pack, consent.signed_on)


def latest_consent(consents: Sequence[StoredConsent]) -> StoredConsent | None:
    """The client's most recent decision, as the export reads it (signing day, then
    when it was recorded)."""
    return max(consents, key=lambda c: (c.signed_on, c.recorded_at), default=None)


def entry_hold(pack: Pack, consents: Sequence[StoredConsent], today: date) -> EntryHold | None:
    """Whether new records for a person must wait for a new consent.

    A pack that wants consent before any data (CT-207-1, MO-ROI-1) wants one in force
    before every later record too: none on file, a revoked one (MO-RIGHTS-4: the
    client withdrew it) or one past its expiry (MO-ROI-10; CT-207-9: the release
    states when it ends) holds data back until the client decides again. A refusal
    holds it back only where a refusal does not lock the household instead
    (MO-ROI-8, MO-RIGHTS-3: a locked record still gets services). A pack that assumes
    consent to collect (VT-3.4-1) never holds data back; there a revoked or lapsed
    release only stops sharing (VT-3.1-4)."""
    policy = pack.consent
    if not policy.consent_before_any_data:
        return None
    latest = latest_consent(consents)
    if latest is None:
        first = cite(pack, "consent_before_data")
        return EntryHold("missing", None, first or "", with_clause(
            "No consent is recorded for this client; record one before entering more data", first) + ".")
    if latest.revoked_on is not None and latest.revoked_on <= today:
        clause = cite(pack, "revoked")
        return EntryHold("revoked", latest.revoked_on, clause or "", with_clause(
            f"Consent was revoked on {latest.revoked_on.isoformat()}; record a new consent before "
            "entering more data", clause) + ".")
    end = consent_end(pack, latest)
    if end is not None and today > end:
        clause = cite(pack, "expired")
        return EntryHold("expired", end, clause or "", with_clause(
            f"The release of information expired on {end.isoformat()}; record a new consent before "
            "entering more data", clause) + ".")
    if latest.method == "declined" and not policy.declined_locks_household:
        clause = cite(pack, "declined")
        return EntryHold("declined", latest.signed_on, clause or "", with_clause(
            "The client declined consent, so no data can be entered; record a new consent if they "
            "change their mind", clause) + ".")
    return None


def covering_consent(pack: Pack, consents: Sequence[StoredConsent], day: date) -> StoredConsent | None:
    """The consent in force on ``day``: the latest signed on or before it that had not
    ended or been revoked by then (a refusal counts: it is the client's decision)."""
    for consent in sorted(consents, key=lambda c: (c.signed_on, c.recorded_at), reverse=True):
        if consent.signed_on > day:
            continue
        end = consent_end(pack, consent)
        if (end is None or day <= end) and (consent.revoked_on is None or day < consent.revoked_on):
            return consent
        return None  # the latest decision before that day had ended: nothing covers it
    return None


def uncovered_day(pack: Pack, consents: Sequence[StoredConsent], day: date) -> EntryHold | None:
    """MO-ROI-11: where an ROI lapses on a fixed term, the data entered under it must
    fall within it; a record dated in a gap between releases (or before the first)
    needs the helpdesk first. Packs without a fixed term have no such rule."""
    policy = pack.consent
    if not (policy.consent_before_any_data and policy.expiry_months):
        return None
    for consent in consents:
        if consent.method == "declined" and not policy.declined_locks_household:
            continue
        end = consent_end(pack, consent)
        if (consent.signed_on <= day and (end is None or day <= end)
                and (consent.revoked_on is None or day < consent.revoked_on)):
            return None
    clause = cite(pack, "gap")
    return EntryHold("gap", day, clause or "", with_clause(
        f"No release of information covers {day.isoformat()}; data for a day outside every release "
        "needs the HMIS helpdesk first", clause) + ".")


def consents_for_project(consents: Sequence[StoredConsent], project_id: str | None,
                         scope: Scope) -> list[StoredConsent]:
    """MO-ROI-6: where an ROI is recorded for each project the client is enrolled in,
    a record of project ``project_id`` is decided by that project's ROIs and by those
    that cover every project (``project_id`` None: recorded before schema 14, or in
    agency scope). Where one ROI covers the agency (A19), every consent counts."""
    if scope != "project" or project_id is None:
        return list(consents)
    return [c for c in consents if c.project_id is None or c.project_id == project_id]


def project_hold(pack: Pack, consents: Sequence[StoredConsent], project_id: str | None,
                 scope: Scope) -> EntryHold | None:
    """MO-ROI-6: a client whose ROIs on file all name other projects is not enrolled in,
    and no data goes in for, a project until an ROI for it is recorded. Only where
    the pack wants consent before data (elsewhere the project's days are just Not
    Shared); a client with no consent at all gets the pack's ``missing`` hold."""
    if not pack.consent.consent_before_any_data or not consents:
        return None
    if consents_for_project(consents, project_id, scope):
        return None
    clause = cite(pack, "roi_project")
    return EntryHold("project", None, clause or "", with_clause(
        "This client's releases of information cover other projects only; record a release for this "
        "project before entering data in it", clause) + ".")


@dataclass(frozen=True)
class EntryDecision:
    """The gate's answer for one record dated one day: may it go in, how is that day's
    data shared, and why (one sentence and the pack's clause)."""

    may_enter: bool
    sharing: Sharing
    reason: str
    clause: str | None
    hold: EntryHold | None = None  # why not, when ``may_enter`` is false


def decide_entry(pack: Pack, consents: Sequence[StoredConsent], day: date, today: date,
                 populations: Sequence[str] = (), locked: bool = False, project_id: str | None = None,
                 scope: Scope = "agency") -> EntryDecision:
    """May a record dated ``day`` go in, and at what sharing level for that day.

    Decided for the date of the data, not for ``today``: the consents signed on or
    before that day say whether it may go in (``entry_hold``: none, revoked, expired,
    declined; CT-207-1, MO-ROI-1, MO-ROI-10, MO-RIGHTS-4) and, where releases lapse on
    a fixed term, a day before the first release or between two needs the helpdesk
    (MO-ROI-11). Where releases have no fixed term a consent signed after the day
    still covers it (the pack ties no data date to the release). The day's sharing
    follows the consent in force that day: Not Shared without one, after a revocation
    or expiry (VT-3.1-4, MO-RIGHTS-4), for a declined or locked household (MO-ROI-8)
    and in a program whose populations are never shared (VT-3.1-2, MO-PROT-1).
    Where an ROI covers one project (``scope`` "project", MO-ROI-6, A19) only the
    ROIs of ``project_id`` (the project the record belongs to) and agency-wide ones
    decide, and a client whose ROIs all name other projects is held (``project_hold``).
    ``today`` is kept for the callers' symmetry; the answer does not depend on it."""
    del today
    policy = pack.consent
    held = project_hold(pack, consents, project_id, scope)
    if held is not None:
        return EntryDecision(False, "not_shared", held.message, held.clause or None, held)
    consents = consents_for_project(consents, project_id, scope)
    fixed_term = bool(policy.consent_before_any_data and policy.expiry_months)
    known = [c for c in consents if c.signed_on <= day]
    later = any(c.signed_on > day for c in consents)
    hold: EntryHold | None
    if not known and later and not fixed_term:
        known = list(consents)
    if not known and later and fixed_term:
        hold = uncovered_day(pack, consents, day)
    else:
        hold = entry_hold(pack, known, day)
        if hold is not None and hold.kind == "expired" and later and fixed_term:
            hold = uncovered_day(pack, consents, day) or hold
        if hold is None:
            hold = uncovered_day(pack, consents, day)
    if hold is not None:
        return EntryDecision(False, "not_shared", hold.message, hold.clause or None, hold)
    current = covering_consent(pack, known, day)
    forced = forced_not_shared(pack, tuple(populations))
    if forced:
        clause = cite(pack, "forced_not_shared")
        return EntryDecision(True, "not_shared", with_clause(
            "This program serves " + ", ".join(forced) + " clients, so records stay Not Shared", clause) + ".",
            clause)
    if locked or (current is not None and current.method == "declined"):
        clause = cite(pack, "locked") if locked or pack.consent.declined_locks_household else cite(pack, "declined")
        return EntryDecision(True, "not_shared", with_clause(
            "The household declined consent to share, so its record is locked Not Shared", clause) + ".", clause)
    if current is None:
        clause = cite(pack, "consent_before_data")
        return EntryDecision(True, "not_shared", with_clause(
            f"No release covers {day.isoformat()}, so that day's data is Not Shared", clause) + ".", clause)
    sharing: Sharing = "shared" if current.sharing == "shared" else "not_shared"
    clause = cite(pack, "consent_before_data")
    return EntryDecision(True, sharing, with_clause(
        f"The {current.method} consent signed {current.signed_on.isoformat()} covers {day.isoformat()}"
        f" ({'Shared' if sharing == 'shared' else 'Not Shared'})", clause) + ".", clause)

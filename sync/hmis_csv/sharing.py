"""Which days of a person's record may be shared, from their consents and household locks.

One rule for every source, so the device's vault and the central server export a
person the same way (docs/hmis-csv-export.md, "Sharing, destinations and time"):

* A **shared consent** (written or verbal, Shared) covers the days from its signing
  through its expiry (``expires_on``; open when it has none): data *dated* on those
  days may be shared. Expiry only ends what it covers from then on: data dated
  while the ROI was in force stays shared (MO-ROI-10, MO-ROI-11, CT-207-9).
* A **withdrawal** ends sharing at once, for every day it covered before: a
  revocation (MO-RIGHTS-4 "not shared from that date on", VT-3.1-4), a later
  Not Shared decision (VT-3.1-4: switched to Not Shared whenever the client asks)
  or a later declined one (CT-207-1, MO-RIGHTS-3). Every export made after it is a
  new disclosure the client refused, so it cancels every shared consent signed on
  or before it. A consent signed after it starts a new period.
* A person of a household **locked** after a declined ROI is shared on no day (MO-ROI-8).
* No consent on or before a day: that day is not shared.
* A consent that names a **project** (``project_id``: an ROI recorded for each
  project the client is enrolled in, MO-ROI-6, A19) covers that project's rows
  only; one that names none covers every project. A row of project P is decided by
  P's consents and the agency-wide ones, so a later Not Shared ROI for another
  project withdraws nothing of P's (``SharingTimeline.on(day, project_id)``).

:class:`SharingTimeline` answers for one day; :func:`sharing_timelines` builds one
per person from a source's consents. :func:`decide_sharing` keeps the summary of a
person's most recent decision, for sources and screens that need one word.

The pack's own rules (programs that force Not Shared, a declined ROI locking the
household, the ROI's length) were applied when the consent was saved, so the stored
consent already carries them; a source that stored no expiry may fill it from the
pack (:mod:`sync.hmis_csv.vault_source` does). Nothing here depends on the pack.

Where the rule is applied depends on the export's :class:`Destination`
(:mod:`sync.hmis_csv.visibility`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from operator import attrgetter

from sync.hmis_csv.source import Sharing

__all__ = [
    "REASONS",
    "ConsentFacts",
    "DayVisibility",
    "Destination",
    "SharingTimeline",
    "decide_sharing",
    "destination_for",
    "sharing_timelines",
]

#: Why a day is not shared, as the visibility list writes it.
REASONS = ("not_shared", "declined", "revoked", "expired", "no_consent", "locked")


class Destination(str, Enum):
    """Who reads the export.

    ``AGENCY``: the agency's own HMIS upload. Its own clients in full; what other
    agencies must not see is listed beside the zip for the HMIS administrator to
    import as Not Shared / locked (VT §3.1: Not Shared data is entered but "not
    visible to other providers"; MO-ROI-8; CT-207-8).
    ``COC``: a CoC-wide or warehouse file, read by other agencies: identifiers and
    rows leave only for the days a consent in force allowed it.
    ``OUTSIDE``: a data request from an outside entity: as ``COC``, and de-identified
    unless identifying data was asked for with the approval the pack requires
    (:mod:`sync.hmis_csv.outside`, MO-DREQ-1).
    """

    AGENCY = "agency"
    COC = "coc"
    OUTSIDE = "outside"


def destination_for(owner_agency: str | None, viewer_agency: str | None) -> Destination:
    """A record's destination as one viewer sees it: in full for the agency that
    entered it, under the sharing rule for anyone else (another agency, the CoC, a
    warehouse). For a central export made for one agency (``viewer_agency``)."""
    if viewer_agency is not None and owner_agency is not None and owner_agency.strip() == viewer_agency.strip():
        return Destination.AGENCY
    return Destination.COC


@dataclass(frozen=True, slots=True)
class ConsentFacts:
    """What the sharing rule needs from one consent. Dates and ``recorded_at`` are
    ISO 8601 text, which sorts in time order. ``revoked`` without ``revoked_on``
    counts as revoked on the signing day."""

    personal_id: str
    method: str  # written, verbal or declined
    sharing: str  # shared or not_shared
    revoked: bool
    signed_on: str
    recorded_at: str
    expires_on: str | None = None  # the last day the consent is in force
    revoked_on: str | None = None
    project_id: str | None = None  # the one project it covers; None: every project (MO-ROI-6)

    @property
    def allows_sharing(self) -> bool:
        return self.method != "declined" and self.sharing == "shared"


@dataclass(frozen=True, slots=True)
class DayVisibility:
    """``shared``, or why not (one of :data:`REASONS`)."""

    shared: bool
    reason: str | None = None


_SHARED = DayVisibility(True)
#: Consents in the order they were decided: signing date, then when recorded.
_IN_TIME_ORDER = attrgetter("signed_on", "recorded_at")


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Period:
    start: date
    end: date | None  # inclusive; None: open


class SharingTimeline:
    """One person's shared days, from their consents (any order) and lock."""

    def __init__(self, consents: Iterable[ConsentFacts] = (), locked: bool = False, *,
                 constant: Sharing | None = None) -> None:
        self.locked = locked
        self._constant = constant
        self._consents = sorted(consents, key=_IN_TIME_ORDER)
        self._by_project: dict[str, SharingTimeline] = {}
        self._per_project = any(c.project_id is not None for c in self._consents)
        self._periods: list[_Period] = []
        #: The days a consent was recorded or revoked: when what may be shared changed.
        self.changes: frozenset[date] = frozenset(
            day for c in self._consents for day in (_day(c.recorded_at), _day(c.revoked_on)) if day is not None)
        self._withdrawn_by: dict[int, str] = {}  # consent index -> reason it was cancelled
        standing: list[int] = []
        for index, consent in enumerate(self._consents):
            signed = _day(consent.signed_on)
            if signed is None:
                continue
            if consent.revoked:
                for earlier in standing:
                    self._withdrawn_by[earlier] = "revoked"
                standing = []
                continue
            if not consent.allows_sharing:
                reason = "declined" if consent.method == "declined" else "not_shared"
                for earlier in standing:
                    self._withdrawn_by[earlier] = reason
                standing = []
                continue
            standing.append(index)
        for index in standing:
            consent = self._consents[index]
            start = _day(consent.signed_on)
            assert start is not None
            self._periods.append(_Period(start, _day(consent.expires_on)))

    @classmethod
    def constant(cls, sharing: Sharing) -> SharingTimeline:
        """Every day the same: for a source that can only say one word per person."""
        return cls(locked=sharing is Sharing.LOCKED, constant=sharing)

    def for_project(self, project_id: str | None) -> SharingTimeline:
        """MO-ROI-6: the timeline of one project's rows, from that project's consents and
        those that name no project (itself where no consent names a project)."""
        if project_id is None or not self._per_project or self._constant is not None:
            return self
        timeline = self._by_project.get(project_id)
        if timeline is None:
            timeline = SharingTimeline([c for c in self._consents if c.project_id in (None, project_id)],
                                       self.locked)
            self._by_project[project_id] = timeline
        return timeline

    def on(self, day: date, project_id: str | None = None) -> DayVisibility:
        """Whether data dated ``day`` (of project ``project_id``, when it belongs to one)
        may be shared, and if not, why."""
        if project_id is not None and self._per_project:
            return self.for_project(project_id).on(day)
        if self.locked:
            return DayVisibility(False, "locked")
        if self._constant is not None:
            return _SHARED if self._constant is Sharing.SHARED else DayVisibility(False, self._constant.value)
        for period in self._periods:
            if period.start <= day and (period.end is None or day <= period.end):
                return _SHARED
        governing = None
        for index, consent in enumerate(self._consents):
            signed = _day(consent.signed_on)
            if signed is not None and signed <= day:
                governing = index
        if governing is None:
            return DayVisibility(False, "no_consent")
        consent = self._consents[governing]
        if consent.revoked:
            return DayVisibility(False, "revoked")
        if consent.method == "declined":
            return DayVisibility(False, "declined")
        if consent.sharing != "shared":
            return DayVisibility(False, "not_shared")
        if governing in self._withdrawn_by:
            return DayVisibility(False, self._withdrawn_by[governing])
        return DayVisibility(False, "expired")

    @property
    def ever_shared(self) -> bool:
        """Whether any day at all is shared."""
        if self.locked:
            return False
        if self._constant is not None:
            return self._constant is Sharing.SHARED
        return bool(self._periods)


def sharing_timelines(consents: Iterable[ConsentFacts], locked_people: Iterable[str]) -> dict[str, SharingTimeline]:
    """A :class:`SharingTimeline` for every person named; a person absent from the
    result has no consent on record (``SharingTimeline()`` shares no day)."""
    by_person: dict[str, list[ConsentFacts]] = defaultdict(list)
    for consent in consents:
        by_person[consent.personal_id].append(consent)
    locked = set(locked_people)
    return {personal_id: SharingTimeline(by_person.get(personal_id, ()), personal_id in locked)
            for personal_id in by_person.keys() | locked}


def decide_sharing(consents: Iterable[ConsentFacts], locked_people: Iterable[str]) -> dict[str, Sharing]:
    """The :class:`Sharing` of every person named, from their most recent decision
    (signing date, then when it was recorded): a summary in one word, not the rule
    per day; a person absent from the result has no consent on record
    (``Sharing.NO_CONSENT``)."""
    decided: dict[str, Sharing] = {}
    ordered: Sequence[ConsentFacts] = sorted(consents, key=_IN_TIME_ORDER)
    for consent in ordered:
        if consent.revoked:
            decided[consent.personal_id] = Sharing.NOT_SHARED
        elif consent.method == "declined":
            decided[consent.personal_id] = Sharing.DECLINED
        elif consent.sharing == "shared":
            decided[consent.personal_id] = Sharing.SHARED
        else:
            decided[consent.personal_id] = Sharing.NOT_SHARED
    for personal_id in locked_people:
        decided[personal_id] = Sharing.LOCKED
    return decided

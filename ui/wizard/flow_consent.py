"""The consent part of an intake in progress: the client's choices, the refusal, the
expiry, and what fixes sharing at Not Shared, asked of the rules in ``app/``.

``IntakeFlow`` (``ui.wizard.flow``) mixes this in; nothing here holds a widget.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from app.intake import Problem
from app.rules.consent import (
    ConsentRequest,
    StoredConsent,
    entry_hold,
    evaluate_consent,
    forced_not_shared,
    roi_expiry,
    uncovered_day,
)

if TYPE_CHECKING:
    from app.packs import Pack
    from app.projects import ProjectInfo

# Placeholders of the signed text filled from the sharing choices, by the field that holds them.
CHOICE_PLACEHOLDERS = {"shared_with": "shared_with", "shared_information": "shared_information",
                       "expiry_date": "expires_on"}


BLANK_IN_SIGNED_TEXT = "This is written into the text the client signs; fill it in."


@dataclass(frozen=True)
class SharingLock:
    """Why the sharing choice is fixed at Not Shared: the project's populations
    (VT-3.1-2, MO-PROT-1) or a minor who cannot consent (VT-3.4-14); ``clause`` is the
    one the consent rules cite."""

    kind: str  # "populations" or "minor"
    clause: str
    populations: tuple[str, ...] = ()
    age: int = 0


@dataclass
class ConsentState:
    method: str = "written"
    signature_png: bytes | None = None
    paper_attested: bool = False
    verbal_reason: str = ""
    witness: str = ""
    consent_date: str = ""
    consent_time: str = ""
    first_contact_by_phone: bool = False
    signer_is_guardian: bool = False
    emancipated: bool = False
    possible_dv_victim: bool = False
    dv_permission_to_enter: bool = False
    dv_permission_to_share: bool = False
    sharing: str = "not_shared"
    shared_with: str = ""
    shared_information: str = ""
    expires_on: str = ""
    release_to_share_signed: bool = False
    # SHA-256 of the consent text the signature or paper attestation was given on: a
    # change of the choices afterwards makes the client sign again.
    signed_text_sha: str = ""


class ConsentSteps:
    """The consent methods of ``IntakeFlow``."""

    pack: Pack
    consent: ConsentState
    today: date
    language: str

    if TYPE_CHECKING:
        members: list[Any]

        @property
        def project(self) -> ProjectInfo | None: ...

        def check(self, linkable: set[str] | None = None) -> tuple[list[Problem], list[Any]]: ...

    @property
    def declined(self) -> bool:
        return self.consent.method == "declined"

    def declined_refuses_data(self) -> bool:
        """Whether the pack lets no data in after a refusal, asked of the consent rules."""
        project = self.project
        request = ConsentRequest(method="declined", sharing="not_shared", signed_on=self.today,
                                 script_acknowledged=True,
                                 project_populations=project.populations if project else ())
        return not evaluate_consent(self.pack, request, self.today).may_enter_data

    def consent_dict(self) -> dict[str, Any]:
        c = self.consent
        declined = c.method == "declined"
        shared = c.sharing == "shared" and not declined
        data: dict[str, Any] = {
            "method": c.method,
            "sharing": "shared" if shared else "not_shared",
            "signed_on": c.consent_date.strip(),
            # With whom is part of a release to share; a refusal or Not Shared names no one.
            "shared_with": [s.strip() for s in c.shared_with.split(",") if s.strip()] if shared else [],
            "signer_is_guardian": c.signer_is_guardian and not declined,
            "release_to_share_signed": c.release_to_share_signed and shared,
            "possible_dv_victim": c.possible_dv_victim,
            "dv_permission_to_enter": c.dv_permission_to_enter,
            "dv_permission_to_share": c.dv_permission_to_share and shared,
        }
        # A refusal has no expiry date: there is nothing to expire.
        if c.expires_on.strip() and not declined and self.expiry_asked() and not self.fixed_term:
            data["expires_on"] = c.expires_on.strip()
        if c.method == "written":
            if c.signature_png:
                data["signature"] = "captured"
            elif c.paper_attested:
                data["signature"] = "paper_attested"
        if c.method == "verbal":
            data.update(verbal_reason=c.verbal_reason, witness=c.witness,
                        first_contact_by_phone=c.first_contact_by_phone)
            if c.consent_time.strip():
                data["consent_time"] = c.consent_time.strip()
        if shared and c.shared_information.strip():
            data["shared_information"] = [s.strip() for s in c.shared_information.split(",") if s.strip()]
        data["language"] = self.language
        return data

    def _data_date_problems(self, found: list[Problem]) -> list[Problem]:
        """MO-ROI-10, MO-ROI-11: the release must be in force on the day the data is
        dated (each member's project start), not only today. The rule is the core's
        ``entry_hold`` / ``uncovered_day``; a problem the intake check already reports
        under the same clause is not repeated."""
        c = self.consent
        signed = as_date(c.consent_date.strip())
        if c.method == "declined" or signed is None:
            return []
        typed = as_date(c.expires_on.strip()) if self.expiry_asked() and not self.fixed_term else None
        stored = [StoredConsent(c.method, signed, typed, None)]
        # The core reports the same hold on the member's EntryDate; the worker should
        # hear it at the consent, before typing the data it would refuse.
        cited = {p.clause for p in found if p.path.startswith("consent")}
        problems: list[Problem] = []
        for member in self.members:
            day = as_date(member.answers.get("EntryDate")) or self.today
            hold = entry_hold(self.pack, stored, day) or uncovered_day(self.pack, stored, day)
            if hold is not None and hold.clause not in cited:
                message = hold.message.replace(f" ({hold.clause}).", ".")  # the clause is shown once
                problems.append(Problem("consent.signed_on", message, hold.clause))
                cited.add(hold.clause)
        return problems

    def _text_blanks(self) -> list[Problem]:
        """A shared release names what, with whom and until when; a blank the text the
        client signs would show is a problem of the choices step (the wizard words it)."""
        if self.declined or self.consent.sharing != "shared":
            return []
        from app.catalog import load_consent_texts
        from app.catalog.common import placeholders_in

        texts = load_consent_texts(self.pack.id, self.language)
        used: set[str] = set()
        for text in (*texts.written.body, *(a.text for a in texts.written.agreements)):
            used |= placeholders_in(text)
        problems = []
        for placeholder, name in CHOICE_PLACEHOLDERS.items():
            value = self.expiry() if name == "expires_on" else getattr(self.consent, name).strip()
            if placeholder in used and not value:
                problems.append(Problem(f"consent.{name}", BLANK_IN_SIGNED_TEXT))
        return problems

    def sharing_locks(self) -> list[SharingLock]:
        """Why sharing is fixed at Not Shared, if it is: asks the consent rules what would
        become of a request to share (VT-3.1-2, MO-PROT-1; VT-3.4-14 for a minor without
        a parent or guardian consenting)."""
        project = self.project
        if project is None:
            return []
        saved = self.consent
        self.consent = copy.copy(saved)
        self.consent.sharing = "shared"
        self.consent.shared_with = saved.shared_with or "-"
        if self.consent.method == "declined":
            self.consent.method = "written"
        try:
            _problems, decisions = self.check()
        finally:
            self.consent = saved
        head = decisions[0] if decisions else None
        if head is None:
            return []
        locks: list[SharingLock] = []
        populations = tuple(forced_not_shared(self.pack, project.populations))
        for notice in head.notices:
            if notice.field == "sharing" and populations:
                locks.append(SharingLock("populations", notice.clause, populations))
        for problem in head.problems:
            if problem.field == "signer":
                locks.append(SharingLock("minor", problem.clause, age=self.pack.consent.adult_age))
        return locks

    def sharing_forced(self) -> list[str]:
        """The clauses that fix sharing at Not Shared (empty when the client may choose)."""
        return [lock.clause for lock in self.sharing_locks()]

    @property
    def fixed_term(self) -> bool:
        """MO-ROI-10: the pack sets when a consent ends (one year after signing); the
        worker does not choose it, and it follows the signing date."""
        return bool(self.pack.consent.expiry_months)

    def expiry(self) -> str:
        """The expiry date the client is told: the pack's term from the signing date, or
        the date the worker recorded."""
        if not self.expiry_asked():
            return ""
        return self.default_expiry() if self.fixed_term else self.consent.expires_on.strip()

    def expiry_asked(self) -> bool:
        """An expiry date belongs to a release to share, or to any consent where the
        pack gives consents a fixed term (MO-ROI-10); a refusal never has one."""
        if self.declined:
            return False
        return self.consent.sharing == "shared" or bool(self.pack.consent.expiry_months)

    def default_expiry(self) -> str:
        """The pack's release expiry (MO-ROI-10: one year), offered as the date to tell the client."""
        signed = as_date(self.consent.consent_date)
        expires = roi_expiry(self.pack, signed) if signed else None
        return expires.isoformat() if expires else ""



def as_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None

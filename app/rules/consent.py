"""Consent and release-of-information rules, read from the pack (no pack names here).

``evaluate_consent`` answers, for one person at one intake: may data be entered, at
what sharing level, until when, and what is wrong with the consent as captured.
Every problem names the clause it comes from so the UI can say why; which clause
that is comes from the pack in use (``[consent.cite]``), never from this file.

The rules after intake (whether more data may go in for a person given the consents
on file, ``decide_entry`` and the holds) are in ``app.rules.consent_entry``, the
vocabulary both share in ``app.rules.consent_terms``; both are importable from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.age import age_on
from app.packs import ConsentPolicy, Pack
from app.rules.consent_entry import (
    EntryDecision,
    EntryHold,
    Scope,
    StoredConsent,
    consent_current,
    consent_end,
    consents_for_project,
    covering_consent,
    decide_entry,
    entry_hold,
    latest_consent,
    project_hold,
    roi_scope,
    uncovered_day,
)
from app.rules.consent_terms import (
    RULE_KEYS,
    Method,
    Sharing,
    anniversary,
    cite,
    forced_not_shared,
    roi_expiry,
    with_clause,
)

__all__ = [
    "RULE_KEYS", "ConsentDecision", "ConsentProblem", "ConsentRequest", "EntryDecision", "EntryHold", "Method",
    "Scope", "Sharing", "StoredConsent", "anniversary", "cite", "consent_current", "consent_end",
    "consents_for_project", "covering_consent", "decide_entry", "entry_hold", "evaluate_consent",
    "forced_not_shared", "latest_consent", "project_hold", "roi_expiry", "roi_scope", "uncovered_day",
    "with_clause",
]


@dataclass(frozen=True)
class ConsentProblem:
    field: str
    message: str
    clause: str | None


@dataclass
class ConsentRequest:
    method: Method
    sharing: Sharing
    signed_on: date
    script_acknowledged: bool
    shared_with: tuple[str, ...] = ()
    expires_on: date | None = None
    signature_captured: bool = False  # on-screen signature image
    paper_form_attested: bool = False  # signed paper form, attested by staff
    verbal_reason: str = ""
    witness: str = ""
    first_contact_by_phone: bool = False
    release_to_share_signed: bool = False  # CT-207-8: the separate written release
    client_dob: date | None = None
    emancipated: bool = False
    signer_is_guardian: bool = False
    possible_dv_victim: bool = False
    dv_permission_to_enter: bool = False
    dv_permission_to_share: bool = False
    project_populations: tuple[str, ...] = ()


@dataclass
class ConsentDecision:
    may_enter_data: bool
    sharing: Sharing
    expires_on: date | None
    signature_line: str | None
    locks_household: bool
    problems: list[ConsentProblem] = field(default_factory=list)
    notices: list[ConsentProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# One finding of a check: (field, message, rule key); the rule key is cited from the pack.
_Finding = tuple[str, str, str]


def _capture_findings(request: ConsentRequest, today: date) -> list[_Finding]:
    findings: list[_Finding] = []
    if not request.script_acknowledged:
        findings.append(("script", "Go through every point of the oral explanation with the client first.",
                         "script"))
    if request.signed_on > today:
        findings.append(("signed_on", "The consent date cannot be in the future.", "signed_on"))
    return findings


def _is_minor(policy: ConsentPolicy, request: ConsentRequest) -> bool:
    return (
        request.client_dob is not None
        and age_on(request.client_dob, request.signed_on) < policy.adult_age
        and not request.emancipated
    )


def _signer_findings(policy: ConsentPolicy, request: ConsentRequest) -> list[_Finding]:
    if (not _is_minor(policy, request) or policy.minors_can_consent or request.method == "declined"
            or request.signer_is_guardian):
        return []
    return [("signer", f"A person under {policy.adult_age} cannot give consent unless emancipated; "
             "a parent or legal guardian must sign.", "minor_signer")]


def _written_findings(request: ConsentRequest) -> list[_Finding]:
    if request.signature_captured or request.paper_form_attested:
        return []
    return [("signature", "Capture the client's signature, or attest that they signed the paper form.",
             "signature")]


def _verbal_findings(policy: ConsentPolicy, request: ConsentRequest) -> list[_Finding]:
    findings: list[_Finding] = []
    if policy.verbal_allowed == "never":
        findings.append(("method", "This policy pack does not accept verbal consent.", "verbal_method"))
    elif policy.verbal_allowed == "phone_first_contact" and not request.first_contact_by_phone:
        findings.append(("method", "Verbal consent is accepted only when the first contact is by phone; "
                         "get written consent.", "verbal_method"))
    if not request.verbal_reason.strip():
        findings.append(("verbal_reason", "Say why written consent was not possible.", "verbal_reason"))
    return findings


def _method_findings(policy: ConsentPolicy, request: ConsentRequest) -> list[_Finding]:
    if request.method == "written":
        return _written_findings(request)
    if request.method == "verbal":
        return _verbal_findings(policy, request)
    return []


def _effective_sharing(pack: Pack, request: ConsentRequest) -> tuple[Sharing, list[ConsentProblem]]:
    """The sharing level the record gets, and the notices saying why it differs from the request."""
    sharing: Sharing = request.sharing
    notices: list[ConsentProblem] = []
    forced = forced_not_shared(pack, request.project_populations)
    if forced and sharing == "shared":
        sharing = "not_shared"
        notices.append(ConsentProblem(
            "sharing", "This program serves " + ", ".join(forced) + " clients, so records stay Not Shared.",
            cite(pack, "forced_not_shared")))
    if request.method == "declined":
        sharing = "not_shared"
    return sharing, notices


def _sharing_findings(policy: ConsentPolicy, request: ConsentRequest, sharing: Sharing) -> list[_Finding]:
    if sharing != "shared":
        return []
    findings: list[_Finding] = []
    if policy.separate_release_to_share and not request.release_to_share_signed:
        findings.append(("release", "Sharing needs its own signed release of information.", "release"))
    if not request.shared_with:
        findings.append(("shared_with", "Say with whom the information is shared.", "shared_with"))
    return findings


def _dv_findings(policy: ConsentPolicy, request: ConsentRequest, sharing: Sharing) -> list[_Finding]:
    if not (request.possible_dv_victim and policy.dv_needs_explicit_permission):
        return []
    findings: list[_Finding] = []
    if not request.dv_permission_to_enter:
        findings.append(("dv_permission", "The client may be a victim of domestic violence: ask explicitly "
                         "whether their information may be entered.", "dv_permission"))
    if sharing == "shared" and not request.dv_permission_to_share:
        findings.append(("dv_permission", "The client may be a victim of domestic violence: ask explicitly "
                         "whether their information may be shared.", "dv_permission"))
    return findings


def _expiry_findings(policy: ConsentPolicy, request: ConsentRequest, sharing: Sharing,
                     expires: date | None) -> list[_Finding]:
    findings: list[_Finding] = []
    if expires is not None and expires < request.signed_on:
        findings.append(("expires_on", "The expiry date is before the signing date.", "expires_on"))
    if sharing == "shared" and expires is None and policy.separate_release_to_share:
        findings.append(("expires_on", "Tell the client when the release expires and record the date.",
                         "expires_on"))
    return findings


def _may_enter(policy: ConsentPolicy, request: ConsentRequest, problems: list[ConsentProblem]) -> bool:
    if request.method == "declined" and policy.consent_before_any_data and not policy.declined_locks_household:
        return False  # CT-207-1: no data goes in without authorisation
    return not problems


def evaluate_consent(pack: Pack, request: ConsentRequest, today: date) -> ConsentDecision:
    """The consent gate: whether data may be entered for this person, at what sharing level
    and until when, with every problem in the consent as captured. Each check below decides
    one thing; the problems come out in the order the worker meets them on the page."""
    policy = pack.consent
    sharing, notices = _effective_sharing(pack, request)
    expires = request.expires_on or roi_expiry(pack, request.signed_on)
    findings = (
        _capture_findings(request, today)
        + _signer_findings(policy, request)
        + _method_findings(policy, request)
        + _sharing_findings(policy, request, sharing)
        + _dv_findings(policy, request, sharing)
        + _expiry_findings(policy, request, sharing, expires)
    )
    problems = [ConsentProblem(field_name, message, cite(pack, rule)) for field_name, message, rule in findings]
    signature_line = None
    if request.method == "verbal" and policy.verbal_signature_text:
        signature_line = policy.verbal_signature_text  # MO-ROI-9
    return ConsentDecision(
        may_enter_data=_may_enter(policy, request, problems),
        sharing=sharing,
        expires_on=expires,
        signature_line=signature_line,
        locks_household=request.method == "declined" and policy.declined_locks_household,
        problems=problems,
        notices=notices,
    )

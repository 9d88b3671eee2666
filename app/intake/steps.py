"""The intake's steps as data: which steps an intake has, in which order, when each
may be left, and which step shows the field a problem names.

``STEP_TABLE`` is the navigation map (in the manner of a wizard's navmap: step id ->
whether it is in this intake, whether Next may be pressed). Each condition is a
function of the flow's state and pack only, so a whole intake can be walked without a
screen (tests/test_intake_flow.py) and the wizard's pages only render the step the
flow says is current. No Qt here, and no jurisdiction: every condition asks the pack
or the consent rules in ``app/rules``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.intake.flow import IntakeFlow


class Step(Enum):
    PROJECT = "project"
    SCRIPT = "script"
    SHARING = "sharing"
    CONSENT = "consent"
    DECLINED = "declined"
    HOUSEHOLD = "household"
    MEMBER = "member"
    DUPLICATES = "duplicates"
    REVIEW = "review"


@dataclass(frozen=True)
class StepRef:
    """One step of one intake; ``member`` is the household member a MEMBER step is for."""

    step: Step
    member: int = 0


Condition = Callable[["IntakeFlow"], bool]


@dataclass(frozen=True)
class StepSpec:
    """A row of the navigation map: ``shown`` says whether the step is part of this
    intake now (a refusal changes what follows), ``accept`` whether the worker has done
    what it asks so Next may be pressed; ``per_member`` repeats it for each member."""

    step: Step
    shown: Condition
    accept: Condition
    per_member: bool = False


def _always(_flow: IntakeFlow) -> bool:
    return True


def _ends_at_refusal(flow: IntakeFlow) -> bool:
    """CT-207-1: where the pack lets no data in without consent, a refusal ends the
    intake at "nothing was recorded"; elsewhere it goes on Not Shared (VT-3.4-1) or
    locked (MO-ROI-8)."""
    return flow.declined and flow.declined_refuses_data()


def _goes_on(flow: IntakeFlow) -> bool:
    return not _ends_at_refusal(flow)


def _script_done(flow: IntakeFlow) -> bool:
    """CT-207-2/3: every point of the pack's oral explanation is ticked before any data entry."""
    points = flow.script_point_ids
    return bool(points) and points <= flow.ticked


# The client's choices (SHARING) come before the text they sign (CONSENT), so that text
# is complete; a refusal has nothing to sign.
STEP_TABLE: tuple[StepSpec, ...] = (
    StepSpec(Step.PROJECT, _always, lambda flow: flow.project is not None),
    StepSpec(Step.SCRIPT, _always, _script_done),
    StepSpec(Step.SHARING, _always, _always),
    StepSpec(Step.CONSENT, lambda flow: not flow.declined, _always),
    StepSpec(Step.DECLINED, _ends_at_refusal, lambda _flow: False),  # Finish, not Next
    StepSpec(Step.HOUSEHOLD, _goes_on, _always),
    StepSpec(Step.MEMBER, _goes_on, _always, per_member=True),
    StepSpec(Step.DUPLICATES, _goes_on, lambda flow: not flow.undecided_duplicates),
    StepSpec(Step.REVIEW, _goes_on, _always),
)

SPECS: dict[Step, StepSpec] = {spec.step: spec for spec in STEP_TABLE}


def resolve_steps(flow: IntakeFlow) -> list[StepRef]:
    """The steps of this intake now, in order, resolved from the table."""
    steps: list[StepRef] = []
    for spec in STEP_TABLE:
        if not spec.shown(flow):
            continue
        if spec.per_member:
            steps.extend(StepRef(spec.step, i) for i in range(len(flow.members)))
        else:
            steps.append(StepRef(spec.step))
    return steps


def accepts(flow: IntakeFlow, ref: StepRef) -> bool:
    return SPECS[ref.step].accept(flow)


# Which step shows the field a problem's path names, first match wins. Consent
# problems about the client's choices (share or not, with whom, what, until when, who
# consents, the DV permissions) belong to the choices step before the signature.
SHARING_FIELDS = ("consent.release", "consent.shared_with", "consent.shared_information", "consent.expires_on",
                  "consent.signer", "consent.dv_permission", "consent.sharing")
PATH_STEPS: tuple[tuple[tuple[str, ...], Step], ...] = (
    (("project_id",), Step.PROJECT),
    (("consent.script",), Step.SCRIPT),
    (SHARING_FIELDS, Step.SHARING),
    (("consent",), Step.CONSENT),
)
# A member's own part of the document, by the step that shows it.
MEMBER_PART_STEPS: dict[str, Step] = {
    "client": Step.MEMBER,
    "enrollment": Step.MEMBER,
    "consent": Step.HOUSEHOLD,
    "emancipated": Step.HOUSEHOLD,
    "link_personal_id": Step.DUPLICATES,
}
_MEMBER_PATH = re.compile(r"^members\[(\d+)\]\.(" + "|".join(MEMBER_PART_STEPS) + ")")


def step_for_path(path: str, member_count: int) -> StepRef:
    """The step whose page shows the field ``path`` names, from the tables above."""
    for prefixes, step in PATH_STEPS:
        if path.startswith(prefixes):
            return StepRef(step)
    match = _MEMBER_PATH.match(path)
    if match:
        index, step = int(match.group(1)), MEMBER_PART_STEPS[match.group(2)]
        if index >= member_count:
            return StepRef(Step.HOUSEHOLD)
        return StepRef(step, index) if step is Step.MEMBER else StepRef(step)
    if path.startswith("members"):
        return StepRef(Step.HOUSEHOLD)
    return StepRef(Step.REVIEW)

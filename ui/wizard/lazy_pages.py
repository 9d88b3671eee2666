"""The intake wizard's pages, each built the first time it is needed.

Building all nine steps' widgets at once froze the window for a few hundred
milliseconds as it opened (most of it Qt polishing each new widget against the style
sheet, and the events that go with it). A page is built when it is first shown or
asked for; the wizard builds the rest one per turn of the event loop once it is on
screen, so no single turn holds the window for more than one page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from app.intake.steps import Step
from ui.wizard.page import WizardPage


class LazyPages(Mapping[Step, WizardPage]):
    def __init__(self, steps: tuple[Step, ...], build: Callable[[Step], WizardPage]) -> None:
        self._steps = steps
        self._build = build
        self.built: dict[Step, WizardPage] = {}

    def __getitem__(self, step: Step) -> WizardPage:
        page = self.built.get(step)
        if page is None:
            if step not in self._steps:
                raise KeyError(step)
            page = self.built[step] = self._build(step)
        return page

    def __iter__(self) -> Iterator[Step]:
        return iter(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def next_unbuilt(self) -> Step | None:
        """The first step whose page is not built yet, in the order the steps come."""
        return next((step for step in self._steps if step not in self.built), None)

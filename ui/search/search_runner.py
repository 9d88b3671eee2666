"""The main window's search, run off the UI thread on a second vault connection.

A query is milliseconds at 10,000 people but tens of them at 100,000 on a busy
laptop, and the results' last-contact dates cost as much again; the window must keep
taking keystrokes meanwhile. Each search gets a generation number: a job whose
generation is no longer the latest when it starts does nothing, and an answer that
arrives after a newer search was asked for (or after a lock) is dropped, so what the
table shows is always the answer to what the box says now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Signal

from app.caseload import last_contacts
from app.errors import UserFacingError
from app.search import SearchHit
from app.search_service import find_people
from app.session import Session
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class SearchAnswer:
    """What one search found, with the day it was asked on (for the ages shown)."""

    generation: int
    hits: list[SearchHit]
    today: date
    contacts: dict[str, str]


class SearchRunner(QObject):
    answer_did_arrive = Signal(object)  # SearchAnswer, the latest search's only
    search_did_fail = Signal(object)  # UserFacingError, the latest search's only

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = TaskRunner(self)
        self._generation = 0

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def start(self, session: Session, text: str, limit: int, with_contacts: bool) -> int:
        """Search on the worker connection; an answer to an earlier search is dropped."""
        self._generation += 1
        generation = self._generation
        today = session.clock.now().date()

        def work() -> SearchAnswer | None:
            if generation != self._generation:
                return None  # typed over before it began: nobody will look at it
            with session.worker() as worker:
                hits = find_people(worker, text, limit)
                contacts = last_contacts(worker, (h.personal_id for h in hits)) if with_contacts else {}
            return SearchAnswer(generation, hits, today, contacts)

        self._tasks.submit(work, self._arrived, lambda error: self._failed(generation, error))
        return generation

    def drop_pending(self) -> None:
        """Whatever is still running is answered into the void (a cleared box, a lock)."""
        self._generation += 1

    def _arrived(self, answer: SearchAnswer | None) -> None:
        if answer is not None and answer.generation == self._generation:
            self.answer_did_arrive.emit(answer)

    def _failed(self, generation: int, error: UserFacingError) -> None:
        if generation == self._generation:
            self.search_did_fail.emit(error)

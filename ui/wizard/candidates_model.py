"""Possible duplicates of one member, as an item model: the person already on the
device and why they were suggested. The SSN column follows the same role limit as
search results (``app.search_service.visible_fields``)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.rules.duplicates import Candidate
from ui.widgets.rows_model import RowsModel


class CandidatesModel(RowsModel):
    def __init__(self, show_ssn: bool, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._show_ssn = show_ssn
        self._candidates: list[Candidate] = []
        headers = [self.tr("Name on this device"), self.tr("Date of birth")]
        if show_ssn:
            headers.append(self.tr("SSN"))
        self._headers = [*headers, self.tr("Why it may be the same person"), self.tr("Match")]

    def set_candidates(self, candidates: list[Candidate]) -> None:
        self._candidates = list(candidates)
        self.set_rows([self._values(candidate) for candidate in self._candidates])

    def candidate(self, row: int) -> Candidate | None:
        return self._candidates[row] if 0 <= row < len(self._candidates) else None

    def _values(self, candidate: Candidate) -> list[str]:
        person = candidate.person
        values = [person.display_name, person.dob or "\u2014"]
        if self._show_ssn:
            values.append(f"xxx-xx-{person.ssn_last4}" if person.ssn_last4 else "\u2014")
        return [*values, ", ".join(candidate.reasons), f"{round(candidate.score * 100)}%"]

    def clear(self) -> None:
        self.set_candidates([])

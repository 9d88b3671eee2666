"""The result of checking an export: problems with their place and severity.

Kept apart from the checker so that callers (the CLI, the data-quality view,
the export writer's own tests) can handle reports without importing the rules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum

__all__ = ["CheckReport", "Problem", "Severity"]


class Severity(str, Enum):
    """HUD's grades: a high-priority problem is one a CoC's HMIS lead sends back before
    anything else (project descriptor data missing, a head of household without an
    Enrollment CoC); an error makes the export unfit for import or breaks a HUD rule; a
    warning is a HUD data-quality flag."""

    HIGH_PRIORITY = "high priority"
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding. ``row`` counts the header as row 1 (as a spreadsheet shows it);
    ``file`` is empty for problems with the zip itself."""

    file: str
    row: int | None
    column: str | None
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        where = self.file or "(zip)"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        label = "HIGH" if self.severity is Severity.HIGH_PRIORITY else self.severity.value.upper()
        return f"{label:<7} {where}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class CheckReport:
    """All findings for one export, in the order they were found."""

    path: str
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity is Severity.ERROR)

    @property
    def high_priority(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity is Severity.HIGH_PRIORITY)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when nothing would stop an import; warnings are allowed."""
        return not self.errors

    @property
    def ready_to_upload(self) -> bool:
        """True when a CoC's HMIS would take the export as it is: no error and no
        high-priority problem (``check-hmis-csv`` exits non-zero otherwise)."""
        return not self.errors and not self.high_priority

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(problem.code for problem in self.problems)

    def format(self) -> str:
        """A readable report: a summary line, then one line per problem."""
        name = os.path.basename(self.path)
        if not self.problems:
            return f"{name}: no problems found"
        summary = f"{name}: {len(self.errors)} error(s), {len(self.warnings)} warning(s)"
        if self.high_priority:
            summary += f", {len(self.high_priority)} high-priority problem(s)"
        return "\n".join([summary, *(problem.format() for problem in self.problems)])

"""The export options and the summary both ``export-hmis-csv`` commands share: the
device's (``hmis-intake``, ui/cli_export.py) and the central server's
(``hmis-intake-server``, sync/server_cli.py). Same options, same words, same JSON,
same exit status when the check finds errors. No Qt, and nothing heavy at import.

Summaries name files, counts and problem codes, never a value from a record.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, TextIO

from app.errors import UserFacingError

if TYPE_CHECKING:
    from sync.hmis_csv.export import ExportOptions, ExportResult
    from sync.hmis_csv.report import CheckReport, Problem

__all__ = [
    "ExportCheckFailed",
    "add_export_options",
    "date_option",
    "options_from_args",
    "report_json",
    "result_json",
    "write_report_summary",
    "write_result_summary",
]

#: How many problems of each kind the human-readable summary lists before counting the rest.
SHOWN_PER_CODE = 3


class ExportCheckFailed(UserFacingError):
    """The file was written (or read) but the checker found errors in it."""

    exit_code = 1


def add_export_options(parser: argparse.ArgumentParser) -> None:
    """``OUT.zip``, the period, the projects, delta vs full refresh, HashStatus and ``--json``."""
    parser.add_argument("out", metavar="OUT.zip", help="where to write the zip (its name is yours to choose)")
    parser.add_argument("--start", metavar="YYYY-MM-DD", help="ExportStartDate: first day of the period")
    parser.add_argument("--end", metavar="YYYY-MM-DD", help="ExportEndDate: last day of the period (default today)")
    parser.add_argument("--project", action="append", metavar="ID_OR_NAME",
                        help="export only this project (repeatable; default: every project)")
    parser.add_argument("--delta", action="store_true",
                        help="only records created or changed in the period (ExportDirective 1; needs --start)")
    parser.add_argument("--hashed", action="store_true",
                        help="HashStatus 4: names as SHA-256 of SOUNDEX, SSN as last 4 + SHA-256")
    parser.add_argument("--json", action="store_true")


def date_option(name: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserFacingError(f"{name} must be a date written YYYY-MM-DD.") from None


def options_from_args(args: argparse.Namespace) -> ExportOptions:
    """The options as HUD's terms (``--delta`` is ExportDirective 1, ``--hashed`` HashStatus 4),
    without projects: those are resolved against the source."""
    from sync.hmis_csv.export import ExportDirective, ExportOptions, HashStatus

    return ExportOptions(
        start=date_option("--start", args.start), end=date_option("--end", args.end),
        directive=ExportDirective.DELTA if args.delta else ExportDirective.FULL_REFRESH,
        hash_status=HashStatus.SHA256 if args.hashed else HashStatus.UNHASHED,
    )


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"file": problem.file, "row": problem.row, "column": problem.column, "code": problem.code,
            "message": problem.message, "severity": problem.severity.value}


def report_json(report: CheckReport) -> dict[str, object]:
    return {
        "ok": report.ok, "ready_to_upload": report.ready_to_upload, "high_priority": len(report.high_priority),
        "errors": len(report.errors), "warnings": len(report.warnings),
        "problems": [_problem_json(problem) for problem in report.problems],
    }


def write_report_summary(report: CheckReport, out: TextIO) -> None:
    """Counts per problem kind, then a few examples of each: readable even for 100,000 rows."""
    high = f", {len(report.high_priority)} high-priority problem(s)" if report.high_priority else ""
    out.write(f"Check: {len(report.errors)} error(s), {len(report.warnings)} warning(s){high}.\n")
    kinds = Counter((p.severity.value, p.file, p.code) for p in report.problems)
    shown: Counter[tuple[str, str, str]] = Counter()
    for severity, file, code in sorted(kinds):
        out.write(f"  {severity} {code} in {file or 'the zip'}: {kinds[(severity, file, code)]}\n")
    for problem in report.problems:
        key = (problem.severity.value, problem.file, problem.code)
        if shown[key] < SHOWN_PER_CODE:
            shown[key] += 1
            out.write(f"    {problem.format()}\n")


def result_json(result: ExportResult, report: CheckReport) -> dict[str, object]:
    from sync.hmis_csv.columns import CSV_VERSION

    return {
        "path": str(result.path), "export_id": result.export_id, "csv_version": CSV_VERSION,
        "start": result.start.isoformat(), "end": result.end.isoformat(),
        "directive": int(result.directive), "period_type": int(result.period_type),
        "hash_status": int(result.hash_status), "projects": list(result.project_ids),
        "files": result.rows, "withheld_clients": result.withheld_clients, "notes": list(result.notes),
        "destination": result.destination.value, "left_out": dict(result.left_out),
        "visibility_list": str(result.visibility_path) if result.visibility_path else None,
        "visibility_entries": result.visibility_entries,
        "deidentified": result.deidentified, "coc_approval": result.coc_approval,
        "manifest": str(result.manifest_path) if result.manifest_path else None,
        "check": report_json(report),
    }


def write_result_summary(result: ExportResult, report: CheckReport, out: TextIO, as_json: bool) -> None:
    """What was written and what the checker found; raises :class:`ExportCheckFailed`
    (exit 1) when the check found errors, after saying so."""
    from sync.hmis_csv.columns import CSV_VERSION
    from sync.hmis_csv.export import ExportDirective, HashStatus

    if as_json:
        json.dump(result_json(result, report), out, ensure_ascii=False)
        out.write("\n")
    else:
        kind = "Delta" if result.directive is ExportDirective.DELTA else "Full refresh"
        hashing = ("names and SSNs hashed (HashStatus 4)" if result.hash_status is HashStatus.SHA256
                   else "unhashed")
        scope = f"{len(result.project_ids)} project(s)" if result.project_ids else "all projects"
        out.write(f"Wrote {result.path} (HMIS CSV {CSV_VERSION}, ExportID {result.export_id}).\n"
                  f"{kind}, {result.start.isoformat()} to {result.end.isoformat()}, {scope}, {hashing}.\n"
                  "Rows per file:\n")
        for name, count in result.rows.items():
            out.write(f"  {name:<28}{count:>8}\n")
        if result.destination.value == "agency":
            out.write("Destination: this agency's own HMIS upload (every client in full).\n")
        elif result.destination.value == "outside":
            terms = ("de-identified: no names, SSN or date of birth" if result.deidentified else "identifying"
                     + (f", under CoC approval {result.coc_approval}" if result.coc_approval else ""))
            out.write(f"Destination: a data request from an outside entity ({terms}); "
                      f"manifest {result.manifest_path}.\n")
        else:
            out.write("Destination: a CoC-wide or warehouse file (shared only as consent allows).\n")
        deidentified = result.destination.value == "outside" and result.deidentified
        if result.withheld_clients and not deidentified:  # a de-identified file withholds everyone's
            out.write(f"Identifiers withheld for {result.withheld_clients} person(s) whose consent does not "
                      "allow sharing (Not Shared, declined, revoked, expired or locked).\n")
        if result.visibility_path is not None:
            out.write(f"Visibility list: {result.visibility_path} ({result.visibility_entries} line(s) to import "
                      "as Not Shared or locked; not part of the HMIS CSV upload).\n")
        for note in result.notes:
            out.write(f"Note: {note}\n")
        write_report_summary(report, out)
    if not report.ok:
        raise ExportCheckFailed(f"The export was written but the check found {len(report.errors)} error(s); "
                                "fix them before uploading.")

"""The ``export-hmis-csv`` and ``check-hmis-csv`` subcommands of ``hmis-intake``. No Qt here.

``export-hmis-csv`` writes a HUD HMIS CSV (FY2026) zip of the vault's records and
runs the checker on what it wrote; ``check-hmis-csv`` checks any export zip and
needs neither the vault nor a password. Summaries name files, counts and problem
codes, never a value from a record.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from app.errors import UserFacingError

__all__ = ["register"]

#: How many problems of each kind the human-readable summary lists before counting the rest.
_SHOWN_PER_CODE = 3


class ExportCheckFailed(UserFacingError):
    """The file was written (or read) but the checker found errors in it."""

    exit_code = 1


def _date_option(name: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserFacingError(f"{name} must be a date written YYYY-MM-DD.") from None


def _problem_json(problem: Any) -> dict[str, object]:
    return {"file": problem.file, "row": problem.row, "column": problem.column, "code": problem.code,
            "message": problem.message, "severity": problem.severity.value}


def _report_json(report: Any) -> dict[str, object]:
    return {
        "ok": report.ok, "errors": len(report.errors), "warnings": len(report.warnings),
        "problems": [_problem_json(problem) for problem in report.problems],
    }


def _write_report_summary(report: Any, out: TextIO) -> None:
    """Counts per problem kind, then a few examples of each: readable even for 100,000 rows."""
    out.write(f"Check: {len(report.errors)} error(s), {len(report.warnings)} warning(s).\n")
    kinds = Counter((p.severity.value, p.file, p.code) for p in report.problems)
    shown: Counter[tuple[str, str, str]] = Counter()
    for severity, file, code in sorted(kinds):
        out.write(f"  {severity} {code} in {file or 'the zip'}: {kinds[(severity, file, code)]}\n")
    for problem in report.problems:
        key = (problem.severity.value, problem.file, problem.code)
        if shown[key] < _SHOWN_PER_CODE:
            shown[key] += 1
            out.write(f"    {problem.format()}\n")


def cmd_export(args: argparse.Namespace, out: TextIO,
               open_session: Callable[[argparse.Namespace], Any]) -> int:
    from sync.hmis_csv.checker import check_export
    from sync.hmis_csv.columns import CSV_VERSION
    from sync.hmis_csv.device_export import EXPORT_PERMISSION, export_from_device, export_options
    from sync.hmis_csv.export import ExportDirective, resolve_projects
    from sync.hmis_csv.vault_source import VaultExportSource

    options = export_options(start=_date_option("--start", args.start), end=_date_option("--end", args.end),
                             delta=args.delta, hashed=args.hashed)
    path = Path(args.out).expanduser()
    session = open_session(args)
    try:
        session.require(EXPORT_PERMISSION)
        if args.project:
            options = replace(options, project_ids=resolve_projects(VaultExportSource(session), args.project))
        result = export_from_device(session, path, options)
    finally:
        session.close()
    report = check_export(path)
    if args.json:
        json.dump({
            "path": str(result.path), "export_id": result.export_id, "csv_version": CSV_VERSION,
            "start": result.start.isoformat(), "end": result.end.isoformat(),
            "directive": int(result.directive), "period_type": int(result.period_type),
            "hash_status": int(result.hash_status), "projects": list(result.project_ids),
            "files": result.rows, "withheld_clients": result.withheld_clients, "notes": list(result.notes),
            "check": _report_json(report),
        }, out, ensure_ascii=False)
        out.write("\n")
    else:
        kind = "Delta" if result.directive is ExportDirective.DELTA else "Full refresh"
        hashing = "names and SSNs hashed (HashStatus 4)" if args.hashed else "unhashed"
        scope = f"{len(result.project_ids)} project(s)" if result.project_ids else "all projects"
        out.write(f"Wrote {result.path} (HMIS CSV {CSV_VERSION}, ExportID {result.export_id}).\n"
                  f"{kind}, {result.start.isoformat()} to {result.end.isoformat()}, {scope}, {hashing}.\n"
                  "Rows per file:\n")
        for name, count in result.rows.items():
            out.write(f"  {name:<28}{count:>8}\n")
        if result.withheld_clients:
            out.write(f"Identifiers withheld for {result.withheld_clients} person(s) whose consent does not "
                      "allow sharing (Not Shared, declined, revoked or locked).\n")
        for note in result.notes:
            out.write(f"Note: {note}\n")
        _write_report_summary(report, out)
    if not report.ok:
        raise ExportCheckFailed(f"The export was written but the check found {len(report.errors)} error(s); "
                                "fix them before uploading.")
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from sync.hmis_csv.checker import check_export

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserFacingError("There is no file at that path; give the export zip to check.")
    report = check_export(path)
    if args.json:
        json.dump({"path": str(path), **_report_json(report)}, out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(report.format() + "\n")
    if not report.ok:
        raise ExportCheckFailed(f"The export has {len(report.errors)} error(s) and is not ready to upload.")
    return 0


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None],
             open_session: Callable[[argparse.Namespace], Any]) -> None:
    p = subparsers.add_parser("export-hmis-csv", help="write a HUD HMIS CSV (FY2026) zip of this device's records")
    p.add_argument("out", metavar="OUT.zip", help="where to write the zip (its name is yours to choose)")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="ExportStartDate: first day of the period")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="ExportEndDate: last day of the period (default today)")
    p.add_argument("--project", action="append", metavar="ID_OR_NAME",
                   help="export only this project (repeatable; default: every project)")
    p.add_argument("--delta", action="store_true",
                   help="only records created or changed in the period (ExportDirective 1; needs --start)")
    p.add_argument("--hashed", action="store_true",
                   help="HashStatus 4: names as SHA-256 of SOUNDEX, SSN as last 4 + SHA-256")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=lambda args, out: cmd_export(args, out, open_session))

    p = subparsers.add_parser("check-hmis-csv", help="check an HMIS CSV export zip before upload (no password)")
    p.add_argument("file", metavar="FILE.zip")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

"""The ``report aggregate`` subcommand of ``hmis-intake``. No Qt here.

``hmis-intake report aggregate --from DATE --to DATE [--project P ...] --out FILE``
writes the de-identified aggregate report (CSV or PDF by the file's ending, or
``--format``) through the same core as the Reports window
(``sync/reports/aggregate_files.py``): roles with ``reports.view``, counts only, small
cells suppressed, a header stating where the data comes from (VT-3.2-1). Output names
the file and the counts, never a value from a record.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from app.errors import UserFacingError

__all__ = ["register"]


class ReportUsageError(UserFacingError):
    exit_code = 2


def _day(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ReportUsageError(f"{option} must be a date written YYYY-MM-DD.") from None


def cmd_aggregate(args: argparse.Namespace, out: TextIO, open_session: Callable[[argparse.Namespace], Any]) -> int:
    from sync.hmis_csv.export import resolve_projects
    from sync.hmis_csv.vault_source import VaultExportSource
    from sync.reports.aggregate import AggregateOptions
    from sync.reports.aggregate_files import format_for, write_aggregate

    start, end = _day("--from", args.start), _day("--to", args.end)
    path = Path(args.out).expanduser()
    fmt = format_for(path, args.format)
    session = open_session(args)
    try:
        projects = resolve_projects(VaultExportSource(session), args.project) if args.project else frozenset()
        report = write_aggregate(session, path, AggregateOptions(start, end, projects), fmt)
    finally:
        session.close()
    if args.json:
        json.dump({"path": str(path), "format": fmt, "counted": report.counted, "left_out": report.left_out,
                   "min_cell_count": report.min_cell_count, "columns": list(report.columns)}, out,
                  ensure_ascii=False)
        out.write("\n")
    else:
        out.write(f"Wrote {path} (de-identified aggregate report, {fmt.upper()}): {report.counted['people']} "
                  f"people, {report.counted['households']} households, {report.counted['enrollments']} "
                  f"enrollments; counts below {report.min_cell_count} shown as <{report.min_cell_count}.\n")
    return 0


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None],
             open_session: Callable[[argparse.Namespace], Any]) -> None:
    report = subparsers.add_parser("report", help="de-identified reports of this device's records")
    kinds = report.add_subparsers(dest="report_command", required=True, metavar="KIND")
    p = kinds.add_parser("aggregate", help="counts by project and HUD category, small cells suppressed "
                                           "(CSV or PDF)")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="first day of the period")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="last day of the period")
    p.add_argument("--project", action="append", default=[], metavar="ID_OR_NAME",
                   help="a project to report on (repeat for more; default every project)")
    p.add_argument("--out", required=True, metavar="FILE", help="the report file, ending .csv or .pdf")
    p.add_argument("--format", choices=("csv", "pdf"), default=None, help="instead of the file name's ending")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=lambda args, out: cmd_aggregate(args, out, open_session))

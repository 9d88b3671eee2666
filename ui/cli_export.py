"""The ``export-hmis-csv`` and ``check-hmis-csv`` subcommands of ``hmis-intake``. No Qt here.

``export-hmis-csv`` writes a HUD HMIS CSV (FY2026) zip of the vault's records and
runs the checker on what it wrote; ``check-hmis-csv`` checks any export zip and
needs neither the vault nor a password. The options and the summary are the central
server's command's too (``sync/hmis_csv/command.py``): names of files, counts and
problem codes, never a value from a record.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from app.errors import UserFacingError
from sync.hmis_csv.command import (
    ExportCheckFailed,
    add_export_options,
    date_option,
    report_json,
    write_result_summary,
)

__all__ = ["register"]


def cmd_export(args: argparse.Namespace, out: TextIO,
               open_session: Callable[[argparse.Namespace], Any]) -> int:
    from app.releases import require_destination_choice
    from sync.hmis_csv.checker import check_export
    from sync.hmis_csv.device_export import EXPORT_PERMISSION, export_from_device, export_options
    from sync.hmis_csv.export import resolve_projects
    from sync.hmis_csv.sharing import Destination
    from sync.hmis_csv.vault_source import VaultExportSource

    start, end = date_option("--start", args.start), date_option("--end", args.end)
    path = Path(args.out).expanduser()
    session = open_session(args)
    try:
        session.require(EXPORT_PERMISSION)
        # VT-3.2-1 (where the pack asks): no default destination for client-level data.
        destination = require_destination_choice(session.pack.release, args.destination, default="coc")
        options = export_options(start=start, end=end, delta=args.delta, hashed=args.hashed,
                                 destination=Destination(destination), identifying=args.identifying,
                                 coc_approval=args.coc_approval)
        if args.project:
            options = replace(options, project_ids=resolve_projects(VaultExportSource(session), args.project))
        result = export_from_device(session, path, options)
    finally:
        session.close()
    write_result_summary(result, check_export(path), out, args.json)
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from sync.hmis_csv.checker import check_export

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserFacingError("There is no file at that path; give the export zip to check.")
    report = check_export(path)
    if args.json:
        json.dump({"path": str(path), **report_json(report)}, out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(report.format() + "\n")
    if not report.ready_to_upload:
        raise ExportCheckFailed(f"The export has {len(report.high_priority)} high-priority problem(s) and "
                                f"{len(report.errors)} error(s) and is not ready to upload.")
    return 0


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None],
             open_session: Callable[[argparse.Namespace], Any]) -> None:
    p = subparsers.add_parser("export-hmis-csv", help="write a HUD HMIS CSV (FY2026) zip of this device's records")
    add_export_options(p)
    p.add_argument("--destination", choices=("agency", "coc", "outside"), default=None,
                   help="agency: this agency's own HMIS upload, every client in full plus a visibility list "
                        "beside the zip (OUT.visibility.csv) of what to import as Not Shared or locked; "
                        "coc: a CoC-wide or warehouse file, identifiers and rows only for the days "
                        "a consent in force allowed sharing (the default, unless the pack asks for a choice); "
                        "outside: a data request from an outside entity, as coc and de-identified, with a "
                        "manifest beside the zip (OUT.manifest.json)")
    p.add_argument("--identifying", action="store_true",
                   help="outside only: keep names, SSN and DOB (the pack may require --coc-approval)")
    p.add_argument("--coc-approval", metavar="REF", default=None,
                   help="outside only: the CoC's approval reference for the request, kept in the audit trail "
                        "and the manifest")
    add_auth(p)
    p.set_defaults(func=lambda args, out: cmd_export(args, out, open_session))

    p = subparsers.add_parser("check-hmis-csv", help="check an HMIS CSV export zip before upload (no password)")
    p.add_argument("file", metavar="FILE.zip")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

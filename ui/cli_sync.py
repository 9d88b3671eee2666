"""The ``enroll`` and ``sync`` subcommands of ``hmis-intake``. No Qt import here.

``register`` adds them to the main parser; the password rules (``--password-stdin``,
first line of standard input) are the main command's, reused through its helpers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from app.errors import UserFacingError

EXIT_LEFT_UNSENT = 11


class SyncIncomplete(UserFacingError):
    exit_code = EXIT_LEFT_UNSENT


def cmd_enroll(args: argparse.Namespace, out: TextIO) -> int:
    from sync.credentials import StoreKind
    from sync.service import enroll_device
    from ui import cli

    session = cli._open_session(args)
    try:
        code = _read_enrollment_code()
        enrollment = enroll_device(session, args.server, code, StoreKind(args.credential_store),
                                   args.ca_file, args.device_name)
    finally:
        session.close()
    where = "the OS keyring" if enrollment.credential_store is StoreKind.KEYRING else "the encrypted vault"
    out.write(
        f"This device is enrolled with {enrollment.server_url} for {enrollment.agency} "
        f"(device {enrollment.device_id}); its credential is in {where}.\n"
    )
    return 0


def _read_enrollment_code() -> str:
    """CT-403-2, MO-PWD-5: the one-time code is a secret, so it comes from standard input
    (the line after the password, and after a second factor's code) or a prompt that does
    not echo, never from the command line where the process list and history show it."""
    from ui.cli_secrets import read_secret_line

    return read_secret_line("Enrollment code: ", "Give the one-time enrollment code on the line of standard input "
                            "after the password (and after the code, for a user with two-step sign-in).")


def _progress_printer(stream: TextIO) -> Callable[[Any], None] | None:
    if not stream.isatty():
        return None

    def show(p: Any) -> None:
        stream.write(f"\rSent {p.records_done} of {p.records_total} record(s), "
                     f"{p.bytes_sent // 1024} KiB"
                     + (f"; retrying in {p.retry_in_seconds:.0f} s" if p.retry_in_seconds else "") + "   ")
        stream.flush()

    return show


def cmd_sync(args: argparse.Namespace, out: TextIO) -> int:
    from sync.service import SyncJob
    from ui import cli

    if args.batch_size < 1 or args.batch_size > 1000:
        raise cli.CliError("--batch-size must be between 1 and 1000.")
    if not 0 < args.give_up_after <= 24 * 3600:
        raise cli.CliError("--give-up-after must be between 0 and 86400 seconds.")
    session = cli._open_session(args)
    try:
        from app import outbox
        from sync.engine import RetryPolicy

        job = SyncJob(session, args.server, args.ca_file, _progress_printer(sys.stderr),
                      batch_size=args.batch_size, retry=RetryPolicy(time_budget=args.give_up_after))
        report = job.run()
        quarantined = outbox.counts(session.conn)["refused"]
    finally:
        session.close()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if report.sessions_elsewhere:
        from sync.sessions import elsewhere_warning

        print(f"Warning: {elsewhere_warning(session.pack.sessions, report.sessions_elsewhere)}", file=sys.stderr)
    if args.json:
        json.dump({
            "accepted": report.accepted, "duplicate": report.duplicate, "refused": report.refused,
            "left": report.left, "quarantined": quarantined, "batches": report.batches,
            "failed_attempts": report.failed_attempts, "bytes_sent": report.bytes_sent,
            "refused_reasons": report.refused_reasons,
            "error": str(report.error) if report.error else None,
            "signed_in_elsewhere": [s.model_dump() for s in report.sessions_elsewhere],
        }, out)
        out.write("\n")
    else:
        sent = report.accepted + report.duplicate
        out.write(f"Sent {sent} record(s) in {report.batches} batch(es): {report.accepted} new, "
                  f"{report.duplicate} the server already had; {report.refused} refused.\n")
        for reason, count in sorted(report.refused_reasons.items()):
            out.write(f"  Refused ({count}): {reason}\n")
        if report.failed_attempts:
            out.write(f"{report.failed_attempts} attempt(s) failed and were retried or stopped the run.\n")
        out.write(f"Waiting to sync: {report.left} record(s); quarantined (refused, need an "
                  f"administrator): {quarantined}.\n")
    if report.error is not None:
        raise report.error
    if report.cancelled:
        raise SyncIncomplete(f"Sync was cancelled; {report.left} record(s) are still waiting.")
    if report.left or quarantined:
        raise SyncIncomplete(
            f"{report.left + quarantined} record(s) were left unsent "
            f"({report.left} waiting, {quarantined} refused by the server)."
        )
    return 0


def cmd_server_pin(args: argparse.Namespace, out: TextIO) -> int:
    from sync.credentials import SYSTEM_STORE
    from sync.service import pin_server_ca
    from ui import cli

    if bool(args.ca_file) == bool(args.system_store):
        raise cli.CliError("Give the CA certificate with --ca-file, or --system-store for a public CA.")
    session = cli._open_session(args)
    try:
        fingerprint = pin_server_ca(session, None if args.system_store else args.ca_file)
    finally:
        session.close()
    what = "the system's certificate store" if fingerprint == SYSTEM_STORE else f"CA SHA-256 {fingerprint}"
    out.write(f"This device now trusts {what} for its sync server.\n")
    return 0


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None]) -> None:
    p = subparsers.add_parser("enroll", help="pair this device with the central server (stdin: the password,"
                                             " then the one-time enrollment code)")
    p.add_argument("--server", required=True, help="https://host[:port] (http only to this computer)")
    p.add_argument("--credential-store", choices=("keyring", "vault"), default="keyring",
                   help="where the device credential is kept: the OS keyring (default) or, when no "
                        "keyring is usable and an administrator chooses it, the encrypted vault")
    p.add_argument("--ca-file", type=Path, help="the agency's CA certificate (PEM), if not a public CA")
    p.add_argument("--device-name", help="how the server lists this device (default: the computer's name)")
    add_auth(p)
    p.set_defaults(func=cmd_enroll)

    # One sync at a time per device: a second one (here or in the app) exits with
    # SyncAlreadyRunning's status (19) and its one sentence, having sent nothing.
    p = subparsers.add_parser("sync", help="send the outbox to the central server (one sync at a time "
                                           "per device)")
    p.add_argument("--server", help="the server (default: the one the device enrolled with)")
    p.add_argument("--ca-file", type=Path, help="the agency's CA certificate (PEM), if not a public CA")
    p.add_argument("--batch-size", type=int, default=100)
    p.add_argument("--give-up-after", type=float, default=900.0, metavar="SECONDS",
                   help="stop retrying a failing server after this long (default 900)")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=cmd_sync)

    # The CA is pinned by fingerprint at enrollment; a different one is refused until
    # an administrator pins it here (audited as sync.ca_pinned).
    p = subparsers.add_parser("server-pin", help="trust a new CA certificate for the sync server (administrator)")
    p.add_argument("--ca-file", type=Path, help="the agency's new CA certificate (PEM)")
    p.add_argument("--system-store", action="store_true", help="trust the system's certificate store instead")
    add_auth(p)
    p.set_defaults(func=cmd_server_pin)

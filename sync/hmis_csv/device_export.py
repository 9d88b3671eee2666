"""The device's HMIS CSV export as both front ends run it: the ``export-hmis-csv``
command (``ui/cli_export.py``) and the Export dialog (``ui/export/``). No Qt.

Both build their options with :func:`export_options` and write with
:func:`export_from_device`, so the permission check, the reading of the vault
and the one audit event per export (``hmis_csv.exported``: who, when, the
options and the rows per file, never the path or a record's value; CT-207-12)
are the same whichever screen started it. The dialog also cancels through
:class:`Cancellation` and suggests a file name with :func:`suggested_file_name`.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from datetime import date

from app.errors import UserFacingError
from app.releases import ReleaseRefused, check_approval_reference, require_outside_approval
from app.session import Session
from app.vault.connection import transaction
from app.victim_service import refuse_hmis_transfer
from sync.hmis_csv.export import (
    ExportDirective,
    ExportOptions,
    ExportResult,
    HashStatus,
    write_hmis_csv,
)
from sync.hmis_csv.progress import ProgressCallback
from sync.hmis_csv.sharing import Destination
from sync.hmis_csv.source import ProjectRecord
from sync.hmis_csv.vault_source import AUDIT_ACTION, EXPORT_PERMISSION, VaultExportSource

__all__ = [
    "EXPORT_PERMISSION",
    "Cancellation",
    "Destination",
    "ExportCancelled",
    "device_projects",
    "export_from_device",
    "export_options",
    "suggested_file_name",
]

_NAME_PART_LENGTH = 40


class ExportCancelled(UserFacingError):
    """The user cancelled; the writer removed its temporary file, so nothing was written."""


class Cancellation:
    """A cancel request that crosses threads: the window sets it, the export notices
    it at its next progress report and stops there."""

    def __init__(self) -> None:
        self._requested = threading.Event()

    def cancel(self) -> None:
        self._requested.set()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()

    def watch(self, on_progress: ProgressCallback | None = None) -> ProgressCallback:
        """A progress callback for ``write_hmis_csv`` that raises :class:`ExportCancelled`
        once a cancel was requested, and otherwise passes the report on."""

        def report(stage: str, done: int, total: int) -> None:
            if self._requested.is_set():
                raise ExportCancelled("The export was cancelled; no file was written.")
            if on_progress is not None:
                on_progress(stage, done, total)

        return report


def export_options(*, start: date | None = None, end: date | None = None,
                   project_ids: frozenset[str] = frozenset(), delta: bool = False,
                   hashed: bool = False, destination: Destination = Destination.COC,
                   identifying: bool = False, coc_approval: str | None = None) -> ExportOptions:
    """The user's choices as HUD's terms: delta is ExportDirective 1, hashed is HashStatus 4;
    ``destination`` is who reads the file (docs/hmis-csv-export.md). For an outside
    entity's request (``outside``) the file is de-identified unless ``identifying``;
    ``coc_approval`` is the CoC's approval reference (MO-DREQ-1).
    Raises ``ExportError`` with one sentence for choices that cannot make an export."""
    outside = destination is Destination.OUTSIDE
    if not outside and (identifying or coc_approval):
        raise ReleaseRefused("Identifying data and a CoC approval reference are for an outside entity's request "
                             "only (--destination outside).")
    return ExportOptions(destination=destination,
        start=start, end=end, project_ids=project_ids,
        directive=ExportDirective.DELTA if delta else ExportDirective.FULL_REFRESH,
        hash_status=HashStatus.SHA256 if hashed else HashStatus.UNHASHED,
        deidentified=outside and not identifying,
        coc_approval=check_approval_reference(coc_approval) if outside else None,
    )


def device_projects(session: Session) -> list[ProjectRecord]:
    """The projects an export can be narrowed to, in the order they were set up."""
    session.require(EXPORT_PERMISSION)
    return list(VaultExportSource(session).projects())


def export_from_device(session: Session, path: str | os.PathLike[str], options: ExportOptions, *,
                       on_progress: ProgressCallback | None = None) -> ExportResult:
    """Permitted roles only; writes the zip atomically and then records the audit event.
    ``session`` may be a ``Session.worker()`` when this runs off the UI thread."""
    session.require(EXPORT_PERMISSION)
    if options.destination is Destination.OUTSIDE:
        # MO-DREQ-1: identifying client-level data to an outside entity needs the CoC's approval.
        require_outside_approval(session.pack.release, identifying=not options.deidentified,
                                 approval=options.coc_approval)
    if options.destination is not Destination.AGENCY:
        refuse_hmis_transfer(session, "write an HMIS file for anyone but the agency itself")
    from app.leftovers import guarded_export

    with guarded_export(session, path):  # a killed export's part file is removed at the next sign-in
        result = write_hmis_csv(VaultExportSource(session), path, options, on_progress=on_progress)
    with transaction(session.conn):
        session.audit(AUDIT_ACTION, "export", result.export_id, result.audit_detail())
    return result


def _name_part(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:_NAME_PART_LENGTH].strip("-")


def suggested_file_name(agency_name: str | None, pack_id: str, day: date) -> str:
    """``hmis-csv-<agency>-<YYYY-MM-DD>.zip``: the agency (an organisation, not a person)
    or, without one, the pack, and the day. Nothing about a client can reach it, so
    the name is safe as an e-mail attachment name (MO-TX-1)."""
    part = _name_part(agency_name or "") or _name_part(pack_id) or "device"
    return f"hmis-csv-{part}-{day.isoformat()}.zip"

"""Sentences and short forms the sync screens share: times, sizes, progress, results.

Nothing here names a person; a record is described by its kind and when it was
collected, which is all the sync screens show of it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from sync.engine import SyncProgress
from ui.sync.runner import RunOutcome

# A plain name lupdate reads as QCoreApplication.translate(context, text), so every
# sentence below lands in the SyncTexts context of the catalogue.
translate = QCoreApplication.translate


def local_time(moment: datetime | str) -> str:
    """In the computer's time zone; the vault keeps UTC."""
    value = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def clock_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def hours_text(hours: float) -> str:
    if hours < 1:
        return translate("SyncTexts", "{m} min").format(m=max(0, int(hours * 60)))
    return translate("SyncTexts", "{h} h").format(h=int(hours))


def size_text(size: int) -> str:
    if size < 1024:
        return translate("SyncTexts", "{n} bytes").format(n=size)
    if size < 1024 * 1024:
        return translate("SyncTexts", "{n:.0f} KiB").format(n=size / 1024)
    return translate("SyncTexts", "{n:.1f} MiB").format(n=size / (1024 * 1024))


def records_text(count: int) -> str:
    if count == 1:
        return translate("SyncTexts", "1 record")
    return translate("SyncTexts", "{n} records").format(n=count)


def entity_label(entity: str) -> str:
    labels = {
        "person": translate("SyncTexts", "Person"),
        "enrollment": translate("SyncTexts", "Enrollment"),
        "exit": translate("SyncTexts", "Exit"),
        "service": translate("SyncTexts", "Service"),
        "current_living_situation": translate("SyncTexts", "Contact (living situation)"),
        "case_note": translate("SyncTexts", "Case note"),
        "note_deletion_request": translate("SyncTexts", "Case note deletion request"),
        "consent": translate("SyncTexts", "Consent"),
        "project": translate("SyncTexts", "Project"),
    }
    return labels.get(entity, entity.replace("_", " ").capitalize())


def progress_text(progress: SyncProgress) -> str:
    text = translate("SyncTexts", "{done} of {total} \u00b7 {bytes_done} of {bytes_total}").format(
        done=progress.records_done, total=records_text(progress.records_total),
        bytes_done=size_text(progress.payload_bytes_done), bytes_total=size_text(progress.payload_bytes_total))
    if progress.retry_in_seconds:
        text += " \u00b7 " + translate("SyncTexts", "trying again in {s:.0f} s").format(s=progress.retry_in_seconds)
    return text


def outcome_text(outcome: RunOutcome) -> str:
    """What one run did, in a sentence or two, for the sync screen."""
    report = outcome.report
    if report is None:
        return outcome.message or ""
    sent = report.accepted + report.duplicate
    if report.error is not None:
        return str(report.error)  # the back end's sentence; the outbox card shows what waits
    if report.cancelled:
        return translate("SyncTexts", "Sync cancelled; {n} still waiting, to be sent with the next sync.").format(
            n=records_text(report.left))
    if not sent and not report.refused:
        return translate("SyncTexts", "Nothing was waiting to be sent.")
    text = translate("SyncTexts", "Sent {n}: {new} new, {had} the server already had.").format(
        n=records_text(sent), new=report.accepted, had=report.duplicate)
    if report.refused:
        text += " " + (translate("SyncTexts", "1 was refused; see Refused records.") if report.refused == 1
                       else translate("SyncTexts", "{n} were refused; see Refused records.").format(n=report.refused))
    return text


def status_text(outcome: RunOutcome, next_run: datetime | None) -> str:
    """The status bar's short form, for background runs as for "Sync now"."""
    when = clock_time(outcome.finished_at)
    report = outcome.report
    if outcome.already_running:
        text = translate("SyncTexts", "Another sync was running on this device at {t}.").format(t=when)
    elif outcome.failed:
        text = translate("SyncTexts", "Sync failed at {t}: {why}").format(t=when, why=outcome.message)
    elif report is not None and report.cancelled:
        text = translate("SyncTexts", "Sync cancelled at {t}.").format(t=when)
    else:
        sent = report.accepted + report.duplicate if report is not None else 0
        text = (translate("SyncTexts", "Synced at {t}.").format(t=when) if not sent
                else translate("SyncTexts", "Synced {n} at {t}.").format(n=records_text(sent), t=when))
    if next_run is not None and (outcome.failed or outcome.already_running):
        text += " " + translate("SyncTexts", "Next try at {t}.").format(t=clock_time(next_run))
    return text

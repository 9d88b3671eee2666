"""The aggregate report as a file (CSV or PDF), written and audited the same way from
the ``report aggregate`` command (``ui/cli_report.py``) and the Reports window
(``ui/reports/``). No Qt.

The file's name is the user's; the audit event ``report.aggregate_written`` records
the options and the counts, never the path or a value from a record.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from reportlab.lib.units import inch

from app.errors import UserFacingError
from app.fileio import atomic_write_bytes
from app.session import Session
from app.vault.connection import transaction
from sync.reports.aggregate import REPORT_PERMISSION, AggregateOptions, AggregateReport, build_aggregate

__all__ = ["AUDIT_ACTION", "FORMATS", "ReportFileError", "format_for", "render_csv", "render_pdf",
           "write_aggregate"]

AUDIT_ACTION = "report.aggregate_written"
FORMATS = ("csv", "pdf")
#: Count columns per PDF table (Letter portrait); the CSV has every column in one table.
PDF_COLUMNS = 4


class ReportFileError(UserFacingError):
    exit_code = 2


def format_for(path: Path, wanted: str | None = None) -> str:
    """``csv`` or ``pdf``: the one asked for, else the file name's ending."""
    fmt = (wanted or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ReportFileError("The report is written as CSV or PDF; end the file name with .csv or .pdf.")
    return fmt


def render_csv(report: AggregateReport) -> bytes:
    """Header facts first (two cells a line), a blank line, then the table."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for label, value in report.header:
        writer.writerow([label, value])
    writer.writerow([])
    writer.writerow(["Section", "Category", *report.columns])
    for section, category, cells in report.rows:
        writer.writerow([section, category, *cells])
    return text.getvalue().encode("utf-8")


def render_pdf(report: AggregateReport) -> bytes:
    """The header as a facts table, then one table per section; Letter pages."""
    from app.documents.pdf_common import CELL_BOLD, SMALL, TITLE, PageFrame, build_pdf, facts_table, gap, grid_table, p

    story = [p("Aggregate report", TITLE), facts_table(list(report.header)), gap(10)]
    label_width = 2.4 * inch
    sections: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for section, category, cells in report.rows:
        sections.setdefault(section, []).append((category, cells))
    # At most PDF_COLUMNS count columns side by side; more projects continue in another table.
    chunks = [range(start, min(start + PDF_COLUMNS, len(report.columns)))
              for start in range(0, len(report.columns), PDF_COLUMNS)]
    for section, rows in sections.items():
        story.append(p(section, CELL_BOLD))
        for chunk in chunks:
            width = (6.9 * inch - label_width) / PDF_COLUMNS
            story.append(grid_table(["", *(report.columns[i] for i in chunk)],
                                    [[category, *(cells[i] for i in chunk)] for category, cells in rows],
                                    [label_width] + [width] * len(chunk)))
            story.append(gap(4))
        story.append(gap(4))
    story.append(p(f"Counts from 1 to {report.min_cell_count - 1} are shown as <{report.min_cell_count}; * hides "
                   "another count where a total would give a small one away.", SMALL))
    frame = PageFrame(header="De-identified aggregate report", code_label="Generated",
                      code=report.generated_at.isoformat(timespec="seconds"), page_label="Page {page} of {pages}")
    return build_pdf(story, frame, title="Aggregate report", subject="De-identified aggregate counts",
                     keywords="HMIS aggregate report")


def write_aggregate(session: Session, path: str | os.PathLike[str], options: AggregateOptions,
                    fmt: str | None = None) -> AggregateReport:
    """Roles with ``reports.view`` only: count, write the file atomically, then audit."""
    session.require(REPORT_PERMISSION)
    target = Path(path)
    kind = format_for(target, fmt)
    if target.is_dir():
        raise ReportFileError("The report path is a folder; give a file name such as report.csv.")
    if not target.parent.is_dir():
        raise ReportFileError("The folder for the report does not exist.")
    report = build_aggregate(session, options)
    data = render_csv(report) if kind == "csv" else render_pdf(report)
    try:
        atomic_write_bytes(target, data)
    except OSError as error:
        raise ReportFileError(f"The report could not be written there ({error.strerror or 'system error'}).") from None
    with transaction(session.conn):
        session.audit(AUDIT_ACTION, "report", None, report.audit_detail(kind, options))
    return report

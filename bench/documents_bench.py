"""Printed documents: the time to build a consent / release form PDF (goal <= 100 ms)
and the client's record copy of a person with 200 audit events (goal <= 500 ms), each
beside reportlab drawing the same number of pages of plain text in the same run (the
floor any PDF of that length costs).

    python -m bench.documents_bench [--repeat 15]

Real vaults in a temporary folder, the shipped example intakes, the production code
(``app.documents.service``): the figures include reading the vault and the texts.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")

from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from app.clock import FakeClock
from app.documents.service import consent_document, record_copy_document
from app.intake import parse_document, save_intake
from app.session import Session, initialize
from app.vault.connection import transaction

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Quiet!Harbor7Lantern9"


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def plain_pages(pages: int) -> bytes:
    """reportlab's canvas writing ``pages`` Letter pages of 50 lines of plain text."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    for page in range(pages):
        canvas.setFont("Helvetica", 11)
        for row in range(50):
            canvas.drawString(58, 740 - row * 14, f"Page {page + 1}, line {row + 1}: plain text of the same length.")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def household(folder: Path, pack: str, png: bytes | None) -> tuple[Session, str, str]:
    today = datetime.now(UTC).replace(microsecond=0)
    session, _key = initialize(folder, pack, "bench.admin", PASSWORD, agency_name="Bench Shelter",
                               clock=FakeClock(today), access_completed_on=today.date())
    text = (ROOT / "forms" / "intake" / f"example-{pack}.json").read_text("utf-8")
    signed = (today.date() - timedelta(days=10)).isoformat()
    text = text.replace("2026-03-01", signed).replace("2027-02-28", (today.date() + timedelta(days=300)).isoformat())
    document = parse_document(json.loads(text))
    if png is not None:
        document = dataclasses.replace(document, consent=dataclasses.replace(
            document.consent, signature="captured", signature_png=png))
    result = save_intake(session, document)
    pid = result.personal_ids[0]
    consent_id = session.conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?", (pid,)).fetchone()[0]
    return session, pid, consent_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    from records_support import tiny_png

    print("Printed documents (median of", args.repeat, "runs)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for pack, png in (("ct", tiny_png()), ("mo", None)):
            session, pid, consent_id = household(Path(tmp) / pack, pack, png)
            try:
                pdf = consent_document(session, consent_id).pdf
                pages = len(PdfReader(io.BytesIO(pdf)).pages)
                form = median_ms(partial(consent_document, session, consent_id), args.repeat)
                floor = median_ms(partial(plain_pages, pages), args.repeat)
                print(f"  consent form, {pack} ({pages} pages){'':<22} {form:8.1f} ms   "
                      f"(plain text, same pages: {floor:6.1f} ms; goal <= 100 ms)", flush=True)
                if pack != "mo":
                    continue
                with transaction(session.conn):
                    for _ in range(200):
                        session.audit("person.viewed", "person", pid)
                copy = record_copy_document(session, pid).pdf
                pages = len(PdfReader(io.BytesIO(copy)).pages)
                record = median_ms(partial(record_copy_document, session, pid), max(3, args.repeat // 3))
                floor = median_ms(partial(plain_pages, pages), max(3, args.repeat // 3))
                print(f"  record copy, 200+ audit events ({pages} pages){'':<7} {record:8.1f} ms   "
                      f"(plain text, same pages: {floor:6.1f} ms; goal <= 500 ms)", flush=True)
            finally:
                session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Households for the client-rights tests: the shipped example intake of each pack,
moved to recent dates so its consent is in force on the system clock a command-line
child runs on, saved through the real intake."""

from __future__ import annotations

import dataclasses
import json
import struct
import zlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from support import ADMIN_PASSWORD, REPO_ROOT, VaultInfo, auth, data_key_of, run_cli

from app.intake import parse_document, save_intake
from app.intake.save import IntakeResult
from app.vault.connection import open_database
from app.vault.vault import db_path

EXAMPLES = REPO_ROOT / "forms" / "intake"


def tiny_png(width: int = 120, height: int = 40) -> bytes:
    """A real PNG of a diagonal pen stroke, standing in for a captured signature."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            on = abs(x * height // width - y) <= 1
            row += bytes([0, 0, 0, 255] if on else [255, 255, 255, 0])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows)))
            + chunk(b"IEND", b""))


def example_document(pack: str, today: date, **consent: Any) -> dict[str, Any]:
    text = (EXAMPLES / f"example-{pack}.json").read_text("utf-8")
    signed = today - timedelta(days=10)
    text = (text.replace("2027-02-28", (signed + timedelta(days=364)).isoformat())
                .replace("2025-12-01", (signed - timedelta(days=90)).isoformat())
                .replace("2026-03-01", signed.isoformat()))
    doc = json.loads(text)
    doc["consent"].update(consent)
    return doc


def save_example(info: VaultInfo, signature_png: bytes | None = None, **consent: Any) -> IntakeResult:
    session = info.sign_in()
    try:
        document = parse_document(example_document(info.pack, session.clock.now().date(), **consent))
        if signature_png is not None:
            document = dataclasses.replace(document, consent=dataclasses.replace(
                document.consent, signature="captured", signature_png=signature_png))
        return save_intake(session, document)
    finally:
        session.close()


def consent_ids(info: VaultInfo, personal_id: str) -> list[str]:
    session = info.sign_in()
    try:
        return [r[0] for r in session.conn.execute(
            "SELECT consent_id FROM consent WHERE personal_id = ? ORDER BY signed_on, created_at", (personal_id,))]
    finally:
        session.close()


def import_household(info: VaultInfo, tmp_path: Path, name: str, last_name: str, **consent: Any) -> list[str]:
    """One household's intake saved with ``hmis-intake import-intake``; its people."""
    doc = example_document(info.pack, info.clock.now().date(), **consent)
    doc["document_id"] = f"mo-paper-{name}"
    for member in doc["members"]:
        member["client"]["LastName"] = last_name
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc), "utf-8")
    result = run_cli(info.data_dir, "import-intake", str(path), "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    (outcome,) = result.json()
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        return [r[0] for r in conn.execute("SELECT personal_id FROM enrollment WHERE household_id = ?"
                                           " ORDER BY relationship_to_hoh", (outcome["household_id"],))]
    finally:
        conn.close()

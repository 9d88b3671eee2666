"""The short verification code printed on every page of a document.

A consent's code is derived from the consent record (everything that makes it valid:
who, how, what is shared, dates, attesting staff, witness, the signature image's
SHA-256 and any recorded text versions) and the SHA-256 of the script and consent
text shown. Revocation is left out on purpose: a printed copy of a consent that was
later revoked still verifies, and the check says it was revoked. Columns that are
empty are left out too, so a schema that adds columns does not change old codes.

Ten characters of Crockford base32 (50 bits), printed as XXXXX-XXXXX: short enough to
type from paper, long enough that a made-up code matches nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
_NOT_PART = {"revoked_at", "signature_png"}
CODE_LENGTH = 10


def record_digest(row: dict[str, Any]) -> str:
    facts = {k: v for k, v in sorted(row.items()) if k not in _NOT_PART and v is not None and v != ""}
    signature = row.get("signature_png")
    if signature:
        facts["signature_sha256"] = hashlib.sha256(bytes(signature)).hexdigest()
    canonical = json.dumps(facts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def code_from_digest(digest: str) -> str:
    raw = base64.b32encode(bytes.fromhex(digest)).decode("ascii").translate(_CROCKFORD)[:CODE_LENGTH]
    return f"{raw[:5]}-{raw[5:]}"


def consent_code(row: dict[str, Any], script_sha256: str, consent_text_sha256: str) -> str:
    digest = hashlib.sha256(
        f"consent:{record_digest(row)}:{script_sha256}:{consent_text_sha256}".encode("ascii")).hexdigest()
    return code_from_digest(digest)


def normalize_code(text: str) -> str | None:
    """What a person typed, as the printed form: case, spaces and dashes do not matter,
    and the letters Crockford base32 reads as digits (O, I, L) are read so."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(str.maketrans("OIL", "011"))
    if len(cleaned) != CODE_LENGTH or any(ch not in "0123456789ABCDEFGHJKMNPQRSTVWXYZ" for ch in cleaned):
        return None
    return f"{cleaned[:5]}-{cleaned[5:]}"

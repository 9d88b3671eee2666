"""Ids and times as the audit trail stores them (schema 17), and back.

A lower-case UUID in its 8-4-4-4-12 form is kept as its 16 bytes and a time written
``YYYY-MM-DDTHH:MM:SS+00:00`` as whole seconds since 1970; anything else is kept as
given. An event's detail keeps up to three UUIDs as bytes in ``refs``, with U+0001,
U+0002 and U+0003 standing for them in its text. The views of schema 17 turn them back
into the text that was written; these functions do the same in Python, so a value is
packed only when unpacking it gives back exactly what was given.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_UTC_SECONDS = "%Y-%m-%dT%H:%M:%S+00:00"
_STAND_INS = ("\x01", "\x02", "\x03")


def pack_id(value: str | None) -> bytes | str | None:
    """16 bytes for a canonical lower-case UUID; any other value as it is."""
    if isinstance(value, str) and _UUID.fullmatch(value):
        return uuid.UUID(value).bytes
    return value


def unpack_id(value: bytes | str | None) -> bytes | str | None:
    """As the views do: 16 bytes become the UUID's text, anything else is left as it is."""
    if isinstance(value, bytes) and len(value) == 16:
        return str(uuid.UUID(bytes=value))
    return value


def pack_time(value: str) -> int | str:
    """Seconds since 1970 for a UTC time to the second in the form ``now_iso`` writes."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    if moment.utcoffset() != timedelta(0) or moment.strftime(_UTC_SECONDS) != value:
        return value
    return int(moment.timestamp())


def unpack_time(value: int | str) -> str:
    if isinstance(value, int):
        return datetime.fromtimestamp(value, UTC).strftime(_UTC_SECONDS)
    return value


def pack_detail(text: str) -> tuple[str, bytes | None]:
    """The detail with its first three distinct UUIDs replaced by stand-ins, and their bytes."""
    if any(c in text for c in _STAND_INS):
        return text, None
    found: list[str] = []
    for match in _UUID.finditer(text):
        if match.group() not in found:
            found.append(match.group())
        if len(found) == len(_STAND_INS):
            break
    if not found:
        return text, None
    packed = text
    for stand_in, value in zip(_STAND_INS, found, strict=False):
        packed = packed.replace(value, stand_in)
    refs = b"".join(uuid.UUID(value).bytes for value in found)
    if unpack_detail(packed, refs) != text:
        return text, None
    return packed, refs


def unpack_detail(text: str, refs: bytes | None) -> str:
    if refs is None:
        return text
    # The reverse order of pack_detail, as the view does it.
    for index in reversed(range(len(_STAND_INS))):
        chunk = refs[16 * index:16 * index + 16]
        if len(chunk) == 16:
            text = text.replace(_STAND_INS[index], str(uuid.UUID(bytes=chunk)))
    return text

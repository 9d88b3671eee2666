"""The body of ``POST /v1/batches`` as the device builds it, from the outbox rows as stored.

A payload is stored as compact JSON text (``app/outbox.py``, ``json.dumps``), and it
goes into the body as that text, unparsed: parsing every payload into a dict only for
pydantic to write it out again was most of the device's work per record besides the
vault. The body is the same JSON document ``protocol.BatchRequest.encode`` writes (the
same fields in the same order, compact, UTF-8), so the bytes mean the same to the
server, which parses and validates every record as before.

The envelope strings (key, entity, ids, times) are quoted with the standard library's
JSON string encoder. A payload that is not a JSON object is never spliced in: one that
does not even look like one is quarantined before sending (``sync/store.py``), and one
damaged inside makes the server reject the batch whole, which the engine halves until
that record is alone and quarantined with the server's reason.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring  # the C encoder when available
from typing import Any

from sync.protocol import PROTOCOL_VERSION

# A string as JSON, quotes included (non-ASCII kept, as the protocol model writes it).
_quote: Callable[[str], str] = encode_basestring


def looks_like_object(payload_json: str) -> bool:
    """Whether stored payload text can be spliced in as an object: it starts with ``{``
    and ends with ``}`` (what ``json.dumps`` of a dict writes). The server checks the rest."""
    text = payload_json.strip()  # the same string, not a copy, when there is nothing to strip
    return text.startswith("{") and text.endswith("}")


@dataclass(frozen=True)
class StoredRecord:
    """One outbox record as it travels, its payload the JSON text the outbox stored."""

    idempotency_key: str
    entity: str
    entity_id: str
    operation: str
    collected_at: str
    payload_json: str

    @property
    def payload(self) -> dict[str, Any]:
        """The payload parsed (for a reader that wants the values; the body does not)."""
        value: dict[str, Any] = json.loads(self.payload_json)
        return value

    def encode(self) -> str:
        return (f'{{"idempotency_key":{_quote(self.idempotency_key)},"entity":{_quote(self.entity)},'
                f'"entity_id":{_quote(self.entity_id)},"operation":{_quote(self.operation)},'
                f'"collected_at":{_quote(self.collected_at)},"payload":{self.payload_json}}}')


@dataclass(frozen=True)
class OutgoingBatch:
    """A batch request: these records under a fresh batch ID (a retry sends the records
    again, with their keys, under a new one), with the audit chain head if there is one."""

    records: tuple[StoredRecord, ...]
    batch_id: str
    audit_head: tuple[int, str] | None = None

    def encode(self) -> bytes:
        """The body as sent: compact UTF-8 JSON, without ``audit_head`` when there is none."""
        head = "" if self.audit_head is None else (
            f',"audit_head":{{"seq":{int(self.audit_head[0])},"hash":{_quote(self.audit_head[1])}}}')
        records = ",".join(record.encode() for record in self.records)
        return (f'{{"protocol_version":{PROTOCOL_VERSION},"batch_id":{_quote(self.batch_id)},'
                f'"records":[{records}]{head}}}').encode()


def outgoing_batch(records: Iterable[StoredRecord], audit_head: tuple[int, str] | None = None,
                   batch_id: str | None = None) -> OutgoingBatch:
    return OutgoingBatch(tuple(records), batch_id or str(uuid.uuid4()), audit_head)

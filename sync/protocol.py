"""The device-server sync protocol, version 1: the shapes both sides exchange.

Plain dataclasses with explicit JSON conversion, so the device needs no web framework
and a reply the server mangled is caught here as :class:`MalformedReply` rather than
as an ``AttributeError`` deep in the engine. ``docs/sync-protocol.md`` describes the
rules; the server's OpenAPI document at ``/openapi.json`` describes the same shapes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

PROTOCOL_VERSION = 1
API_PREFIX = "/v1"

# Bounds both sides enforce. The device batches far below them.
MAX_RECORDS_PER_BATCH = 1000
MAX_KEY_LENGTH = 255  # IETF idempotency-key draft / Stripe: keys up to 255 characters
MAX_RECORD_BYTES = 1024 * 1024  # one record's payload as compact JSON; larger is refused alone
MAX_BATCH_BODY_BYTES = 8 * 1024 * 1024  # a batch request's body, however it is sent (chunked too)
MAX_SMALL_BODY_BYTES = 16 * 1024  # any other request's body (enrollment)
DEVICE_CREDENTIAL_MAX_BYTES = 2560  # S10: what the OS keyring reliably stores

HEALTH_PATH = f"{API_PREFIX}/health"
ENROLLMENTS_PATH = f"{API_PREFIX}/enrollments"
DEVICE_PATH = f"{API_PREFIX}/device"
BATCHES_PATH = f"{API_PREFIX}/batches"


class MalformedReply(ValueError):
    """The server's reply did not have the shape version 1 promises."""


class RecordStatus(str, Enum):
    ACCEPTED = "accepted"  # applied now
    DUPLICATE = "duplicate"  # the server already had exactly this record
    REFUSED = "refused"  # not applied; ``reason`` says why, the device quarantines it


@dataclass(frozen=True)
class OutboxRecord:
    """One change as it travels: the outbox row minus device bookkeeping."""

    idempotency_key: str
    entity: str
    entity_id: str
    operation: str
    collected_at: str  # ISO 8601; timeliness counts from here (MO-TIME-1)
    payload: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "idempotency_key": self.idempotency_key,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "operation": self.operation,
            "collected_at": self.collected_at,
            "payload": self.payload,
        }


def record_fingerprint(entity: str, entity_id: str, operation: str, collected_at: str,
                       payload: dict[str, Any]) -> str:
    """What "the same record" means when a key comes back: a hash of everything sent.

    Keys are compared with this fingerprint so that a key reused for different content
    is refused (IETF draft-ietf-httpapi-idempotency-key-header: 422), never applied.
    """
    canonical = json.dumps(
        [entity, entity_id, operation, collected_at, payload],
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BatchRequest:
    batch_id: str
    records: tuple[OutboxRecord, ...]
    protocol_version: int = PROTOCOL_VERSION
    #: The device's audit chain head (last event's seq and hash), so the server can
    #: refuse a trail that went backwards; ``None`` sends none.
    audit_head: tuple[int, str] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "protocol_version": self.protocol_version,
            "batch_id": self.batch_id,
            "records": [r.to_json() for r in self.records],
        }
        if self.audit_head is not None:
            data["audit_head"] = {"seq": self.audit_head[0], "hash": self.audit_head[1]}
        return data

    def encode(self) -> bytes:
        return json.dumps(self.to_json(), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class RecordResult:
    idempotency_key: str
    status: RecordStatus
    reason: str | None = None


@dataclass(frozen=True)
class BatchResult:
    batch_id: str
    results: tuple[RecordResult, ...]
    protocol_version: int = PROTOCOL_VERSION

    def count(self, status: RecordStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    @classmethod
    def from_json(cls, data: object) -> BatchResult:
        if not isinstance(data, dict):
            raise MalformedReply("the batch reply is not a JSON object")
        batch_id = data.get("batch_id")
        items = data.get("results")
        version = data.get("protocol_version", PROTOCOL_VERSION)
        if not isinstance(batch_id, str) or not isinstance(items, list) or not isinstance(version, int):
            raise MalformedReply("the batch reply lacks batch_id, results or protocol_version")
        results = []
        for item in items:
            if not isinstance(item, dict):
                raise MalformedReply("a record result is not a JSON object")
            key, status, reason = item.get("idempotency_key"), item.get("status"), item.get("reason")
            if not isinstance(key, str) or not isinstance(status, str):
                raise MalformedReply("a record result lacks idempotency_key or status")
            try:
                parsed = RecordStatus(status)
            except ValueError as exc:
                raise MalformedReply("a record result has an unknown status") from exc
            if reason is not None and not isinstance(reason, str):
                raise MalformedReply("a record result's reason is not text")
            if parsed is RecordStatus.REFUSED and not reason:
                reason = "The server refused this record without giving a reason."
            results.append(RecordResult(key, parsed, reason))
        return cls(batch_id, tuple(results), version)


@dataclass(frozen=True)
class EnrollmentRequest:
    code: str
    device_name: str
    app_version: str
    protocol_version: int = PROTOCOL_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "device_name": self.device_name,
            "app_version": self.app_version,
            "protocol_version": self.protocol_version,
        }


@dataclass(frozen=True)
class DeviceCredential:
    """What a device presents on every request: ``Authorization: Bearer <id>.<secret>``."""

    device_id: str
    secret: str = field(repr=False)

    def header(self) -> str:
        return f"Bearer {self.device_id}.{self.secret}"

    def serialize(self) -> str:
        return f"{self.device_id}.{self.secret}"

    @classmethod
    def parse(cls, text: str) -> DeviceCredential:
        device_id, sep, secret = text.strip().partition(".")
        if not sep or not device_id or not secret:
            raise ValueError("not a device credential")
        return cls(device_id, secret)


@dataclass(frozen=True)
class Enrollment:
    credential: DeviceCredential
    agency: str
    protocol_version: int

    @classmethod
    def from_json(cls, data: object) -> Enrollment:
        if not isinstance(data, dict):
            raise MalformedReply("the enrollment reply is not a JSON object")
        device_id, secret = data.get("device_id"), data.get("device_secret")
        agency, version = data.get("agency"), data.get("protocol_version")
        if not all(isinstance(v, str) and v for v in (device_id, secret, agency)) or not isinstance(version, int):
            raise MalformedReply("the enrollment reply lacks device_id, device_secret, agency or protocol_version")
        assert isinstance(device_id, str) and isinstance(secret, str) and isinstance(agency, str)
        if "." in device_id:
            raise MalformedReply("the enrollment reply's device_id contains a dot")
        return cls(DeviceCredential(device_id, secret), agency, version)


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    agency: str
    protocol_version: int

    @classmethod
    def from_json(cls, data: object) -> DeviceInfo:
        if not isinstance(data, dict):
            raise MalformedReply("the device reply is not a JSON object")
        device_id, agency, version = data.get("device_id"), data.get("agency"), data.get("protocol_version")
        if not isinstance(device_id, str) or not isinstance(agency, str) or not isinstance(version, int):
            raise MalformedReply("the device reply lacks device_id, agency or protocol_version")
        return cls(device_id, agency, version)

"""The device-server sync protocol, version 1: the one set of shapes both sides exchange.

Each request and reply is a pydantic model defined here, once. The device builds its
requests and reads the server's replies with them; the reference server
(``sync/server/app.py``) declares the same models as its FastAPI request and response
types, so its OpenAPI document (committed as ``docs/sync-openapi.json``) is generated
from them, and ``tests/sync/test_sync_wire.py`` fails if the two ends drift.
``docs/sync-protocol.md`` describes the rules.

This module needs pydantic only (no web framework): device code imports it, never
``sync.server``. A reply the server mangled is caught here as :class:`MalformedReply`,
with the field's path but never its value, rather than as an ``AttributeError`` deep
in the engine.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    computed_field,
    model_validator,
)

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
ROLE_GRANTS_PATH = f"{API_PREFIX}/role-grants"
SESSIONS_PATH = f"{API_PREFIX}/sessions"

#: What a record refused without a reason is given as one (a server must give one).
NO_REASON = "The server refused this record without giving a reason."

_TEXT = r"^[^\x00-\x1f\x7f]*$"  # no control characters


class MalformedReply(ValueError):
    """The server's reply did not have the shape version 1 promises."""


class ReplyNotJson(MalformedReply):
    """The server's reply was not JSON at all."""


class RecordStatus(str, Enum):
    ACCEPTED = "accepted"  # applied now
    DUPLICATE = "duplicate"  # the server already had exactly this record
    REFUSED = "refused"  # not applied; ``reason`` says why, the device quarantines it


class _Wire(BaseModel):
    """Frozen; unknown fields ignored (a newer peer may add some). Floats that are not
    finite are written as ``NaN``/``Infinity`` like ``json.dumps`` does, so the server
    refuses such a record with its reason instead of the device silently sending
    ``null``. In the OpenAPI document a reply's fields with defaults are required
    (the server always writes them); the device still accepts a reply without them."""

    model_config = ConfigDict(frozen=True, ser_json_inf_nan="constants",
                              json_schema_serialization_defaults_required=True)


# A record's fields are taken as sent, unchecked and unconverted (pydantic's ``Any``,
# which costs no Python call per field); the server checks them per record
# (``validation.record_problem``). Type checkers see what a valid record holds.
if TYPE_CHECKING:
    _Text = str
    _Object = dict[str, Any]
else:
    _Text = Any
    _Object = Any


def _string(max_length: int) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "maxLength": max_length})


class OutboxRecord(_Wire):
    """One change as it travels: the outbox row minus device bookkeeping.

    Its fields are taken as sent and checked one record at a time by the server, so a
    bad value refuses that record alone, with its reason, and never the batch; the
    schema says what a valid record looks like."""

    idempotency_key: Annotated[_Text, _string(MAX_KEY_LENGTH)] = Field(
        description="A UUID the device keeps across retries.")
    entity: Annotated[_Text, _string(64)] = Field(description="person, enrollment, consent, ...")
    entity_id: Annotated[_Text, _string(255)] = Field(
        description="The record's own ID, equal to its id field in the payload.")
    operation: Annotated[_Text, _string(16)] = Field(description="upsert, create, revoke or delete")
    collected_at: Annotated[_Text, _string(40)] = Field(
        description="ISO 8601 with a time zone, not in the future; timeliness counts from here (MO-TIME-1).")
    payload: Annotated[_Object, WithJsonSchema({"type": "object"})] = Field(
        description=f"At most {MAX_RECORD_BYTES // 1024} KiB as compact JSON.")


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


class AuditHead(_Wire):
    """The device's audit chain head: its last event's sequence number and hash."""

    seq: int = Field(ge=0, le=2**62)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class BatchRequest(_Wire):
    """``POST /v1/batches``."""

    protocol_version: int
    batch_id: str = Field(pattern=r"^[A-Za-z0-9._:-]{1,64}$")
    records: tuple[OutboxRecord, ...] = Field(max_length=MAX_RECORDS_PER_BATCH)
    audit_head: AuditHead | None = Field(
        default=None, description="The device's audit chain head (last event's seq and hash); the "
                                  "server refuses a chain that goes backwards for this device.")

    def encode(self) -> bytes:
        """The body as sent: compact UTF-8 JSON, without ``audit_head`` when there is none."""
        return self.model_dump_json(exclude=None if self.audit_head is not None else {"audit_head"}).encode()


def new_batch(records: Iterable[OutboxRecord], batch_id: str | None = None,
              audit_head: tuple[int, str] | None = None) -> BatchRequest:
    """The device's batch request: these records under a fresh batch ID (a retry sends
    the records again, with their keys, under a new one).

    Built without validating again (``model_construct``): the records already are
    wire models, and what is added here has the shape the model asks for.
    ``tests/sync/test_sync_wire.py`` checks such a batch against the server's schema."""
    return BatchRequest.model_construct(
        protocol_version=PROTOCOL_VERSION, batch_id=batch_id or str(uuid.uuid4()), records=tuple(records),
        audit_head=AuditHead(seq=audit_head[0], hash=audit_head[1]) if audit_head is not None else None,
    )


class RecordResult(_Wire):
    idempotency_key: str
    status: RecordStatus
    reason: str | None = None


class BatchResult(_Wire):
    """The reply to a batch: one result per record it could read."""

    protocol_version: int = PROTOCOL_VERSION
    batch_id: str
    results: tuple[RecordResult, ...]

    @model_validator(mode="after")
    def _refusals_have_reasons(self) -> BatchResult:
        if any(r.status is RecordStatus.REFUSED and not r.reason for r in self.results):
            fixed = tuple(r.model_copy(update={"reason": NO_REASON})
                          if r.status is RecordStatus.REFUSED and not r.reason else r for r in self.results)
            object.__setattr__(self, "results", fixed)
        return self

    def count(self, status: RecordStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accepted(self) -> int:
        return self.count(RecordStatus.ACCEPTED)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def duplicate(self) -> int:
        return self.count(RecordStatus.DUPLICATE)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def refused(self) -> int:
        return self.count(RecordStatus.REFUSED)


class EnrollmentRequest(_Wire):
    """``POST /v1/enrollments``: trade a one-time code for a device credential."""

    code: str = Field(min_length=1, max_length=64, pattern=_TEXT)
    device_name: str = Field(min_length=1, max_length=100, pattern=_TEXT)
    app_version: str = Field(default="unknown", max_length=40, pattern=_TEXT)
    protocol_version: int = PROTOCOL_VERSION


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


class Enrollment(_Wire):
    """The reply to an enrollment: the device's credential, shown this once."""

    device_id: str = Field(min_length=1, pattern=r"^[^.]+$")
    device_secret: str = Field(min_length=1, repr=False,
                               description="Shown once; the server keeps only its hash.")
    agency: str = Field(min_length=1)
    protocol_version: int

    @property
    def credential(self) -> DeviceCredential:
        return DeviceCredential(self.device_id, self.device_secret)


class DeviceInfo(_Wire):
    """``GET /v1/device``: who the server takes this device to be."""

    device_id: str
    agency: str
    name: str = ""
    protocol_version: int


class RoleGrantRedemption(_Wire):
    """``POST /v1/role-grants``: spend the HMIS Lead's one-time grant code to give this
    user this role on the device (VT-2.1-4); the device authenticates as on ``/v1/batches``."""

    code: str = Field(min_length=1, max_length=64, pattern=_TEXT)
    username: str = Field(min_length=1, max_length=100, pattern=_TEXT)
    role: str = Field(min_length=1, max_length=64, pattern=_TEXT)
    protocol_version: int = PROTOCOL_VERSION


class RoleGrant(_Wire):
    """The reply to a redemption: the grant as the HMIS Lead issued it, now spent."""

    grant_id: str = Field(min_length=1, max_length=64)
    agency: str = Field(min_length=1)
    username: str = Field(min_length=1)
    role: str = Field(min_length=1)
    issued_at: str = Field(min_length=1, max_length=40, description="When the HMIS Lead issued it (ISO 8601).")
    protocol_version: int


class SessionState(str, Enum):
    SIGNED_IN = "signed_in"  # at sign-in, and again (a heartbeat) with every sync
    SIGNED_OUT = "signed_out"  # at sign-out and when the window locks


class SessionReport(_Wire):
    """``POST /v1/sessions``: which user is signed in on this device (MO-PWD-6, A25).

    The user is named by their sign-in name, staff data the agency assigns and never a
    client's; the server matches it within the device's agency."""

    protocol_version: int = PROTOCOL_VERSION
    user: str = Field(min_length=1, max_length=150, pattern=_TEXT,
                      description="The signed-in user's sign-in name, as typed at sign-in (compared case-blind).")
    state: SessionState
    live_minutes: int = Field(default=15, ge=1, le=1440,
                              description="A session is live while its device reported within this many minutes "
                                          "(the device's pack says how many).")


class OpenSession(_Wire):
    """Another device's live session of the same user of the same agency."""

    device_id: str
    device_name: str = ""
    since: str = Field(description="When that device reported the sign-in (ISO 8601, UTC).")
    last_seen: str = Field(description="That device's latest report (ISO 8601, UTC).")


class SessionsReply(_Wire):
    """The reply to a session report: the same user's live sessions on other devices."""

    protocol_version: int = PROTOCOL_VERSION
    elsewhere: tuple[OpenSession, ...] = ()


class Health(_Wire):
    status: str
    protocol_version: int
    server_version: str


class ErrorReply(_Wire):
    """Every error: one sentence, never the submitted data."""

    detail: str


class GrantRefusalReason(str, Enum):
    """Why the HMIS Lead's server refused a role grant code (VT-2.1-4): a stable code the
    device words in its own interface language; ``detail`` keeps the English sentence."""

    NOT_VALID = "not_valid"  # unknown, malformed, or another agency's: nothing more is said
    USED = "used"
    EXPIRED = "expired"
    OTHER_USER_OR_ROLE = "other_user_or_role"


class GrantRefusalReply(ErrorReply):
    """``403`` on ``/v1/role-grants`` for a code the server refused (a revoked device's
    ``403`` is a plain :class:`ErrorReply`)."""

    reason: GrantRefusalReason


_Reply = TypeVar("_Reply", bound=BaseModel)


def parse_reply(model: type[_Reply], body: bytes, what: str) -> _Reply:
    """``body`` as ``model``, validated in one pass; :class:`MalformedReply` naming the
    first field that is wrong (its path only: values may be personal data)."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        first = errors[0] if errors else {"type": "", "loc": ()}
        if first["type"] == "json_invalid":
            raise ReplyNotJson(f"the {what} is not valid JSON") from exc
        where = ".".join(str(part) for part in first["loc"])
        if not where:
            raise MalformedReply(f"the {what} is not a JSON object") from exc
        if first["type"] == "missing":
            raise MalformedReply(f"the {what} lacks {where}") from exc
        raise MalformedReply(f"the {what} has an invalid {where}") from exc

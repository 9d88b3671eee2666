"""The HTTP API (FastAPI), version 1. The OpenAPI document (/openapi.json, /docs) is
served only when the operator turns it on (``serve --api-docs``).

Endpoints are plain ``def`` functions, run in the server's thread pool, because the
database work is blocking. Errors are ``{"detail": "<one sentence>"}``; a 500 never
carries the exception text, and a failed batch has applied nothing.

Before any request body is read, :class:`_Gate` authenticates the device (on the
device's endpoints) and then reads the body itself, however it is sent (chunked too),
up to a cap: an unauthenticated or oversized request costs the server a few KiB, not
the body's size.
"""

# No ``from __future__ import annotations``: FastAPI reads these annotations at run time.

import logging
from collections.abc import Callable
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from sync import protocol
from sync.protocol import OutboxRecord
from sync.server import storage

log = logging.getLogger("hmis_intake.server")

MAX_BODY_BYTES = protocol.MAX_BATCH_BODY_BYTES
_TEXT = r"^[^\x00-\x1f\x7f]*$"


class EnrollmentIn(BaseModel):
    code: str = Field(min_length=1, max_length=64, pattern=_TEXT)
    device_name: str = Field(min_length=1, max_length=100, pattern=_TEXT)
    app_version: str = Field(default="unknown", max_length=40, pattern=_TEXT)
    protocol_version: int = protocol.PROTOCOL_VERSION


class EnrollmentOut(BaseModel):
    device_id: str
    device_secret: str = Field(description="Shown once; the server keeps only its hash.")
    agency: str
    protocol_version: int


class DeviceOut(BaseModel):
    device_id: str
    agency: str
    name: str
    protocol_version: int


def _text_field(description: str, max_length: int) -> Any:
    return Field(description=description, json_schema_extra={"type": "string", "maxLength": max_length})


class RecordIn(BaseModel):
    """One record. Its fields are checked one record at a time (``validation.record_problem``)
    rather than here, so a bad value refuses that record alone, with its reason, and
    never the batch; the schema below is what a valid record looks like."""

    idempotency_key: Any = _text_field("A UUIDv4 the device keeps across retries.", protocol.MAX_KEY_LENGTH)
    entity: Any = _text_field("person, enrollment, consent, ...", 64)
    entity_id: Any = _text_field("The record's own ID, equal to its id field in the payload.", 255)
    operation: Any = _text_field("upsert, create, revoke or delete", 16)
    collected_at: Any = _text_field("ISO 8601 with a time zone, not in the future", 40)
    payload: Any = Field(json_schema_extra={"type": "object"},
                         description=f"At most {protocol.MAX_RECORD_BYTES // 1024} KiB as compact JSON.")


class AuditHeadIn(BaseModel):
    seq: int = Field(ge=0, le=2**62)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class BatchIn(BaseModel):
    protocol_version: int
    batch_id: str = Field(pattern=r"^[A-Za-z0-9._:-]{1,64}$")
    records: list[RecordIn] = Field(max_length=protocol.MAX_RECORDS_PER_BATCH)
    audit_head: AuditHeadIn | None = Field(
        default=None, description="The device's audit chain head (last event's seq and hash); the "
                                  "server refuses a chain that goes backwards for this device.")


class RecordResultOut(BaseModel):
    idempotency_key: str
    status: protocol.RecordStatus
    reason: str | None = None


class BatchOut(BaseModel):
    protocol_version: int
    batch_id: str
    results: list[RecordResultOut]
    accepted: int
    duplicate: int
    refused: int


class HealthOut(BaseModel):
    status: str
    protocol_version: int
    server_version: str


class ErrorOut(BaseModel):
    detail: str


def _printable(value: str) -> str:
    """Echo a key back even if it is not valid Unicode (it was refused for that)."""
    return value.encode("utf-8", "replace").decode("utf-8")


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> HTTPException:
    return HTTPException(status_code=status, detail=detail, headers=headers)


def _refusal(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    # Connection: close, so the server stops reading a body it refused without reading.
    return JSONResponse({"detail": detail}, status, headers={"Connection": "close", **(headers or {})})


_UNAUTHENTICATED = "The device credential is missing or not valid; enroll the device again."
_REVOKED = "This device was revoked by the server's administrator."
_TOO_LARGE = "The request body is too large."


class _Gate:
    """Authenticate, then read a bounded body, before the application sees the request.

    * device paths (``/v1/device``, ``/v1/batches``): the ``Authorization`` header is
      checked first; a missing, wrong or revoked credential is answered 401/403 and
      the body is never read;
    * every body is read here, chunk by chunk, and refused with 413 as soon as it
      passes the path's cap (a batch: ``MAX_BATCH_BODY_BYTES``; anything else, the
      unauthenticated enrollment included: ``MAX_SMALL_BODY_BYTES``), whatever
      ``Content-Length`` says or whether it is sent chunked; the application then
      gets the body from memory.
    """

    def __init__(self, app: ASGIApp, engine: Engine) -> None:
        self.app = app
        self.engine = engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = MAX_BODY_BYTES if path == protocol.BATCHES_PATH else protocol.MAX_SMALL_BODY_BYTES
        too_big, authorization = _read_headers(scope, limit)
        if too_big:
            await _refusal(413, _TOO_LARGE)(scope, receive, send)
            return
        if path in (protocol.BATCHES_PATH, protocol.DEVICE_PATH) and \
                not await self._authenticate(scope, receive, send, authorization):
            return
        body = await _read_body(receive, limit)
        if body is None:
            return  # the client went away
        if isinstance(body, _TooLarge):
            await _refusal(413, _TOO_LARGE)(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _authenticate(self, scope: Scope, receive: Receive, send: Send, authorization: str | None) -> bool:
        """The device behind the credential, kept in the scope; False once refused."""
        try:
            found = await anyio.to_thread.run_sync(storage.authenticate, self.engine, authorization)
        except storage.NotAuthenticated:
            await _refusal(401, _UNAUTHENTICATED, {"WWW-Authenticate": "Bearer"})(scope, receive, send)
            return False
        except storage.DeviceRevoked:
            await _refusal(403, _REVOKED)(scope, receive, send)
            return False
        scope.setdefault("state", {})["device"] = found
        return True


def _read_headers(scope: Scope, limit: int) -> tuple[bool, str | None]:
    """Whether the declared Content-Length passes ``limit`` (or cannot be read), and the
    Authorization header."""
    too_big = False
    authorization: str | None = None
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                too_big = int(value) > limit
            except ValueError:
                too_big = True
            if too_big:
                break
        elif name == b"authorization":
            authorization = value.decode("latin-1")
    return too_big, authorization


class _TooLarge:
    """The body passed its cap while it was read."""


async def _read_body(receive: Receive, limit: int) -> bytes | _TooLarge | None:
    """The whole body, chunk by chunk, stopping as soon as it passes ``limit``;
    None when the client disconnects."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return _TooLarge()
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


_AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Missing or wrong device credential."},
    403: {"model": ErrorOut, "description": "The device was revoked."},
}


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(_printable(str(part)) for part in loc)[:120]


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # Never echo the input (it may be personal data, or text that is not valid Unicode).
        errors = exc.errors()
        where = _where(tuple(errors[0].get("loc", ()))) if errors else "body"
        return JSONResponse({"detail": f"The request does not have the shape this API expects ({where})."}, 422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The type only: the text of a database error may quote submitted data.
        log.error("request failed: %s", type(exc).__name__)
        return JSONResponse({"detail": "The server failed to process the request; nothing was applied."}, 500)


def _device_dependency(engine: Engine) -> Callable[..., storage.AuthenticatedDevice]:
    """The dependency that names the calling device, for the routes that need one."""

    def current_device(
        request: Request, authorization: Annotated[str | None, Header()] = None,
    ) -> storage.AuthenticatedDevice:
        checked = getattr(request.state, "device", None)
        if isinstance(checked, storage.AuthenticatedDevice):
            return checked  # _Gate authenticated it before reading the body
        try:
            return storage.authenticate(engine, authorization)
        except storage.NotAuthenticated as exc:
            raise _error(401, _UNAUTHENTICATED, {"WWW-Authenticate": "Bearer"}) from exc
        except storage.DeviceRevoked as exc:
            raise _error(403, _REVOKED) from exc

    return current_device


def create_app(engine: Engine, api_docs: bool = False) -> FastAPI:
    """The API. ``api_docs`` serves /openapi.json and /docs (off unless the operator
    asks: the document maps the API for anyone who can reach it)."""
    docs_url = "/docs" if api_docs else None
    app = FastAPI(
        title="HMIS Intake reference central server",
        version=f"{protocol.PROTOCOL_VERSION}.0",
        description="Receives outbox batches from HMIS Intake devices. See docs/sync-protocol.md.",
        openapi_url="/openapi.json" if api_docs else None, docs_url=docs_url, redoc_url=None,
    )
    app.state.engine = engine
    app.add_middleware(_Gate, engine=engine)

    _add_error_handlers(app)
    current_device = _device_dependency(engine)
    Device = Annotated[storage.AuthenticatedDevice, Depends(current_device)]

    @app.get(protocol.HEALTH_PATH, response_model=HealthOut,
             responses={503: {"model": ErrorOut}})
    def health() -> HealthOut | JSONResponse:
        try:
            storage.check_database(engine)
        except Exception:
            log.error("health check: database unavailable")
            return JSONResponse({"detail": "The server's database is unavailable."}, 503)
        return HealthOut(status="ok", protocol_version=protocol.PROTOCOL_VERSION, server_version=__version__)

    @app.post(protocol.ENROLLMENTS_PATH, response_model=EnrollmentOut, status_code=201,
              responses={400: {"model": ErrorOut}, 403: {"model": ErrorOut}})
    def enroll(body: EnrollmentIn) -> EnrollmentOut:
        if body.protocol_version != protocol.PROTOCOL_VERSION:
            raise _error(400, f"This server speaks sync protocol version {protocol.PROTOCOL_VERSION}.")
        try:
            issued = storage.redeem_code(engine, body.code, body.device_name, body.app_version)
        except storage.EnrollmentRefused as exc:
            raise _error(403, str(exc)) from exc
        log.info("device enrolled: %s", issued.device_id)
        return EnrollmentOut(device_id=issued.device_id, device_secret=issued.secret,
                             agency=issued.agency, protocol_version=protocol.PROTOCOL_VERSION)

    @app.get(protocol.DEVICE_PATH, response_model=DeviceOut, responses=_AUTH_RESPONSES)
    def whoami(device: Device) -> DeviceOut:
        return DeviceOut(device_id=device.device_id, agency=device.agency, name=device.name,
                         protocol_version=protocol.PROTOCOL_VERSION)

    @app.post(protocol.BATCHES_PATH, response_model=BatchOut,
              responses={**_AUTH_RESPONSES, 400: {"model": ErrorOut},
                         409: {"model": ErrorOut, "description": "A concurrent request holds "
                               "some of these keys; retry the same batch."},
                         413: {"model": ErrorOut}})
    def post_batch(body: BatchIn, device: Device) -> BatchOut:
        if body.protocol_version != protocol.PROTOCOL_VERSION:
            raise _error(400, f"This server speaks sync protocol version {protocol.PROTOCOL_VERSION}.")
        records = [
            OutboxRecord(r.idempotency_key, r.entity, r.entity_id, r.operation, r.collected_at, r.payload)
            for r in body.records
        ]
        head = (body.audit_head.seq, body.audit_head.hash) if body.audit_head is not None else None
        try:
            results = storage.apply_batch(engine, device.device_id, body.batch_id, records,
                                          agency=device.agency, audit_head=head)
        except storage.ConcurrentBatch as exc:
            raise _error(409, "Another request is applying some of these records; retry the batch.") from exc
        except storage.AuditChainWentBack as exc:
            log.warning("batch from %s refused: its audit chain went backwards", device.device_id)
            raise _error(403, str(exc)) from exc
        counts = {s: sum(1 for r in results if r.status is s) for s in protocol.RecordStatus}
        log.info("batch from %s: %d accepted, %d duplicate, %d refused", device.device_id,
                 counts[protocol.RecordStatus.ACCEPTED], counts[protocol.RecordStatus.DUPLICATE],
                 counts[protocol.RecordStatus.REFUSED])
        return BatchOut(
            protocol_version=protocol.PROTOCOL_VERSION, batch_id=body.batch_id,
            results=[RecordResultOut(idempotency_key=_printable(str(r.idempotency_key)), status=r.status,
                                     reason=r.reason) for r in results],
            accepted=counts[protocol.RecordStatus.ACCEPTED],
            duplicate=counts[protocol.RecordStatus.DUPLICATE],
            refused=counts[protocol.RecordStatus.REFUSED],
        )

    return app


DB_ENV = "HMIS_INTAKE_SERVER_DB"


DOCS_ENV = "HMIS_INTAKE_SERVER_API_DOCS"


def create_app_from_url(url: str, api_docs: bool = False) -> FastAPI:
    engine = storage.open_engine(url)
    storage.create_schema(engine)
    return create_app(engine, api_docs)


def app_from_environment() -> FastAPI:
    """The factory each uvicorn worker process calls (``serve --workers N``)."""
    import os

    return create_app_from_url(os.environ[DB_ENV], os.environ.get(DOCS_ENV) == "1")

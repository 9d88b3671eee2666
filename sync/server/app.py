"""The HTTP API (FastAPI), version 1. The OpenAPI document is served at /openapi.json.

Endpoints are plain ``def`` functions, run in the server's thread pool, because the
database work is blocking. Errors are ``{"detail": "<one sentence>"}``; a 500 never
carries the exception text, and a failed batch has applied nothing.
"""

# No ``from __future__ import annotations``: FastAPI reads these annotations at run time.

import logging
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from starlette.types import ASGIApp, Receive, Scope, Send

from app import __version__
from sync import protocol
from sync.protocol import OutboxRecord
from sync.server import storage

log = logging.getLogger("hmis_intake.server")

MAX_BODY_BYTES = 32 * 1024 * 1024
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


class RecordIn(BaseModel):
    idempotency_key: str = Field(min_length=1, max_length=protocol.MAX_KEY_LENGTH,
                                 description="A UUIDv4 the device keeps across retries.")
    entity: str = Field(max_length=64)
    entity_id: str = Field(max_length=255)
    operation: str = Field(max_length=16, description="upsert, create, revoke or delete")
    collected_at: str = Field(max_length=40, description="ISO 8601 with a time zone")
    payload: dict[str, Any]


class BatchIn(BaseModel):
    protocol_version: int
    batch_id: str = Field(pattern=r"^[A-Za-z0-9._:-]{1,64}$")
    records: list[RecordIn] = Field(max_length=protocol.MAX_RECORDS_PER_BATCH)


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


class _BodyLimit:
    """Refuse an oversized body from its Content-Length before reading it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope.get("headers", []):
                if name == b"content-length":
                    try:
                        too_big = int(value) > MAX_BODY_BYTES
                    except ValueError:
                        too_big = True
                    if too_big:
                        response = JSONResponse({"detail": "The request body is too large."}, 413)
                        await response(scope, receive, send)
                        return
        await self.app(scope, receive, send)


_AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Missing or wrong device credential."},
    403: {"model": ErrorOut, "description": "The device was revoked."},
}


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(
        title="HMIS Intake reference central server",
        version=f"{protocol.PROTOCOL_VERSION}.0",
        description="Receives outbox batches from HMIS Intake devices. See docs/sync-protocol.md.",
    )
    app.state.engine = engine
    app.add_middleware(_BodyLimit)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The type only: the text of a database error may quote submitted data.
        log.error("request failed: %s", type(exc).__name__)
        return JSONResponse({"detail": "The server failed to process the request; nothing was applied."}, 500)

    def current_device(
        authorization: Annotated[str | None, Header()] = None,
    ) -> storage.AuthenticatedDevice:
        try:
            return storage.authenticate(engine, authorization)
        except storage.NotAuthenticated as exc:
            raise _error(401, "The device credential is missing or not valid; enroll the device again.",
                         {"WWW-Authenticate": "Bearer"}) from exc
        except storage.DeviceRevoked as exc:
            raise _error(403, "This device was revoked by the server's administrator.") from exc

    Device = Annotated[storage.AuthenticatedDevice, Depends(current_device)]

    @app.get(protocol.HEALTH_PATH, response_model=HealthOut,
             responses={503: {"model": ErrorOut}})
    def health() -> HealthOut | JSONResponse:
        try:
            storage.check_database(engine)
        except Exception:  # noqa: BLE001 - reported as unavailable
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
        try:
            results = storage.apply_batch(engine, device.device_id, body.batch_id, records)
        except storage.ConcurrentBatch as exc:
            raise _error(409, "Another request is applying some of these records; retry the batch.") from exc
        counts = {s: sum(1 for r in results if r.status is s) for s in protocol.RecordStatus}
        log.info("batch from %s: %d accepted, %d duplicate, %d refused", device.device_id,
                 counts[protocol.RecordStatus.ACCEPTED], counts[protocol.RecordStatus.DUPLICATE],
                 counts[protocol.RecordStatus.REFUSED])
        return BatchOut(
            protocol_version=protocol.PROTOCOL_VERSION, batch_id=body.batch_id,
            results=[RecordResultOut(idempotency_key=_printable(r.idempotency_key), status=r.status,
                                     reason=r.reason) for r in results],
            accepted=counts[protocol.RecordStatus.ACCEPTED],
            duplicate=counts[protocol.RecordStatus.DUPLICATE],
            refused=counts[protocol.RecordStatus.REFUSED],
        )

    return app


DB_ENV = "HMIS_INTAKE_SERVER_DB"


def create_app_from_url(url: str) -> FastAPI:
    engine = storage.open_engine(url)
    storage.create_schema(engine)
    return create_app(engine)


def app_from_environment() -> FastAPI:
    """The factory each uvicorn worker process calls (``serve --workers N``)."""
    import os

    return create_app_from_url(os.environ[DB_ENV])

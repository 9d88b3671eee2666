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

import json
import logging
from collections.abc import Callable
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from sync import protocol
from sync.protocol import (
    BatchRequest,
    BatchResult,
    DeviceInfo,
    Enrollment,
    EnrollmentRequest,
    ErrorReply,
    GrantRefusalReply,
    Health,
    RoleGrant,
    RoleGrantRedemption,
    SessionReport,
    SessionsReply,
)
from sync.server import role_grants, sessions, storage

log = logging.getLogger("hmis_intake.server")

MAX_BODY_BYTES = protocol.MAX_BATCH_BODY_BYTES


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> HTTPException:
    return HTTPException(status_code=status, detail=detail, headers=headers)


def _refusal(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    # Connection: close, so the server stops reading a body it refused without reading.
    return JSONResponse({"detail": detail}, status, headers={"Connection": "close", **(headers or {})})


_DEVICE_PATHS = (protocol.BATCHES_PATH, protocol.DEVICE_PATH, protocol.ROLE_GRANTS_PATH, protocol.SESSIONS_PATH)
_UNAUTHENTICATED = "The device credential is missing or not valid; enroll the device again."
_REVOKED = "This device was revoked by the server's administrator."
_TOO_LARGE = "The request body is too large."


class _Gate:
    """Authenticate, then read a bounded body, before the application sees the request.

    * device paths (``/v1/device``, ``/v1/batches``, ``/v1/role-grants``, ``/v1/sessions``): the
      ``Authorization`` header is checked first; a missing, wrong or revoked credential is answered 401/403 and
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
        if path in _DEVICE_PATHS and \
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


# Every error the API answers is an ErrorReply, the 422 of a request of the wrong shape
# included (its handler below replaces FastAPI's own), and the document says so.
_INVALID: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorReply, "description": "The request does not have the shape this API expects."},
    413: {"model": ErrorReply, "description": "The request body is too large."},
}
_AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    **_INVALID,
    401: {"model": ErrorReply, "description": "Missing or wrong device credential."},
    403: {"model": ErrorReply, "description": "The device was revoked."},
}


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(storage.printable(str(part)) for part in loc)[:120]


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


def _add_staff_routes(app: FastAPI, engine: Engine,
                      current_device: Callable[..., storage.AuthenticatedDevice]) -> None:
    """The device paths about the device's staff rather than its records: who is signed
    in (MO-PWD-6) and the HMIS Lead's role grants (VT-2.1-4)."""
    Device = Annotated[storage.AuthenticatedDevice, Depends(current_device)]

    @app.post(protocol.SESSIONS_PATH, response_model=SessionsReply, responses={**_AUTH_RESPONSES,
              400: {"model": ErrorReply}})
    def report_session(body: SessionReport, device: Device) -> SessionsReply:
        """MO-PWD-6 (A25): the device's signed-in user; the same user's live sessions on
        the agency's other devices come back, and the overlap is kept for the admin."""
        if body.protocol_version != protocol.PROTOCOL_VERSION:
            raise _error(400, f"This server speaks sync protocol version {protocol.PROTOCOL_VERSION}.")
        found = sessions.report(engine, device.agency, device.device_id, body.user, body.state, body.live_minutes)
        if found.elsewhere:
            log.warning("a user of device %s is also signed in on %d other device(s)", device.device_id,
                        len(found.elsewhere))
        return SessionsReply(elsewhere=found.elsewhere)

    @app.post(protocol.ROLE_GRANTS_PATH, response_model=RoleGrant,
              responses={**_AUTH_RESPONSES, 400: {"model": ErrorReply},
                         403: {"model": GrantRefusalReply | ErrorReply,
                               "description": "The grant code is not valid for the device's agency, was used, "
                               "expired or names another user or role (with its reason), or the device was "
                               "revoked."}})
    def redeem_role_grant(body: RoleGrantRedemption, device: Device) -> RoleGrant | JSONResponse:
        # VT-2.1-4: a role above what the agency gives comes from the HMIS Lead.
        if body.protocol_version != protocol.PROTOCOL_VERSION:
            raise _error(400, f"This server speaks sync protocol version {protocol.PROTOCOL_VERSION}.")
        try:
            grant = role_grants.redeem_role_grant(engine, body.code, device, body.username, body.role)
        except role_grants.GrantRefused as exc:
            log.warning("role grant refused for device %s (%s)", device.device_id, exc.reason.value)
            return JSONResponse(GrantRefusalReply(detail=str(exc), reason=exc.reason).model_dump(mode="json"), 403)
        log.info("role grant %s redeemed by device %s", grant.grant_id, device.device_id)
        return RoleGrant(grant_id=grant.grant_id, agency=grant.agency, username=grant.username, role=grant.role,
                         issued_at=grant.issued_at, protocol_version=protocol.PROTOCOL_VERSION)


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

    @app.get(protocol.HEALTH_PATH, response_model=Health,
             responses={503: {"model": ErrorReply}})
    def health() -> Health | JSONResponse:
        try:
            storage.check_database(engine)
        except Exception:
            log.error("health check: database unavailable")
            return JSONResponse({"detail": "The server's database is unavailable."}, 503)
        return Health(status="ok", protocol_version=protocol.PROTOCOL_VERSION, server_version=__version__)

    @app.post(protocol.ENROLLMENTS_PATH, response_model=Enrollment, status_code=201,
              responses={**_INVALID, 400: {"model": ErrorReply}, 403: {"model": ErrorReply}})
    def enroll(body: EnrollmentRequest) -> Enrollment:
        if body.protocol_version != protocol.PROTOCOL_VERSION:
            raise _error(400, f"This server speaks sync protocol version {protocol.PROTOCOL_VERSION}.")
        try:
            issued = storage.redeem_code(engine, body.code, body.device_name, body.app_version)
        except storage.EnrollmentRefused as exc:
            raise _error(403, str(exc)) from exc
        log.info("device enrolled: %s", issued.device_id)
        return Enrollment(device_id=issued.device_id, device_secret=issued.secret,
                             agency=issued.agency, protocol_version=protocol.PROTOCOL_VERSION)

    @app.get(protocol.DEVICE_PATH, response_model=DeviceInfo, responses=_AUTH_RESPONSES)
    def whoami(device: Device) -> DeviceInfo:
        return DeviceInfo(device_id=device.device_id, agency=device.agency, name=device.name,
                         protocol_version=protocol.PROTOCOL_VERSION)

    @app.post(protocol.BATCHES_PATH, response_model=BatchResult,
              responses={**_AUTH_RESPONSES, 400: {"model": ErrorReply},
                         409: {"model": ErrorReply, "description": "A concurrent request holds "
                               "some of these keys; retry the same batch."}})
    def post_batch(body: BatchRequest, device: Device) -> Response:
        if body.protocol_version != protocol.PROTOCOL_VERSION:
            raise _error(400, f"This server speaks sync protocol version {protocol.PROTOCOL_VERSION}.")
        head = (body.audit_head.seq, body.audit_head.hash) if body.audit_head is not None else None
        try:
            results = storage.apply_batch(engine, device.device_id, body.batch_id, body.records,
                                          agency=device.agency, audit_head=head)
        except storage.ConcurrentBatch as exc:
            raise _error(409, "Another request is applying some of these records; retry the batch.") from exc
        except storage.AuditChainWentBack as exc:
            log.warning("batch from %s refused: its audit chain went backwards", device.device_id)
            raise _error(403, str(exc)) from exc
        reply = BatchResult(protocol_version=protocol.PROTOCOL_VERSION, batch_id=body.batch_id,
                            results=tuple(results))
        log.info("batch from %s: %d accepted, %d duplicate, %d refused", device.device_id,
                 reply.accepted, reply.duplicate, reply.refused)
        # Serialised by the model itself in one pass (response_model above gives the schema).
        return Response(reply.model_dump_json(), media_type="application/json")

    _add_staff_routes(app, engine, current_device)
    return app


DB_ENV = "HMIS_INTAKE_SERVER_DB"


DOCS_ENV = "HMIS_INTAKE_SERVER_API_DOCS"


def create_app_from_url(url: str, api_docs: bool = False) -> FastAPI:
    engine = storage.open_engine(url)
    storage.create_schema(engine)
    return create_app(engine, api_docs)


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document, generated from the wire models in ``sync.protocol``
    (no database is opened). ``docs/sync-openapi.json`` is this, committed;
    ``hmis-intake-server openapi`` prints it."""
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        return create_app(engine, api_docs=True).openapi()
    finally:
        engine.dispose()


def openapi_text() -> str:
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n"


def app_from_environment() -> FastAPI:
    """The factory each uvicorn worker process calls (``serve --workers N``)."""
    import os

    return create_app_from_url(os.environ[DB_ENV], os.environ.get(DOCS_ENV) == "1")

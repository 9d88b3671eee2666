"""HTTP to the central server with ``requests``: TLS verified always, errors as sentences.

Plain ``http`` is accepted only for loopback addresses (tests, a hub on the same
machine); anything else must be ``https`` with certificate verification (S11). There
is no switch that turns verification off: a certificate problem stops the sync with
a message and sends nothing.
"""

from __future__ import annotations

import ipaddress
import platform
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter

from app import __version__
from sync import protocol
from sync.errors import (
    AuthRefused,
    BatchRejected,
    CertificateProblem,
    EnrollmentFailed,
    GrantRefused,
    InsecureServer,
    ProtocolMismatch,
    ServerUnavailable,
    SyncError,
)
from sync.outgoing import OutgoingBatch
from sync.protocol import (
    BatchRequest,
    BatchResult,
    DeviceCredential,
    DeviceInfo,
    Enrollment,
    EnrollmentRequest,
    ErrorReply,
    GrantRefusalReply,
    Health,
    MalformedReply,
    ReplyNotJson,
    RoleGrant,
    RoleGrantRedemption,
    SessionReport,
    SessionsReply,
    parse_reply,
)

DEFAULT_TIMEOUT = (5.0, 60.0)  # connect, read (seconds)

_R = TypeVar("_R", bound=BaseModel)


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """The URL to use (no trailing slash), or InsecureServer with the reason."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        raise InsecureServer("The server address is not a valid URL; write it as https://host[:port].") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise InsecureServer("The server address must start with https:// and name a host.")
    if parts.username or parts.password:
        raise InsecureServer("The server address must not contain a user name or password.")
    if parts.query or parts.fragment:
        raise InsecureServer("The server address must not contain a query or fragment.")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InsecureServer(
            "Plain http is allowed only to this computer (127.x, localhost, [::1]); "
            "use https:// for the server."
        )
    return text.rstrip("/")


class _TLSAdapter(HTTPAdapter):
    """TLS 1.2 at least, whatever the platform's default (S11)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_minimum_version"] = ssl.TLSVersion.TLSv1_2
        super().init_poolmanager(*args, **kwargs)


@dataclass(frozen=True)
class Sent:
    result: BatchResult
    bytes_sent: int
    bytes_received: int


class Transport:
    """One server, one ``requests`` session (connection reuse across batches)."""

    def __init__(self, server_url: str, ca_file: Path | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 session: requests.Session | None = None) -> None:
        self.server_url = check_server_url(server_url)
        self.timeout = timeout
        self.verify: bool | str = True
        if ca_file is not None:
            path = Path(ca_file).expanduser()
            if not path.is_file():
                raise CertificateProblem(f"The CA file {path.name} does not exist or is not a file.")
            self.verify = str(path)
        self.session = session or requests.Session()
        self.session.mount("https://", _TLSAdapter())
        self.session.headers["User-Agent"] = f"hmis-intake/{__version__} ({platform.system()})"
        self.session.headers["Accept"] = "application/json"
        # What requests reads from the environment on every request (the proxies for this
        # server, and with no CA file the bundle REQUESTS_CA_BUNDLE names) is read once
        # here instead: the server does not change within a transport, and reading it at
        # every batch was a good share of the device's work per request. A .netrc is not
        # read at all: its password would have replaced the device's credential.
        self.proxies: dict[str, str] = {}
        if self.session.trust_env:
            found = self.session.merge_environment_settings(self.server_url, {}, None, self.verify, None)
            self.proxies, self.verify = dict(found["proxies"]), found["verify"]
            self.session.trust_env = False

    def close(self) -> None:
        self.session.close()

    def _host(self) -> str:
        return urlsplit(self.server_url).netloc

    def _request(self, method: str, path: str, body: bytes | None = None,
                 credential: DeviceCredential | None = None) -> requests.Response:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if credential is not None:
            headers["Authorization"] = credential.header()
        try:
            return self.session.request(
                method, self.server_url + path, data=body, headers=headers, proxies=self.proxies,
                timeout=self.timeout, verify=self.verify, allow_redirects=False,
            )
        except requests.exceptions.SSLError as exc:
            raise CertificateProblem(
                f"The server {self._host()} did not present a certificate this device trusts, so "
                "nothing was sent; if the agency uses its own CA, give its certificate with --ca-file."
            ) from exc
        except requests.exceptions.Timeout as exc:
            raise ServerUnavailable(f"The server {self._host()} did not answer in time.") from exc
        except requests.exceptions.ConnectionError as exc:
            raise ServerUnavailable(f"The server {self._host()} could not be reached or closed the "
                                    "connection.") from exc
        except requests.exceptions.RequestException as exc:
            raise ServerUnavailable(f"The request to {self._host()} failed ({type(exc).__name__}).") from exc

    def _reply(self, model: type[_R], response: requests.Response, what: str, *,
               not_understood: type[SyncError] = ServerUnavailable, reply: str = "reply") -> _R:
        """The reply body validated as ``model`` in one pass (pydantic, from the bytes); a
        body of the wrong shape raises ``not_understood`` naming the first wrong field."""
        try:
            return parse_reply(model, response.content, what)
        except ReplyNotJson as exc:
            raise ServerUnavailable(f"The server {self._host()} sent a reply that is not valid JSON.") from exc
        except MalformedReply as exc:
            raise not_understood(f"The server's {reply} was not understood ({exc}).") from exc

    def _detail(self, response: requests.Response) -> str:
        try:
            detail = ErrorReply.model_validate_json(response.content).detail
        except ValidationError:
            return ""
        return detail if len(detail) < 300 else ""

    def _raise_for_status(self, response: requests.Response, rejected: type[Exception]) -> None:
        status = response.status_code
        if status < 300:
            return
        detail = self._detail(response)
        if status == 401:
            raise AuthRefused("The server did not accept this device's credential; enroll the device again.")
        if status == 403:
            raise AuthRefused(detail or "The server refused this device (it may have been revoked).")
        if status == 400:
            raise ProtocolMismatch(detail or "The server did not understand this app's request; update the app.")
        if status in (413, 422):
            raise rejected(detail or f"The server rejected the request as malformed (HTTP {status}).")
        if 300 <= status < 400:
            raise ServerUnavailable(f"The server {self._host()} redirected the request; check the server address.")
        raise ServerUnavailable(f"The server {self._host()} answered HTTP {status}.", status=status)

    def health(self) -> Health:
        response = self._request("GET", protocol.HEALTH_PATH)
        self._raise_for_status(response, ServerUnavailable)
        return self._reply(Health, response, "health reply")

    def enroll(self, code: str, device_name: str) -> Enrollment:
        try:
            request = EnrollmentRequest(code=code, device_name=device_name, app_version=__version__)
        except ValidationError as exc:
            where = ", ".join(str(e["loc"][0]) for e in exc.errors(include_input=False) if e["loc"])
            raise EnrollmentFailed(f"The enrollment request cannot be sent: its {where or 'content'} is empty, "
                                   "too long or has control characters.") from exc
        response = self._request("POST", protocol.ENROLLMENTS_PATH, request.model_dump_json().encode())
        if response.status_code in (403, 422):
            detail = self._detail(response)
            raise EnrollmentFailed(detail or "The server refused the enrollment code.")
        self._raise_for_status(response, EnrollmentFailed)
        return self._reply(Enrollment, response, "enrollment reply", not_understood=EnrollmentFailed,
                           reply="enrollment reply")

    def whoami(self, credential: DeviceCredential) -> DeviceInfo:
        response = self._request("GET", protocol.DEVICE_PATH, credential=credential)
        self._raise_for_status(response, ServerUnavailable)
        return self._reply(DeviceInfo, response, "device reply")

    def redeem_role_grant(self, request: RoleGrantRedemption, credential: DeviceCredential) -> RoleGrant:
        """Spend the HMIS Lead's grant code (VT-2.1-4); a refusal is the server's sentence."""
        response = self._request("POST", protocol.ROLE_GRANTS_PATH, request.model_dump_json().encode(), credential)
        if response.status_code == 403:
            refused = self._detail(response) or "The HMIS Lead's server refused the grant code."
            try:
                reason = GrantRefusalReply.model_validate_json(response.content).reason.value
            except ValidationError:  # a revoked device, or a server that gives no reason
                reason = ""
            raise GrantRefused(refused, reason)
        self._raise_for_status(response, ProtocolMismatch)
        return self._reply(RoleGrant, response, "role grant reply")

    def send_batch(self, batch: BatchRequest | OutgoingBatch, credential: DeviceCredential) -> Sent:
        body = batch.encode()
        response = self._request("POST", protocol.BATCHES_PATH, body, credential)
        self._raise_for_status(response, BatchRejected)
        result = self._reply(BatchResult, response, "batch reply")
        if result.batch_id != batch.batch_id:
            raise ServerUnavailable("The server's reply was for a different batch.")
        return Sent(result, len(body), len(response.content))

    def report_session(self, report: SessionReport, credential: DeviceCredential) -> SessionsReply:
        """MO-PWD-6: tell the server which user is signed in here; the same user's live
        sessions on the agency's other devices come back."""
        response = self._request("POST", protocol.SESSIONS_PATH, report.model_dump_json().encode(), credential)
        self._raise_for_status(response, ServerUnavailable)
        return self._reply(SessionsReply, response, "session reply")

"""Property-based tests of the API from its own OpenAPI document: malformed requests of
every shape get a 4xx, never a 500. Bounded to a few examples per operation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from sync_support import ThreadServer, new_code

from sync.server import storage
from sync.transport import Transport


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ThreadServer, str]]:
    folder: Path = tmp_path_factory.mktemp("openapi")
    engine = storage.open_engine(f"sqlite:///{folder / 'server.db'}")
    storage.create_schema(engine)
    server = ThreadServer(engine, api_docs=True)
    credential = Transport(server.url).enroll(new_code(engine), "fuzz-device").credential
    yield server, credential.header()
    server.stop()
    engine.dispose()


@dataclass(frozen=True)
class _Seen:
    status: int


OPERATIONS = [("GET", "/v1/health"), ("POST", "/v1/enrollments"), ("GET", "/v1/device"),
              ("POST", "/v1/batches"), ("POST", "/v1/sessions")]
BOUNDED = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                   suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("with_credential", [False, True], ids=["no-credential", "credential"])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_server_errors(api: tuple[ThreadServer, str], method: str, path: str, with_credential: bool) -> None:
    server, authorization = api
    loaded = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operation = loaded[path][method]
    headers = {"Authorization": authorization} if with_credential else None
    calls: list[_Seen] = []

    # Both requests that fit the schema and requests that break it (negative mode).
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                      operation.as_strategy(GenerationMode.NEGATIVE))

    @given(case=cases)
    @BOUNDED
    def check(case: schemathesis.Case) -> None:
        response = case.call_and_validate(headers=headers, checks=[not_a_server_error], timeout=10)
        calls.append(_Seen(response.status_code))

    check()
    assert calls, "schemathesis generated no requests"
    statuses = {c.status for c in calls}
    assert statuses and all(s < 500 for s in statuses)

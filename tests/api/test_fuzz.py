"""Property-based requests from the OpenAPI schema itself (schemathesis, in-process over ASGI).

Valid and invalid values for every parameter of every operation: the API must
never answer 5xx, and every answer must match the status codes, content types
and response schemas it documents. Examples per operation are bounded so the
whole run stays well under a minute.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import BaseSchema, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.conftest import INGEST_TOKEN
from detente.api import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
FUZZ_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)


@pytest.fixture(scope="session")
def read_only_schema(curated_db: Path) -> BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(curated_db))


@pytest.fixture(scope="session")
def ingest_schema(curated_db: Path, tmp_path_factory: pytest.TempPathFactory) -> BaseSchema:
    """An ingest-enabled app over its own copy, so posted articles never reach other tests' data."""
    copy = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    with closing(sqlite3.connect(curated_db)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)  # consistent even while WAL readers are open
    app = create_app(copy, ingest_token=INGEST_TOKEN)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


READ_OPERATIONS = [
    "/api/events",
    "/api/events/{event_id}",
    "/api/people",
    "/api/people/{key}",
    "/api/offices",
    "/api/dyads",
    "/api/partners/{country}",
    "/api/timeline",
    "/api/dyad-years",
    "/api/places",
    "/api/sites",
    "/api/locations",
    "/api/placement",
    "/api/network",
    "/api/events/{event_id}/related",
    "/api/events.csv",
    "/api/events.json",
    "/api/events.parquet",
    "/api/search",
    "/api/stats",
]
#: Operations with a parameter that can be sent wrong (a bound, an enum, a pattern, a required
#: one): the others take only an id or nothing, so no request to them is invalid by the schema.
CONSTRAINED = {
    "/api/events",
    "/api/people",
    "/api/people/{key}",
    "/api/offices",
    "/api/dyads",
    "/api/partners/{country}",
    "/api/timeline",
    "/api/search",
    "/api/sites",
    "/api/locations",
    "/api/placement",
    "/api/network",
    "/api/events.csv",
    "/api/events.json",
    "/api/events.parquet",
}
CASES = [(path, GenerationMode.POSITIVE) for path in READ_OPERATIONS] + [
    (path, GenerationMode.NEGATIVE) for path in READ_OPERATIONS if path in CONSTRAINED
]
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


def fuzz(operation: APIOperation, mode: GenerationMode, **kwargs: object) -> list[int]:
    """Run bounded examples of one operation; returns the status codes seen."""
    seen: list[int] = []

    @FUZZ_SETTINGS
    @given(case=operation.as_strategy(generation_mode=mode, **kwargs))
    def run(case: Case) -> None:
        seen.append(case.call_and_validate(checks=CHECKS).status_code)

    run()
    return seen


def test_every_read_operation_is_fuzzed(read_only_schema: BaseSchema) -> None:
    documented = {path for path, item in read_only_schema.raw_schema["paths"].items() if "get" in item}
    assert documented == set(READ_OPERATIONS)


@pytest.mark.parametrize(("path", "mode"), CASES, ids=[f"{path}-{mode}" for path, mode in CASES])
def test_read_operation_never_fails_and_matches_its_schema(
    read_only_schema: BaseSchema, path: str, mode: GenerationMode
) -> None:
    fuzz(read_only_schema[path]["GET"], mode)


@pytest.mark.parametrize("mode", MODES, ids=str)
def test_ingest_without_the_token_is_refused_in_schema(
    ingest_schema: BaseSchema, mode: GenerationMode
) -> None:
    statuses = fuzz(ingest_schema["/api/ingest"]["POST"], mode)
    assert set(statuses) <= {401, 403}


@pytest.mark.parametrize("mode", MODES, ids=str)
def test_ingest_with_the_token_never_fails(ingest_schema: BaseSchema, mode: GenerationMode) -> None:
    auth = {"Authorization": f"Bearer {INGEST_TOKEN}"}
    statuses = fuzz(ingest_schema["/api/ingest"]["POST"], mode, headers=auth)
    assert set(statuses) <= {200, 413, 422}

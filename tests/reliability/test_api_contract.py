"""schemathesis on every API operation: no 5xx ever, and no 4xx for a request the schema allows.

Defect 8 of issue 13: requests valid under `/openapi.json` got 422 (`/api/search?q=`,
`/api/timeline?dyad=c&country=TJK`, unknown country codes, blank names, year 0000,
`since` after `until`). The schema now states each constraint the endpoints enforce.
Positive cases must be answered 2xx (404 where an id names nothing); negative cases
must never be a 5xx and must match the documented responses.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import BaseSchema, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from tests.api.corpus import build_curated_db

from detente.api import create_app

INGEST_TOKEN = "contract-token"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: Operations that name one record: a well-formed id of no record is a 404, as documented.
ITEM_OPERATIONS = {"/api/events/{event_id}", "/api/events/{event_id}/related", "/api/people/{key}"}
AUTH = {"Authorization": f"Bearer {INGEST_TOKEN}"}


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,  # the same cases every run: CI is reproducible
        suppress_health_check=list(HealthCheck),
    )


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> BaseSchema:
    """An ingest-enabled app (every operation exists) over its own copy of the curated database."""
    curated = build_curated_db(tmp_path_factory.mktemp("contract") / "curated.db")
    copy = curated.with_name("contract.db")
    with closing(sqlite3.connect(curated)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(copy, ingest_token=INGEST_TOKEN))


def _operations(schema: BaseSchema) -> list[tuple[str, str]]:
    return [(path, method.upper()) for path, item in schema.raw_schema["paths"].items() for method in item]


def _run(schema: BaseSchema, path: str, method: str, mode: GenerationMode, examples: int) -> list[int]:
    operation = schema[path][method]
    headers = AUTH if method == "POST" else None
    seen: list[int] = []

    @_settings(examples)
    @given(case=operation.as_strategy(generation_mode=mode, headers=headers))
    def run(case: Case) -> None:
        response = case.call_and_validate(checks=CHECKS, headers=headers)
        seen.append(response.status_code)
        if mode is GenerationMode.POSITIVE:
            allowed = {404} if path in ITEM_OPERATIONS else set()
            assert response.status_code < 300 or response.status_code in allowed, (
                f"{method} {path}: a request the schema allows was answered {response.status_code}: "
                f"{case.path_parameters} {case.query} {str(case.body)[:200]} -> {response.text[:300]}"
            )

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE:
            raise
        # no request to it is invalid under its schema (it takes no parameters, or only free text)
    return seen


def test_every_operation_is_covered(schema: BaseSchema) -> None:
    assert len(_operations(schema)) == 21
    assert ("/api/ingest", "POST") in _operations(schema)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_no_read_operation_fails_or_refuses_what_its_schema_allows(
    schema: BaseSchema, mode: GenerationMode
) -> None:
    for path, method in _operations(schema):
        if method == "GET":
            statuses = _run(
                schema, path, method, mode, examples=60 if mode is GenerationMode.POSITIVE else 30
            )
            assert all(status < 500 for status in statuses)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_ingest_never_fails_or_refuses_what_its_schema_allows(
    schema: BaseSchema, mode: GenerationMode
) -> None:
    statuses = _run(schema, "/api/ingest", "POST", mode, examples=25)
    assert set(statuses) <= ({200} if mode is GenerationMode.POSITIVE else {200, 413, 422})

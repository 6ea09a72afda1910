"""/api/docs works offline: every endpoint and parameter, rendered on the server, nothing fetched."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_dataset import Dataset

from detente.web.api_reference import endpoints, type_label


@pytest.fixture(scope="module")
def api_client(dataset: Dataset) -> Iterator[TestClient]:
    api = pytest.importorskip("detente.api", reason="detente.api is not built yet")
    with TestClient(api.create_app(dataset.path, ingest_token="t0ken")) as client:
        yield client


def test_every_operation_and_parameter_is_listed(api_client: TestClient) -> None:
    page = api_client.get("/api/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    schema = api_client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert f"{method.upper()} {path}" in page.text
            for parameter in operation.get("parameters", []):
                assert f"<code>{parameter['name']}</code>" in page.text
    assert "POST /api/ingest" in page.text


def test_the_page_loads_nothing_from_elsewhere(api_client: TestClient) -> None:
    page = api_client.get("/api/docs").text
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert "script-src 'self'" in api_client.get("/api/docs").headers["content-security-policy"]


@pytest.mark.parametrize(
    ("schema", "label"),
    [
        ({"anyOf": [{"type": "integer", "minimum": 1, "maximum": 500}, {"type": "null"}]}, "integer 1–500"),
        ({"type": "array", "items": {"enum": ["occurred", "planned"]}}, "list of occurred | planned"),
        ({"type": "integer", "minimum": 0}, "integer ≥ 0"),
        ({"type": "string", "format": "date"}, "date"),
        ({}, "any"),
    ],
)
def test_type_labels_read_like_prose(schema: dict, label: str) -> None:
    assert type_label(schema) == label


def test_an_empty_schema_has_no_endpoints() -> None:
    assert endpoints({}) == []

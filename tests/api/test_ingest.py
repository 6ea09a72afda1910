"""POST /api/ingest: only with a token, only for the right bearer, and it really runs the pipeline."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.conftest import INGEST_TOKEN
from detente.api import create_app
from detente.api.routes import ingest as ingest_route

AUTH = {"Authorization": f"Bearer {INGEST_TOKEN}"}

NAVAL_EXERCISE = (
    "KARACHI, March 4, 2025: The navies of Pakistan and Turkey began a joint naval exercise in the"
    " Arabian Sea on Tuesday, the Pakistan Navy said in a statement. Pakistan's Chief of the Naval"
    " Staff Admiral Kamran Aslam met the visiting Turkish Naval Forces Commander in Karachi and the"
    " two sides pledged to deepen maritime security cooperation."
)
PEACEKEEPING = (
    "NAIROBI, 12 May 2025: Kenya and Rwanda signed a memorandum of understanding on peacekeeping"
    " training in Nairobi on Monday, the Kenyan defence ministry said."
)


def _pipeline_missing() -> str | None:
    try:
        import detente.pipeline  # noqa: F401
    except ImportError as exc:
        return f"detente.pipeline cannot be imported yet: {exc}"
    return None


needs_pipeline = pytest.mark.skipif(_pipeline_missing() is not None, reason=str(_pipeline_missing()))


@pytest.fixture
def ingest_client(tmp_path: Path) -> Iterator[TestClient]:
    """An ingest-enabled app over a database that does not exist yet (the factory creates it)."""
    with TestClient(create_app(tmp_path / "fresh.db", ingest_token=INGEST_TOKEN)) as client:
        yield client


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401),
        ({"Authorization": "Bearer"}, 401),
        ({"Authorization": "Bearer wrong-token"}, 403),
        ({"Authorization": f"Bearer {INGEST_TOKEN[:-1]}"}, 403),
        ({"Authorization": f"Bearer {INGEST_TOKEN}x"}, 403),
        ({"Authorization": "Bearer t\u00f6ken".encode()}, 403),
    ],
)
def test_token_rules(ingest_client: TestClient, headers: dict[str, str | bytes], status: int) -> None:
    response = ingest_client.post("/api/ingest", json={"articles": [{"text": PEACEKEEPING}]}, headers=headers)
    assert response.status_code == status, response.text
    assert response.json()["detail"]
    assert INGEST_TOKEN not in response.text
    if status == 401:
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert ingest_client.get("/api/stats").json()["articles"] == 0, "a refused request stores nothing"


def test_an_empty_token_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="ingest_token"):
        create_app(tmp_path / "x.db", ingest_token="")


def test_openapi_documents_the_bearer_scheme_and_both_bodies(ingest_client: TestClient) -> None:
    schema = ingest_client.get("/openapi.json").json()
    operation = schema["paths"]["/api/ingest"]["post"]
    assert operation["security"] == [{"HTTPBearer": []}]
    assert set(operation["requestBody"]["content"]) == {"application/json", "text/plain"}
    assert {"401", "403", "422"} <= set(operation["responses"])
    assert "IngestRequest" in schema["components"]["schemas"]


@pytest.mark.parametrize(
    ("body", "parameter", "reason_has"),
    [
        ({}, "articles", "required"),
        ({"articles": []}, "articles", "at least 1"),
        ({"articles": [{"title": "no text"}]}, "articles[0].text", "required"),
        ({"articles": [{"text": "   "}]}, "articles[0].text", "blank"),
        ({"articles": [{"text": "x", "publisher": "?"}]}, "articles[0].publisher", "not permitted"),
        ({"articles": [{"text": "x", "published": "soon"}]}, "articles[0].published", "date"),
        ({"articles": "all of them"}, "articles", "valid array"),
    ],
)
def test_bad_json_bodies_are_422s_naming_the_field(
    ingest_client: TestClient, body: object, parameter: str, reason_has: str
) -> None:
    response = ingest_client.post("/api/ingest", json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    problem = response.json()["errors"][0]
    assert (problem["parameter"], problem["location"]) == (parameter, "body")
    assert reason_has in problem["reason"]


def test_malformed_json_and_bad_raw_text_are_422s(ingest_client: TestClient) -> None:
    json_headers = {**AUTH, "Content-Type": "application/json"}
    broken = ingest_client.post("/api/ingest", content=b'{"articles": [', headers=json_headers)
    assert broken.status_code == 422
    assert "JSON" in broken.json()["detail"]
    text_headers = {**AUTH, "Content-Type": "text/plain"}
    latin1 = ingest_client.post("/api/ingest", content="Défense".encode("latin-1"), headers=text_headers)
    assert latin1.status_code == 422
    assert "UTF-8" in latin1.json()["detail"]
    blank = ingest_client.post("/api/ingest", content=b"  \n ", headers=text_headers)
    assert blank.status_code == 422
    bad_date = ingest_client.post(
        "/api/ingest", content=PEACEKEEPING.encode(), headers=text_headers, params={"published": "May"}
    )
    assert bad_date.status_code == 422
    problem = bad_date.json()["errors"][0]
    assert (problem["parameter"], problem["location"]) == ("published", "query")


def test_oversized_body_is_a_413(ingest_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_route, "MAX_BODY_BYTES", 100)
    response = ingest_client.post(
        "/api/ingest", content=PEACEKEEPING.encode(), headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert response.status_code == 413
    assert "100" in response.json()["detail"]


@needs_pipeline
def test_json_ingest_runs_the_pipeline_and_is_idempotent(ingest_client: TestClient) -> None:
    body = {
        "articles": [
            {
                "doc_id": "karachi-exercise",
                "text": NAVAL_EXERCISE,
                "title": "Pakistan, Turkey navies exercise",
                "published": "2025-03-04",
                "source_name": "Harbour Gazette",
            }
        ]
    }
    first = ingest_client.post("/api/ingest", json=body, headers=AUTH)
    assert first.status_code == 200, first.text
    summary = first.json()
    assert (summary["read"], summary["duplicates"], summary["failed"]) == (1, 0, 0)
    assert summary["events"] >= 1
    events = ingest_client.get("/api/events", params={"dyad": "PAK,TUR"}).json()
    assert events["total"] >= 1
    detail = ingest_client.get(f"/api/events/{events['items'][0]['event_id']}").json()
    assert detail["sources"][0]["doc_id"] == "karachi-exercise"
    assert detail["sources"][0]["outlet"] == "Harbour Gazette"

    again = ingest_client.post("/api/ingest", json=body, headers=AUTH).json()
    assert (again["read"], again["duplicates"], again["events"]) == (1, 1, 0)
    assert ingest_client.get("/api/stats").json()["articles"] == 1


@needs_pipeline
def test_raw_text_ingest_takes_its_metadata_from_the_query(ingest_client: TestClient) -> None:
    response = ingest_client.post(
        "/api/ingest",
        content=PEACEKEEPING.encode(),
        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"},
        params={"title": "Kenya, Rwanda sign MoU", "published": "2025-05-12", "source_name": "Lake Post"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["read"] == 1
    hits = ingest_client.get("/api/search", params={"q": "peacekeeping"}).json()
    article = next(hit for hit in hits if hit["kind"] == "article")
    assert article["id"].startswith("api-")
    assert (article["title"], article["date"]) == ("Kenya, Rwanda sign MoU", "2025-05-12")


def test_ingest_without_a_loadable_pipeline_is_a_503(
    ingest_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "detente.pipeline", None)  # makes `import detente.pipeline` fail
    response = ingest_client.post("/api/ingest", json={"articles": [{"text": PEACEKEEPING}]}, headers=AUTH)
    assert response.status_code == 503
    assert "ingest is unavailable" in response.json()["detail"]

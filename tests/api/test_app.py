"""The app as a whole: its OpenAPI document, the optional dashboard, start-up checks, a real server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.corpus import EVENT_IDS
from detente.api import create_app


def test_openapi_types_every_operation(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    api_operations = [
        (path, item["get"]) for path, item in schema["paths"].items() if path.startswith("/api/")
    ]
    downloads = {"/api/events.csv", "/api/events.json", "/api/events.parquet"}
    assert len(api_operations) == 20
    assert len({operation["operationId"] for _, operation in api_operations}) == 20
    assert schema["paths"]["/api/events"]["get"]["operationId"] == "list_events"
    for path, operation in api_operations:
        assert operation.get("summary"), path
        if path in downloads:  # a file, described by its media type
            assert len(operation["responses"]["200"]["content"]) == 1, path
            continue
        ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok or "$ref" in ok.get("items", {}), (path, ok)
        if operation.get("parameters"):
            assert operation["responses"]["422"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorBody"
            }, path
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), (path, parameter["name"])
    event = schema["components"]["schemas"]["Event"]["properties"]
    assert event["type"]["enum"] == [
        "meeting",
        "agreement",
        "pledge",
        "exercise",
        "training",
        "defence_industry",
        "praise",
    ]
    assert event["date_start"]["anyOf"][0] == {"type": "string", "format": "date"}


def test_docs_page_points_at_the_schema(client: TestClient) -> None:
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "/openapi.json" in docs.text


def test_dashboard_is_mounted_when_present(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert client.get("/static/app.js").status_code == 200


def test_api_stands_alone_without_the_dashboard(curated_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "detente.web", None)  # makes `import detente.web` fail
    with TestClient(create_app(curated_db)) as bare:
        assert bare.get("/api/stats").json()["events"] == len(EVENT_IDS)
        assert bare.get("/").status_code == 404


def test_a_missing_database_fails_at_start_not_per_request(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no detente database"):
        create_app(tmp_path / "absent.db")
    with pytest.raises(FileNotFoundError, match="no detente database"):
        create_app(tmp_path)
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("these are not the tables you are looking for " * 200)
    with pytest.raises(ValueError, match="cannot open store"):
        create_app(not_sqlite)


def test_restarted_lifespan_reopens_the_database(curated_db: Path) -> None:
    app = create_app(curated_db)
    for _ in range(2):
        with TestClient(app) as client:
            assert client.get("/api/stats").status_code == 200


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(curated_db: Path) -> str:
    """`serve()` in its own process, as `detente serve` runs it."""
    port = _free_port()
    code = f"from detente.api import serve; serve({str(curated_db)!r}, port={port})"
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/api/stats", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"server did not start: {output}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_answers_over_http(live_server: str) -> None:
    response = httpx.get(f"{live_server}/api/events", params={"dyad": "PAK,TJK"})
    assert response.status_code == 200
    assert response.json()["total"] == 4
    assert httpx.get(f"{live_server}/openapi.json").json()["info"]["title"] == "detente"


def test_concurrent_requests_share_the_database_safely(live_server: str) -> None:
    urls = [
        "/api/events?limit=500",
        "/api/events/ev-talks",
        "/api/people/Gen%20Rahman",
        "/api/network",
        "/api/search?q=exercise",
        "/api/stats",
    ] * 20
    with httpx.Client(base_url=live_server, timeout=30) as http:
        expected = {url: http.get(url).json() for url in set(urls)}
        with ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(lambda url: (url, http.get(url)), urls))
    for url, response in answers:
        assert response.status_code == 200, (url, response.text)
        assert response.json() == expected[url], url

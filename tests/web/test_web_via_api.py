"""The dashboard as the real API app mounts it: `detente.api.create_app` over the same database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_dataset import HOSTILE_SCRIPT, Dataset


@pytest.fixture(scope="module")
def api_client(dataset: Dataset) -> Iterator[TestClient]:
    api = pytest.importorskip("detente.api", reason="detente.api is not built yet")
    with TestClient(api.create_app(dataset.path)) as client:
        yield client


@pytest.mark.parametrize(
    "path",
    ["/", "/events", "/dyad/PAK-TJK", "/event/ev-shield", "/person/per-asif", "/network", "/map"],
)
def test_pages_and_twins_through_the_api_app(api_client: TestClient, path: str):
    page = api_client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    twin = api_client.get("/index.json" if path == "/" else f"{path}.json")
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"


def test_static_files_and_html_errors_through_the_api_app(api_client: TestClient, dataset: Dataset):
    assert api_client.get("/static/app.js").status_code == 200
    missing = api_client.get("/event/no-such-event")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert api_client.get("/event/no-such-event.json").json() == {
        "detail": "event 'no-such-event': no such event"
    }
    hostile = api_client.get(f"/event/{dataset.hostile_id}").text
    assert HOSTILE_SCRIPT not in hostile and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in hostile


def test_dashboard_and_api_agree_on_the_dyad(api_client: TestClient):
    page_ids = {e["event_id"] for e in api_client.get("/dyad/PAK-TJK.json").json()["events"]["items"]}
    api_ids = {e["event_id"] for e in api_client.get("/api/events?dyad=PAK,TJK").json()["items"]}
    assert page_ids == api_ids and len(page_ids) == 4

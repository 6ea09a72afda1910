"""Bad parameters get a 4xx naming the parameter and the reason; never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("url", "params", "parameter", "location", "reason_has"),
    [
        ("/api/events", {"country": "XX"}, "country", "query", "alpha-3"),
        ("/api/events", {"country": "ZZZ"}, "country", "query", "alpha-3"),
        ("/api/events", {"country": ["PAK", "Pakistan"]}, "country", "query", "'Pakistan'"),
        ("/api/events", {"since": "2025-13-01"}, "since", "query", "not a date"),
        ("/api/events", {"until": "last week"}, "until", "query", "not a date"),
        ("/api/events", {"limit": 0}, "limit", "query", "greater than or equal to 1"),
        ("/api/events", {"limit": 501}, "limit", "query", "less than or equal to 500"),
        ("/api/events", {"limit": "many"}, "limit", "query", "integer"),
        ("/api/events", {"offset": -1}, "offset", "query", "greater than or equal to 0"),
        ("/api/events", {"type": "parade"}, "type", "query", "'parade'"),
        ("/api/events", {"status": "rumoured"}, "status", "query", "'rumoured'"),
        ("/api/events", {"dyad": "PAK"}, "dyad", "query", "two different countries"),
        ("/api/events", {"dyad": "PAK,PAK"}, "dyad", "query", "two different countries"),
        ("/api/events", {"dyad": "PAK,XYZ"}, "dyad", "query", "alpha-3"),
        ("/api/events", {"person": "  "}, "person", "query", "blank"),
        ("/api/events", {"q": "..."}, "q", "query", "no words"),
        ("/api/people", {"country": "Pakistan"}, "country", "query", "alpha-3"),
        ("/api/people", {"limit": 10_000}, "limit", "query", "less than or equal to 500"),
        ("/api/people/%20", {}, "key", "path", "blank"),
        ("/api/offices", {"title": "Defence Minister", "country": "PK"}, "country", "query", "alpha-3"),
        ("/api/dyads", {"country": "ABC"}, "country", "query", "alpha-3"),
        ("/api/partners/XX", {}, "country", "path", "alpha-3"),
        ("/api/timeline", {"granularity": "week"}, "granularity", "query", "'month' or 'year'"),
        ("/api/timeline", {"dyad": "PAK;"}, "dyad", "query", "two different countries"),
        ("/api/search", {}, "q", "query", "required"),
        ("/api/search", {"q": "!!!"}, "q", "query", "no words"),
        ("/api/search", {"q": "army", "limit": 0}, "limit", "query", "greater than or equal to 1"),
    ],
)
def test_bad_parameter_is_a_422_naming_it(
    client: TestClient, url: str, params: dict[str, object], parameter: str, location: str, reason_has: str
) -> None:
    response = client.get(url, params=params)
    assert response.status_code == 422, response.text
    body = response.json()
    problem = body["errors"][0]
    assert (problem["parameter"], problem["location"]) == (parameter, location)
    assert reason_has in problem["reason"]
    assert parameter in body["detail"]


def test_unknown_path_and_method_keep_the_error_shape(client: TestClient) -> None:
    missing = client.get("/api/no-such-thing")
    assert missing.status_code == 404
    assert set(missing.json()) == {"detail", "errors"}
    wrong_method = client.delete("/api/events")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["detail"]


def test_read_only_app_has_no_ingest(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"articles": [{"text": "x"}]})
    assert response.status_code in {404, 405}
    assert "/api/ingest" not in client.get("/openapi.json").json()["paths"]


def test_a_since_after_until_is_an_empty_period_not_an_error(client: TestClient) -> None:
    """Each bound is valid, so the request is (OpenAPI cannot state that one must precede the other)."""
    response = client.get("/api/events", params={"since": "2025-05-01", "until": "2025-01-01"})
    assert response.status_code == 200
    assert (response.json()["items"], response.json()["total"]) == ([], 0)


@pytest.mark.parametrize(
    ("path", "empty"),
    [
        ("/api/timeline", []),
        ("/api/sites", []),
        ("/api/locations", []),
        ("/api/network", {"nodes": [], "edges": []}),
    ],
)
def test_every_filtered_aggregate_reads_a_since_after_until_as_an_empty_period(
    client: TestClient, path: str, empty: object
) -> None:
    """The filters are shared (`EventFilters`), so the aggregates answer the empty period too."""
    response = client.get(path, params={"since": "2025-05", "until": "2025-01", "country": "PAK"})
    assert response.status_code == 200, response.text
    assert response.json() == empty


def test_the_placement_and_downloads_of_an_empty_period_hold_no_event(client: TestClient) -> None:
    bounds = {"since": "2025", "until": "2024"}
    placement = client.get("/api/placement", params=bounds)
    assert placement.status_code == 200 and placement.json()["events"] == 0
    download = client.get("/api/events.csv", params=bounds)
    assert download.status_code == 200 and download.headers["X-Total-Count"] == "0"
    assert len(download.text.strip().splitlines()) == 1  # the header row alone

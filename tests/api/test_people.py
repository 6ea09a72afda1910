"""GET /api/people, /api/people/{key} and /api/offices."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_people_page_counts_events(client: TestClient) -> None:
    page = client.get("/api/people").json()
    assert page["total"] == 2
    by_id = {person["person_id"]: person for person in page["items"]}
    assert by_id["p-rahman"]["name"] == "Farid Rahman"
    assert "Gen Rahman" in by_id["p-rahman"]["aliases"]
    assert by_id["p-rahman"]["event_count"] == 2
    assert by_id["p-saidov"]["event_count"] == 1


def test_people_by_country_and_paging(client: TestClient) -> None:
    tajiks = client.get("/api/people", params={"country": "tjk"}).json()
    assert [person["person_id"] for person in tajiks["items"]] == ["p-saidov"]
    second = client.get("/api/people", params={"limit": 1, "offset": 1}).json()
    assert (second["total"], len(second["items"])) == (2, 1)


@pytest.mark.parametrize("key", ["p-rahman", "Gen Rahman", "farid rahman", "General Farid Rahman"])
def test_person_by_id_or_any_name_form(client: TestClient, key: str) -> None:
    response = client.get(f"/api/people/{key}")
    assert response.status_code == 200, response.text
    person = response.json()
    assert person["person_id"] == "p-rahman"
    assert [office["title"] for office in person["offices"]] == ["Chief of Army Staff"]
    assert person["offices"][0]["first_seen"] == "2024-11-20"
    assert {event["event_id"] for event in person["events"]} == {"ev-talks", "ev-mou"}
    assert all(source["text"] is None for event in person["events"] for source in event["sources"])


def test_a_persons_events_are_paged_and_counted(client: TestClient) -> None:
    first = client.get("/api/people/p-rahman", params={"limit": 1}).json()
    second = client.get("/api/people/p-rahman", params={"limit": 1, "offset": 1}).json()
    assert first["event_count"] == second["event_count"] == 2
    assert len(first["events"]) == len(second["events"]) == 1
    assert {first["events"][0]["event_id"], second["events"][0]["event_id"]} == {"ev-talks", "ev-mou"}
    assert client.get("/api/people/p-rahman", params={"limit": 0}).status_code == 422


def test_unknown_person_is_a_404(client: TestClient) -> None:
    response = client.get("/api/people/Nobody%20Known")
    assert response.status_code == 404
    assert "Nobody Known" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "holders"),
    [
        ({"title": "Chief of Army Staff"}, ["p-rahman"]),
        ({"title": "defense minister"}, ["p-saidov"]),
        ({"title": "Defence Minister", "country": "TJK"}, ["p-saidov"]),
        ({"title": "Defence Minister", "country": "PAK"}, []),
        ({"title": "Navy Chief"}, []),
    ],
)
def test_office_holders(client: TestClient, params: dict[str, str], holders: list[str]) -> None:
    response = client.get("/api/offices", params=params)
    assert response.status_code == 200, response.text
    assert [row["person_id"] for row in response.json()] == holders


def test_office_needs_a_title(client: TestClient) -> None:
    for params in ({}, {"title": "   "}):
        response = client.get("/api/offices", params=params)
        assert response.status_code == 422
        assert response.json()["errors"][0]["parameter"] == "title"

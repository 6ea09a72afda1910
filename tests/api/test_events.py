"""GET /api/events and /api/events/{id} over the curated database."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.corpus import EVENT_IDS, TALKS


def ids(client: TestClient, **params: object) -> set[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == len(page["items"]), "the curated corpus fits in one page"
    return {item["event_id"] for item in page["items"]}


def test_listing_is_a_page_of_typed_events(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert set(page) == {"items", "total", "limit", "offset"}
    assert (page["total"], page["limit"], page["offset"]) == (len(EVENT_IDS), 100, 0)
    talks = next(item for item in page["items"] if item["event_id"] == "ev-talks")
    assert talks["type"] == "meeting"
    assert talks["status"] == "occurred"
    assert talks["date_start"] == "2025-03-13"
    assert talks["countries"] == ["PAK", "TJK"]
    assert talks["location_place"] == "Rawalpindi"
    assert talks["latitude"] == pytest.approx(33.6007)
    assert talks["cameo"] == "042"
    assert talks["plover_type"] == "CONSULT"
    assert talks["source_count"] == 2
    assert talks["evidence"] == TALKS
    assert {p["name"] for p in talks["participants"]} == {"Farid Rahman", "Timur Saidov"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "TJK"}, {"ev-talks", "ev-dosti3", "ev-dosti2", "ev-pledge"}),
        ({"country": "tur"}, {"ev-training"}),
        ({"country": ["CHN", "TJK"]}, {"ev-pledge"}),
        ({"country": "CHN,PAK"}, {"ev-mou", "ev-pledge"}),
        ({"dyad": "PAK,CHN"}, {"ev-mou", "ev-pledge"}),
        ({"dyad": "TUR-IDN"}, {"ev-training"}),
        ({"type": "exercise"}, {"ev-dosti3", "ev-dosti2"}),
        ({"type": ["pledge", "training"]}, {"ev-pledge", "ev-training"}),
        ({"status": "planned"}, {"ev-dosti3"}),
        ({"status": "proposed"}, {"ev-pledge"}),
        ({"since": "2025-03-01"}, {"ev-talks", "ev-dosti3"}),
        ({"until": "2024"}, {"ev-dosti2", "ev-mou", "ev-pledge"}),
        ({"since": "2024-11", "until": "2025-01"}, {"ev-mou", "ev-pledge", "ev-training"}),
        ({"since": "2025-01-10", "until": "2025-01-10"}, {"ev-training"}),
        ({"person": "p-saidov"}, {"ev-talks"}),
        ({"person": "Gen Rahman"}, {"ev-talks", "ev-mou"}),
        ({"place": "rawalpindi"}, {"ev-talks"}),
        ({"q": "drone production"}, {"ev-mou"}),
        ({"q": "Dosti-III"}, {"ev-dosti3"}),
        ({"country": "PAK", "type": "exercise", "status": "occurred"}, {"ev-dosti2"}),
        ({"country": "USA"}, set()),
    ],
)
def test_filters(client: TestClient, params: dict[str, object], expected: set[str]) -> None:
    assert ids(client, **params) == expected


def test_paging_walks_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, len(EVENT_IDS), 4):
        page = client.get("/api/events", params={"limit": 4, "offset": offset}).json()
        assert (page["total"], page["limit"], page["offset"]) == (len(EVENT_IDS), 4, offset)
        seen += [item["event_id"] for item in page["items"]]
    assert sorted(seen) == sorted(EVENT_IDS)
    past_the_end = client.get("/api/events", params={"offset": 1000}).json()
    assert past_the_end["items"] == []
    assert past_the_end["total"] == len(EVENT_IDS)


def test_event_detail_has_sources_evidence_codes_and_related(client: TestClient) -> None:
    response = client.get("/api/events/ev-talks")
    assert response.status_code == 200
    event = response.json()
    assert event["event_id"] == "ev-talks"
    assert event["plover_mode"] == "visit"
    assert event["related"] == ["ev-dosti3"]
    sources = {source["doc_id"]: source for source in event["sources"]}
    assert set(sources) == {"rawalpindi-herald", "dushanbe-wire"}
    wire = sources["dushanbe-wire"]
    assert wire["outlet"] == "Dushanbe Wire"
    assert wire["published"] == "2025-03-14"
    assert wire["evidence"] == TALKS
    assert wire["text"][wire["evidence_start"] : wire["evidence_end"]] == TALKS


def test_unknown_event_is_a_404_naming_it(client: TestClient) -> None:
    response = client.get("/api/events/ev-nowhere")
    assert response.status_code == 404
    assert "ev-nowhere" in response.json()["detail"]

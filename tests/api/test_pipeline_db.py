"""The API over a database the real pipeline built from the project's own articles (and the seeds).

The curated database pins exact answers; this one checks that the endpoints agree
with each other on real extractor output: a dyad's count is what the event filter
finds, every source's offsets point at its evidence, every person listed resolves.
The seeds in ../shared are added when present; the project's articles suffice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente.api import create_app

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_FOLDERS = [
    ROOT / "examples" / "articles",
    ROOT / "tests" / "fixtures" / "dev" / "articles",
    ROOT.parent / "shared" / "seeds",
]


@pytest.fixture(scope="session")
def pipeline_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from detente.pipeline import ingest_sources

    sources = [str(folder) for folder in ARTICLE_FOLDERS if folder.is_dir()]
    if not sources:
        pytest.skip("no article folders to ingest")
    path = tmp_path_factory.mktemp("pipeline") / "pipeline.db"
    return path, ingest_sources(sources, path, progress=False)


@pytest.fixture(scope="session")
def real(pipeline_build: tuple[Path, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(pipeline_build[0])) as client:
        yield client


def get(client: TestClient, url: str, **params: object) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, (url, params, response.text)
    return response.json()


def all_events(client: TestClient, **params: object) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    while True:
        page = get(client, "/api/events", limit=500, offset=len(events), **params)
        events += page["items"]
        if len(events) >= page["total"]:
            return events


def test_stats_count_what_the_pipeline_stored(real: TestClient, pipeline_build: tuple[Path, Any]) -> None:
    summary = pipeline_build[1]
    stats = get(real, "/api/stats")
    assert stats["articles"] == summary.read - summary.duplicates - summary.failed
    assert stats["events"] > 0, "the project's articles state events"
    assert stats["events"] == len(all_events(real))
    assert sum(stats["by_type"].values()) == stats["events"]


def test_every_event_resolves_with_sources_pointing_at_their_evidence(real: TestClient) -> None:
    for listed in all_events(real):
        event = get(real, f"/api/events/{listed['event_id']}")
        assert event["sources"], event["event_id"]
        assert event["source_count"] == len({source["doc_id"] for source in event["sources"]})
        for source in event["sources"]:
            if source["evidence_start"] is not None:
                located = source["text"][source["evidence_start"] : source["evidence_end"]]
                assert located == source["evidence"], (event["event_id"], source["doc_id"])


def test_dyads_and_partners_agree_with_the_event_filter(real: TestClient) -> None:
    dyads = get(real, "/api/dyads", limit=500)
    assert dyads, "some events join two states"
    for dyad in dyads:
        pair = f"{dyad['country_a']},{dyad['country_b']}"
        assert get(real, "/api/events", dyad=pair, limit=1)["total"] == dyad["events"], pair
        partners = {p["country"]: p["events"] for p in get(real, f"/api/partners/{dyad['country_a']}")}
        assert partners[dyad["country_b"]] == dyad["events"]


def test_every_person_listed_resolves_by_id_and_by_name(real: TestClient) -> None:
    people = get(real, "/api/people", limit=500)["items"]
    for person in people:
        by_id = get(real, f"/api/people/{person['person_id']}")
        assert by_id["person_id"] == person["person_id"]
        assert len(by_id["events"]) == person["event_count"]
        by_name = get(real, "/api/events", person=person["name"], limit=1)
        assert by_name["total"] >= person["event_count"]


def test_search_finds_each_named_event(real: TestClient) -> None:
    named = [event for event in all_events(real) if event["name"]]
    for event in named[:10]:
        hits = get(real, "/api/search", q=event["name"], limit=100)
        assert ("event", event["event_id"]) in {(hit["kind"], hit["id"]) for hit in hits}, event["name"]


def test_timeline_never_counts_more_than_the_events(real: TestClient) -> None:
    total = get(real, "/api/stats")["events"]
    by_year = get(real, "/api/timeline", granularity="year")
    assert 0 < sum(row["events"] for row in by_year) <= total

"""Dyads, partners, timeline, dyad-years, places, network, search and stats."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.corpus import ARTICLES, EVENT_IDS


def get(client: TestClient, url: str, **params: object) -> object:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_dyads_most_active_first(client: TestClient) -> None:
    dyads = get(client, "/api/dyads")
    assert [(d["country_a"], d["country_b"], d["events"]) for d in dyads[:2]] == [
        ("PAK", "TJK", 4),
        ("CHN", "PAK", 2),
    ]
    assert dyads[0]["by_type"] == {"exercise": 2, "meeting": 1, "pledge": 1}
    assert (dyads[0]["first_date"], dyads[0]["last_date"]) == ("2023-09-01", "2025-04-01")


def test_dyads_of_one_country_and_limit(client: TestClient) -> None:
    chinese = get(client, "/api/dyads", country="CHN")
    assert {(d["country_a"], d["country_b"]) for d in chinese} == {("CHN", "PAK"), ("CHN", "TJK")}
    assert len(get(client, "/api/dyads", limit=1)) == 1


def test_partners(client: TestClient) -> None:
    partners = get(client, "/api/partners/pak")
    assert [(p["country"], p["events"]) for p in partners] == [("TJK", 4), ("CHN", 2)]
    assert get(client, "/api/partners/USA") == []


def test_timeline_by_month_year_and_filters(client: TestClient) -> None:
    by_year = {
        (row["period"], row["type"]): row["events"]
        for row in get(client, "/api/timeline", granularity="year")
    }
    assert by_year[("2025", "meeting")] == 1
    assert by_year[("2024", "pledge")] == 1
    by_month = get(client, "/api/timeline", dyad="PAK,TJK", type="exercise")
    assert [(row["period"], row["events"]) for row in by_month] == [("2023-09", 1), ("2025-04", 1)]
    turkish = get(client, "/api/timeline", country="TUR")
    assert [(row["period"], row["type"]) for row in turkish] == [("2025-01", "training")]


def test_dyad_years_count_by_type(client: TestClient) -> None:
    rows = {(r["country_a"], r["country_b"], r["year"]): r for r in get(client, "/api/dyad-years")}
    pak_tjk_2025 = rows[("PAK", "TJK", 2025)]
    assert (pak_tjk_2025["events"], pak_tjk_2025["meeting"], pak_tjk_2025["exercise"]) == (2, 1, 1)
    assert pak_tjk_2025["praise"] == 0


def test_places_are_located_events(client: TestClient) -> None:
    places = {row["event_id"]: row for row in get(client, "/api/places")}
    assert set(places) == {"ev-talks", "ev-mou", "ev-training"}
    assert places["ev-mou"]["place"] == "Beijing"
    assert places["ev-mou"]["geonames_id"] == 1816670


def test_network_nodes_and_edges(client: TestClient) -> None:
    network = get(client, "/api/network")
    nodes = {node["country"]: node["events"] for node in network["nodes"]}
    assert nodes == {"PAK": 5, "TJK": 4, "CHN": 2, "IDN": 1, "TUR": 1}
    edges = {(e["country_a"], e["country_b"]): e["events"] for e in network["edges"]}
    assert edges[("CHN", "TJK")] == 1


def test_search_finds_articles_and_events(client: TestClient) -> None:
    hits = get(client, "/api/search", q="Rawalpindi")
    kinds = {(hit["kind"], hit["id"]) for hit in hits}
    assert ("event", "ev-talks") in kinds
    assert ("article", "dushanbe-wire") in kinds
    assert all("<mark>" in hit["snippet_html"] for hit in hits)
    assert len(get(client, "/api/search", q="Rawalpindi", limit=1)) == 1
    assert get(client, "/api/search", q="submarine") == []


def test_search_input_is_text_not_query_syntax(client: TestClient) -> None:
    for text in ['"unbalanced', "NEAR(a b", "drone*", "a OR"]:
        response = client.get("/api/search", params={"q": text})
        assert response.status_code == 200, (text, response.text)


def test_stats(client: TestClient) -> None:
    stats = get(client, "/api/stats")
    assert stats["articles"] == len(ARTICLES)
    assert stats["events"] == len(EVENT_IDS)
    assert stats["people"] == 2
    assert stats["by_type"]["exercise"] == 2
    assert stats["by_status"] == {"occurred": 4, "planned": 1, "proposed": 1}
    assert (stats["first_date"], stats["last_date"]) == ("2023-09-01", "2025-04-01")

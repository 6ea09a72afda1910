"""Every dashboard page and its JSON twin, served from a real SQLite database."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_apps import dashboard_app
from web_dataset import HOSTILE_IMG, HOSTILE_SCRIPT, Dataset

from detente.models import Article, Event, EventDate, Resolution, Source
from detente.store import open_store
from detente.web import pages

PAGES = [
    "/",
    "/events",
    "/country/PAK",
    "/dyad/PAK-TJK",
    "/event/ev-meeting",
    "/person/per-fixturezoda",
    "/network",
    "/map",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_nav_csp_and_a_json_twin(client: TestClient, path: str):
    page = client.get(path)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert '<nav aria-label="Main">' in page.text
    assert '<script src="/static/app.js" defer></script>' in page.text
    assert "<script>" not in page.text  # no inline script anywhere
    twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', page.text)
    assert twin, "every page links its JSON twin"
    data = client.get(twin.group(1).replace("&amp;", "&"))
    assert data.status_code == 200
    assert data.headers["content-type"] == "application/json"
    assert isinstance(data.json(), dict)


def test_overview_json_has_totals_timeline_dyads_and_recent_events(client: TestClient, dataset: Dataset):
    for path in ("/index.json", "/.json"):
        data = client.get(path).json()
        assert data["stats"]["events"] == 6
        assert {(d["country_a"], d["country_b"]) for d in data["dyads"]} == {
            ("PAK", "TJK"),
            ("CHN", "PAK"),
            ("IND", "USA"),
        }
        assert sum(row["events"] for row in data["timeline"]) == 6
        assert data["range"]["granularity"] == "month" and data["range"]["since"] == "2024"
        assert data["recent"]["total"] == 5, "every event that occurred, none of the plans"
        assert all(e["status"] == "occurred" for e in data["recent"]["items"])
    html = client.get("/").text
    assert 'href="/dyad/PAK-TJK"' in html
    assert html.count('class="seg type-exercise"') == 4  # 2024-11 and 2025-06 bars, wide and narrow
    assert "Jun 2025" in html, "months label the axis as a reader writes them"


def test_recent_is_what_occurred_and_upcoming_what_is_planned(
    client: TestClient, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(pages, "today", lambda: date(2025, 5, 1))
    data = client.get("/index.json").json()
    assert [e["event_id"] for e in data["recent"]["items"]] == [
        dataset.meeting_id,
        dataset.pledge_id,
        dataset.us_exercise_id,
    ], "occurred by 1 May 2025, newest first"
    assert [e["event_id"] for e in data["upcoming"]["items"]] == [dataset.planned_exercise_id]
    html = client.get("/").text
    assert "planned or proposed from 1 May 2025" in html
    assert client.get("/country/PAK.json").json()["upcoming"]["total"] == 1


def test_dyad_page_lists_every_event_of_the_pair_and_filters(client: TestClient, dataset: Dataset):
    data = client.get("/dyad/PAK-TJK.json").json()
    ids = {e["event_id"] for e in data["events"]["items"]}
    assert ids == {dataset.meeting_id, dataset.pledge_id, dataset.planned_exercise_id, dataset.exercise_id}
    assert data["by_type"] == {"meeting": 1, "pledge": 1, "exercise": 2}
    assert data["summary"]["first_precision"] == "day" and data["summary"]["last_date"] == "2025-06-20"
    html = client.get("/dyad/PAK-TJK").text
    for event_id in ids:
        assert f'href="/event/{event_id}"' in html
    assert "10 Mar 2025 – 20 Jun 2025" in html, "a span names days only when they are known"
    planned = client.get("/dyad/PAK-TJK.json?status=planned").json()["events"]["items"]
    assert [e["event_id"] for e in planned] == [dataset.planned_exercise_id]
    exercises = client.get("/dyad/PAK-TJK?type=exercise&year=2025").text
    assert f'href="/event/{dataset.meeting_id}"' not in exercises
    assert f'href="/event/{dataset.exercise_id}"' in exercises
    assert client.get("/dyad/PAK-TJK.json?year=2024").json()["events"]["items"] == []
    assert client.get("/dyad/PAK-TJK.json?since=2025-06&until=2025-06").json()["events"]["total"] == 2
    assert '<input name="since" value="2024"' in client.get("/dyad/PAK-TJK?year=2024").text
    assert (
        'href="/api/events.csv?dyad=PAK-TJK&amp;type=exercise"'
        in client.get("/dyad/PAK-TJK?type=exercise").text
    )


def test_dyad_addresses_are_canonical_and_bad_ones_explained(client: TestClient):
    moved = client.get("/dyad/TJK-PAK?type=meeting", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == "/dyad/PAK-TJK?type=meeting"
    assert (
        client.get("/dyad/tjk-pak.json", follow_redirects=False).headers["location"] == "/dyad/PAK-TJK.json"
    )
    missing = client.get("/dyad/PAK-XXX")
    assert missing.status_code == 404 and "XXX is not an ISO 3166-1 alpha-3" in missing.text
    assert "<nav" in missing.text
    assert client.get("/dyad/PAK.json").json()["detail"].startswith("dyad 'PAK'")
    bad = client.get("/dyad/PAK-TJK?year=twenty")
    assert bad.status_code == 400 and "year: &#39;twenty&#39; is not a whole number" in bad.text


def test_event_page_shows_codes_people_related_events_and_highlighted_sources(
    client: TestClient, dataset: Dataset
):
    data = client.get(f"/event/{dataset.exercise_id}.json").json()
    assert data["cameo"] == "062" and data["plover_type"] == "COOPERATE"
    assert [r["event_id"] for r in data["related_events"]] == [dataset.planned_exercise_id]
    assert {s["doc_id"] for s in data["sources"]} == {"shield-done", "shield-plan"}
    assert all(s["text"] for s in data["sources"])
    html = client.get(f"/event/{dataset.exercise_id}").text
    marks = re.findall(r"<mark>(.*?)</mark>", html, re.S)
    assert len(marks) == 2
    assert all("completed the joint exercise Fixture" in m for m in marks)
    assert f'href="/event/{dataset.planned_exercise_id}"' in html
    assert "Second Fixture Daily" in html and 'href="https://news.example.org/shield-done"' in html
    meeting = client.get(f"/event/{dataset.meeting_id}").text
    assert f"<mark>{dataset.meeting_evidence.replace(chr(39), '&#39;')}</mark>" in meeting
    assert 'href="/person/per-asif"' in meeting and "<code>043</code>" in meeting


def test_hostile_article_is_shown_as_text_only(client: TestClient, dataset: Dataset):
    html = client.get(f"/event/{dataset.hostile_id}").text
    for raw in (HOSTILE_SCRIPT, HOSTILE_IMG, "<i>Evil</i>", "<b>Deal</b>", "<b>Boss</b>"):
        assert raw not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;" in html
    assert 'href="javascript:' not in html, "a javascript: URL is never a link"
    assert '<span class="muted">javascript:window.__pwned=4 (not a web page)</span>' in html
    mark = re.search(r"<mark>(.*?)</mark>", html, re.S)
    assert mark and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in mark.group(1)
    for path in ("/", "/network", "/map", "/events?country=CHN", "/person/per-hostile"):
        assert HOSTILE_SCRIPT not in client.get(path).text


def test_person_page_lists_offices_over_time_and_events(client: TestClient, dataset: Dataset):
    data = client.get("/person/per-fixturezoda.json").json()
    assert [o["title"] for o in data["offices"]] == ["Deputy Defence Minister", "Defence Minister"]
    assert {e["event_id"] for e in data["events"]} == {dataset.meeting_id, dataset.pledge_id}
    html = client.get("/person/per-fixturezoda").text
    assert "Deputy Defence Minister" in html and "1 May 2023" in html
    by_name = client.get("/person/Fixturezoda", follow_redirects=False)
    assert by_name.status_code == 307 and by_name.headers["location"] == "/person/per-fixturezoda"
    assert client.get("/person/nobody").status_code == 404
    assert client.get("/event/nothing.json").status_code == 404


def test_a_busy_persons_page_lists_the_newest_and_links_to_all(
    client: TestClient, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(pages, "PERSON_EVENTS", 1)
    data = client.get("/person/per-fixturezoda.json").json()
    assert len(data["events"]) == 1 and data["event_count"] == 2
    html = client.get("/person/per-fixturezoda").text
    assert 'href="/events?person=per-fixturezoda"' in html and "All 2 events" in html


def test_network_draws_every_country_and_tie(client: TestClient):
    data = client.get("/network.json").json()
    assert {n["country"] for n in data["nodes"]} == {"PAK", "TJK", "CHN", "IND", "USA"}
    assert data["edges"][0]["country_a"] == "PAK" and data["edges"][0]["events"] == 4
    assert data == client.get("/network.json").json(), "the layout is deterministic"
    heaviest = max(data["edges"], key=lambda e: e["events"])
    assert heaviest["width"] > min(e["width"] for e in data["edges"])
    for canvas in ("wide", "narrow"):
        layout = data[canvas]
        assert set(layout["nodes"]) == {"PAK", "TJK", "CHN", "IND", "USA"}
        assert all(
            0 <= n["x"] <= layout["width"] and 0 <= n["y"] <= layout["height"]
            for n in layout["nodes"].values()
        )
    assert data["narrow"]["height"] > data["narrow"]["width"], "a phone gets a portrait drawing"
    html = client.get("/network").text
    assert html.count("<circle") == 10 and html.count('class="edge"') == 6  # wide and narrow drawings
    assert 'href="/country/PAK"' in html and 'href="/dyad/IND-USA"' in html


def test_network_filters_by_period_type_country_and_weight(client: TestClient):
    exercises = client.get("/network.json?type=exercise").json()
    assert {(e["country_a"], e["country_b"]) for e in exercises["edges"]} == {("PAK", "TJK"), ("IND", "USA")}
    strong = client.get("/network.json?min_events=2").json()
    assert [(e["country_a"], e["country_b"]) for e in strong["edges"]] == [("PAK", "TJK")]
    assert {n["country"] for n in strong["nodes"]} == {"PAK", "TJK"}
    pakistan = client.get("/network.json?country=PAK").json()
    assert {n["country"] for n in pakistan["nodes"]} == {"PAK", "TJK", "CHN"}
    recent = client.get("/network.json?since=2025").json()
    assert ("IND", "USA") not in {(e["country_a"], e["country_b"]) for e in recent["edges"]}
    assert client.get("/network?min_events=0").status_code == 400
    assert client.get("/network.json?colour=red").json()["detail"].startswith("colour: unknown parameter")
    assert '<option value="2" selected>' in client.get("/network?min_events=2").text


def test_map_shades_countries_and_marks_named_places(client: TestClient, dataset: Dataset):
    data = client.get("/map.json").json()
    assert data["placement"] == {
        "events": 6,
        "at_site": 5,
        "only_country": 0,
        "named_unplaced": 0,
        "unplaced": 1,
    }
    shaded = {c["country"]: c for c in data["countries"]}
    assert shaded["PAK"]["events"] == 2 and shaded["TJK"]["events"] == 2 and shaded["IND"]["events"] == 1
    assert shaded["PAK"]["shade"] > shaded["IND"]["shade"]
    finest = data["layers"][-1]
    assert {m["place"] for m in finest["markers"]} == {"Dushanbe", "Islamabad", "Rawalpindi", "Bikaner"}
    coarsest = data["layers"][0]
    merged = [m for m in coarsest["markers"] if len(m["places"]) > 1]
    assert [sorted(m["places"]) for m in merged] == [["Islamabad", "Rawalpindi"]], "only within Pakistan"
    view = data["view"]
    for marker in coarsest["markers"]:
        assert view["x"] <= marker["x"] <= view["x"] + view["width"], marker["place"]
    html = client.get("/map").text
    assert html.count('<path class="country') >= 170, "Natural Earth outlines, one path per country"
    assert 'data-country="PAK"' in html and 'href="/events?located_in=PAK"' in html
    assert 'href="/events?located_in=TJK&amp;place=Dushanbe"' in html
    assert f'href="/event/{dataset.us_exercise_id}"' in html, "a place with one event links to it"
    assert 'href="/events?located_in=PAK&amp;place=Islamabad&amp;place=Rawalpindi"' in html


def test_country_page_lists_partners_with_dyad_links(client: TestClient, dataset: Dataset):
    data = client.get("/country/PAK.json").json()
    assert [(p["country"], p["events"]) for p in data["partners"]] == [("TJK", 4), ("CHN", 1)]
    assert data["total"] == 5 and data["located_here"] == 2
    assert data["recent"]["total"] == 4, "the planned exercise is not among what occurred"
    html = client.get("/country/PAK").text
    assert 'href="/dyad/PAK-TJK"' in html and 'href="/dyad/CHN-PAK"' in html
    assert client.get("/country/pak", follow_redirects=False).headers["location"] == "/country/PAK"
    assert client.get("/country/ZZZ").status_code == 404
    assert client.get("/country/PAK?since=2025-99").status_code == 400


def test_events_list_filters_and_pages(client: TestClient, dataset: Dataset):
    data = client.get("/events.json?country=PAK&type=exercise").json()
    assert {e["event_id"] for e in data["events"]["items"]} == {
        dataset.planned_exercise_id,
        dataset.exercise_id,
    }
    assert client.get("/events.json?place=Dushanbe").json()["events"]["total"] == 2
    assert client.get("/events.json?text=drone").json()["events"]["total"] == 1
    assert client.get("/events.json?country=ZZZ").status_code == 400
    assert client.get("/events?type=war").status_code == 400


def test_events_list_filters_by_person_and_dyad(client: TestClient, dataset: Dataset):
    by_person = client.get("/events.json?person=Fixturezoda").json()
    assert {e["event_id"] for e in by_person["events"]["items"]} == {dataset.meeting_id, dataset.pledge_id}
    assert by_person["filters"]["person"] == "Fixturezoda"
    by_dyad = client.get("/events.json?dyad=tjk-pak&type=exercise").json()
    assert by_dyad["filters"]["dyad"] == "PAK-TJK"
    assert {e["event_id"] for e in by_dyad["events"]["items"]} == {
        dataset.planned_exercise_id,
        dataset.exercise_id,
    }
    assert client.get("/events.json?dyad=IND-USA").json()["events"]["total"] == 1
    assert client.get("/events.json?dyad=CHN-TJK").json()["events"]["total"] == 0
    html = client.get("/events?dyad=PAK-TJK&person=Fixture+Asif").text
    assert (
        '<input name="dyad" value="PAK-TJK"' in html and '<input name="person" value="Fixture Asif"' in html
    )
    assert (
        f'href="/event/{dataset.meeting_id}"' in html and f'href="/event/{dataset.exercise_id}"' not in html
    )
    assert "person=Fixture+Asif" in html, "the JSON twin link carries the filters"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("dyad=PAK", "dyad: &#39;PAK&#39; must be two alpha-3 country codes joined by &#39;-&#39;"),
        ("dyad=PAK-PAK", "dyad: &#39;PAK-PAK&#39; names the same country twice"),
        ("dyad=PAK-XXX", "XXX is not an ISO 3166-1 alpha-3 country code"),
        ("dayd=PAK-TJK", "dayd: unknown parameter; this page takes country, dyad, type"),
        ("person=" + "x" * 201, "person: must be at most 200 characters"),
    ],
)
def test_a_bad_event_filter_is_a_400_naming_the_parameter(client: TestClient, query: str, message: str):
    page = client.get(f"/events?{query}")
    assert page.status_code == 400 and message in page.text
    assert '<nav aria-label="Main">' in page.text
    twin = client.get(f"/events.json?{query}")
    assert twin.status_code == 400 and unescape(message) in twin.json()["detail"]


def test_static_files_are_served(client: TestClient):
    for name in ("style.css", "app.js", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200


def test_long_spans_are_charted_per_year(tmp_path: Path):
    texts = {"old": "Pakistan and Tajikistan met in 2010.", "new": "Pakistan and Tajikistan met in 2025."}
    events = [
        Event(
            "meeting",
            "occurred",
            ["PAK", "TJK"],
            text,
            EventDate(date(year, 1, 5), None, "day"),
            event_id=f"ev-{doc}",
            sources=[Source(doc, text)],
        )
        for (doc, text), year in zip(texts.items(), (2010, 2025), strict=True)
    ]
    with open_store(tmp_path / "long.db") as store:
        for doc, text in texts.items():
            store.add_article(Article(doc, text), [])
        store.save_resolution(Resolution(events, [], {}))
    with TestClient(dashboard_app(tmp_path / "long.db")) as client:
        data = client.get("/index.json").json()
        assert data["granularity"] == "year"
        assert [row["period"] for row in data["timeline"]] == ["2010", "2025"]
        assert client.get("/dyad/PAK-TJK.json").json()["granularity"] == "year"
        assert "Events per year, by type" in client.get("/").text


def test_an_empty_database_renders_every_page_with_empty_states(tmp_path: Path):
    open_store(tmp_path / "empty.db").close()
    with TestClient(dashboard_app(tmp_path / "empty.db")) as client:
        for path in ("/", "/events", "/country/PAK", "/dyad/PAK-TJK", "/network", "/map"):
            page = client.get(path)
            assert page.status_code == 200, path
            assert client.get("/index.json" if path == "/" else f"{path}.json").status_code == 200
        assert "No events stored yet" in client.get("/").text
        assert "No located events yet" in client.get("/map").text
        assert client.get("/dyad/PAK-TJK.json").json()["total"] == 0

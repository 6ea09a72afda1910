"""The dashboard over what the real pipeline makes of ../shared: the seeds, the news pages, the
bundled examples and the background corpus (plus one hostile report), in headless chromium
at 1440 px and 390 px.

These are the pages an analyst keeps open, on real data: every one must fit the window,
load without a console error and be screenshotted (artifacts/screenshots/<page>-<width>.png);
a map cluster must list exactly its events, the PAK-TJK tie must be findable and open its
dyad, a downloaded CSV must match `detente events`. Skips with the reason without
../shared or chromium.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from browser_scripts import CLICKABLE_CLUSTERS, LINE_MIDDLE, NETWORK_BOXES
from fastapi.testclient import TestClient
from web_browser import WIDTHS, assert_fits, browser_page, screenshot
from web_server import serving

import detente.query
from detente.api import create_app

pytestmark = [pytest.mark.browser, pytest.mark.shared]

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SOURCES = [
    SHARED / "seeds",
    SHARED / "news",
    ROOT / "examples" / "articles",
    SHARED / "corpora" / "background-news.jsonl",
]
DETENTE = str(Path(sys.executable).parent / "detente")
HOSTILE_REPORT = (
    "Islamabad, November 10, 2025: Pakistan and Tajikistan signed a memorandum of understanding on "
    "defence cooperation in Islamabad on Monday, the Ministry of Defence said.\n"
    "The two sides also agreed to hold joint exercises next year <script>window.__pwned=1</script> and "
    'to train officers together <img src=x onerror="window.__pwned=2"> at the staff college.\n'
)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [str(path) for path in SOURCES if not path.exists()]
    if missing:
        pytest.skip(f"{', '.join(missing)} absent (CI has ../shared): test skipped")
    from detente.pipeline import ingest_sources

    folder = tmp_path_factory.mktemp("shared")
    hostile = folder / "hostile-report.txt"
    hostile.write_text(HOSTILE_REPORT, encoding="utf-8")
    db_path = folder / "detente.db"
    summary = ingest_sources([*map(str, SOURCES), str(hostile)], db_path, progress=False)
    assert summary.failed == 0, summary.errors
    return db_path


@pytest.fixture(scope="module")
def client(shared_db: Path):
    with TestClient(create_app(shared_db)) as test_client:
        yield test_client


def _showcase(shared_db: Path) -> dict[str, str]:
    """A page of each kind, on records the data is known to hold."""
    with detente.query.open(shared_db) as q:
        dosti = q.events(text="Dosti", type="exercise", limit=1).items[0]
        busiest = q.people(limit=1).items[0]
    return {
        "overview": "/",
        "events": "/events",
        "events-filtered": "/events?dyad=PAK-TJK&sort=-sources",
        "dyad": "/dyad/PAK-TJK",
        "country": "/country/PAK",
        "event": f"/event/{dosti.event_id}",
        "person": f"/person/{busiest.person_id}",
        "network": "/network",
        "map": "/map",
        "api-docs": "/api/docs",
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_loads_cleanly_and_is_screenshotted(shared_db: Path, width: int):
    pages = _showcase(shared_db)
    with serving(create_app(shared_db)) as base, browser_page(width) as (page, problems):
        for name, path in pages.items():
            problems.clear()
            response = page.goto(base + path, wait_until="networkidle")
            assert response is not None and response.status == 200, path
            problems.assert_none(path)
            assert_fits(page, f"{path} at {width} px")
            assert page.evaluate("typeof window.__pwned") == "undefined"
            screenshot(page, f"{name}-{width}")
            if name in ("overview", "map") and width == WIDTHS[0]:
                screenshot(page, f"readme-{name}", full_page=False)  # what docs/screenshots/ shows


def test_hostile_report_stays_text(shared_db: Path):
    with detente.query.open(shared_db) as q:
        hostile = q.article("hostile-report")
    assert hostile is not None and hostile.event_ids, "the pipeline extracts the hostile report's events"
    with serving(create_app(shared_db)) as base, browser_page(390) as (page, problems):
        for event_id in hostile.event_ids:
            page.goto(f"{base}/event/{event_id}", wait_until="networkidle")
            text = page.locator(".article-text").first.inner_text()
            assert "<script>window.__pwned=1</script>" in text and '<img src=x onerror="window.' in text
            assert page.locator(".article-text script, .article-text img").count() == 0
            assert page.evaluate("typeof window.__pwned") == "undefined"
            problems.assert_none(f"hostile event {event_id}")


def test_every_map_marker_links_to_exactly_its_events(client: TestClient):
    data = client.get("/map.json").json()
    placement = data["placement"]
    assert placement["at_site"] > 0 and placement["only_country"] > 0, "both kinds of placement occur"
    assert sum(c["events"] for c in data["countries"]) >= placement["only_country"]
    for layer in data["layers"]:
        for marker in layer["markers"]:
            query = dict(parse_qsl(urlsplit(marker["link"]).query)) if "?" in marker["link"] else None
            if query is None:
                assert marker["events"] == 1 and marker["link"].startswith("/event/")
                continue
            listed = client.get(f"/events.json?{urlsplit(marker['link']).query}").json()["events"]["total"]
            assert listed == marker["events"], (layer["scale"], marker["places"])


@pytest.mark.parametrize("width", WIDTHS)
def test_a_click_on_a_map_cluster_lists_its_events(shared_db: Path, width: int):
    with serving(create_app(shared_db)) as base, browser_page(width) as (page, problems):
        page.goto(f"{base}/map", wait_until="networkidle")
        clusters = page.evaluate(CLICKABLE_CLUSTERS)
        assert clusters, "the real data has a cluster of several places to click"
        _, href, events, x, y, _ = clusters[0]
        with page.expect_navigation():
            page.mouse.click(x, y)
        assert parse_qsl(urlsplit(page.url).query) == parse_qsl(urlsplit(href).query)
        assert page.locator("table.events tbody tr").count() == events
        problems.assert_none("real cluster -> events")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_pak_tjk_tie_is_found_with_the_country_filter_and_opens_the_dyad(shared_db: Path, width: int):
    with serving(create_app(shared_db)) as base, browser_page(width) as (page, problems):
        page.goto(f"{base}/network", wait_until="networkidle")
        drawn = page.evaluate(NETWORK_BOXES)
        assert len(drawn["labels"]) >= 20, "most countries keep a label"
        for i, (text, *box) in enumerate(drawn["labels"]):
            for other, *other_box in drawn["labels"][i + 1 :] + [n for n in drawn["nodes"] if n[0] != text]:
                overlap = box[0] < other_box[2] - 0.5 and other_box[0] < box[2] - 0.5
                assert not (overlap and box[1] < other_box[3] - 0.5 and other_box[1] < box[3] - 0.5), (
                    text,
                    other,
                )
        page.fill("form.filters input[name=country]", "PAK")
        with page.expect_navigation():
            page.click("form.filters button[type=submit]")
        svg = "svg.wide" if width > 640 else "svg.narrow"
        selector = f"figure.network {svg} a.tie[data-dyad='PAK-TJK'] line.hit"
        assert page.locator(selector).count() == 1
        with page.expect_navigation():
            page.mouse.click(*page.evaluate(LINE_MIDDLE, selector))
        assert urlsplit(page.url).path == "/dyad/PAK-TJK"
        problems.assert_none("network -> dyad")


def test_a_filtered_csv_download_matches_detente_events(shared_db: Path):
    with serving(create_app(shared_db)) as base, browser_page(1440) as (page, problems):
        page.goto(f"{base}/events?dyad=PAK-TJK&type=meeting", wait_until="networkidle")
        with page.expect_download() as info:
            page.click("p.downloads a:has-text('CSV')")
        got = Path(info.value.path()).read_bytes()
        problems.assert_none("download")
    cli = subprocess.run(
        [
            DETENTE,
            "events",
            "--db",
            str(shared_db),
            "--dyad",
            "PAK,TJK",
            "--type",
            "meeting",
            "--format",
            "csv",
        ],
        capture_output=True,
        check=True,
    ).stdout
    assert got == cli
    assert len(list(csv.DictReader(io.StringIO(got.decode())))) > 3


def test_the_timeline_the_lists_and_the_sources_read_as_an_analyst_expects(
    client: TestClient, shared_db: Path
):
    overview = client.get("/index.json").json()
    span = overview["range"]
    assert span["first_year"] < int(span["since"]) and int(span["until"]) <= span["last_year"]
    assert span["before"] > 0, "a few old events fall outside the default range, and the page says so"
    today = date.today().isoformat()
    assert all(e["status"] == "occurred" and e["date_start"] <= today for e in overview["recent"]["items"])
    assert all(e["status"] != "occurred" and e["date_start"] >= today for e in overview["upcoming"]["items"])
    html = client.get("/").text
    assert "-01-01 to" not in html and "2018-01-01" not in html, "no date padded to a made-up day"
    with detente.query.open(shared_db) as q:
        fox = q.article("indian-0206")
        dosti = q.events(text="Dosti", type="exercise").items
        related = {event.event_id: q.related(event.event_id) for event in dosti}
    assert any(rows for rows in related.values()), "editions of the Dosti series are tied together"
    assert fox is not None and fox.event_ids
    event = client.get(f"/event/{fox.event_ids[0]}").text
    assert "Fox News" in event and 'href="https://www.foxnews.com/' in event
    assert ">indian<" not in event

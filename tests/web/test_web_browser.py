"""The dashboard in a real headless chromium against a real uvicorn server and SQLite database,
at a desktop's 1440 px and a phone's 390 px.

Each page must load with no console error and no failed request, be no wider than the
window, and keep its navigation in reach; hostile article text must stay text. The map,
the network and the events table are used as a person would: clicking a cluster, a tie,
a column header, a download link. Screenshots land in artifacts/screenshots/.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from browser_scripts import CLICKABLE_CLUSTERS, DRAWN_MARKERS, LINE_MIDDLE, OUTLINED_COUNTRIES
from fastapi import FastAPI
from map_dataset import build_map_database
from web_apps import dashboard_app
from web_browser import WIDTHS, assert_fits, browser_page, screenshot
from web_dataset import HOSTILE_SCRIPT, Dataset
from web_server import serving

from detente.api import create_app

pytestmark = pytest.mark.browser
DETENTE = str(Path(sys.executable).parent / "detente")


def _app(kind: str, dataset: Dataset) -> FastAPI:
    """The dashboard alone, or mounted in the real API app."""
    return dashboard_app(dataset.path) if kind == "dashboard" else create_app(dataset.path)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["dashboard", "api"])
def test_every_page_loads_cleanly_and_fits_the_window(dataset: Dataset, kind: str, width: int):
    pages = {
        "overview": "/",
        "events": "/events",
        "country": "/country/PAK",
        "dyad": "/dyad/PAK-TJK",
        "event": f"/event/{dataset.exercise_id}",
        "event-hostile": f"/event/{dataset.hostile_id}",
        "person": "/person/per-fixturezoda",
        "network": "/network",
        "map": "/map",
        "not-found": "/event/no-such-event",
    }
    with serving(_app(kind, dataset)) as base, browser_page(width) as (page, problems):
        for name, path in pages.items():
            problems.clear()
            response = page.goto(base + path, wait_until="networkidle")
            assert response is not None
            if name == "not-found":
                assert response.status == 404
                # the page's own 404 is the point; nothing else on it may fail
                assert problems.failed_requests == [f"{base}{path}: HTTP 404"]
                assert len(problems.console_errors) == 1 and "404" in problems.console_errors[0]
                problems.clear()
            else:
                assert response.status == 200, path
            problems.assert_none(path)
            assert_fits(page, f"{path} at {width} px")
            assert page.locator("nav[aria-label=Main] a").count() >= 4
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            if kind == "api":
                screenshot(page, f"fixture-{name}-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_dyad_page_lists_events_and_filters_in_the_browser(dataset: Dataset, width: int):
    with serving(dashboard_app(dataset.path)) as base, browser_page(width) as (page, problems):
        page.goto(base + "/dyad/PAK-TJK", wait_until="networkidle")
        rows = page.locator("table.events tbody tr")
        assert rows.count() == 4
        assert page.locator(f'a[href="/event/{dataset.meeting_id}"]').count() == 1
        with page.expect_navigation():
            page.select_option("form.filters select[name=type]", "exercise")  # app.js submits on change
        assert page.url.endswith("/dyad/PAK-TJK?type=exercise"), "blank and default fields stay out"
        assert rows.count() == 2
        problems.assert_none("dyad filter")
        page.click(f'a[href="/event/{dataset.exercise_id}"]')
        page.wait_for_url(f"**/event/{dataset.exercise_id}")
        assert page.locator("mark").count() == 2
        assert (
            page.locator("ul.related a").first.get_attribute("href")
            == f"/event/{dataset.planned_exercise_id}"
        )
        problems.assert_none("dyad -> event")


def test_event_page_marks_the_evidence_and_hostile_text_stays_text(dataset: Dataset):
    with serving(dashboard_app(dataset.path)) as base, browser_page() as (page, problems):
        page.goto(f"{base}/event/{dataset.meeting_id}", wait_until="networkidle")
        assert page.locator("mark").first.inner_text() == dataset.meeting_evidence
        page.goto(f"{base}/event/{dataset.hostile_id}", wait_until="networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator(".article-text script, .article-text img, h3 img, h1 script").count() == 0
        mark = page.locator("mark").first.inner_text()
        assert HOSTILE_SCRIPT in mark, "the script tag is visible as text inside the highlight"
        assert "<img src=x onerror=" in page.locator(".article-text").first.inner_text()
        assert page.locator("a[href^='javascript:']").count() == 0
        problems.assert_none("hostile event page")


def _no_overlap(boxes: list[list], slack: float = 0.5) -> None:
    for i, (text, *box) in enumerate(boxes):
        for other, *other_box in boxes[i + 1 :]:
            overlap = box[0] < other_box[2] - slack and other_box[0] < box[2] - slack
            overlap = overlap and box[1] < other_box[3] - slack and other_box[1] < box[3] - slack
            assert not overlap, (text, other)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("world", [False, True], ids=["regional", "world"])
def test_the_map_draws_countries_zooms_and_a_cluster_click_lists_its_events(
    tmp_path: Path, world: bool, width: int
):
    build_map_database(tmp_path / "map.db", world=world)
    with serving(create_app(tmp_path / "map.db")) as base, browser_page(width) as (page, problems):
        page.goto(f"{base}/map", wait_until="networkidle")
        problems.assert_none("/map")
        assert_fits(page, f"/map at {width} px")
        outlines = page.evaluate(OUTLINED_COUNTRIES)
        assert len(outlines) >= 170 and len(outlines) == len(set(outlines)), "one SVG path per country"
        drawn = page.evaluate(DRAWN_MARKERS)
        _no_overlap(drawn["labels"])
        before = drawn["viewBox"]
        page.click("button[data-zoom=in]")
        page.wait_for_timeout(200)
        zoomed = page.evaluate(DRAWN_MARKERS)
        assert zoomed["viewBox"] != before
        assert float(zoomed["viewBox"].split()[2]) == pytest.approx(float(before.split()[2]) / 2, rel=0.01)
        assert zoomed["scale"] >= drawn["scale"], "closer in, a layer of finer clusters"
        _no_overlap(zoomed["labels"])
        radii = dict(drawn["circles"])
        for marker, radius in zoomed["circles"]:
            if marker in radii:  # the same marker keeps (about) its size on screen
                assert radius <= radii[marker] * 2.01
        page.click("button[data-zoom=fit]")
        page.wait_for_timeout(200)
        clusters = page.evaluate(CLICKABLE_CLUSTERS)
        assert clusters, "a cluster of several places is on the map and can be clicked"
        _, href, events, x, y, _ = clusters[0]
        with page.expect_navigation():
            page.mouse.click(x, y)
        assert parse_qsl(urlsplit(page.url).query) == parse_qsl(urlsplit(href).query)
        assert urlsplit(page.url).path == "/events" and "located_in=" in href
        assert page.locator("table.events tbody tr").count() == events
        problems.assert_none("cluster -> events")
        screenshot(page, f"map-cluster-events-{'world' if world else 'regional'}-{width}")


def test_map_pans_with_a_drag_without_following_a_link(tmp_path: Path):
    build_map_database(tmp_path / "map.db")
    with serving(create_app(tmp_path / "map.db")) as base, browser_page(1440) as (page, problems):
        page.goto(f"{base}/map", wait_until="networkidle")
        clusters = page.evaluate(CLICKABLE_CLUSTERS)
        _, _, _, x, y, _ = clusters[0]
        before = page.evaluate("document.querySelector('figure.map svg').getAttribute('viewBox')")
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x - 120, y + 40, steps=8)
        page.mouse.up()
        page.wait_for_timeout(200)
        assert page.url == f"{base}/map", "a drag that ends on a marker does not open it"
        after = page.evaluate("document.querySelector('figure.map svg').getAttribute('viewBox')")
        assert float(after.split()[0]) > float(before.split()[0]), "dragging left moves the view east"
        problems.assert_none("drag")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_click_on_a_network_tie_opens_its_dyad(dataset: Dataset, width: int):
    with serving(create_app(dataset.path)) as base, browser_page(width) as (page, problems):
        page.goto(f"{base}/network?country=PAK", wait_until="networkidle")
        svg = "svg.wide" if width > 640 else "svg.narrow"
        tie = page.locator(f"figure.network {svg} a.tie[data-dyad='PAK-TJK'] line.hit")
        box = tie.bounding_box()
        assert box is not None, "the PAK-TJK tie is drawn"
        coords = page.evaluate(LINE_MIDDLE, f"figure.network {svg} a.tie[data-dyad='PAK-TJK'] line.hit")
        with page.expect_navigation():
            page.mouse.click(*coords)
        assert page.url == f"{base}/dyad/PAK-TJK"
        assert page.locator("table.events tbody tr").count() == 4
        problems.assert_none("tie -> dyad")


@pytest.mark.parametrize("width", WIDTHS)
def test_events_table_sorts_by_a_header_and_downloads_what_it_selects(dataset: Dataset, width: int):
    with serving(create_app(dataset.path)) as base, browser_page(width) as (page, problems):
        page.goto(f"{base}/events?country=PAK", wait_until="networkidle")
        with page.expect_navigation():
            page.click("th a.sort:has-text('Type')")
        assert "sort=type" in page.url
        types = page.locator("table.events tbody td:nth-child(2)").all_inner_texts()
        assert types == sorted(types)
        assert page.locator("nav.pager").count() == 2, "a pager above and below the table"
        with page.expect_download() as info:
            page.click("p.downloads a:has-text('CSV')")
        download = info.value
        assert download.suggested_filename == "detente-events.csv"
        got = Path(download.path()).read_bytes()
        cli = subprocess.run(
            [
                DETENTE,
                "events",
                "--db",
                str(dataset.path),
                "--country",
                "PAK",
                "--format",
                "csv",
                "--limit",
                "10000",
            ],
            capture_output=True,
            check=True,
        ).stdout
        rows = list(csv.DictReader(io.StringIO(got.decode())))
        expected = list(csv.DictReader(io.StringIO(cli.decode())))
        assert sorted(rows, key=lambda r: r["event_id"]) == sorted(expected, key=lambda r: r["event_id"])
        assert [r["type"] for r in rows] == sorted(r["type"] for r in rows), "in the table's order"
        problems.assert_none("sort and download")

"""The dashboard in a real headless chromium against a real uvicorn server and SQLite database.

Each page must load with no console error and no failed request; hostile article
text must stay text. Screenshots land in artifacts/screenshots/ for a human look.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from map_dataset import build_map_database
from web_apps import dashboard_app
from web_browser import browser_page, screenshot
from web_dataset import HOSTILE_SCRIPT, Dataset
from web_server import serving

pytestmark = pytest.mark.browser


def _app(kind: str, dataset: Dataset) -> FastAPI:
    """The dashboard alone, or mounted in the real API app (skipped until that exists)."""
    if kind == "dashboard":
        return dashboard_app(dataset.path)
    api = pytest.importorskip("detente.api", reason="detente.api is not built yet")
    return api.create_app(dataset.path)


@pytest.mark.parametrize("kind", ["dashboard", "api"])
def test_every_page_loads_cleanly_in_chromium(dataset: Dataset, kind: str):
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
    with serving(_app(kind, dataset)) as base, browser_page() as (page, problems):
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
            assert page.locator("nav[aria-label=Main] a").count() >= 4
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            screenshot(page, name)


def test_dyad_page_lists_events_and_filters_in_the_browser(dataset: Dataset):
    with serving(dashboard_app(dataset.path)) as base, browser_page() as (page, problems):
        page.goto(base + "/dyad/PAK-TJK", wait_until="networkidle")
        rows = page.locator("table.events tbody tr")
        assert rows.count() == 4
        assert page.locator(f'a[href="/event/{dataset.meeting_id}"]').count() == 1
        with page.expect_navigation():
            page.select_option("select[name=type]", "exercise")  # app.js submits on change
        assert page.url.endswith("/dyad/PAK-TJK?type=exercise")
        assert rows.count() == 2
        problems.assert_none("dyad filter")
        page.click(f'a[href="/event/{dataset.exercise_id}"]')
        page.wait_for_url(f"**/event/{dataset.exercise_id}")
        assert page.locator("mark").count() == 2
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


RENDERED_LABELS = """() => {
    const labels = document.querySelectorAll("figure.map text:not(.count)");
    return [...labels].map((text) => {
        const box = text.getBBox();
        return [text.textContent, box.x, box.y, box.x + box.width, box.y + box.height];
    });
}"""


@pytest.mark.parametrize("world", [False, True], ids=["regional", "world"])
def test_map_labels_as_chromium_draws_them_never_overlap(tmp_path: Path, world: bool):
    """The server estimates text widths; the browser's real boxes must still not collide."""
    build_map_database(tmp_path / "map.db", world=world)
    with serving(dashboard_app(tmp_path / "map.db")) as base, browser_page() as (page, problems):
        page.goto(f"{base}/map", wait_until="networkidle")
        problems.assert_none("/map")
        boxes = page.evaluate(RENDERED_LABELS)
        assert len(boxes) >= 3
        for i, (text, *box) in enumerate(boxes):
            for other, *other_box in boxes[i + 1 :]:
                overlap = box[0] < other_box[2] and other_box[0] < box[2]
                overlap = overlap and box[1] < other_box[3] - 0.5 and other_box[1] < box[3] - 0.5
                assert not overlap, (text, other)
        page.click("figure.map a[href^='#marker-']")
        assert page.locator("tbody.cluster:target tr").count() >= 4, "the table lists the merged places"
        screenshot(page, f"map-crowded-{'world' if world else 'regional'}")


def test_events_page_filters_by_dyad_and_person_and_explains_a_bad_dyad(dataset: Dataset):
    with serving(dashboard_app(dataset.path)) as base, browser_page() as (page, problems):
        page.goto(f"{base}/events", wait_until="networkidle")
        page.fill("input[name=dyad]", "tjk-pak")
        page.fill("input[name=person]", "Fixturezoda")
        with page.expect_navigation():
            page.click("form.filters button[type=submit]")
        assert page.url.endswith("/events?dyad=tjk-pak&person=Fixturezoda")
        assert page.locator("table.events tbody tr").count() == 2
        assert page.locator("input[name=dyad]").input_value() == "PAK-TJK"
        problems.assert_none("events filtered by dyad and person")
        screenshot(page, "events-dyad-person")
        response = page.goto(f"{base}/events?dyad=PAK", wait_until="networkidle")
        assert response is not None and response.status == 400
        message = page.locator("p.error").inner_text()
        assert message.startswith("dyad: 'PAK' must be two alpha-3 country codes"), message
        screenshot(page, "events-bad-dyad")

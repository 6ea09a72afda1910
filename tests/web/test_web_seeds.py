"""The dashboard over the real pipeline's output for the five seed articles plus a hostile one.

Needs `detente.pipeline` (extract and resolve wired) and ../shared/seeds; skips
with the reason otherwise. The PAK-TJK dyad page must list every stored event of
the pair, each event page must mark its evidence, and no article may run script.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from web_apps import dashboard_app
from web_browser import browser_page, screenshot
from web_server import serving

import detente.query

pytestmark = [pytest.mark.browser, pytest.mark.shared]

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
HOSTILE_REPORT = (
    "Islamabad, November 10, 2025: Pakistan and Tajikistan signed a memorandum of understanding on "
    "defence cooperation in Islamabad on Monday, the Ministry of Defence said.\n"
    "The two sides also agreed to hold joint exercises next year <script>window.__pwned=1</script> and "
    'to train officers together <img src=x onerror="window.__pwned=2"> at the staff college.\n'
)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (CI has it): test skipped")
    try:
        from detente.pipeline import ingest_sources
    except ImportError as error:
        pytest.skip(f"detente.pipeline cannot be imported yet: {error}")
    folder = tmp_path_factory.mktemp("seeded")
    hostile = folder / "hostile-report.txt"
    hostile.write_text(HOSTILE_REPORT, encoding="utf-8")
    db_path = folder / "detente.db"
    summary = ingest_sources([str(SEEDS), str(hostile)], db_path, progress=False)
    assert summary.failed == 0, summary.errors
    return db_path


def test_seed_events_are_listed_marked_and_inert(seeded_db: Path):
    with detente.query.open(seeded_db) as q:
        pair = q.events(dyad=("PAK", "TJK"), limit=100)
        hostile_events = [
            e.event_id
            for e in q.events(limit=1000).items
            if any(s.doc_id == "hostile-report" for s in (q.event(e.event_id) or e).sources)  # type: ignore[union-attr]
        ]
    assert pair.total > 0, "the seeds hold PAK-TJK events"
    assert hostile_events, "the pipeline extracts the hostile report's events, so their pages are checked"
    with serving(dashboard_app(seeded_db)) as base, browser_page() as (page, problems):
        page.goto(f"{base}/dyad/PAK-TJK", wait_until="networkidle")
        assert page.locator("table.events tbody tr").count() == len(pair.items)
        for event in pair.items:
            assert page.locator(f'a[href="/event/{event.event_id}"]').count() == 1
        screenshot(page, "seeds-dyad")
        problems.assert_none("seed dyad page")
        for event in pair.items:
            page.goto(f"{base}/event/{event.event_id}", wait_until="networkidle")
            assert page.locator(".article-text mark").count() >= 1, event.event_id
            problems.assert_none(f"seed event {event.event_id}")
        screenshot(page, "seeds-event")
        for event_id in hostile_events:
            page.goto(f"{base}/event/{event_id}", wait_until="networkidle")
            text = page.locator(".article-text").first.inner_text()
            assert "<script>window.__pwned=1</script>" in text and '<img src=x onerror="window.' in text
            assert page.locator(".article-text script, .article-text img").count() == 0
            assert page.evaluate("typeof window.__pwned") == "undefined"
            screenshot(page, "seeds-hostile-event")
        for path in ("/", "/network", "/map", "/events?text=memorandum"):
            page.goto(base + path, wait_until="networkidle")
            problems.assert_none(path)
            if path == "/map":
                screenshot(page, "seeds-map")
        assert page.evaluate("typeof window.__pwned") == "undefined"

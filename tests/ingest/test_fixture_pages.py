"""Scraped pages shaped like other outlets (wire agency, blog, ministry release) in tests/fixtures/ingest.

Each `<name>.json` beside a page states what ingest must make of it, so a new outlet's
habits are covered by adding two files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import collect

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix != ".json")


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_fixture_page(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    [article], errors = collect([str(page)])
    assert errors == []
    assert article.title == expected["title"]
    published = article.published.isoformat() if article.published else None
    assert published == expected["published"]
    assert article.published_source == ("explicit" if expected["published"] else "unknown")
    assert article.source_name == expected["source_name"]
    assert article.text.startswith(expected["starts_with"])
    assert article.text.endswith(expected["ends_with"])
    for chrome in expected["absent"]:
        assert chrome not in article.text, chrome

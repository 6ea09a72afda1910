"""Every gold set the project scores against: its publication dates and its evidence survive ingest.

Extraction can only quote what chrome removal keeps, and every relative date ("on
Thursday") hangs on the publication date, so both are checked for each gold file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.ingest import IngestOptions
from detente.ingest.manifest import read_manifest
from detente.models import Article

from .helpers import SHARED, collect

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOLD_SETS = {  # name: (gold folder, articles folder)
    "dev": (FIXTURES / "dev" / "gold", FIXTURES / "dev" / "articles"),
    "examples": (FIXTURES / "dev" / "examples_gold", ROOT / "examples" / "articles"),
    "holdout": (FIXTURES / "holdout" / "gold", FIXTURES / "holdout" / "articles"),
    "holdout2": (FIXTURES / "holdout2" / "gold", FIXTURES / "holdout2" / "articles"),
    "holdout3": (FIXTURES / "holdout3" / "gold", FIXTURES / "holdout3" / "articles"),
    "seeds": (SHARED / "gold" / "seeds", SHARED / "seeds"),
}


def _read_set(name: str) -> tuple[dict[str, Article], list[dict]]:
    gold_dir, articles_dir = GOLD_SETS[name]
    if not gold_dir.is_dir() or not articles_dir.is_dir():
        pytest.skip(f"{name}: {gold_dir} or {articles_dir} is absent: test skipped")
    articles, errors = collect([str(articles_dir)])
    assert errors == []
    golds = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))]
    assert golds, f"{name}: no gold files in {gold_dir}"
    return {article.doc_id: article for article in articles}, golds


@pytest.mark.parametrize("name", list(GOLD_SETS))
def test_gold_evidence_survives_chrome_removal_verbatim(name: str) -> None:
    articles, golds = _read_set(name)
    missing = {
        gold["doc_id"]: [event["evidence"] for event in gold["events"] if event["evidence"] not in text]
        for gold in golds
        for text in [articles[gold["doc_id"]].text]
    }
    assert {doc_id: lost for doc_id, lost in missing.items() if lost} == {}


@pytest.mark.parametrize("name", list(GOLD_SETS))
def test_publication_dates_match_the_gold(name: str) -> None:
    articles, golds = _read_set(name)
    found = {}
    for gold in golds:
        article = articles[gold["doc_id"]]
        found[gold["doc_id"]] = (
            article.published.isoformat() if article.published else None,
            article.published_source,
        )
    expected = {gold["doc_id"]: (gold["published"]["date"], gold["published"]["source"]) for gold in golds}
    assert found == expected


REAL_PAGES_MIN_ACCURACY = 0.95  # the bar; 93 of 94 on 2026-12-07 (r417: see below)


def test_publication_dates_of_real_pages() -> None:
    """../shared/news with the page urls of its INDEX.md (id and url only), strictly: an undated
    gold page must come out undated too.

    r417 is the one known miss: its only date is a "Last updated" stamp, which the real
    pages' guide does not count, while the written sets (holdout h07, holdout8 s12, dev13)
    date such a page by its stamp; the written sets win until their gold is revisited.
    """
    gold_dir, pages = SHARED / "gold" / "news", SHARED / "news"
    if not (gold_dir / "INDEX.md").is_file() or not pages.is_dir():
        pytest.skip("../shared/news or its gold is absent: test skipped")
    manifest = read_manifest(gold_dir / "INDEX.md", columns=("url",))
    articles, errors = collect([str(pages)], IngestOptions(manifest=manifest))
    assert errors == []
    by_id = {article.doc_id: article for article in articles}
    misses = {}
    golds = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))]
    for gold in golds:
        article = by_id[gold["doc_id"]]
        found = article.published.isoformat() if article.published else None
        if found != (gold.get("published") or {}).get("date"):
            misses[gold["doc_id"]] = (found, gold.get("published"))
    accuracy = 1 - len(misses) / len(golds)
    assert accuracy >= REAL_PAGES_MIN_ACCURACY, misses

"""Every gold set the project scores against: its publication dates and its evidence survive ingest.

Extraction can only quote what chrome removal keeps, and every relative date ("on
Thursday") hangs on the publication date, so both are checked for each gold file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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

"""The project's example articles (examples/articles) against their gold documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import collect

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
GOLD = ROOT / "tests" / "fixtures" / "dev" / "examples_gold"


@pytest.mark.skipif(not EXAMPLES.is_dir() or not GOLD.is_dir(), reason="examples or their gold are absent")
def test_examples_dates_and_evidence() -> None:
    articles, errors = collect([str(EXAMPLES)])
    assert errors == []
    by_id = {article.doc_id: article for article in articles}
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article = by_id[gold["doc_id"]]
        published = article.published.isoformat() if article.published else None
        assert (published, article.published_source) == (
            gold["published"]["date"],
            gold["published"]["source"],
        )
        missing = [event["evidence"] for event in gold["events"] if event["evidence"] not in article.text]
        assert missing == [], gold["doc_id"]

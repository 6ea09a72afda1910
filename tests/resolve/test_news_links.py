"""The merge on real pages, apart from extraction: the gold events of ../shared/gold/news resolved.

Each gold event becomes a mention (its evidence found in the page's text), the mentions
are resolved as the pipeline resolves extracted ones, and the gold `same_event_as` links
are scored with the shared scorer's own pairing. Extraction cannot lose a link here, so a
drop is the merge's doing. Links between a plan and its execution are by design two
events (linked through `related`), so two of the 22 links cannot be found this way.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import shared_path
from tests.gold_contract import load_scorer

from detente.dedup_links import link_result
from detente.models import Article, Event
from detente.resolve import resolve_all

pytestmark = pytest.mark.shared


def resolved_gold() -> tuple[dict[str, dict], dict[str, dict]]:
    scorer = load_scorer()
    gold = scorer.load_gold(shared_path("gold", "news"))
    pages = shared_path("news")
    articles, mentions = [], []
    for doc_id, record in gold.items():
        text = (pages / f"{doc_id}.txt").read_text("utf-8")
        published = record["published"]["date"]
        articles.append(Article(doc_id, text, published=date.fromisoformat(published) if published else None))
        for event in record["events"]:
            mention = Event.from_record(event, doc_id=doc_id)
            found = text.find(event["evidence"])
            mention.evidence_start = found if found >= 0 else None
            mentions.append((event, mention))
    resolve_all(articles, [m for _, m in mentions])
    pred: dict[str, dict] = {}
    for event, mention in mentions:
        record = {**event, "event_id": mention.event_id, "related": mention.related}
        pred.setdefault(mention.doc_id or "", {"events": []})["events"].append(record)
    return gold, pred


def test_gold_events_of_real_pages_are_merged_where_gold_links_them() -> None:
    gold, pred = resolved_gold()
    result = link_result(gold, pred, load_scorer().pair)

    assert result["gold_links"] == 22
    assert result["recall"] >= 0.77, result
    assert result["precision"] >= 0.90, result
    assert result["plan_execution_linked"] >= 1  # Golden Dragon: planned in one page, held in another

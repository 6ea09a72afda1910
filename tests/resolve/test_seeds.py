"""The five seed articles' gold events: the one gold cross-article link, and no other."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import shared_path
from tests.gold_contract import load_scorer

from detente.models import Article, Event
from detente.resolve import resolve_all

pytestmark = pytest.mark.shared


def gold_world() -> tuple[dict[str, dict], list[Article], list[tuple[str, int, Event]]]:
    gold_dir: Path = shared_path("gold", "seeds")
    seeds: Path = shared_path("seeds")
    gold = {f.stem: json.loads(f.read_text()) for f in sorted(gold_dir.glob("*.json"))}
    articles, mentions = [], []
    for doc_id, record in gold.items():
        text = (seeds / f"{doc_id}.txt").read_text()
        published = record["published"]["date"]
        articles.append(Article(doc_id, text, published=date.fromisoformat(published) if published else None))
        for index, event in enumerate(record["events"]):
            m = Event.from_record(event, doc_id=doc_id)
            m.evidence_start = text.find(event["evidence"])
            mentions.append((doc_id, index, m))
    return gold, articles, mentions


def gold_links(gold: dict[str, dict]) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    links = set()
    for doc_id, record in gold.items():
        for link in record.get("same_event_as") or []:
            pair = sorted([(doc_id, link["event_index"]), (link["doc_id"], link["other_event_index"])])
            links.add((pair[0], pair[1]))
    return links


def test_gold_events_share_ids_exactly_where_gold_links_them() -> None:
    gold, articles, mentions = gold_world()
    resolve_all(articles, [m for _, _, m in mentions])

    by_id: dict[str, list[tuple[str, int]]] = {}
    for doc_id, index, m in mentions:
        assert m.event_id
        by_id.setdefault(m.event_id, []).append((doc_id, index))
    shared = {
        (a, b)
        for keys in by_id.values()
        for x, a in enumerate(sorted(keys))
        for b in sorted(keys)[x + 1 :]
        if a[0] != b[0]
    }
    rahmon = (("000_09ec347bbbf63c13", 5), ("002_94f67eff76453fdf", 0))
    assert rahmon in gold_links(gold)
    assert shared == gold_links(gold)


def test_scorer_gives_perfect_dedup_on_gold_events_with_resolved_ids() -> None:
    gold, articles, mentions = gold_world()
    resolve_all(articles, [m for _, _, m in mentions])
    pred: dict[str, dict] = {}
    for doc_id, _, m in mentions:
        doc = pred.setdefault(
            doc_id, {"doc_id": doc_id, "published": gold[doc_id]["published"], "events": []}
        )
        doc["events"].append(m.to_record())

    result = load_scorer().score(gold, pred)

    assert result["dedup"]["gold_links"] == 1
    assert result["dedup"]["recall"] == 1.0
    assert result["dedup"]["precision"] == 1.0


def test_seed_ids_do_not_depend_on_input_order() -> None:
    _, articles, mentions = gold_world()
    resolve_all(articles, [m for _, _, m in mentions])
    expected = {(doc_id, index): m.event_id for doc_id, index, m in mentions}
    for seed in range(3):
        _, articles, mentions = gold_world()
        rng = random.Random(seed)
        rng.shuffle(articles)
        rng.shuffle(mentions)
        resolve_all(articles, [m for _, _, m in mentions])
        assert {(doc_id, index): m.event_id for doc_id, index, m in mentions} == expected

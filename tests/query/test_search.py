from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

import detente
from detente.models import Article
from detente.query import Detente
from detente.store import open_store


def test_search_finds_articles_and_events_with_marked_snippets(db: Detente) -> None:
    hits = db.search("memorandum of understanding")
    kinds = {(h.kind, h.id) for h in hits}
    assert ("event", "E-ke-ug-mou") in kinds
    assert ("article", "kenya-uganda-talks") in kinds
    event_hit = next(h for h in hits if h.kind == "event")
    assert "<mark>memorandum</mark>" in event_hit.snippet_html
    assert "memorandum of understanding" in event_hit.snippet
    assert all(a.score >= b.score for a, b in pairwise(hits))


def test_search_stems_words_and_ignores_query_syntax(db: Detente) -> None:
    assert {h.id for h in db.search("pledges")} >= {"E-ke-ug-pledge"}
    assert {h.id for h in db.search('"Atlantic" Shield* -(')} >= {"E-atlantic-shield", "atlantic-shield"}


def test_snippets_are_safe_to_put_in_a_page(db: Detente) -> None:
    [hit] = [h for h in db.search("counterclaims") if h.kind == "article"]
    assert "<b>" not in hit.snippet_html and "&lt;b&gt;Bold&lt;/b&gt;" in hit.snippet_html
    assert "&amp;" in hit.snippet_html and "<mark>counterclaims</mark>" in hit.snippet_html


def test_search_limit_and_validation(db: Detente) -> None:
    assert len(db.search("Nairobi", limit=1)) == 1
    with pytest.raises(ValueError, match="no words"):
        db.search("  -- ")


def test_articles_added_after_a_search_are_found_too(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    with open_store(path) as store:
        store.add_article(Article("a", "Chile and Peru discussed coastal patrols."), [])
    with detente.open(path) as db:
        assert [h.id for h in db.search("patrols")] == ["a"]
        with open_store(path) as store:
            store.add_article(Article("b", "More coastal patrols were announced."), [])
        assert sorted(h.id for h in db.search("patrols")) == ["a", "b"]

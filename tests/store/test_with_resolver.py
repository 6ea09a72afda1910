"""The store saves what the real resolver makes of its own mentions (invariants only)."""

from __future__ import annotations

from tests.store.sample_world import sample_articles

from detente.resolve import resolve_all
from detente.store import Store


def _snapshot(store: Store) -> dict[str, list[tuple]]:
    """The saved tables, without events' surrogate row id (PostgreSQL never reuses one)."""
    tables = ("events", "event_sources", "event_countries", "event_participants", "people", "person_names")
    snapshot = {
        table: [tuple(row) for row in store.connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
        for table in tables
    }
    snapshot["events"] = sorted(row[1:] for row in snapshot["events"])
    return snapshot


def test_resolving_stored_mentions_links_every_mention_and_is_repeatable(store: Store) -> None:
    for item in sample_articles():
        store.add_article(item.article, item.mentions)
    store.save_resolution(resolve_all(store.articles(), store.mentions()))
    first = _snapshot(store)

    assert all(m.event_id for m in store.mentions())
    texts = {a.doc_id: a.text for a in store.articles()}
    for row in store.connection.execute("SELECT doc_id, evidence, evidence_start FROM event_sources"):
        start = row["evidence_start"]
        assert start is not None
        assert texts[row["doc_id"]][start : start + len(row["evidence"])] == row["evidence"]
    orphans = store.connection.execute(
        "SELECT COUNT(*) FROM mentions WHERE event_id NOT IN (SELECT event_id FROM events)"
    ).fetchone()[0]
    assert orphans == 0

    store.save_resolution(resolve_all(list(reversed(store.articles())), list(reversed(store.mentions()))))
    assert _snapshot(store) == first

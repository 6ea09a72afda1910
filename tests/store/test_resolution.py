from __future__ import annotations

from pathlib import Path

import pytest
from tests.store.sample_world import fill, sample_articles, sample_resolution

from detente.models import Event, Resolution, Source
from detente.store import Store, open_store


def _scalar(store: Store, sql: str, *params: object) -> object:
    return store.connection.execute(sql, params).fetchone()[0]


def test_saving_a_resolution_fills_the_merged_tables(store: Store) -> None:
    fill(store)
    assert _scalar(store, "SELECT COUNT(*) FROM events") == 8
    assert _scalar(store, "SELECT COUNT(*) FROM event_sources") == 9
    assert _scalar(store, "SELECT COUNT(*) FROM people") == 4
    assert _scalar(store, "SELECT source_count FROM events WHERE event_id = 'E-ke-ug-talks'") == 2
    assert (
        _scalar(store, "SELECT first_reported FROM events WHERE event_id = 'E-ke-ug-talks'") == "2025-03-04"
    )
    countries = store.connection.execute(
        "SELECT country FROM event_countries WHERE event_id = 'E-arusha-course' ORDER BY country"
    ).fetchall()
    assert [r[0] for r in countries] == ["KEN", "TZA", "UGA"]
    assert _scalar(store, "SELECT event_count FROM places WHERE name = 'Nairobi'") == 2


def test_every_mention_gets_its_event_id_even_when_a_sentence_states_two_events(store: Store) -> None:
    fill(store)
    by_evidence = {(m.doc_id, m.type): m.event_id for m in store.mentions()}
    assert by_evidence[("kenya-uganda-talks", "meeting")] == "E-ke-ug-talks"
    assert by_evidence[("east-wire-0305", "meeting")] == "E-ke-ug-talks"
    assert by_evidence[("kenya-uganda-talks", "agreement")] == "E-ke-ug-mou"
    assert all(m.event_id for m in store.mentions())


def test_mention_participants_get_person_ids_under_any_name_form(store: Store) -> None:
    fill(store)
    [again] = [m for m in store.mentions() if m.doc_id == "east-wire-0305"]
    assert [(p.name, p.person_id) for p in again.participants] == [("Wekesa", "P-wekesa"), ("Okot", "P-okot")]


def test_source_offsets_come_from_the_mentions_or_the_article_text(store: Store) -> None:
    fill(store)
    texts = {a.doc_id: a.text for a in store.articles()}
    rows = store.connection.execute("SELECT doc_id, evidence, evidence_start FROM event_sources").fetchall()
    for row in rows:
        start = row["evidence_start"]
        assert texts[row["doc_id"]][start : start + len(row["evidence"])] == row["evidence"]


def test_a_new_resolution_replaces_the_previous_one(store: Store) -> None:
    fill(store)
    smaller = sample_resolution()
    smaller.events = [e for e in smaller.events if e.event_id == "E-atlantic-shield"]
    smaller.people = []
    smaller.copies = {"east-wire-0305": "kenya-uganda-talks"}
    store.save_resolution(smaller)
    assert [r[0] for r in store.connection.execute("SELECT event_id FROM events")] == ["E-atlantic-shield"]
    assert _scalar(store, "SELECT COUNT(*) FROM people") == 0
    assert _scalar(store, "SELECT COUNT(*) FROM event_sources") == 1
    assert _scalar(store, "SELECT COUNT(*) FROM mentions WHERE event_id IS NOT NULL") == 1
    assert (
        _scalar(store, "SELECT copy_of FROM articles WHERE doc_id = 'east-wire-0305'") == "kenya-uganda-talks"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [({"event_id": None}, "need an event_id"), ({"type": "summit"}, "unknown type 'summit'")],
)
def test_a_bad_resolution_is_refused_and_the_previous_one_stays(
    store: Store, change: dict[str, object], message: str
) -> None:
    fill(store)
    bad = sample_resolution()
    for name, value in change.items():
        setattr(bad.events[-1], name, value)
    with pytest.raises(ValueError, match=message):
        store.save_resolution(bad)
    assert _scalar(store, "SELECT COUNT(*) FROM events") == 8
    assert _scalar(store, "SELECT COUNT(*) FROM people") == 4
    assert _scalar(store, "SELECT COUNT(*) FROM mentions WHERE event_id IS NULL") == 0


def test_an_event_without_sources_is_sourced_from_its_own_article(store: Store) -> None:
    item = sample_articles()[0]
    store.add_article(item.article, item.mentions)
    merged = _merged_from(item.mentions[0], item.article.doc_id)
    store.save_resolution(Resolution([merged]))
    row = store.connection.execute("SELECT * FROM event_sources").fetchone()
    assert (row["doc_id"], row["outlet"], row["evidence_start"]) == (
        "kenya-uganda-talks",
        "Nairobi Daily",
        14,
    )


def test_sources_naming_unknown_articles_are_kept_without_offsets(tmp_path: Path) -> None:
    with open_store(tmp_path / "d.db") as store:
        merged = Event(
            "meeting", "occurred", ["KEN"], "x", event_id="E-2", sources=[Source("gone", "x", "Wire")]
        )
        store.save_resolution(Resolution([merged]))
        row = store.connection.execute("SELECT * FROM event_sources").fetchone()
    assert (row["doc_id"], row["outlet"], row["evidence_start"]) == ("gone", "Wire", None)


def test_first_reported_falls_back_to_the_articles_publication_date(store: Store) -> None:
    item = sample_articles()[0]
    store.add_article(item.article, item.mentions)
    mention = item.mentions[0]
    undated_source = Source(item.article.doc_id, mention.evidence)  # resolve left published empty
    merged = _merged_from(mention, item.article.doc_id, sources=[undated_source])
    store.save_resolution(Resolution([merged]))
    assert item.article.published is not None
    assert _scalar(store, "SELECT first_reported FROM events") == item.article.published.isoformat()


def _merged_from(mention: Event, doc_id: str, sources: list[Source] | None = None) -> Event:
    """A resolved event made of one stored mention, as resolution would hand it to the store."""
    return Event(
        mention.type,
        mention.status,
        mention.countries,
        mention.evidence,
        mention.date,
        doc_id=doc_id,
        event_id="E-1",
        sources=sources or [],
    )

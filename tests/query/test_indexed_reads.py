"""The place filter (through `event_places`) and full-text search (ranked within a bounded
window) give what the unindexed readings they replace gave, on both backends: the same
events in the same order on every page, ties included, and the same ranked hits.

The fixture database is written three ways (a whole resolution, the m010 migration over
events stored before it, and incremental resolution in `tests/resolve/test_incremental.py`,
which compares `event_places` too)."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.query.module_world import world_fixtures

import detente
from detente.models import Article, Event, EventDate, Place, Resolution, Source
from detente.query import Detente
from detente.store import Store, open_store
from detente.store.dialect import dialect_of
from detente.store.read import related as related_reads
from detente.store.read import search

PLACES = [
    Place("Moi Barracks, Eldoret", "KEN", 198629),
    Place("Eldoret", "KEN", 198629),
    Place("ELDORET", "KEN", None),
    Place("General Headquarters, Rawalpindi", "PAK", 1166993),
    Place("Rawalpindi", "PAK", 1166993),
    Place("Rawalpindi Cantonment ,Rawalpindi , Punjab", "PAK", None),
    Place("Kraków", "POL", 3094802),
    Place("Port  Louis", "MUS", 934154),
    Place(None, "KEN", 192950),  # a country's capital stands for it: only an id
    Place("Eldoret Airport", "KEN", None),
    None,
]
QUERIES = [
    "Eldoret",
    "eldoret ",
    "Moi Barracks",
    "moi barracks ,eldoret",
    "Moi Barracks, Eldoret, Kenya",
    "Rawalpindi",
    "Rawalpindi Cantonment, Rawalpindi",
    "rawalpindi,punjab",
    "Punjab",
    "Krakow",
    "Port Louis",
    "198629",
    " 192950 ",
    "0198629",
    "Eldo",
    "Barracks",
]
TYPES = ("meeting", "exercise", "agreement")
TEXTS = [
    "Troops began a joint exercise near the border.",
    "The joint exercise, a joint exercise of two navies, ended.",
    "Officials said the exercise was joint and planned for months, with many more words after it.",
    "Ministers met to discuss trade.",
    "A joint exercise.",
]


def _events() -> list[Event]:
    events = []
    for n in range(90):
        day = date(2024, 1, 1) + timedelta(days=n % 7)  # many events share a day: ties
        when = EventDate(day, day, "day") if n % 11 else EventDate(None, None, "unknown")
        evidence = f"{TEXTS[n % len(TEXTS)]} Report {n}."
        events.append(
            Event(
                TYPES[n % 3],
                "occurred",
                ["KEN", "UGA"] if n % 2 else ["PAK", "POL"],
                evidence,
                when,
                [],
                PLACES[n % len(PLACES)],
                event_id=f"E-{n:03d}",
                sources=[Source(f"doc-{n % 30:02d}", evidence)],
            )
        )
    return events


def _fill(store: Store) -> None:
    for n in range(30):
        text = " ".join(f"{TEXTS[(n + k) % len(TEXTS)]} Report {n}." for k in range(1 + n % 3))
        if n % 10 == 9:
            text = TEXTS[0]  # the same text under three ids: equal scores
        store.add_article(Article(f"doc-{n:02d}", text, title=f"Dispatch {n}"), [])
    for n in range(40):  # articles matching none of the words searched for
        store.add_article(Article(f"other-{n:02d}", f"Weather on the coast, day {n}."), [])
    store.save_resolution(Resolution(events=_events()))


sqlite_path, postgres_location, location, db = world_fixtures(_fill, "indexed_reads")


# ------------------------------------------------------------------ the place filter


def _fold(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s.]+", " ", plain).strip().casefold()


def _at(place: str | None, geonames_id: int | None, asked: str) -> bool:
    """The unindexed reading (the SQL it replaces, in Python): the asked name, its parts
    joined by bare commas, found between commas in the stored name's; or the id as text."""
    wanted = re.sub(r"\s*,\s*", ",", _fold(asked))
    if place is not None:
        stored = _fold(place).replace(", ", ",").replace(" ,", ",")
        if f",{wanted}," in f",{stored},":
            return True
    return geonames_id is not None and str(geonames_id) == asked.strip()


def _reference(db: Detente, places: list[str], sort: str | None, **filters: str) -> list[str]:
    every = db.events(limit=1_000, sort=sort, **filters).items  # the listing without a place
    return [e.event_id for e in every if any(_at(e.location_place, e.geonames_id, asked) for asked in places)]


@pytest.mark.parametrize("asked", QUERIES)
@pytest.mark.parametrize("sort", [None, "-sources", "place"])
def test_the_place_filter_pages_through_what_the_unindexed_reading_found(
    db: Detente, asked: str, sort: str | None
) -> None:
    expected = _reference(db, [asked], sort)
    assert db.events(place=asked, sort=sort, limit=1).total == len(expected)
    pages = [db.events(place=asked, sort=sort, limit=4, offset=start) for start in range(0, 40, 4)]
    assert [e.event_id for page in pages for e in page.items] == expected
    assert {page.total for page in pages} == {len(expected)}


def test_several_places_with_other_filters(db: Detente) -> None:
    asked = ["Rawalpindi", "Moi Barracks", "192950"]
    expected = _reference(db, asked, None, type="meeting", since="2024-01-03")
    assert expected  # the fixture has such events: the comparison says something
    found = db.events(place=asked, type="meeting", since="2024-01-03", limit=100)
    assert [e.event_id for e in found.items] == expected
    assert found.total == len(expected)


def test_the_reference_is_the_sql_it_replaced(sqlite_path: Path) -> None:
    """On SQLite, the Python reference above agrees with the former SQL condition itself."""
    conn = sqlite3.connect(sqlite_path)
    conn.create_function("name_key", 1, lambda v: None if v is None else _fold(v))
    rows = conn.execute("SELECT event_id, location_place, geonames_id FROM events").fetchall()
    for asked in QUERIES:
        old = conn.execute(
            "SELECT event_id FROM events WHERE"
            " instr(',' || replace(replace(name_key(location_place), ', ', ','), ' ,', ',') || ',',"
            " ',' || ? || ',') > 0 OR CAST(geonames_id AS TEXT) = ?",
            (re.sub(r"\s*,\s*", ",", _fold(asked)), asked.strip()),
        )
        assert {r[0] for r in old} == {r[0] for r in rows if _at(r[1], r[2], asked)}, asked


def test_events_stored_before_the_place_index_are_filed_by_its_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        _fill(store)
        written = sorted(
            tuple(r) for r in store.connection.execute("SELECT kind, key, event_id FROM event_places")
        )
    assert written  # the resolution filed its events
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE event_places; DELETE FROM migrations WHERE name = 'm010_event_places';")
    conn.close()
    with open_store(path) as store:
        assert (
            sorted(tuple(r) for r in store.connection.execute("SELECT kind, key, event_id FROM event_places"))
            == written
        )
    with detente.open(path) as db:
        assert [e.event_id for e in db.events(place="Rawalpindi", limit=100).items] == _reference(
            db, ["Rawalpindi"], None
        )


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_replaced_events_leave_the_place_index(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    """A whole resolution replaces the filings; a removed event takes its own with it."""
    location = tmp_path / "r.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    with open_store(location) as store:
        _fill(store)
        store.save_resolution(Resolution(events=_events()[:5]))
        rows = store.connection.execute("SELECT DISTINCT event_id FROM event_places").fetchall()
        assert {row[0] for row in rows} == {"E-000", "E-001", "E-002", "E-003", "E-004"}
        store.connection.execute("DELETE FROM events WHERE event_id = 'E-000'")
        assert not store.connection.execute("SELECT 1 FROM event_places WHERE event_id = 'E-000'").fetchall()


@pytest.mark.parametrize("words", ["joint exercise", "report 7", "ministers trade", "absent"])
@pytest.mark.parametrize("sort", [None, "-sources"])
def test_the_text_filter_pages_through_every_match_in_order(
    location: str | Path, db: Detente, words: str, sort: str | None
) -> None:
    """A newest-first listing of a common text reads the date index and checks each event
    against the matches (SQLite); every page is the slice of the whole ordered listing."""
    every = db.events(limit=1_000, sort=sort).items
    if isinstance(location, Path):
        conn = sqlite3.connect(location)
        matched = {
            row[0]
            for row in conn.execute(
                "SELECT e.event_id FROM events_fts JOIN events e ON e.id = events_fts.rowid"
                " WHERE events_fts MATCH ?",
                (search.fts_query(words),),
            )
        }
        conn.close()
    else:
        matched = {e.event_id for e in db.events(text=words, limit=1_000).items}
    expected = [e.event_id for e in every if e.event_id in matched]
    pages = [db.events(text=words, sort=sort, limit=6, offset=start) for start in range(0, 96, 6)]
    assert [e.event_id for page in pages for e in page.items] == expected
    assert {page.total for page in pages} == {len(expected)}


@pytest.mark.parametrize("limit", [3, 200])
def test_related_candidates_sharing_states_are_read_through_the_pair_index(
    location: str | Path, db: Detente, limit: int
) -> None:
    """Events of one type with every one of the given states, in date order: the same as
    filtering every event, through `event_pairs` (which holds the type) or one state."""
    every = db.events(limit=1_000).items
    with open_store(location) as store:
        for event in every[:12]:
            for states in (event.countries, event.countries[:1], ["KEN", "PAK"], []):
                found = related_reads.sharing_countries(
                    store.connection, event.event_id, event.type, list(states), named=False, limit=limit
                )
                expected = sorted(
                    (
                        e
                        for e in every
                        if e.type == event.type
                        and e.event_id != event.event_id
                        and set(states) <= set(e.countries)
                    ),
                    key=lambda e: (e.date_start is None, e.date_start or date.min, e.event_id),
                )
                wanted = [e.event_id for e in expected][:limit] if states else []
                assert [e["event_id"] for e in found] == wanted, (event.event_id, states)


@pytest.mark.parametrize(
    "filters",
    [
        {"dyad": "KEN,UGA", "type": "meeting", "status": "occurred", "since": "2024-01-03"},
        {"dyad": "POL,PAK", "type": ["exercise", "agreement"], "until": "2024-01-04"},
        {"dyad": "KEN,UGA", "status": "planned"},
        {"countries": "KEN", "since": "2024-01-02"},
        {"located_in": "PAK"},
        {},
    ],
)
def test_a_pair_with_other_terms_pages_and_counts_as_filtering_every_event(
    db: Detente, filters: dict
) -> None:
    """The pair index reads the pair's events; the other terms are checked on those rows."""
    every = db.events(limit=1_000).items
    pair = set(str(filters.get("dyad") or filters.get("countries") or "").split(",")) - {""}
    types = filters.get("type") or TYPES
    expected = [
        e.event_id
        for e in every
        if pair <= set(e.countries)
        and e.type in types
        and e.status == filters.get("status", e.status)
        and (
            e.date_start is not None and e.date_start >= date.fromisoformat(filters["since"])
            if "since" in filters
            else True
        )
        and (
            e.date_start is not None and e.date_start <= date.fromisoformat(filters["until"])
            if "until" in filters
            else True
        )
        and e.location_country == filters.get("located_in", e.location_country)
    ]
    pages = [db.events(**filters, limit=5, offset=start).items for start in range(0, 100, 5)]
    assert [e.event_id for page in pages for e in page] == expected
    assert db.count(**filters) == db.events(**filters, limit=1).total == len(expected)


def test_sqlite_reads_a_pairs_events_through_the_pair_index(sqlite_path: Path) -> None:
    """Without statistics SQLite would take the type-and-status index, a third of the events,
    for a pair's handful (225 ms instead of 1 ms at 700k events)."""
    from detente.store.read.filters import EventFilter, where_clause

    spec = EventFilter(
        countries=("KEN", "UGA"), types=("meeting",), statuses=("occurred",), since=date(2024, 1, 3)
    )
    where, params = where_clause(spec)
    conn = sqlite3.connect(sqlite_path)
    plan = " ".join(
        row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN SELECT * FROM events e WHERE {where}", params)
    )
    conn.close()
    assert "event_pairs" in plan and "events_type" not in plan and "events_date" not in plan, plan


# ------------------------------------------------------------------ full-text search


def _ranked_whole(conn: object, query: str) -> dict[str, list[tuple[int, str, float]]]:
    """Every match of each kind ranked (the reading before the window): (row id, id, score)."""
    if dialect_of(conn).name == "sqlite":
        sql = {
            "article": "SELECT a.id, a.doc_id, -bm25(articles_fts) FROM articles_fts"
            " JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?",
            "event": "SELECT e.id, e.event_id, -bm25(events_fts) FROM events_fts"
            " JOIN events e ON e.id = events_fts.rowid WHERE events_fts MATCH ?",
        }
    else:
        article = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
        event = "to_tsvector('english', coalesce(name, '') || ' ' || all_evidence)"
        sql = {
            "article": f"SELECT id, doc_id, ts_rank({article}, q) FROM articles,"
            f" plainto_tsquery('english', ?) q WHERE {article} @@ q",
            "event": f"SELECT id, event_id, ts_rank({event}, q) FROM events,"
            f" plainto_tsquery('english', ?) q WHERE {event} @@ q",
        }
    found = {}
    for kind, text in sql.items():
        rows = [(r[0], r[1], float(r[2])) for r in conn.execute(text, (query,))]  # type: ignore[attr-defined]
        found[kind] = sorted(rows, key=lambda r: (-r[2], r[0]))  # best first, ties by row id
    return found


def _expected(ranked: dict[str, list[tuple[int, str, float]]], limit: int, window: int) -> list[tuple]:
    hits = []
    for kind, rows in ranked.items():
        newest = set(sorted(r[0] for r in rows)[-window:])
        hits += [(kind, r[1], round(r[2], 6)) for r in [r for r in rows if r[0] in newest][:limit]]
    hits.sort(key=lambda h: (-h[2], h[0], h[1]))  # as `search` merges the two kinds
    return hits[:limit]


@pytest.mark.parametrize("words", ["joint exercise", "exercise", "report 7", "ministers trade", "absent"])
@pytest.mark.parametrize("limit", [1, 3, 10, 200])
@pytest.mark.parametrize("window", [search.WINDOW, 12, 1])
def test_search_ranks_as_the_whole_ranking_did_within_its_window(
    location: str | Path, words: str, limit: int, window: int
) -> None:
    query = search.fts_query(words)
    assert query is not None
    with open_store(location) as store:
        ranked = _ranked_whole(store.connection, query if isinstance(location, Path) else words)
        hits = search.search(store.connection, query, limit, window)
    assert [(h["kind"], h["id"], h["score"]) for h in hits] == _expected(ranked, limit, window)


def test_the_fixture_has_ties_and_more_matches_than_the_small_windows(sqlite_path: Path) -> None:
    with open_store(sqlite_path) as store:
        ranked = _ranked_whole(store.connection, search.fts_query("joint exercise") or "")
    scores = [r[2] for r in ranked["article"]]
    assert len(scores) > 12 and len(set(scores)) < len(scores)

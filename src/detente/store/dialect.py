"""What differs between SQLite and PostgreSQL, in one place.

The store's queries are written once, in SQLite's spelling (`?` and `:name` parameters,
`IS ?`, `instr`); `Postgres.translate` rewrites the few spellings PostgreSQL lacks, and
each dialect supplies what cannot be rewritten: column types in DDL, how a write
transaction starts and locks, how a new row's id comes back, and full-text search
(FTS5 with bm25 in SQLite, `tsvector` expression indexes with GIN and `ts_rank` in
PostgreSQL). Everything else in `detente.store` is shared by both backends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

OPEN, CLOSE = "\x02", "\x03"  # match markers no article text contains
#: ts_headline drops what looks like an HTML tag: its angle brackets go in as these, and
#: come back out (`read.search`), so a snippet shows the text as it is.
ANGLES = {"\x04": "<", "\x05": ">"}
_ANGLES_IN = "translate({}, '<>', chr(4) || chr(5))"
_EVENT_TITLE = (
    "coalesce(e.name, e.type || ': ' || replace(replace(replace(e.countries, '[', ''), ']', ''), '\"', ''))"
)


def _fts5_search(fts: str, columns: str, join: str) -> str:
    """The best `:limit` of the window, ranked in the index alone (`best`); then one scan of
    the index over the rowids they span, which snips and joins only those rows. `join` joins
    the table on `{rowid}`, the FTS row id of a hit.

    Snipping by a second MATCH per hit opened every segment of the index for each word, once
    per hit (1.5 ms a hit on an index written batch by batch, at a million events); joining
    and snipping every row of the window read 5,000 table rows for 20 kept. At a million
    events ("joint exercise"): events 20.0 -> 13.6 ms, articles 13.7 -> 14.3 ms on merged
    indexes; 27.4 -> 22.5 and 17.2 -> 15.0 ms on indexes of many segments."""
    window = (
        f"SELECT min(rowid) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH :query"
        " ORDER BY rowid DESC LIMIT :window)"
    )
    best = (
        f"SELECT rowid, rank FROM {fts} WHERE {fts} MATCH :query AND rowid >= ({window})"
        " ORDER BY rank, rowid LIMIT :limit"
    )
    # CROSS JOIN keeps the order (the scan, then `best`, then the table), so the rowid equality
    # is checked on each scanned row; the `+` keeps it so should a planner ever reorder them
    # (else: one MATCH per hit). `best`, read three times, is materialized (SQLite >= 3.35
    # does it unasked; older ones give the same rows).
    return (
        f"WITH best AS ({best})"
        f" {columns} snippet({fts}, -1, '{OPEN}', '{CLOSE}', '…', 20) AS snip, -best.rank AS score"
        f" FROM {fts} CROSS JOIN best ON best.rowid = +{fts}.rowid"
        f" CROSS {join.format(rowid='best.rowid')}"
        f" WHERE {fts} MATCH :query"
        f" AND {fts}.rowid BETWEEN (SELECT min(rowid) FROM best) AND (SELECT max(rowid) FROM best)"
        " ORDER BY best.rank, best.rowid"
    )


class Dialect:
    """SQLite: the reference spelling, so every method passes the SQL through."""

    name = "sqlite"
    text_segments = True  # full-text indexes written in segments (`compact_text_indexes`)

    def translate(self, sql: str) -> str:
        return sql

    def ddl(self, script: str) -> str:
        return script

    def begin_write(self, conn: Any, lock: str | None) -> None:
        """BEGIN IMMEDIATE takes SQLite's one write lock up front (`lock` is for PostgreSQL)."""
        conn.execute("BEGIN IMMEDIATE")

    def returning_id(self) -> str:
        return ""

    def full_text_schema(self) -> str:
        """FTS5 over article text (kept in sync by triggers) and event evidence (rebuilt on save)."""
        return """
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, text, content='articles', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE VIRTUAL TABLE events_fts USING fts5 (
            name, all_evidence, content='events', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        """

    def search_articles_sql(self) -> str:
        """The best `:limit` articles for `:query` among its `:window` most recently stored
        matches (all of them when there are no more): the window read newest first from
        the FTS index (which stops there), ranked in the index alone (bm25, ties by rowid),
        and only the best rows joined to their articles and snipped."""
        return _fts5_search(
            "articles_fts",
            "SELECT a.doc_id AS id, a.title, a.published AS day,",
            "JOIN articles a ON a.id = {rowid}",
        )

    def search_events_sql(self) -> str:
        """As `search_articles_sql`, over event names and evidence."""
        return _fts5_search(
            "events_fts",
            f"SELECT e.event_id AS id, {_EVENT_TITLE} AS title, e.date_start AS day,",
            "JOIN events e ON e.id = {rowid}",
        )

    def reindex_all_events(self, conn: Any) -> None:
        conn.execute("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")

    def compact_text_indexes(self, conn: Any) -> None:
        """Merge each FTS5 index into one segment. Written batch by batch, an index keeps many
        segments and the entries of replaced events; every MATCH then opens each segment for
        each word. At a million events, ranking a window of 5,000 matches took 20 ms, and 12.5
        once merged; a second MATCH for one row 1.5 ms, and 0.02. Merging took 2-3 s an index."""
        for table in ("articles_fts", "events_fts"):
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")

    def unindex_events(self, conn: Any, where: str, params: Any) -> None:
        conn.execute(
            "INSERT INTO events_fts (events_fts, rowid, name, all_evidence)"
            f" SELECT 'delete', id, name, all_evidence FROM events WHERE {where}",
            params,
        )

    def index_events(self, conn: Any, where: str, params: Any) -> None:
        conn.execute(
            "INSERT INTO events_fts (rowid, name, all_evidence)"
            f" SELECT id, name, all_evidence FROM events WHERE {where}",
            params,
        )


SQLITE = Dialect()

# PostgreSQL: types, and the rewrites of SQLite spellings it lacks -----------------------

_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_TYPES = (
    (re.compile(r"\bINTEGER PRIMARY KEY\b"), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\)\s*WITHOUT ROWID"), ")"),
)
_SPELLINGS = (
    (re.compile(r"%"), "%%"),
    (re.compile(r"\bIS NOT \?", re.IGNORECASE), "IS DISTINCT FROM ?"),
    (re.compile(r"\bIS \?", re.IGNORECASE), "IS NOT DISTINCT FROM ?"),
    (re.compile(r"\bLIMIT \?"), "LIMIT NULLIF(?, -1)"),  # SQLite's LIMIT -1 is PostgreSQL's LIMIT NULL
    (re.compile(r"\?"), "%s"),
    (re.compile(r"(?<![:\w]):([A-Za-z_]\w*)"), r"%(\1)s"),
    (re.compile(r"\binstr\(", re.IGNORECASE), "strpos("),
    (re.compile(r"\bBEGIN IMMEDIATE\b"), "BEGIN"),
    # The event filter's text condition; its bound FTS5 query ('"w1" "w2"') reads the same
    # to plainto_tsquery, which ignores the quotes. A leading "+" (SQLite: check it per row,
    # never through an index) is dropped: PostgreSQL plans with statistics.
    (
        re.compile(r"\+?\b(\w+)\.id IN \(SELECT rowid FROM events_fts WHERE events_fts MATCH %s\)"),
        r"to_tsvector('english', coalesce(\1.name, '') || ' ' || \1.all_evidence)"
        r" @@ plainto_tsquery('english', %s)",
    ),
)
#: A text search configuration without stemming-language surprises for names: 'english'
#: stems like FTS5's porter tokenizer; unaccent (when installed) folds diacritics like
#: remove_diacritics.
_ARTICLE_DOC = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
_EVENT_DOC = "to_tsvector('english', coalesce(name, '') || ' ' || all_evidence)"
_HEADLINE = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=20, MinWords=8, FragmentDelimiter=…, MaxFragments=1"
WRITER_LOCK = 0x64E7E  # advisory lock: shared by article writes, exclusive for resolutions


def _rewrite_outside_quotes(sql: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    parts, last = [], 0
    for quoted in _QUOTED.finditer(sql):
        parts.append(_apply(sql[last : quoted.start()], rules))
        parts.append(quoted.group().replace("%", "%%") if rules is _SPELLINGS else quoted.group())
        last = quoted.end()
    parts.append(_apply(sql[last:], rules))
    return "".join(parts)


def _apply(text: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=2048)
def _translated(sql: str) -> str:
    return _rewrite_outside_quotes(sql, _SPELLINGS)


def _pg_search(table: str, alias: str, doc: Callable[[str], str], columns: str, text: str) -> str:
    """`table`'s `:window` newest rows matching `:query` (from the GIN index), ranked by
    ts_rank (ties by id), the best `:limit` given a headline."""
    query = "plainto_tsquery('english', :query)"
    newest = f"SELECT n.id FROM {table} n WHERE {doc('n')} @@ {query} ORDER BY n.id DESC LIMIT :window"
    best = (
        f"SELECT r.id, ts_rank({doc('r')}, q) AS score FROM ({newest}) w JOIN {table} r ON r.id = w.id,"
        f" {query} q ORDER BY score DESC, r.id LIMIT :limit"
    )
    return (
        f"{columns} ts_headline('english', {_ANGLES_IN.format(text)}, q, '{_HEADLINE}') AS snip,"
        f" best.score FROM ({best}) best JOIN {table} {alias} ON {alias}.id = best.id, {query} q"
        f" ORDER BY best.score DESC, {alias}.id"
    )


class Postgres(Dialect):
    name = "postgresql"
    text_segments = False

    def translate(self, sql: str) -> str:
        return _translated(sql)

    def ddl(self, script: str) -> str:
        return _rewrite_outside_quotes(script, _TYPES)

    def begin_write(self, conn: Any, lock: str | None) -> None:
        """Writers of articles share the writer lock (and lock their doc_id, so two texts under
        one doc_id get distinct versions); a resolution or migration holds it alone, as it
        does in SQLite, so its snapshot checks stay true until it commits."""
        conn.execute("BEGIN")
        if lock is None:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))
        else:
            conn.execute(
                "SELECT pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(hashtextextended(?, 0))",
                (WRITER_LOCK, lock),
            )

    def returning_id(self) -> str:
        return " RETURNING id"

    def full_text_schema(self) -> str:
        """GIN indexes over the tsvector of the same columns FTS5 indexes: nothing to keep in sync.

        `instr`-free helpers the shared queries call: `name_key` as in `detente.store.keys`
        (without the accent folding SQL cannot do portably) and `round` for doubles.
        """
        return f"""
        CREATE INDEX articles_fts ON articles USING GIN (({_ARTICLE_DOC}));
        CREATE INDEX events_fts ON events USING GIN (({_EVENT_DOC}));
        CREATE FUNCTION name_key(value TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS
            $$ SELECT lower(btrim(regexp_replace(value, '[\\s.]+', ' ', 'g'))) $$;
        CREATE FUNCTION round(value DOUBLE PRECISION, digits INTEGER) RETURNS DOUBLE PRECISION
            LANGUAGE SQL IMMUTABLE AS $$ SELECT round(value::numeric, digits::int)::double precision $$;
        """

    def search_articles_sql(self) -> str:
        """As SQLite's: the `:window` newest matches (by id) ranked, the best snipped."""
        return _pg_search(
            "articles",
            "a",
            lambda t: _ARTICLE_DOC.replace("title", f"{t}.title").replace(" text)", f" {t}.text)"),
            "SELECT a.doc_id AS id, a.title, a.published AS day,",
            "coalesce(a.title, '') || ' ' || a.text",
        )

    def search_events_sql(self) -> str:
        return _pg_search(
            "events",
            "e",
            lambda t: _EVENT_DOC.replace("name", f"{t}.name").replace("all_evidence", f"{t}.all_evidence"),
            f"SELECT e.event_id AS id, {_EVENT_TITLE} AS title, e.date_start AS day,",
            "coalesce(e.name, '') || ' ' || e.all_evidence",
        )

    def reindex_all_events(self, conn: Any) -> None:
        """The GIN expression index follows the rows by itself."""

    def unindex_events(self, conn: Any, where: str, params: Any) -> None:
        """The GIN expression index follows the rows by itself."""

    def index_events(self, conn: Any, where: str, params: Any) -> None:
        """The GIN expression index follows the rows by itself."""

    def compact_text_indexes(self, conn: Any) -> None:
        """GIN indexes have no segments to merge: autovacuum folds their pending entries in."""


POSTGRES = Postgres()


def dialect_of(conn: Any) -> Dialect:
    """The dialect of a connection: PostgreSQL connections carry theirs, sqlite3 ones do not."""
    return getattr(conn, "dialect", SQLITE)

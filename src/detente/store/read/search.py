"""Full-text search over article text and event evidence (FTS5 and bm25 in SQLite, tsvector
and ts_rank in PostgreSQL: `store.dialect`)."""

from __future__ import annotations

import html
import re
import sqlite3
from typing import Any

from detente.store.codec import parse_date
from detente.store.dialect import ANGLES, dialect_of
from detente.store.dialect import CLOSE as _CLOSE
from detente.store.dialect import OPEN as _OPEN


def fts_query(text: str) -> str | None:
    """User text as an FTS5 query: every word must occur; FTS syntax in the input is inert."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{word}"' for word in words) or None


#: How many matches of each kind are ranked, the most recently stored first: a query
#: matching more ranks these (its cost stays bounded as the database grows); one matching
#: fewer is ranked whole.
WINDOW = 5_000


def search(conn: sqlite3.Connection, query: str, limit: int, window: int = WINDOW) -> list[dict[str, Any]]:
    """Best `limit` hits over articles and events among the `window` most recently stored
    matches of each; score is -bm25 in SQLite, ts_rank in PostgreSQL (higher is better)."""
    dialect = dialect_of(conn)
    params = {"query": query, "limit": limit, "window": window}
    articles = conn.execute(dialect.search_articles_sql(), params).fetchall()
    events = conn.execute(dialect.search_events_sql(), params).fetchall()
    hits = [_hit("article", row) for row in articles] + [_hit("event", row) for row in events]
    hits.sort(key=lambda hit: (-hit["score"], hit["kind"], hit["id"]))
    return hits[:limit]


def _hit(kind: str, row: sqlite3.Row) -> dict[str, Any]:
    marked = row["snip"] or ""
    for stand_in, angle in ANGLES.items():
        marked = marked.replace(stand_in, angle)
    escaped = html.escape(marked).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    return {
        "kind": kind,
        "id": row["id"],
        "title": row["title"],
        "date": parse_date(row["day"]),
        "snippet": marked.replace(_OPEN, "").replace(_CLOSE, ""),
        "snippet_html": escaped,
        "score": round(float(row["score"]), 6),
    }

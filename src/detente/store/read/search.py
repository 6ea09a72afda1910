"""Full-text search over article text and event evidence (FTS5, bm25 ranking)."""

from __future__ import annotations

import html
import re
import sqlite3
from typing import Any

from detente.store.codec import parse_date

_OPEN, _CLOSE = "\x02", "\x03"  # match markers no article text contains


def fts_query(text: str) -> str | None:
    """User text as an FTS5 query: every word must occur; FTS syntax in the input is inert."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{word}"' for word in words) or None


def search(conn: sqlite3.Connection, query: str, limit: int) -> list[dict[str, Any]]:
    """Best `limit` hits over articles and events; score is -bm25 (higher is better)."""
    articles = conn.execute(
        "SELECT a.doc_id AS id, a.title, a.published AS day,"
        f" snippet(articles_fts, -1, '{_OPEN}', '{_CLOSE}', '…', 20) AS snip, -bm25(articles_fts) AS score"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
        " ORDER BY bm25(articles_fts) LIMIT ?",
        (query, limit),
    ).fetchall()
    events = conn.execute(
        "SELECT e.event_id AS id, coalesce(e.name, e.type || ': ' || replace(replace(replace(e.countries,"
        " '[', ''), ']', ''), '\"', '')) AS title, e.date_start AS day,"
        f" snippet(events_fts, -1, '{_OPEN}', '{_CLOSE}', '…', 20) AS snip, -bm25(events_fts) AS score"
        " FROM events_fts JOIN events e ON e.id = events_fts.rowid WHERE events_fts MATCH ?"
        " ORDER BY bm25(events_fts) LIMIT ?",
        (query, limit),
    ).fetchall()
    hits = [_hit("article", row) for row in articles] + [_hit("event", row) for row in events]
    hits.sort(key=lambda hit: (-hit["score"], hit["kind"], hit["id"]))
    return hits[:limit]


def _hit(kind: str, row: sqlite3.Row) -> dict[str, Any]:
    marked = row["snip"] or ""
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

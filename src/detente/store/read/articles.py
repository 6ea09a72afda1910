"""One stored article with the events it reports."""

from __future__ import annotations

import sqlite3
from typing import Any

from detente.store.codec import parse_date


def article(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    event_ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT event_id FROM event_sources WHERE doc_id = ? ORDER BY event_id", (doc_id,)
        )
    ]
    return {
        "doc_id": row["doc_id"],
        "title": row["title"],
        "url": row["url"],
        "published": parse_date(row["published"]),
        "published_source": row["published_source"],
        "source_name": row["source_name"],
        "language": row["language"],
        "found_via": row["found_via"],
        "hash": row["hash"],
        "ingested_at": row["ingested_at"],
        "copy_of": row["copy_of"],
        "text": row["text"],
        "event_ids": event_ids,
    }

"""A database's content without what legitimately differs between two runs of the same input.

Row ids, ingest times and the count of saved resolutions depend on when and how often
a run was interrupted; everything an analyst can read does not.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: Columns that record when or in which order rows were written, not what they say.
VOLATILE = {"id", "ingested_at", "applied_at", "saved_at", "generation"}
TABLES = (
    "articles",
    "mentions",
    "events",
    "event_countries",
    "event_sources",
    "event_related",
    "event_participants",
    "people",
    "person_names",
    "person_offices",
    "places",
    "person_variants",
    "agg_pairs",
    "agg_pair_years",
    "agg_timeline",
    "agg_countries",
    "agg_locations",
    "agg_sites",
    "agg_totals",
)


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows (volatile columns left out), sorted, plus the FTS indexes' health."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")  # one snapshot; rolled back, so nothing is ever written
    try:
        out: dict[str, list[tuple]] = {}
        for table in TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            kept = ", ".join(f'"{c}"' for c in columns if c not in VOLATILE)
            rows = conn.execute(f"SELECT {kept} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        for index in ("articles_fts", "events_fts"):  # raises when an index disagrees with its table
            conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        out["fts_articles"] = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'defence'"
        ).fetchall()
        return out
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def differences(expected: dict[str, list[tuple]], found: dict[str, list[tuple]]) -> list[str]:
    """One line per table that differs, with a first differing row; empty when equal."""
    lines = []
    for table, rows in expected.items():
        other = found.get(table, [])
        if rows != other:
            missing = [r for r in rows if r not in other][:1]
            extra = [r for r in other if r not in rows][:1]
            lines.append(
                f"{table}: {len(rows)} rows expected, {len(other)} found; missing {missing} extra {extra}"
            )
    return lines

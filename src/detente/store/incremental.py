"""What incremental resolution reads: the `ResolvedState` of `detente.resolve.incremental`.

Every read names what it wants (mention rows, doc ids, bucket keys, events), in chunks
of bound parameters, so a batch reads what it touches and never a whole table, except
the name variants (a few per person, far fewer than mentions).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from detente.models import Article, Event, Participant, Source
from detente.store.codec import (
    article_from_row,
    mention_from_row,
    mention_is_geocoded,
    merged_event_from_row,
    parse_date,
)

CHUNK = 500  # bound parameters per statement (SQLite allows 32,766; smaller chunks plan faster)
VariantKey = tuple[str, tuple[str, ...], str]


def chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def variant_key(row: sqlite3.Row) -> VariantKey:
    return (row["country"], tuple(row["name_key"].split()), row["office"])


class StoredState:
    """Reads over one connection; the caller decides the transaction they run in."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _ids(self, sql: str, values: Iterable[Any]) -> set[Any]:
        found: set[Any] = set()
        for batch in chunks(values):
            found.update(row[0] for row in self.conn.execute(sql.format(marks=marks(batch)), batch))
        return found

    # ------------------------------------------------------------------ people

    def variant_summaries(self) -> dict[VariantKey, dict]:
        rows = self.conn.execute("SELECT country, name_key, office, summary FROM person_variants")
        return {variant_key(row): json.loads(row["summary"]) for row in rows}

    def variant_people(self) -> dict[VariantKey, str]:
        rows = self.conn.execute("SELECT country, name_key, office, person_id FROM person_variants")
        return {variant_key(row): row["person_id"] for row in rows}

    def person_records(self) -> dict[str, tuple[str, str | None, str]]:
        rows = self.conn.execute("SELECT person_id, name, country, fingerprint FROM people")
        return {row[0]: (row[1], row[2], row[3] or "") for row in rows}

    # ------------------------------------------------------------------ mention rows

    def rows_filed(self, filings: Iterable[tuple[int, int]]) -> dict[tuple[int, int], list[int]]:
        wanted = set(filings)
        found: dict[tuple[int, int], list[int]] = {}
        for batch in chunks(sorted({key for _, key in wanted})):
            rows = self.conn.execute(
                f"SELECT kind, key, mention_id FROM mention_filings WHERE key IN ({marks(batch)})", batch
            )
            for kind, key, row in rows:
                if (kind, key) in wanted:
                    found.setdefault((kind, key), []).append(row)
        return found

    def filings_of(self, rows: Iterable[int]) -> dict[int, set[tuple[int, int]]]:
        found: dict[int, set[tuple[int, int]]] = {}
        for batch in chunks(rows):
            sql = f"SELECT kind, key, mention_id FROM mention_filings WHERE mention_id IN ({marks(batch)})"
            for kind, key, row in self.conn.execute(sql, batch):
                found.setdefault(row, set()).add((kind, key))
        return found

    def rows_in_components(self, components: Iterable[int]) -> set[int]:
        return self._ids("SELECT id FROM mentions WHERE component IN ({marks})", components)

    def rows_of_docs(self, docs: Iterable[str]) -> set[int]:
        return self._ids("SELECT id FROM mentions WHERE doc_id IN ({marks})", docs)

    def rows_of_events(self, event_ids: Iterable[str]) -> set[int]:
        return self._ids("SELECT id FROM mentions WHERE event_id IN ({marks})", event_ids)

    def rows_naming(self, variant_hashes: Iterable[int]) -> set[int]:
        return self._ids("SELECT mention_id FROM mention_variants WHERE variant IN ({marks})", variant_hashes)

    def rows_with_people(self, person_ids: Iterable[str]) -> set[int]:
        return self._ids(
            "SELECT m.id FROM event_participants p JOIN mentions m ON m.event_id = p.event_id"
            " WHERE p.person_id IN ({marks})",
            person_ids,
        )

    def load_mentions(self, rows: Iterable[int]) -> list[Any]:
        from detente.resolve.incremental import StoredMention  # the record type the resolver reads

        found = []
        for batch in chunks(sorted(rows)):
            for row in self.conn.execute(f"SELECT * FROM mentions WHERE id IN ({marks(batch)})", batch):
                found.append(
                    StoredMention(
                        row["id"],
                        mention_from_row(row, geocoded=True),
                        row["component"],
                        row["event_id"],
                        mention_is_geocoded(row),
                        row["participants"],
                        row["geo"],
                    )
                )
        return found

    # ------------------------------------------------------------------ articles and copies

    def articles(self, docs: Iterable[str]) -> dict[str, Article]:
        found = {}
        for batch in chunks(docs):
            for row in self.conn.execute(f"SELECT * FROM articles WHERE doc_id IN ({marks(batch)})", batch):
                found[row["doc_id"]] = article_from_row(row)
        return found

    def copy_groups(self, docs: Iterable[str]) -> dict[str, str | None]:
        """Every article in the copy group of one of `docs` -> the original it copies (None: itself)."""
        originals: set[str] = set()
        for batch in chunks(docs):
            rows = self.conn.execute(
                f"SELECT doc_id, copy_of FROM articles WHERE doc_id IN ({marks(batch)})", batch
            )
            originals.update(row[1] or row[0] for row in rows)
        found: dict[str, str | None] = {}
        for batch in chunks(originals):
            sql = marks(batch)
            for row in self.conn.execute(
                f"SELECT doc_id, copy_of FROM articles WHERE doc_id IN ({sql}) OR copy_of IN ({sql})",
                [*batch, *batch],
            ):
                found[row[0]] = row[1]
        return found

    def sketches_sharing(self, bands: Iterable[int]) -> dict[str, np.ndarray]:
        docs = self._ids("SELECT doc_id FROM article_bands WHERE band IN ({marks})", bands)
        found = {}
        for batch in chunks(docs):
            for row in self.conn.execute(
                f"SELECT doc_id, signature FROM article_sketches WHERE doc_id IN ({marks(batch)})", batch
            ):
                found[row[0]] = np.frombuffer(row[1], dtype=np.uint64)
        return found

    # ------------------------------------------------------------------ events

    def event_ids_taken(self, event_ids: Iterable[str]) -> set[str]:
        return self._ids("SELECT event_id FROM events WHERE event_id IN ({marks})", event_ids)

    def unchanged_events(self, events: Iterable[Event], known_people: set[str]) -> set[str]:
        """Ids of the rebuilt events that would be written exactly as they are stored."""
        from detente.store.event_rows import event_rows, stored_rows  # they read through `chunks`

        rebuilt = {event.event_id or "": event for event in events}
        stored = stored_rows(self.conn, rebuilt)
        return {
            event_id
            for event_id, rows in stored.items()
            if rows.values() == event_rows(self.conn, rebuilt[event_id], known_people).values()
        }

    def links_of(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for batch in chunks(event_ids):
            for row in self.conn.execute(
                f"SELECT event_id, related_id FROM event_related WHERE event_id IN ({marks(batch)})"
                " ORDER BY event_id, related_id",
                batch,
            ):
                found.setdefault(row[0], []).append(row[1])
        return found

    def linked_events(
        self,
        specs: Iterable[tuple[tuple[str, ...], tuple[str, ...], tuple[str, str] | None]],
        exclude: set[str],
        plans: bool,
    ) -> list[Event]:
        status = "status != 'occurred'" if plans else "status = 'occurred'"
        ids: set[str] = set()
        for types, countries, window in specs:
            if not types or not countries:
                continue
            pair = [countries[0], countries[1] if len(countries) == 2 else ""]
            sql = (
                "SELECT event_id FROM event_pairs WHERE country_a = ? AND country_b = ?"
                f" AND type IN ({marks(types)}) AND {status}"
            )
            params = [*pair, *types]
            if window is not None:
                sql += (
                    " AND (date_start IS NULL OR date_precision = 'unknown'"
                    " OR (date_start <= ? AND date_end >= ?))"
                )
                params += list(window)
            ids.update(row[0] for row in self.conn.execute(sql, params))
        return self.events(sorted(ids - exclude))

    def events(self, event_ids: Sequence[str]) -> list[Event]:
        """Merged events as resolve built them: fields, participants and sources."""
        events: dict[str, Event] = {}
        for batch in chunks(event_ids):
            sql = marks(batch)
            for row in self.conn.execute(f"SELECT * FROM events WHERE event_id IN ({sql})", batch):
                events[row["event_id"]] = merged_event_from_row(row)
            for row in self.conn.execute(
                f"SELECT * FROM event_participants WHERE event_id IN ({sql}) ORDER BY event_id, position",
                batch,
            ):
                events[row["event_id"]].participants.append(
                    Participant(row["name"], row["title"], row["country"], row["person_id"])
                )
            for row in self.conn.execute(
                f"SELECT * FROM event_sources WHERE event_id IN ({sql}) ORDER BY event_id, position", batch
            ):
                events[row["event_id"]].sources.append(
                    Source(
                        row["doc_id"],
                        row["evidence"],
                        row["outlet"],
                        parse_date(row["published"]),
                        row["url"],
                    )
                )
        return [events[event_id] for event_id in event_ids if event_id in events]

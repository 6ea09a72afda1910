"""Downloads of the filtered events: the whole selection, in the export's columns, in three formats."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from detente.export.columns import EVENT_COLUMNS

COLUMNS = [column.name for column in EVENT_COLUMNS]
DETENTE = str(Path(sys.executable).parent / "detente")  # the console script of this environment


def _csv(client: TestClient, query: str) -> list[dict[str, str]]:
    response = client.get(f"/api/events.csv?{query}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="detente-events.csv"'
    return list(csv.DictReader(io.StringIO(response.text)))


def test_csv_matches_the_listing_and_the_cli_for_the_same_filters(
    client: TestClient, curated_db: Path
) -> None:
    rows = _csv(client, "dyad=PAK,TJK")
    listing = client.get("/api/events", params={"dyad": "PAK,TJK", "limit": 500}).json()
    assert [row["event_id"] for row in rows] == [e["event_id"] for e in listing["items"]]
    assert list(rows[0]) == COLUMNS
    cli = subprocess.run(
        [
            DETENTE,
            "events",
            "--db",
            str(curated_db),
            "--dyad",
            "PAK,TJK",
            "--format",
            "csv",
            "--limit",
            "10000",
        ],
        capture_output=True,
        check=True,
    ).stdout
    assert cli == client.get("/api/events.csv?dyad=PAK,TJK").content


def test_json_and_parquet_carry_the_same_rows_in_the_requested_order(client: TestClient) -> None:
    expected = [row["event_id"] for row in _csv(client, "sort=-sources")]
    records = client.get("/api/events.json?sort=-sources").json()
    assert [record["event_id"] for record in records] == expected
    assert list(records[0]) == COLUMNS and isinstance(records[0]["countries"], list)
    parquet = client.get("/api/events.parquet?sort=-sources")
    assert parquet.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.column("event_id").to_pylist() == expected
    assert table.schema.names == COLUMNS
    counts = [record["source_count"] for record in records]
    assert counts == sorted(counts, reverse=True)


def test_an_empty_selection_is_a_valid_empty_file(client: TestClient) -> None:
    assert _csv(client, "country=ATA") == []
    assert client.get("/api/events.json?country=ATA").json() == []
    table = pq.read_table(io.BytesIO(client.get("/api/events.parquet?country=ATA").content))
    assert table.num_rows == 0 and table.schema.names == COLUMNS


def test_a_bad_filter_is_refused_before_any_byte_is_sent(client: TestClient) -> None:
    for fmt in ("csv", "json", "parquet"):
        response = client.get(f"/api/events.{fmt}?country=XXX")
        assert response.status_code == 422
        assert response.json()["errors"][0]["parameter"] == "country"
    assert client.get("/api/events.csv?sort=colour").json()["errors"][0]["parameter"] == "sort"
    assert client.get("/api/events.csv?located_in=ZZ").json()["errors"][0]["parameter"] == "located_in"

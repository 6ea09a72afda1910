"""`detente ingest` end to end on real files, through the command line."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, plain, shared_path
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            table: conn.execute(f"select count(*) from {table}").fetchone()[0]
            for table in ("articles", "mentions", "events", "event_sources")
        }


def test_ingest_examples_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--quiet"])
    assert first.exit_code == 0, first.output
    before = _counts(db)
    assert before["articles"] == len(list(EXAMPLES.iterdir()))
    assert before["events"] > 0
    second = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--quiet"])
    assert second.exit_code == 0, second.output
    assert "skipped as duplicates" in second.output
    assert _counts(db) == before


def test_events_json_lists_stored_events(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "-q"]).exit_code == 0
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "json", "--limit", "500"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(row["evidence"] and row["countries"] for row in rows)
    dyad = rows[0]["countries"][:2]
    if len(dyad) == 2:
        filtered = runner.invoke(app, ["events", "--db", str(db), "--dyad", ",".join(dyad), "-f", "json"])
        assert all(set(dyad) <= set(r["countries"]) for r in json.loads(filtered.stdout))


def test_mixed_folder_names_every_bad_file_and_keeps_the_good(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(EXAMPLES, folder)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "empty.txt").write_text("")
    (folder / "truncated.html").write_text("<html><head><title>Cut</title></head><body><div")
    (folder / "not-an-archive.warc.gz").write_bytes(gzip.compress(b"just some text, not a WARC record\n"))
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 1
    for name in ("binary.txt", "empty.txt", "truncated.html", "not-an-archive.warc.gz"):
        assert name in result.output, f"{name} not named in:\n{result.output}"
    assert _counts(db)["articles"] == len(list(EXAMPLES.iterdir()))


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no such database" in plain(result.output)


def test_bad_dyad_is_rejected(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "-q"])
    result = runner.invoke(app, ["events", "--db", str(db), "--dyad", "PAK"])
    assert result.exit_code != 0
    assert "dyad" in plain(result.output)


@pytest.mark.shared
def test_seeds_ingest_then_dyad_events(tmp_path: Path) -> None:
    seeds = shared_path("seeds")
    db = tmp_path / "seeds.db"
    assert runner.invoke(app, ["ingest", str(seeds), "--db", str(db), "-q"]).exit_code == 0
    before = _counts(db)
    result = runner.invoke(
        app, ["events", "--db", str(db), "--dyad", "PAK,TJK", "-f", "json", "--limit", "500"]
    )
    rows = json.loads(result.stdout)
    assert len(rows) >= 10
    assert all({"PAK", "TJK"} <= set(r["countries"]) for r in rows)
    assert runner.invoke(app, ["ingest", str(seeds), "--db", str(db), "-q"]).exit_code == 0
    assert _counts(db) == before


@pytest.mark.shared
def test_background_corpus_ingests_without_failure(tmp_path: Path) -> None:
    corpus = shared_path("corpora", "background-news.jsonl")
    db = tmp_path / "bg.db"
    result = runner.invoke(
        app, ["ingest", str(corpus), "--db", str(db), "--text-field", "text", "--id-field", "id", "-q"]
    )
    assert result.exit_code == 0, result.output[-2000:]
    from detente.models import content_hash

    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    distinct = {content_hash(r["text"]) for r in records}
    # The corpus repeats some stories word for word: each is stored once, the rest skipped.
    assert _counts(db)["articles"] == len(distinct)
    assert f"skipped as duplicates │ {len(records) - len(distinct)}" in result.output

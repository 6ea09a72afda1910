"""Every command that reads finishes a resolution a killed ingest left pending (defect 1).

The campaign's repro: `kill -9` after the last article was stored but before the
resolution was saved. Before the fix, the events table stayed empty for good.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.reliability.conftest import CLI
from tests.reliability.database_dump import differences, dump
from tests.reliability.kill_driver import killed_ingest

import detente
from detente.api import create_app
from detente.pipeline import ArticleProcessor


@pytest.fixture(scope="module")
def killed_db(
    kill_corpus: Path, tmp_path_factory: pytest.TempPathFactory, processor: ArticleProcessor
) -> Path:
    """A database whose every article is stored and whose resolution was never saved."""
    db = tmp_path_factory.mktemp("killed") / "d.db"
    processor.extractor.warm_up()
    assert killed_ingest("before_save", 1, [str(kill_corpus)], str(db), processor) == signal.SIGKILL
    return db


@pytest.fixture
def db(killed_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "d.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{killed_db}{suffix}").exists():
            shutil.copy(f"{killed_db}{suffix}", f"{copy}{suffix}")
    return copy


@pytest.fixture(scope="module")
def expected(
    kill_corpus: Path, tmp_path_factory: pytest.TempPathFactory, processor: ArticleProcessor
) -> dict:
    from detente.pipeline import ingest_sources

    whole = tmp_path_factory.mktemp("whole") / "d.db"
    ingest_sources([str(kill_corpus)], whole, processor=processor, progress=False)
    return dump(whole)


def _events(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]


def test_the_killed_run_left_articles_but_no_events(killed_db: Path) -> None:
    assert _events(killed_db) == 0


@pytest.mark.parametrize("command", [["stats", "-f", "json"], ["events", "--format", "json"]])
def test_a_cli_read_finishes_the_resolution_first(command: list[str], db: Path, expected: dict) -> None:
    run = subprocess.run([*CLI, *command, "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "resolving 6 article(s) an interrupted ingest left unresolved" in run.stderr
    assert differences(expected, dump(db)) == []
    if command[0] == "stats":
        assert json.loads(run.stdout)[0]["events"] == len(expected["events"]) > 0


def test_export_finishes_the_resolution_first(db: Path, tmp_path: Path, expected: dict) -> None:
    out = tmp_path / "events.jsonl"
    run = subprocess.run([*CLI, "export", "--db", str(db), "--out", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert len(out.read_text().splitlines()) == len(expected["events"])


def test_the_python_entry_point_finishes_the_resolution_first(db: Path, expected: dict) -> None:
    with detente.open(db) as query:
        assert query.stats().events == len(expected["events"])


def test_the_server_finishes_the_resolution_before_its_first_request(db: Path, expected: dict) -> None:
    with TestClient(create_app(db)) as client:
        assert client.get("/api/stats").json()["events"] == len(expected["events"])
    assert differences(expected, dump(db)) == []


def test_a_second_read_finds_nothing_left_to_do(db: Path) -> None:
    subprocess.run([*CLI, "stats", "--db", str(db)], capture_output=True, check=True)
    again = subprocess.run([*CLI, "stats", "--db", str(db)], capture_output=True, text=True, check=True)
    assert "resolving" not in again.stderr

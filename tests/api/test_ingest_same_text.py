"""A text posted to `POST /api/ingest` is the same article as that text read from a file (defect 9).

Before: the API hashed the raw text while files were hashed after their header lines
(title, date) were read off, so posting a seed's text stored it again and its events
gained a second source.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import DEV, shared_path

from api.conftest import INGEST_TOKEN
from detente.api import create_app
from detente.pipeline import ingest_sources

AUTH = {"Authorization": f"Bearer {INGEST_TOKEN}"}


def _files(folder: Path, count: int) -> list[Path]:
    return sorted(folder.glob("*.txt"))[:count]


def _sources(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT event_id, source_count FROM events ORDER BY event_id").fetchall()


def _post_each(db: Path, files: list[Path], raw: bool) -> list[dict]:
    answers = []
    with TestClient(create_app(db, ingest_token=INGEST_TOKEN)) as client:
        for path in files:
            text = path.read_text("utf-8")
            if raw:
                headers = {**AUTH, "Content-Type": "text/plain; charset=utf-8"}
                response = client.post("/api/ingest", content=text.encode(), headers=headers)
            else:
                response = client.post("/api/ingest", json={"articles": [{"text": text}]}, headers=AUTH)
            assert response.status_code == 200, response.text
            answers.append(response.json())
    return answers


@pytest.mark.parametrize("raw", [False, True], ids=["json", "raw-text"])
def test_posting_a_stored_files_text_is_a_duplicate(raw: bool, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = _files(DEV / "articles", 4)
    for path in files:
        (folder / path.name).write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a BOM, as editors save
    db = tmp_path / "d.db"
    assert ingest_sources([str(folder)], db, progress=False).events > 0
    before = _sources(db)
    answers = _post_each(db, files, raw)
    assert [(a["read"], a["duplicates"], a["new"]) for a in answers] == [(1, 1, 0)] * len(files)
    assert _sources(db) == before


@pytest.mark.shared
def test_posting_the_seeds_after_ingesting_their_files_adds_no_source(tmp_path: Path) -> None:
    seeds = shared_path("seeds")
    db = tmp_path / "d.db"
    ingest_sources([str(seeds)], db, progress=False)
    before = _sources(db)
    answers = _post_each(db, _files(seeds, 10), raw=False)
    assert all(a["duplicates"] == 1 for a in answers)
    assert _sources(db) == before


def test_a_posted_text_with_no_article_in_it_is_one_failure_not_a_refused_batch(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    body = {
        "articles": [
            {"text": "Share this: Facebook | Twitter"},
            {"text": DEV.joinpath("articles").glob("*.txt").__next__().read_text()},
        ]
    }
    with TestClient(create_app(db, ingest_token=INGEST_TOKEN)) as client:
        answer = client.post("/api/ingest", json=body, headers=AUTH).json()
    assert answer["read"] == answer["duplicates"] + answer["failed"] + answer["new"] == 2

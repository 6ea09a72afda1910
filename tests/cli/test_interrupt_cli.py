"""Ctrl-C during `detente ingest`: one short line, nothing lost, and a re-run finishes the job."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

CLI = [sys.executable, "-c", "from detente.cli import app; app()"]
TOWNS = ("Nairobi", "Kampala", "Dodoma", "Kigali", "Addis Ababa", "Lusaka")


def _corpus(path: Path, count: int) -> None:
    """Invented defence news, varied so no two records share a text."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            town = TOWNS[n % len(TOWNS)]
            text = (
                f"Kenyan Defence Cabinet Secretary Amina Wekesa met Ugandan army chief Paul Okot in {town} "
                f"on Monday, report {n}. The two sides signed a memorandum of understanding on border "
                f"security and pledged joint training for {n % 50 + 10} officers."
            )
            out.write(json.dumps({"id": f"r{n}", "text": text, "date": "2025-03-04"}) + "\n")


def _articles(db: Path) -> tuple[int, int]:
    if not db.exists():
        return 0, 0
    with sqlite3.connect(db, timeout=5) as conn:
        try:
            return conn.execute("select count(*), count(distinct doc_id) from articles").fetchone()
        except sqlite3.OperationalError:  # the schema is not created yet
            return 0, 0


def test_interrupted_ingest_says_so_in_one_line_and_a_rerun_finishes(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "d.db"
    _corpus(corpus, 800)
    command = [*CLI, "ingest", str(corpus), "--db", str(db), "--quiet"]
    job = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A test run started in the background by a shell (`pytest &`) ignores Ctrl-C, and a
        # child inherits that: the ingest would run to its end. The child gets Ctrl-C back.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while _articles(db)[0] == 0 and job.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    job.send_signal(signal.SIGINT)
    _, stderr = job.communicate(timeout=120)
    stored, _ = _articles(db)
    assert 0 < stored < 800, "the run ended before it could be interrupted"
    assert job.returncode == 130
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("interrupted: ")

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert _articles(db) == (800, 800)

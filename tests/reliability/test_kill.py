"""`kill -9` anywhere in `detente ingest`, then the same command again: the database ends
exactly as one uninterrupted run leaves it (issue 13, defect 1).

The kill points are the store's real calls (see kill_driver.py): before, inside and
after each article's transaction, between the last article and the resolution, inside
the resolution's transaction and after it; plus kills from outside at random moments.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.reliability.conftest import CLI, HERE, KILL_CORPUS
from tests.reliability.database_dump import differences, dump
from tests.reliability.kill_driver import killed_ingest

from detente.pipeline import ArticleProcessor, ingest_sources

DRIVER = [sys.executable, str(HERE / "kill_driver.py")]
ARTICLES = len(KILL_CORPUS)
#: Every point, by the call it interrupts; `inside_article` counts rows (article + mentions).
KILL_POINTS = (
    [("before_article", n) for n in range(1, ARTICLES + 1)]
    + [("after_article", n) for n in range(1, ARTICLES + 1)]
    + [("inside_article", n) for n in (1, 3, 12)]
    + [("before_resolve", 1), ("before_save", 1), ("inside_save", 1), ("after_save", 1)]
)
RANDOM_KILLS = 3


@pytest.fixture(scope="module")
def expected(kill_corpus: Path, tmp_path_factory: pytest.TempPathFactory, processor: ArticleProcessor):
    db = tmp_path_factory.mktemp("uninterrupted") / "d.db"
    summary = ingest_sources([str(kill_corpus)], db, processor=processor, progress=False)
    assert summary.ok and summary.events > 0
    return dump(db)


def _rerun_and_compare(corpus: Path, db: Path, expected: dict, processor: ArticleProcessor) -> None:
    summary = ingest_sources([str(corpus)], db, processor=processor, progress=False)
    assert summary.ok, summary.errors
    assert differences(expected, dump(db)) == []


def test_there_are_at_least_twenty_kill_points_and_one_is_before_the_resolution() -> None:
    assert len(KILL_POINTS) + RANDOM_KILLS + 2 >= 20
    assert ("before_resolve", 1) in KILL_POINTS and ("before_save", 1) in KILL_POINTS


@pytest.mark.parametrize(("point", "nth"), KILL_POINTS, ids=[f"{p}-{n}" for p, n in KILL_POINTS])
def test_a_kill_at_a_named_point_then_a_rerun_equals_an_uninterrupted_run(
    point: str, nth: int, kill_corpus: Path, tmp_path: Path, expected: dict, processor: ArticleProcessor
) -> None:
    db = tmp_path / "d.db"
    processor.extractor.warm_up()  # loaded once here, inherited by every forked run
    ended_by = killed_ingest(point, nth, [str(kill_corpus)], str(db), processor)
    assert ended_by == signal.SIGKILL, f"the run was not killed at {point} {nth}"
    _rerun_and_compare(kill_corpus, db, expected, processor)


@pytest.mark.parametrize(("point", "nth"), [("before_save", 1), ("inside_article", 2)])
def test_the_cli_killed_at_a_point_then_run_again_equals_an_uninterrupted_run(
    point: str, nth: int, kill_corpus: Path, tmp_path: Path, expected: dict
) -> None:
    """The same through the real `detente` command in its own process, both runs."""
    db = tmp_path / "d.db"
    command = ["ingest", str(kill_corpus), "--db", str(db), "--quiet"]
    run = subprocess.run([*DRIVER, point, str(nth), *command], capture_output=True, text=True, timeout=300)
    assert run.returncode == -signal.SIGKILL, run.stderr
    again = subprocess.run([*CLI, *command], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert differences(expected, dump(db)) == []


@pytest.mark.parametrize("seed", range(RANDOM_KILLS))
def test_a_kill_at_a_random_moment_then_a_rerun_equals_an_uninterrupted_run(
    seed: int, kill_corpus: Path, tmp_path: Path, expected: dict, processor: ArticleProcessor
) -> None:
    db = tmp_path / "d.db"
    job = subprocess.Popen(
        [*CLI, "ingest", str(kill_corpus), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(random.Random(seed).uniform(0.5, 4.0))
    job.send_signal(signal.SIGKILL)
    job.wait(timeout=60)
    _rerun_and_compare(kill_corpus, db, expected, processor)

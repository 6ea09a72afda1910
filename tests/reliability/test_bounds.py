"""Bounded memory and time per input (issue 13, defects 4 and 5).

Before: `detente ingest /dev/zero` read until memory ran out, and a 1 MB single-paragraph
defence text was still being extracted after 14 minutes (the paragraph's countries were
rescanned for every candidate sentence). Now every read is capped, extraction of such a
page takes about a minute on the reference machine, and each article has a time limit
that ends in a named failure.
"""

from __future__ import annotations

import json
import resource
import subprocess
import threading
import time
from pathlib import Path

import pytest
from tests.conftest import DEV, SHARED
from tests.reliability.conftest import CLI

from detente.models import Article
from detente.pipeline import ArticleProcessor, extract_sources
from detente.time_limit import TimeLimitExceeded, call_with_time_limit, check_time_limit

#: A generous guard: each pathological input must be done (or refused by name) well within it.
WALL_CLOCK_GUARD = 150.0
TIME_LIMIT = 30.0
MEMORY_CAP = 1_500_000_000  # bytes of address space for the `/dev/zero` run: reading it whole would pass it


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def test_ingest_of_a_device_that_never_ends_is_one_named_failure_in_bounded_memory(tmp_path: Path) -> None:
    run = subprocess.run(
        [*CLI, "ingest", "/dev/zero", "--db", str(tmp_path / "z.db"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limited_memory,
    )
    assert run.returncode == 1
    assert "failed /dev/zero: input too large: exceeds max_bytes=5000000" in run.stderr
    assert "MemoryError" not in run.stderr and "Traceback" not in run.stderr


def _repeated_paragraph(size: int) -> str:
    """One of this project's own defence articles, its lines joined into one paragraph, repeated."""
    text = (DEV / "articles" / "dev09_sau_pak_rawalpindi.txt").read_text()
    paragraph = " ".join(line.strip() for line in text.splitlines() if line.strip())
    return ((paragraph + " ") * (size // len(paragraph) + 1))[:size]


def _run_on(size: int) -> str:
    """Run-on sentences: defence words and states chained by commas, never a full stop."""
    clause = (
        "and the defence ministers of Pakistan and Saudi Arabia held talks in Rawalpindi on Monday"
        " and agreed to hold a joint military exercise, "
    )
    return ("The talks continued " + clause * (size // len(clause) + 1))[:size]


def _pathological(tmp_path: Path) -> Path:
    folder = tmp_path / "pathological"
    folder.mkdir()
    (folder / "repeated-paragraph.txt").write_text(_repeated_paragraph(1_000_000))
    (folder / "run-on.txt").write_text(_run_on(400_000))
    corpus = SHARED / "corpora" / "background-news.jsonl"
    if corpus.is_file():  # the bench's 1.2 MB page dump and its run-on records (../shared, in CI)
        with corpus.open(encoding="utf-8") as lines, (folder / "dumps.jsonl").open("w") as out:
            for line in lines:
                if len(line) > 200_000:
                    out.write(line)
    return folder


def test_pathological_inputs_end_within_a_wall_clock_guard(tmp_path: Path) -> None:
    folder = _pathological(tmp_path)
    out = tmp_path / "pred.jsonl"
    started = time.monotonic()
    summary = extract_sources(
        [str(folder)], out, processor=ArticleProcessor(time_limit=TIME_LIMIT), progress=False
    )
    elapsed = time.monotonic() - started
    assert elapsed < WALL_CLOCK_GUARD, f"{elapsed:.0f}s"
    written = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}
    for error in summary.errors:  # anything not done is refused by name, never a hang or a crash
        assert "time limit per article" in error.reason, error
    assert summary.read == summary.duplicates + summary.failed + summary.new
    assert "run-on" in written


def test_the_time_limit_stops_a_call_in_the_main_thread() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match=r"longer than 0\.3s"):
        call_with_time_limit(lambda: _spin(10), 0.3)
    assert time.monotonic() - started < 3


def test_the_time_limit_stops_a_call_in_a_server_thread() -> None:
    outcome: list[object] = []

    def serve() -> None:
        try:
            call_with_time_limit(lambda: _spin(10), 0.3)
        except TimeLimitExceeded as exc:
            outcome.append(exc)

    thread = threading.Thread(target=serve)
    thread.start()
    thread.join(5)
    assert not thread.is_alive() and isinstance(outcome[0], TimeLimitExceeded)


def test_a_call_within_its_limit_is_untouched_and_nothing_fires_later() -> None:
    assert call_with_time_limit(lambda: 42, 0.2) == 42
    time.sleep(0.4)  # a late watchdog would raise here
    assert _spin(0.1) is None


class _SlowFinaliser:
    """Spends its time in `__del__`, where CPython drops an exception the watchdog delivers."""

    def __del__(self) -> None:
        _spin(0.05)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_limit_holds_when_the_watchdog_exception_lands_in_a_finaliser() -> None:
    def work() -> None:
        for _ in range(200):  # ten seconds unless stopped
            _SlowFinaliser()
            check_time_limit()

    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match=r"0\.3s"):
        call_with_time_limit(work, 0.3)
    assert time.monotonic() - started < 2
    check_time_limit()  # outside any limited call: nothing left behind
    assert call_with_time_limit(lambda: check_time_limit() or 7, 5) == 7


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_nested_limit_never_extends_the_outer_one() -> None:
    def inner() -> None:
        for _ in range(200):
            _SlowFinaliser()
            check_time_limit()

    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match=r"longer than 0\.3s"):  # the limit that ran out
        call_with_time_limit(lambda: call_with_time_limit(inner, 30), 0.3)
    assert time.monotonic() - started < 2
    with pytest.raises(TimeLimitExceeded, match=r"longer than 0\.3s"):  # its watchdog, not a checkpoint
        call_with_time_limit(lambda: call_with_time_limit(lambda: _spin(10), 30), 0.3)


def test_an_article_over_the_limit_is_a_named_failure_and_the_batch_goes_on() -> None:
    processor = ArticleProcessor(time_limit=0.5)
    slow = Article("slow", _repeated_paragraph(1_000_000))
    quick = Article("quick", (DEV / "articles" / "dev09_sau_pak_rawalpindi.txt").read_text())
    slow_result, quick_result = processor.events_of_many([slow, quick])
    assert isinstance(slow_result, Exception) and "time limit per article" in str(slow_result)
    assert isinstance(quick_result, list) and quick_result


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass

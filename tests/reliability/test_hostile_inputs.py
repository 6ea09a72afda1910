"""Hostile files beside good articles in one folder, through `detente ingest` and `extract`.

No traceback; every bad input named by exactly one failure line (escaped: nothing in
the output for a terminal to act on); odd but readable files not failed; the good
articles' events exactly what they are without the hostile files around them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from tests.conftest import DEV, SHARED
from tests.reliability.conftest import CLI
from tests.reliability.database_dump import TABLES, dump
from tests.reliability.hostile import Hostile, shown, write_hostile

from detente.pipeline import ArticleProcessor, extract_sources, ingest_sources

#: What the hostile files may not change: every table derived from the good articles.
EVENT_TABLES = tuple(table for table in TABLES if table not in ("articles", "mentions"))
#: Totals that count what was stored: an odd but readable file is an article with no events.
STORED_TOTALS = {"articles"}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds (../shared, in CI), else this project's own dev articles."""
    seeds = SHARED / "seeds"
    source = seeds if seeds.is_dir() else DEV / "articles"
    folder = tmp_path_factory.mktemp("good")
    for path in sorted(source.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def mixed(good: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Hostile]]:
    folder = tmp_path_factory.mktemp("mixed") / "inbox"
    shutil.copytree(good, folder)
    return folder, write_hostile(folder)


def _failures(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("failed ")]


def _check_named_once(stderr: str, hostile: list[Hostile]) -> None:
    assert "Traceback" not in stderr and "\x1b" not in stderr and "\x07" not in stderr
    lines = _failures(stderr)
    named: Counter[str] = Counter()
    for entry in hostile:
        prefix = f"failed {shown(entry.path)}"
        hits = [line for line in lines if line.startswith(prefix) and line[len(prefix)] in ": "]
        named[entry.path.name] = len(hits)
        assert len(hits) == (1 if entry.bad else 0), (entry.what, shown(entry.path), hits)
    assert sum(named.values()) == len(lines), "a failure line names no hostile input"


def _tables(content: dict[str, list[tuple]], folder: Path) -> dict[str, list[tuple]]:
    """The event tables, with the folder the articles were read from (their URL) left out."""

    def plain(value: object) -> object:
        return value.replace(str(folder), "<folder>") if isinstance(value, str) else value

    tables = {table: [tuple(plain(v) for v in row) for row in content[table]] for table in EVENT_TABLES}
    tables["agg_totals"] = [row for row in tables["agg_totals"] if row[0] not in STORED_TOTALS]
    return tables


def _run_named_once(hostile: list[Hostile], *args: str) -> None:
    """The CLI as a process over the mixed folder: exit 1, each bad input named once."""
    run = subprocess.run(
        [*CLI, *args, "--quiet"], capture_output=True, text=True, timeout=600, errors="replace"
    )
    assert run.returncode == 1
    _check_named_once(run.stderr, hostile)


def test_ingest_names_every_bad_input_once_and_keeps_the_good_events(
    good: Path, mixed: tuple[Path, list[Hostile]], tmp_path: Path, processor: ArticleProcessor
) -> None:
    folder, hostile = mixed
    alone = tmp_path / "alone.db"
    ingest_sources([str(good)], alone, processor=processor, progress=False)
    db = tmp_path / "mixed.db"
    _run_named_once(hostile, "ingest", str(folder), "--db", str(db))
    expected, found = _tables(dump(alone), good), _tables(dump(db), folder)
    assert found == expected
    assert found["events"], "the good articles state events"

    _run_named_once(hostile, "ingest", str(folder), "--db", str(db))  # every re-run gets as far
    assert _tables(dump(db), folder) == found


def test_extract_names_every_bad_input_once_and_keeps_the_good_lines(
    good: Path, mixed: tuple[Path, list[Hostile]], tmp_path: Path, processor: ArticleProcessor
) -> None:
    folder, hostile = mixed
    alone = tmp_path / "alone.jsonl"
    extract_sources([str(good)], alone, processor=processor, progress=False)
    out = tmp_path / "mixed.jsonl"
    _run_named_once(hostile, "extract", str(folder), "--out", str(out))
    good_ids = {path.stem for path in good.iterdir()}
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    kept = [line for line in lines if line["doc_id"] in good_ids]
    assert kept == [json.loads(line) for line in alone.read_text("utf-8").splitlines()]
    assert all(not line["events"] for line in lines if line["doc_id"] not in good_ids)

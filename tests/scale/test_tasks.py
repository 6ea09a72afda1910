"""Cutting an ingest into Dask tasks changes nothing a plain read gives: the same articles, doc ids,
hashes and errors, in the same order."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from detente.ingest.fetch import Fetcher
from detente.ingest.options import IngestOptions
from detente.ingest.sources import read_sources
from detente.models import Article
from detente.scale.tasks import jsonl_shards, plan_tasks, read_entry

SENTENCE = "Kenya and Tanzania held border security talks in Arusha on Monday. "


def _read(item: object) -> tuple:
    if isinstance(item, Article):
        return ("article", item.doc_id, item.hash)
    return ("error", item.source, item.reason)  # type: ignore[attr-defined]


def _through_tasks(tasks: list, options: IngestOptions) -> list[tuple]:
    found = []
    with Fetcher(options) as fetcher:
        for task in tasks:
            for entry in task.entries:
                found.extend(_read(item) for item in read_entry(entry, options, fetcher, task.span))
    return found


def _corpus(path: Path) -> Path:
    """Records with and without ids, blank lines, a malformed line and one without text."""
    lines = []
    for number in range(60):
        record = {"text": f"Report {number}. " + SENTENCE * 3}
        if number % 3:
            record["id"] = f"rec-{number}"
        lines.append(json.dumps(record))
        if number == 17:
            lines.append("")
        if number == 29:
            lines.append('{"text": "unterminated')
        if number == 41:
            lines.append(json.dumps({"id": "no-text", "body": "x"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_shards_read_what_the_whole_file_reads(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    options = IngestOptions()
    tasks = plan_tasks([str(corpus)], options, shard_bytes=1500)
    assert len(tasks) > 5 and all(task.span for task in tasks)
    spans = [task.span for task in tasks]
    assert spans[0][0] == 0 and spans[-1][1] == corpus.stat().st_size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))  # no byte lost or read twice
    plain = [_read(item) for item in read_sources([str(corpus)], options)]
    assert _through_tasks(tasks, options) == plain
    assert sum(1 for item in plain if item[0] == "error") == 2


def test_a_corpus_whose_text_field_is_misnamed_is_one_task_and_one_error(tmp_path: Path) -> None:
    corpus = tmp_path / "wrong.jsonl"
    corpus.write_text(
        "".join(json.dumps({"body": SENTENCE * 20}) + "\n" for _ in range(40)), encoding="utf-8"
    )
    options = IngestOptions()
    assert jsonl_shards(corpus, options, 500) == []
    tasks = plan_tasks([str(corpus)], options, shard_bytes=500)
    assert len(tasks) == 1
    assert _through_tasks(tasks, options) == [_read(item) for item in read_sources([str(corpus)], options)]


def test_pages_go_several_to_a_task_with_the_doc_ids_of_a_plain_read(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for number in range(7):  # the same stems in both folders: doc ids need the folder
            (tmp_path / folder / f"page{number}.txt").write_text(f"{folder} {number}. " + SENTENCE, "utf-8")
    sources = [str(tmp_path / "a"), str(tmp_path / "b")]
    options = IngestOptions()
    tasks = plan_tasks(sources, options, files_per_task=4)
    assert [sum(len(e.files) for e in task.entries) for task in tasks] == [4, 4, 4, 2]
    assert _through_tasks(tasks, options) == [_read(item) for item in read_sources(sources, options)]


def test_a_url_or_stdin_is_refused_by_the_planner(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a local file or folder"):
        plan_tasks(["https://news.example/a"], IngestOptions())

"""What `detente ingest` and `extract` read, name and count (issue 13, defects 3, 6, 7 and 12)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import DEV, EXAMPLES
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()
STORY = "Kenyan and Ugandan officers began a joint border patrol exercise near Busia on Monday, report {n}.\n"


def _counts(output: str) -> dict[str, int]:
    return {m[0]: int(m[1]) for m in re.findall(r"│ ([a-z][a-z ]+?)\s+│ (\d+)\s+│", output)}


def _adds_up(counts: dict[str, int]) -> None:
    assert (
        counts["articles read"] == counts["skipped as duplicates"] + counts["failed"] + counts["new articles"]
    )
    assert counts["dropped by the screen"] <= counts["new articles"]


def test_extract_keeps_every_different_file_that_shares_a_stem(tmp_path: Path) -> None:
    """Defect 6: ten different `index.txt` were one article and nine "duplicates"."""
    for n in range(10):
        (tmp_path / "in" / f"d{n}").mkdir(parents=True)
        (tmp_path / "in" / f"d{n}" / "index.txt").write_text(STORY.format(n=n))
    (tmp_path / "in" / "copy").mkdir()
    (tmp_path / "in" / "copy" / "index.txt").write_text(STORY.format(n=0))  # the same text: a duplicate
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["doc_id"] for line in out.read_text().splitlines()]
    assert sorted(ids) == sorted(["copy/index.txt"] + [f"d{n}/index.txt" for n in range(1, 10)])
    counts = _counts(result.output)
    assert (counts["articles read"], counts["skipped as duplicates"], counts["new articles"]) == (11, 1, 10)


def test_extract_versions_a_record_id_another_text_already_has(tmp_path: Path) -> None:
    for name, n in (("a.jsonl", 1), ("b.jsonl", 2)):
        (tmp_path / name).write_text(json.dumps({"id": "r1", "text": STORY.format(n=n)}) + "\n")
    out = tmp_path / "pred.jsonl"
    assert runner.invoke(app, ["extract", str(tmp_path), "--out", str(out), "-q"]).exit_code == 0
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["r1", "r1~2"]


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_file_name_that_is_not_utf8_is_read_by_both_commands(command: str, tmp_path: Path) -> None:
    """Defect 3: `extract` died with UnicodeEncodeError; `ingest` never stored the file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xff.txt")).write_text(STORY.format(n=1))
    target = (
        ["--out", str(tmp_path / "p.jsonl")] if command == "extract" else ["--db", str(tmp_path / "d.db")]
    )
    result = runner.invoke(app, [command, str(folder), *target, "-q"])
    assert result.exit_code == 0, result.output
    if command == "extract":
        [line] = (tmp_path / "p.jsonl").read_text("utf-8").splitlines()
        assert json.loads(line)["doc_id"] == "bad\\xff"
    else:
        with sqlite3.connect(tmp_path / "d.db") as conn:
            assert conn.execute("SELECT doc_id, url FROM articles").fetchall() == [
                ("bad\\xff", str(folder / "bad\\xff.txt"))
            ]


def test_ingest_of_the_folder_holding_the_database_skips_the_database(tmp_path: Path, monkeypatch) -> None:
    """Defect 7: `cd dir && detente ingest .` reported detente.db, -wal and -shm as failed."""
    shutil.copy(EXAMPLES / sorted(os.listdir(EXAMPLES))[0], tmp_path)
    monkeypatch.chdir(tmp_path)
    first = runner.invoke(app, ["ingest", ".", "-q"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["ingest", ".", "-q"])
    assert second.exit_code == 0, second.output
    assert _counts(second.output)["failed"] == 0 and "detente.db" not in second.output.split("ingest into")[0]
    named = runner.invoke(app, ["ingest", "detente.db", "-q"])
    assert named.exit_code == 1 and "this run's own database or output file" in named.output


def test_extract_into_the_folder_it_reads_skips_its_own_output(tmp_path: Path, monkeypatch) -> None:
    shutil.copy(EXAMPLES / sorted(os.listdir(EXAMPLES))[0], tmp_path)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = runner.invoke(app, ["extract", ".", "--out", "pred.jsonl", "-q"])
        assert result.exit_code == 0, result.output
        assert len(Path("pred.jsonl").read_text().splitlines()) == 1


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_counts_add_up_with_workers_and_duplicates_in_one_batch(command: str, tmp_path: Path) -> None:
    """Defect 12: with --workers 2 a duplicate in one batch was counted as screened and duplicate."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in sorted(os.listdir(DEV / "articles"))[:6]:
        shutil.copy(DEV / "articles" / name, folder / name)
        shutil.copy(DEV / "articles" / name, folder / f"copy-{name}")
    (folder / "weather.txt").write_text("Rain is expected in the north on Monday, forecasters said.\n")
    shutil.copy(folder / "weather.txt", folder / "weather-copy.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01")
    target = (
        ["--out", str(tmp_path / "p.jsonl")] if command == "extract" else ["--db", str(tmp_path / "d.db")]
    )
    result = runner.invoke(app, [command, str(folder), *target, "-q", "--workers", "2"])
    counts = _counts(result.output)
    _adds_up(counts)
    assert counts["articles read"] == 15
    assert (counts["skipped as duplicates"], counts["failed"], counts["new articles"]) == (7, 1, 7)
    assert counts["dropped by the screen"] == 1

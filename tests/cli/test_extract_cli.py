"""`detente extract` writes the scorer's format, and resumes an interrupted run."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_one_line_per_article_with_contract_fields(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    docs = _lines(out)
    assert sorted(d["doc_id"] for d in docs) == sorted(p.stem for p in EXAMPLES.iterdir())
    events = [e for d in docs for e in d["events"]]
    assert events
    for event in events:
        assert {
            "event_id",
            "type",
            "status",
            "date",
            "countries",
            "participants",
            "location",
            "name",
            "topics",
            "evidence",
            "cameo",
            "plover",
        } <= event.keys()
        assert event["event_id"]
    assert all(set(d["published"]) == {"date", "source"} for d in docs)


def test_same_happening_in_two_outlets_shares_an_event_id(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    runner.invoke(app, ["extract", str(EXAMPLES), "--out", str(out), "-q"])
    by_doc = {
        d["doc_id"]: {e["event_id"] for e in d["events"] if e["type"] == "meeting"} for d in _lines(out)
    }
    herald = by_doc["kazakhstan_uzbekistan_border_steppe_herald"]
    daily = by_doc["kazakhstan_uzbekistan_border_tashkent_daily"]
    assert herald & daily


def test_resume_skips_articles_already_written(tmp_path: Path) -> None:
    from detente.ingest import read_sources
    from detente.pipeline import _partial_line

    out = tmp_path / "pred.jsonl"
    first = sorted(EXAMPLES.iterdir())[0]
    article = next(item for item in read_sources([str(first)]))
    # An interrupted run: the partial file holds the first article (recorded with no
    # events, so we can tell it was not extracted again) and a line torn mid-write.
    partial = tmp_path / "pred.jsonl.partial"
    partial.write_text(json.dumps(_partial_line(article, [])) + "\n" + '{"torn', "utf-8")
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--out", str(out), "--resume", "-q"])
    assert result.exit_code == 0, result.output
    resumed = {d["doc_id"]: d for d in _lines(out)}
    assert set(resumed) == {p.stem for p in EXAMPLES.iterdir()}
    assert resumed[first.stem]["events"] == []
    assert any(d["events"] for d in resumed.values())
    assert not partial.exists()


def test_resume_reads_back_an_undated_article(tmp_path: Path) -> None:
    """An article with no publication date is recorded with `published: null` and must load again."""
    from detente.ingest import read_sources
    from detente.pipeline import _partial_line

    sources = tmp_path / "in"
    sources.mkdir()
    undated = sources / "undated.txt"
    undated.write_text(
        "Kenyan and Ugandan defence chiefs met in Nairobi and signed a memorandum on border security.\n",
        "utf-8",
    )
    article = next(item for item in read_sources([str(undated)]))
    assert article.published is None
    out = tmp_path / "pred.jsonl"
    (tmp_path / "pred.jsonl.partial").write_text(json.dumps(_partial_line(article, [])) + "\n", "utf-8")
    result = runner.invoke(app, ["extract", str(sources), "--out", str(out), "--resume", "-q"])
    assert result.exit_code == 0, result.output
    assert [(d["doc_id"], d["events"]) for d in _lines(out)] == [("undated", [])]


def test_two_worker_processes_write_the_same_file(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert runner.invoke(app, ["extract", str(EXAMPLES), "--out", str(one), "-q"]).exit_code == 0
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--out", str(two), "-q", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert two.read_text("utf-8") == one.read_text("utf-8")
    assert _lines(two)

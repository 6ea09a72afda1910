"""`--manifest` on extract and eval: saved pages get their web address, and eval finds it alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import plain, shared_path
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()

PAGE = (
    "The navies of Chile and Peru held a joint search-and-rescue drill off Arica on Wednesday, the "
    "two defence ministries said in a joint statement.\n\nTwo frigates and a patrol aircraft took part.\n"
)


def _pages(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "drill.txt").write_text(PAGE, encoding="utf-8")
    return pages


def _published(pred: Path) -> dict[str, dict]:
    return {
        record["doc_id"]: record["published"]
        for record in map(json.loads, pred.read_text("utf-8").splitlines())
    }


def test_extract_reads_the_manifest(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    manifest = tmp_path / "urls.tsv"
    manifest.write_text("id\turl\ndrill\thttps://daily.example/2019/09/25/navies-drill\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(pages), "--out", str(out), "--manifest", str(manifest), "-q"])
    assert result.exit_code == 0, result.output
    assert _published(out)["drill"] == {"date": "2019-09-25", "source": "inferred"}


def test_a_bad_manifest_stops_before_anything_is_read(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    manifest = tmp_path / "urls.csv"
    manifest.write_text("name,address\ndrill,x\n", encoding="utf-8")
    db = tmp_path / "d.db"
    result = runner.invoke(app, ["ingest", str(pages), "--db", str(db), "--manifest", str(manifest), "-q"])
    assert result.exit_code == 2
    assert "urls.csv" in plain(result.output) and "needs an id column" in plain(result.output)
    assert not db.exists()


@pytest.mark.shared
def test_eval_takes_urls_and_nothing_else_from_the_gold_index(tmp_path: Path) -> None:
    scorer = shared_path("eval", "score.py")
    pages = _pages(tmp_path)
    gold = tmp_path / "gold"
    gold.mkdir()
    published = {"date": "2019-09-25", "source": "inferred"}
    (gold / "drill.json").write_text(json.dumps({"doc_id": "drill", "published": published, "events": []}))
    (gold / "INDEX.md").write_text(
        "| id | url | title | date |\n|---|---|---|---|\n"
        "| drill | https://daily.example/2019/09/25/navies-drill | Navies drill | 2019-09-20 |\n",
        encoding="utf-8",
    )
    base = ["eval", str(gold), str(pages), "--scorer", str(scorer), "--json"]
    out = tmp_path / "pred.jsonl"
    found = runner.invoke(app, [*base, "--out", str(out)])
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)["published_date_accuracy"] == 1.0
    record = json.loads(out.read_text("utf-8").splitlines()[0])
    assert record["title"] is None  # the index's title column was not read
    assert record["published"] == {"date": "2019-09-25", "source": "inferred"}  # nor its date
    without = runner.invoke(app, [*base, "--no-manifest"])
    assert json.loads(without.stdout)["published_date_accuracy"] == 0.0

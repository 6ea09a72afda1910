"""`detente eval` prints the scorer's figures and enforces a baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import DEV, plain, shared_path
from typer.testing import CliRunner

from detente.cli import app
from detente.evaluation import check_baseline, flatten

runner = CliRunner()


@pytest.mark.shared
def test_eval_prints_scorer_figures_and_gate_fails_on_a_drop(tmp_path: Path) -> None:
    scorer = shared_path("eval", "score.py")
    lenient = tmp_path / "lenient.json"
    lenient.write_text(json.dumps({"minimums": {"events.f1": 0.0}}))
    args = ["eval", str(DEV / "gold"), str(DEV / "articles"), "--scorer", str(scorer)]
    ok = runner.invoke(app, [*args, "--baseline", str(lenient)])
    assert ok.exit_code == 0, ok.output
    assert "event F1" in ok.output and "strict F1" in ok.output
    assert "dedup links: gold 2  both ends extracted 2  found 2" in ok.output
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps({"minimums": {"events.f1": 1.01}}))
    dropped = runner.invoke(app, [*args, "--baseline", str(strict)])
    assert dropped.exit_code == 1
    assert "BELOW BASELINE events.f1" in dropped.output


def test_missing_scorer_is_named(tmp_path: Path) -> None:
    gold, src = tmp_path / "gold", tmp_path / "src"
    gold.mkdir()
    src.mkdir()
    result = runner.invoke(app, ["eval", str(gold), str(src), "--scorer", str(tmp_path / "nope.py")])
    assert result.exit_code != 0
    assert "nope.py" in plain(result.output)


def test_baseline_check_names_each_drop(tmp_path: Path) -> None:
    result = {
        "events": {"precision": 0.9, "recall": 0.7, "f1": 0.79},
        "strict": {"precision": 0.7, "recall": 0.6, "f1": 0.65},
        "fields": {"date": 0.9, "status": 0.84},
        "published_date_accuracy": 1.0,
        "dedup": {"recall": 1.0, "precision": None},
    }
    baseline = tmp_path / "b.json"
    baseline.write_text(
        json.dumps(
            {
                "minimums": {
                    "events.f1": 0.8,
                    "fields.status": 0.85,
                    "fields.date": 0.85,
                    "dedup.precision": 1.0,
                }
            }
        )
    )
    drops = check_baseline(result, baseline)
    assert len(drops) == 3
    assert any(d.startswith("events.f1: 0.790") for d in drops)
    assert any(d.startswith("dedup.precision: missing") for d in drops)
    assert "dedup.precision" not in flatten(result)

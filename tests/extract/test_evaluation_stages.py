"""Stage figures against gold: where each gold event is found or lost, and each stage's spurious items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import DEV, shared_path
from typer.testing import CliRunner

from detente.cli import app
from detente.evaluation_stages import GoldError, format_stages, stage_figures

TALKS = (
    " date 2025-05-20 Kenyan Defence Minister Aden Duale met Ugandan Defence Minister Jacob Oboth in Nairobi "
    "on Monday. The armies of Kenya and Uganda completed a joint exercise near Busia on Friday. "
    "Both states will keep sharing intelligence along the border, officials said. "
    "Kenya and Uganda share a long border.\n"
)
DRILL = " date 2025-05-20 The navies of Ghana and Togo held a joint exercise off Lome on Tuesday.\n"


def gold_event(event_type: str, evidence: str) -> dict:
    return {"type": event_type, "status": "occurred", "countries": [], "evidence": evidence}


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    gold, articles = tmp_path / "gold", tmp_path / "articles"
    gold.mkdir()
    articles.mkdir()
    (articles / "talks.txt").write_text(TALKS, encoding="utf-8")
    (articles / "drill.txt").write_text(DRILL, encoding="utf-8")
    events = [
        gold_event("meeting", "Kenyan Defence Minister Aden Duale met Ugandan Defence Minister Jacob Oboth"),
        gold_event("training", "The armies of Kenya and Uganda completed a joint exercise near Busia"),
        gold_event("pledge", "Both states will keep sharing intelligence along the border"),
        gold_event("meeting", "Kenya and Uganda share a long border."),  # no trigger: lost at candidate
        gold_event("meeting", "in Nairobi on Monday. The armies of Kenya"),  # spans two sentences
        gold_event("agreement", "Kenya and Uganda signed a pact"),  # not in the text
    ]
    (gold / "talks.json").write_text(json.dumps({"doc_id": "talks", "events": events}), encoding="utf-8")
    (gold / "drill.json").write_text(json.dumps({"doc_id": "drill", "events": []}), encoding="utf-8")
    return gold, articles


def test_each_gold_event_is_followed_to_the_stage_that_loses_it(folders, extractor):
    gold, articles = folders
    result = stage_figures(gold, articles, extractor=extractor)
    assert (result["docs"], result["gold"]) == (2, 6)
    passed = {row["stage"]: row["passed"] for row in result["funnel"]}
    assert passed == {
        "located": 5,
        "sentence": 4,
        "screened": 6,
        "relevant": 6,
        "candidate": 3,
        "recognised": 2,
        "merged": 2,
        "kept": 2,
        "survived": 2,
    }
    lost = {(item["type"], item["lost_at"]) for item in result["lost"]}
    assert lost == {
        ("training", "recognised"),  # recognised as an exercise
        ("meeting", "candidate"),  # no trigger
        ("meeting", "sentence"),  # its evidence spans two sentences
        ("agreement", "located"),  # its evidence is not in the text
    }
    # the Busia exercise (gold says training) and the Lome exercise (a negative page) are spurious
    assert result["spurious"]["recognised"] == 2 and result["spurious"]["events"] == 2
    assert result["spurious"]["candidates"] == 1
    assert result["by_type"]["exercise"]["spurious_recognised"] == 2
    assert result["by_type"]["meeting"] == {
        "gold": 3,
        "located": 3,
        "sentence": 2,
        "screened": 3,
        "relevant": 3,
        "candidate": 1,
        "recognised": 1,
        "merged": 1,
        "kept": 1,
        "survived": 1,
        "spurious_events": 0,
        "spurious_kept": 0,
        "spurious_merged": 0,
        "spurious_recognised": 0,
    }
    lines = format_stages(result)
    assert lines[0].startswith("stages over 2 docs, 6 gold events")
    assert any(line.split()[:3] == ["candidate", "3", "0.50"] for line in lines)


def test_a_broken_gold_file_is_named(tmp_path: Path, extractor):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.json"):
        stage_figures(gold, tmp_path, extractor=extractor)


@pytest.mark.shared
def test_eval_prints_stage_figures_and_a_stages_section_in_json() -> None:
    scorer = shared_path("eval", "score.py")
    args = ["eval", str(DEV / "gold"), str(DEV / "articles"), "--scorer", str(scorer), "--stages"]
    printed = CliRunner().invoke(app, args)
    assert printed.exit_code == 0, printed.output
    assert "stages over" in printed.output and "first lost at" in printed.output
    as_json = CliRunner().invoke(app, [*args, "--json"])
    assert as_json.exit_code == 0, as_json.output
    stages = json.loads(as_json.output)["stages"]
    assert [row["stage"] for row in stages["funnel"]][:2] == ["located", "sentence"]
    assert stages["gold"] > 0 and 0 < stages["funnel"][-1]["recall"] <= 1

"""Per-region figures: each group of pages is scored by the shared scorer on its own pages."""

from tests.conftest import shared_path

from detente.evaluation import load_scorer
from detente.evaluation_groups import format_groups, group_figures, group_of


def _event(event_type: str, countries: list[str]) -> dict:
    return {"type": event_type, "status": "occurred", "countries": countries, "evidence": "x"}


def test_regions_come_from_ids_shaped_like_r104():
    import re

    pattern = re.compile(r"^([a-z]\d)\d\d$")
    assert [group_of(i, pattern) for i in ("r104", "r417", "dev03_x", "r1040")] == ["r1", "r4", None, None]


def test_each_group_is_scored_on_its_own_pages():
    scorer = load_scorer(shared_path("eval", "score.py"))
    gold = {
        "r101": {"events": [_event("meeting", ["IND", "NPL"])]},
        "r102": {"events": [_event("exercise", ["IND", "NPL"])]},
        "r201": {"events": [_event("meeting", ["JPN", "AUS"])]},
    }
    pred = {"r101": {"events": [_event("meeting", ["IND", "NPL"])]}, "r201": {"events": []}}
    groups = group_figures(scorer, gold, pred)
    assert groups["r1"]["events"]["recall"] == 0.5
    assert groups["r2"]["events"]["recall"] == 0.0
    assert format_groups(groups)[0] == "per group of pages:"


def test_one_group_is_no_breakdown():
    scorer = load_scorer(shared_path("eval", "score.py"))
    assert group_figures(scorer, {"dev01": {"events": []}}, {}) == {}

"""The dedup link report: links split into found, missed by the merge and lost upstream."""

from __future__ import annotations

from detente.dedup_links import build_report, format_links, link_result, region_of


def ev(kind: str, event_id: str | None = None, **extra: object) -> dict:
    return {
        "type": kind,
        "countries": ["IRN", "PAK"],
        "evidence": f"{kind} report",
        "event_id": event_id,
        **extra,
    }


def by_position(pred: list, gold: list) -> list[tuple[int, int]]:
    """A stand-in for the scorer's pairing: same type, in order."""
    pairs, used = [], set()
    for j, g in enumerate(gold):
        for i, p in enumerate(pred):
            if i not in used and p["type"] == g["type"]:
                pairs.append((i, j))
                used.add(i)
                break
    return pairs


GOLD = {
    "r101": {
        "events": [ev("meeting"), ev("pledge"), ev("exercise")],
        "same_event_as": [
            {"event_index": 0, "doc_id": "r102", "other_event_index": 0},
            {"event_index": 1, "doc_id": "r102", "other_event_index": 1},
            {"event_index": 2, "doc_id": "r201", "other_event_index": 0},
        ],
    },
    "r102": {"events": [ev("meeting"), ev("pledge"), ev("praise")]},
    "r201": {"events": [ev("exercise")]},
}


def test_links_are_split_by_what_became_of_their_ends() -> None:
    pred = {
        "r101": {"events": [ev("meeting", "e1"), ev("pledge", "e2"), ev("exercise", "e9")]},
        "r102": {"events": [ev("meeting", "e1"), ev("pledge", "e3"), ev("praise", "e2")]},
        "r201": {"events": []},  # the exercise was never extracted there
    }
    report = build_report(GOLD, pred, by_position)

    figures = report.overall.figures()
    assert figures["gold_links"] == 3 and figures["both_extracted"] == 2 and figures["found"] == 1
    assert figures["recall"] == 0.333 and figures["recall_both_extracted"] == 0.5
    assert report.missed == [(("r101", 1), ("r102", 1))]
    # The pledge of r101 and the praise of r102 got one id: a claim gold does not make.
    assert report.wrong == [(("r101", 1), ("r102", 2))]
    assert figures["claimed_links"] == 2 and figures["precision"] == 0.5
    # A link across regions counts in both.
    assert report.regions["r1"].gold == 3 and report.regions["r2"].gold == 1


def test_a_plan_and_its_execution_linked_by_related_are_counted_apart() -> None:
    gold = {
        "r301": {
            "events": [ev("exercise")],
            "same_event_as": [{"event_index": 0, "doc_id": "r302", "other_event_index": 0}],
        },
        "r302": {"events": [ev("exercise")]},
    }
    pred = {
        "r301": {"events": [ev("exercise", "plan", related=["done"])]},
        "r302": {"events": [ev("exercise", "done", related=["plan"])]},
    }
    result = link_result(gold, pred, by_position, show_errors=True)

    assert result["found"] == 0 and result["plan_execution_linked"] == 1
    assert any(line.startswith("MISSED LINK r301#0 <-> r302#0") for line in result["errors"])
    assert "plan->execution 1" in format_links(result)[0]


def test_errors_show_both_mentions_and_regions_are_read_from_page_ids() -> None:
    pred = {
        "r101": {"events": [ev("meeting", "e1", date={"start": "2024-01-02", "precision": "day"})]},
        "r102": {"events": [ev("meeting", "e2", participants=[{"name": "Asim Munir"}])]},
    }
    lines = link_result(GOLD, pred, by_position, show_errors=True)["errors"]

    assert lines[0] == "MISSED LINK r101#0 <-> r102#0"
    assert "2024-01-02/day" in lines[1] and "people=Asim Munir" in lines[3]
    assert region_of("r417") == "r4" and region_of("seed_001") is None

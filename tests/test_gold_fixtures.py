"""Every hand-annotated gold set obeys the event contract and covers what it was made to test.

The rules live in `tests/gold_contract.py` and apply to every set alike; what differs
between sets (their size, negatives, spread of states, links) is the table below.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from tests.gold_contract import (
    Coverage,
    GoldSet,
    check_coverage,
    check_document,
    load,
    load_scorer,
    write_jsonl,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "examples"
RESOLVE = FIXTURES / "resolve"


def fixture_set(name: str, **options: bool) -> GoldSet:
    return GoldSet(name, FIXTURES / name / "articles", FIXTURES / name / "gold", **options)


def resolve_set(group: Path) -> GoldSet:
    return GoldSet(f"resolve/{group.name}", group / "articles", group / "mentions")


# Each set's own demands: the spread of the held-out sets is what makes them a generalisation test.
VARIED = Coverage(every_type_and_status=True, undated_article=True)
DEV = replace(VARIED, articles=(16, 20), negatives=(4, None), links=1)
HOLDOUT = replace(VARIED, articles=(15, 15), events=45, negatives=(4, None), states=20)
HOLDOUT_2_AND_3 = replace(
    HOLDOUT, articles=(16, 16), negatives=(4, 4), states=25, day_spans=1, multilateral=3
)
# A smaller fourth blind set: 12 articles, 3 negatives, one undated, 19 states.
HOLDOUT_4 = replace(
    VARIED, articles=(12, 12), events=35, negatives=(3, 3), states=19, day_spans=1, multilateral=1
)
# A fifth blind set: 14 articles, 4 negatives, one undated, 27 states.
HOLDOUT_5 = replace(
    VARIED, articles=(14, 14), events=55, negatives=(4, 4), states=25, day_spans=1, multilateral=1
)
# A sixth blind set: 14 articles, 4 negatives, one undated, 21 states.
HOLDOUT_6 = replace(
    VARIED, articles=(14, 14), events=60, negatives=(4, 4), states=21, day_spans=1, multilateral=1
)
# A seventh blind set: 14 articles, 4 negatives, one undated, 13 states of South and Central Asia,
# the Caucasus and the Middle East.
HOLDOUT_7 = replace(
    VARIED, articles=(14, 14), events=70, negatives=(4, 4), states=13, day_spans=2, multilateral=5
)
# An eighth blind set: 14 articles, 4 negatives, one undated, 22 states of Africa, Latin America,
# Europe and East/Southeast Asia.
HOLDOUT_8 = replace(
    VARIED, articles=(14, 14), events=70, negatives=(4, 4), states=22, day_spans=1, multilateral=7
)
# A ninth blind set: 14 articles, 4 negatives, one undated, 17 states; wire copy, state agencies,
# ministry releases and regional papers from around the world.
HOLDOUT_9 = replace(
    VARIED, articles=(14, 14), events=55, negatives=(4, 4), states=17, day_spans=1, multilateral=5
)
# A tenth blind set: 14 articles, 4 negatives, one undated, 19 states of South and Central Asia,
# the Middle East, Africa and Latin America; long, repetitive web pages of regional outlets.
HOLDOUT_10 = replace(
    VARIED, articles=(14, 14), events=70, negatives=(4, 4), states=19, day_spans=2, multilateral=1
)
# An eleventh blind set: 14 articles, 4 negatives, one undated, 25 states of Asia, the Pacific,
# Europe, Africa and the Americas; mid-size outlets, trade press, broadcasters and a ministry page.
HOLDOUT_11 = replace(
    VARIED, articles=(14, 14), events=75, negatives=(4, 4), states=25, day_spans=5, multilateral=7
)
# A twelfth blind set: 14 articles, 4 negatives, one undated, 17 states of South and Central Asia,
# Iran, the Gulf and Türkiye; long agency, ministry and SEO pages, one visit told by both sides.
HOLDOUT_12 = replace(
    VARIED, articles=(14, 14), events=61, negatives=(4, 4), states=17, day_spans=4, multilateral=4
)
# Rules holdout2, holdout3 and holdout4 were written to, stricter than gold/README.md.
STRICTER = {"single_period_dates": True, "undated_dates_nothing": True}
EXAMPLES_SET = GoldSet(
    "examples", EXAMPLES / "articles", FIXTURES / "dev" / "examples_gold", links_allowed=True
)
SETS: dict[GoldSet, Coverage] = {
    fixture_set("dev", links_allowed=True): DEV,
    EXAMPLES_SET: Coverage(articles=(5, None), links=1),
    fixture_set("holdout"): HOLDOUT,
    fixture_set("holdout2", **STRICTER): HOLDOUT_2_AND_3,
    fixture_set("holdout3", **STRICTER): HOLDOUT_2_AND_3,
    fixture_set("holdout4", **STRICTER): HOLDOUT_4,
    fixture_set("holdout5", **STRICTER): HOLDOUT_5,
    fixture_set("holdout6", **STRICTER): HOLDOUT_6,
    fixture_set("holdout7", **STRICTER): HOLDOUT_7,
    fixture_set("holdout8", **STRICTER): HOLDOUT_8,
    fixture_set("holdout9", **STRICTER): HOLDOUT_9,
    fixture_set("holdout10", **STRICTER): HOLDOUT_10,
    fixture_set("holdout11", **STRICTER): HOLDOUT_11,
    fixture_set("holdout12", **STRICTER): HOLDOUT_12,
    **{resolve_set(group): Coverage() for group in sorted(RESOLVE.iterdir()) if group.is_dir()},
}
GOLD_FILES = [
    pytest.param(gold_set, path, id=f"{gold_set.name}/{path.stem}")
    for gold_set in SETS
    for path in gold_set.gold_paths()
]


@pytest.mark.parametrize("gold_set", SETS, ids=lambda s: s.name)
def test_every_article_has_gold_and_the_set_covers_what_it_tests(gold_set: GoldSet) -> None:
    articles, golds = gold_set.article_ids(), {path.stem for path in gold_set.gold_paths()}
    assert articles == golds, (
        f"articles without gold: {articles - golds}; gold without article: {golds - articles}"
    )
    check_coverage(gold_set, SETS[gold_set])


@pytest.mark.parametrize(("gold_set", "path"), GOLD_FILES)
def test_gold_file_follows_the_event_contract(gold_set: GoldSet, path: Path) -> None:
    check_document(path, gold_set)


@pytest.mark.shared
@pytest.mark.parametrize("gold_set", SETS, ids=lambda s: s.name)
def test_shared_scorer_rates_the_gold_perfect_against_itself(gold_set: GoldSet, tmp_path: Path) -> None:
    scorer = load_scorer()
    predictions = write_jsonl(gold_set.documents().values(), tmp_path / "pred.jsonl")
    result = scorer.score(scorer.load_gold(gold_set.gold), scorer.load_pred(predictions))
    assert result["events"]["f1"] == 1.0
    assert result["strict"]["f1"] == 1.0
    assert all(value == 1.0 for value in result["fields"].values()), result["fields"]


def test_examples_folder_is_ready_for_a_first_run() -> None:
    assert (EXAMPLES / "README.md").is_file(), "examples/README.md is missing"
    articles = sorted((EXAMPLES / "articles").iterdir())
    assert len([p for p in articles if p.suffix == ".txt"]) >= 4
    pages = [p for p in articles if p.suffix == ".html"]
    assert pages, "examples need one HTML page with page chrome"
    assert all('property="article:published_time"' in p.read_text(encoding="utf-8") for p in pages)


def test_resolve_expectations_point_at_real_mentions() -> None:
    expected = load(RESOLVE / "expected.json")["groups"]
    assert {p.name for p in RESOLVE.iterdir() if p.is_dir()} == set(expected)
    for group, spec in expected.items():
        docs = {p.stem: load(p) for p in (RESOLVE / group / "mentions").glob("*.json")}
        mentions = [r for grp in spec["same_event"] for r in grp]
        mentions += [r for pair in spec["different_event"] + spec["related"] for r in pair]
        mentions += [place["mention"] for place in spec["places"]]
        for doc_id, index in mentions:
            assert 0 <= index < len(docs[doc_id]["events"]), f"{group}: no event {index} in {doc_id}"
        people = [r for grp in spec["same_person"] for r in grp]
        people += [r for pair in spec["different_person"] for r in pair]
        people += [entry["participant"] for entry in spec["person_names"]]
        for doc_id, index, person in people:
            assert 0 <= person < len(docs[doc_id]["events"][index]["participants"]), f"{group}: {doc_id}"
        assert all(copy in docs and original in docs for copy, original in spec["copies"].items())
        total = sum(len(d["events"]) for d in docs.values())
        merged_away = sum(len(grp) - 1 for grp in spec["same_event"])
        assert spec["event_count"] == total - merged_away, f"{group}: event_count disagrees with same_event"


GOOD_EVENT = {
    "type": "meeting",
    "status": "occurred",
    "date": {"start": "2025-06-09", "end": "2025-06-09", "precision": "day"},
    "countries": ["IND", "VNM"],
    "participants": [{"name": "Rajnath Singh", "title": "Defence Minister", "country": "IND"}],
    "location": {"place": "Hanoi", "country": "VNM"},
    "name": None,
    "topics": [],
    "evidence": "The ministers met in Hanoi on Monday.",
}
DATED_IN_2024 = {
    "date": {"start": "2024-08-01", "end": "2024-08-01", "precision": "month"},
    "evidence": "signed an agreement in August 2024",
}
YEARS_2029_TO_2031 = {
    "status": "planned",
    "date": {"start": "2029-01-01", "end": "2031-01-01", "precision": "year"},
    "evidence": "deliveries from 2029 to 2031",
}
UNDATED = {"published": {"date": None, "source": "unknown"}}
GOOD_PUBLISHED = {"date": "2025-06-10", "source": "explicit"}


def dated(start: str, end: str, precision: str) -> dict:
    return {"date": {"start": start, "end": end, "precision": precision}}


GOOD_CASES = {
    "dated meeting": ({}, GOOD_EVENT),
    "absolute date, undated article": (UNDATED, GOOD_EVENT | DATED_IN_2024),
    "span of years": ({}, GOOD_EVENT | YEARS_2029_TO_2031),
}
# Each broken case and the words of the failure it must raise, so that it fails for its own reason.
BROKEN_EVENTS = {
    "paraphrased evidence": ({"evidence": "The ministers met in Hanoi."}, "not verbatim"),
    "unsorted countries": ({"countries": ["VNM", "IND"]}, "sorted and unique"),
    "unknown country": ({"countries": ["XXX"]}, "alpha-3"),
    "month date mid-month": (dated("2025-06-15", "2025-06-15", "month"), "start and end on a 1st"),
    "month span ending mid-month": (dated("2025-05-01", "2025-06-15", "month"), "start and end on a 1st"),
    "year span ending mid-year": (dated("2024-01-01", "2025-06-01", "year"), "on 1 January"),
    "date not ISO": (dated("9 June 2025", "9 June 2025", "day"), "YYYY-MM-DD"),
    "end before start": (dated("2025-06-09", "2025-06-08", "day"), "before"),
    "unknown date with values": (dated("2025-06-09", "2025-06-09", "unknown"), "unknown date with values"),
    "topic off the list": ({"topics": ["diplomacy"]}, "topics outside the list"),
    "repeated topic": ({"topics": ["maritime", "maritime"]}, r"topics \["),
    "type off the list": ({"type": "summit"}, "type 'summit'"),
    "status off the list": ({"status": "rumoured"}, "status 'rumoured'"),
    "extra key": ({"cameo": "040"}, "keys differ"),
    "no countries": ({"countries": []}, "non-empty"),
    "blank name": ({"name": " "}, "blank name"),
    "blank title": (
        {"participants": [{"name": "Rajnath Singh", "title": " ", "country": "IND"}]},
        "blank title",
    ),
    "outsider participant": (
        {"participants": [{"name": "Rajnath Singh", "title": None, "country": "FRA"}]},
        "not taking part",
    ),
    "outsider location": ({"location": {"place": "Hanoi", "country": "FRA"}}, "not taking part"),
    "occurred after publication": (dated("2025-06-11", "2025-06-11", "day"), "after publication"),
    "planned in the past": ({"status": "planned"}, "planned in the past"),
}
BROKEN_DOCUMENTS = {
    "undated article, relative date": (UNDATED, {}, "relative date"),
    "missing date not unknown": ({"published": {"date": None, "source": "explicit"}}, {}, "source 'unknown'"),
    "year not in article": ({"published": {"date": "2026-06-10", "source": "explicit"}}, {}, "year is not"),
    "link where none allowed": ({"same_event_as": []}, {}, "keys"),
    "published with an extra key": ({"published": GOOD_PUBLISHED | {"x": 1}}, {}, "'x': 1"),
    "positive named negative": ({"doc_id": "doc_neg_x"}, {}, "_neg_"),
    "negative not named so": ({"events": []}, {}, "_neg_"),
}
# What holdout2 and holdout3 forbid beyond gold/README.md.
BROKEN_FOR_STRICT_SETS = {
    "dated event, undated article": (UNDATED, DATED_IN_2024, "undated article, dated event"),
    "span of years": ({}, YEARS_2029_TO_2031, "single period"),
}
CASE_ARTICLE = (
    "Hanoi, 10 June 2025. The ministers met in Hanoi on Monday. They recalled that the two states "
    "signed an agreement in August 2024 and expect deliveries from 2029 to 2031."
)


def write_case(folder: Path, document: dict, event: dict, **rules: bool) -> tuple[Path, GoldSet]:
    doc_id = document.get("doc_id", "doc")
    (folder / f"{doc_id}.txt").write_text(CASE_ARTICLE, encoding="utf-8")
    record = {"doc_id": doc_id, "published": GOOD_PUBLISHED, "events": [event]}
    path = folder / f"{doc_id}.json"
    path.write_text(json.dumps(record | document), encoding="utf-8")
    return path, GoldSet("case", folder, folder, **rules)


@pytest.mark.parametrize(("document", "event"), GOOD_CASES.values(), ids=GOOD_CASES)
def test_the_checker_accepts_good_gold(tmp_path: Path, document: dict, event: dict) -> None:
    check_document(*write_case(tmp_path, document, event))


@pytest.mark.parametrize(("change", "reason"), BROKEN_EVENTS.values(), ids=BROKEN_EVENTS)
def test_the_checker_rejects_a_broken_event(tmp_path: Path, change: dict, reason: str) -> None:
    """Guards the guard: each rule must be able to fail, and for its own reason."""
    with pytest.raises((AssertionError, ValueError), match=reason):
        check_document(*write_case(tmp_path, {}, GOOD_EVENT | change))


@pytest.mark.parametrize(("document", "change", "reason"), BROKEN_DOCUMENTS.values(), ids=BROKEN_DOCUMENTS)
def test_the_checker_rejects_a_broken_document(
    tmp_path: Path, document: dict, change: dict, reason: str
) -> None:
    with pytest.raises((AssertionError, ValueError), match=reason):
        check_document(*write_case(tmp_path, document, GOOD_EVENT | change))


@pytest.mark.parametrize(
    ("document", "change", "reason"), BROKEN_FOR_STRICT_SETS.values(), ids=BROKEN_FOR_STRICT_SETS
)
def test_the_stricter_sets_reject_what_the_readme_allows(
    tmp_path: Path, document: dict, change: dict, reason: str
) -> None:
    path, gold_set = write_case(tmp_path, document, GOOD_EVENT | change, **STRICTER)
    check_document(path, GoldSet("lenient", gold_set.articles, gold_set.gold))
    with pytest.raises(AssertionError, match=reason):
        check_document(path, gold_set)


def test_the_checker_rejects_a_doc_id_that_is_not_the_file_name(tmp_path: Path) -> None:
    path, gold_set = write_case(tmp_path, {}, GOOD_EVENT)
    renamed = path.rename(tmp_path / "other.json")
    with pytest.raises(AssertionError, match="differs from the file name"):
        check_document(renamed, gold_set)


GOOD_LINK = {"event_index": 0, "doc_id": "second", "other_event_index": 0}


def linked_pair(folder: Path, link: dict, second_event: dict = GOOD_EVENT) -> GoldSet:
    """Two one-event articles, the first linking to the second as `link` says."""
    write_case(folder, {"doc_id": "first", "same_event_as": [link]}, GOOD_EVENT)
    write_case(folder, {"doc_id": "second"}, second_event)
    return GoldSet("pair", folder, folder, links_allowed=True)


BROKEN_LINKS = {
    "to itself": (GOOD_LINK | {"doc_id": "first"}, GOOD_EVENT, "another article"),
    "to an unknown article": (GOOD_LINK | {"doc_id": "third"}, GOOD_EVENT, "unknown article"),
    "past its own last event": (GOOD_LINK | {"event_index": 1}, GOOD_EVENT, "event_index 1"),
    "past the other's last event": (GOOD_LINK | {"other_event_index": 1}, GOOD_EVENT, "out of range"),
    "missing a key": ({"doc_id": "second", "other_event_index": 0}, GOOD_EVENT, "link keys"),
    "to another type": (GOOD_LINK, GOOD_EVENT | {"type": "agreement"}, "differ in type"),
    "to other states": (GOOD_LINK, GOOD_EVENT | {"countries": ["IND", "LAO"]}, "countries differ"),
}
UNMET_DEMANDS = {
    "too many articles": Coverage(articles=(1, 1)),
    "too few events": Coverage(events=3),
    "too few negatives": Coverage(negatives=(1, None)),
    "too many negatives": Coverage(negatives=(0, -1)),
    "too few states": Coverage(states=3),
    "missing types and statuses": Coverage(every_type_and_status=True),
    "no undated article": Coverage(undated_article=True),
    "no span": Coverage(day_spans=1),
    "no multilateral event": Coverage(multilateral=1),
    "too few links": Coverage(links=2),
}


def test_the_coverage_check_accepts_a_set_that_has_what_it_demands(tmp_path: Path) -> None:
    gold_set = linked_pair(tmp_path, GOOD_LINK)
    check_coverage(gold_set, Coverage(articles=(2, 2), events=2, states=2, links=1))


@pytest.mark.parametrize("demand", UNMET_DEMANDS.values(), ids=UNMET_DEMANDS)
def test_the_coverage_check_rejects_a_set_that_lacks_what_it_demands(
    tmp_path: Path, demand: Coverage
) -> None:
    with pytest.raises(AssertionError):
        check_coverage(linked_pair(tmp_path, GOOD_LINK), demand)


@pytest.mark.parametrize(("link", "second_event", "reason"), BROKEN_LINKS.values(), ids=BROKEN_LINKS)
def test_the_coverage_check_rejects_a_broken_link(
    tmp_path: Path, link: dict, second_event: dict, reason: str
) -> None:
    with pytest.raises(AssertionError, match=reason):
        check_coverage(linked_pair(tmp_path, link, second_event), Coverage())

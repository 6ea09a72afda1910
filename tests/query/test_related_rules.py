"""The rules that tie events together on an event page, on hand-made event records."""

from __future__ import annotations

from datetime import date
from typing import Any

from detente.query.related import (
    EDITION,
    EXECUTION,
    LINKED,
    OCCASION,
    OUTCOME,
    PLAN,
    SeriesName,
    executes,
    made_at,
    related,
    same_series,
    series_name,
)


def _event(event_id: str, kind: str, status: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "event_id": event_id,
        "type": kind,
        "status": status,
        "countries": ["PAK", "TJK"],
        "name": None,
        "date_start": None,
        "date_end": None,
        "date_precision": "unknown",
        "first_reported": None,
        "location_place": None,
        "docs": {f"doc-{event_id}"},
    }
    record.update(fields)
    return record


def test_series_names_drop_generic_words_and_keep_the_edition() -> None:
    assert series_name("Exercise Dosti-II") == SeriesName("dosti", (2,))
    assert series_name("Earnest Leader 2017") == SeriesName("earnest leader", (2017,))
    assert series_name("7th Joint Ministerial Commission") == SeriesName("ministerial commission", (7,))
    assert series_name("Medusa-8") == series_name("Medusa 8") == SeriesName("medusa", (8,))
    assert series_name("I Corps Shield") == SeriesName("i corps shield", ())
    assert series_name("Joint Exercise 2023") is None and series_name(None) is None


def test_a_plan_is_carried_out_inside_its_period_and_after_it_was_reported() -> None:
    plan = _event(
        "plan",
        "exercise",
        "planned",
        date_start=date(2023, 3, 1),
        date_precision="month",
        first_reported=date(2023, 2, 26),
        name="Golden Dragon",
    )
    done = _event("done", "exercise", "occurred", date_start=date(2023, 3, 20), date_precision="day")
    assert executes(plan, done)
    assert not executes(plan, {**done, "date_start": date(2023, 6, 1)}), "months later: another exercise"
    assert not executes(plan, {**done, "countries": ["PAK", "TJK", "UZB"]})
    assert executes(plan, {**done, "name": "Golden Dragon 2023"}), "the plan named no edition"
    edition = {**plan, "name": "Golden Dragon 2023"}
    assert not executes(edition, {**done, "name": "Golden Dragon 2024"}), "another edition"
    assert not executes({**plan, "first_reported": date(2023, 6, 1)}, done), "reported after it happened"
    undated = {**plan, "date_start": None, "date_precision": "unknown", "name": "Dosti-III"}
    assert not executes(undated, {**done, "name": "Dosti-II"})
    assert executes(undated, {**done, "name": "Dosti-III"})


def test_what_was_agreed_at_a_meeting_shares_its_article_countries_place_and_days() -> None:
    meeting = _event(
        "m",
        "meeting",
        "occurred",
        date_start=date(2025, 11, 13),
        date_precision="day",
        location_place="General Headquarters, Rawalpindi",
        docs={"seed-0"},
    )
    pledge = _event(
        "p", "pledge", "occurred", date_start=date(2025, 11, 13), date_precision="day", docs={"seed-0"}
    )
    assert made_at(meeting, pledge)
    assert not made_at(meeting, {**pledge, "docs": {"other"}}), "another article"
    assert not made_at(meeting, {**pledge, "location_place": "Aiwan-e-Sadr"}), "another meeting, elsewhere"
    assert made_at(meeting, {**pledge, "location_place": "Rawalpindi"})
    assert not made_at(meeting, {**pledge, "date_start": date(2024, 1, 1)})
    assert not made_at({**meeting, "status": "planned"}, pledge), "nothing is done at a meeting to come"
    assert made_at(meeting, {**pledge, "countries": ["PAK"]})
    assert not made_at(meeting, {**pledge, "countries": ["PAK", "IRN"]})


def test_editions_share_a_series_type_and_two_countries() -> None:
    first = _event("d1", "exercise", "occurred", name="Dosti-I")
    second = _event("d2", "exercise", "occurred", name="Dosti-II")
    assert same_series(first, second)
    assert not same_series(first, {**second, "countries": ["PAK", "CHN"]})
    accord = _event("a1", "agreement", "occurred", name="Reciprocal Access Agreement")
    assert not same_series(accord, {**accord, "event_id": "a2"}), "instrument names are not series"


def test_related_orders_plan_links_first_and_keeps_unexplained_stored_links() -> None:
    meeting = _event(
        "m", "meeting", "occurred", date_start=date(2025, 7, 8), date_precision="day", docs={"x"}
    )
    pledge = _event("p", "pledge", "occurred", date_start=date(2025, 7, 8), date_precision="day", docs={"x"})
    plan = _event("plan", "meeting", "planned", date_start=date(2025, 7, 1), date_precision="month")
    stray = _event("s", "praise", "occurred")
    found = related(meeting, [pledge, plan, stray, meeting], linked_ids=["s"])
    assert [(kind, other["event_id"]) for kind, other in found] == [
        (PLAN, "plan"),
        (OUTCOME, "p"),
        (LINKED, "s"),
    ]
    assert related(pledge, [meeting])[0][0] == OCCASION
    assert related(plan, [meeting])[0][0] == EXECUTION
    assert (
        related(
            _event("d1", "exercise", "occurred", name="Dosti-I"),
            [_event("d2", "exercise", "planned", name="Dosti-II")],
        )[0][0]
        == EDITION
    )

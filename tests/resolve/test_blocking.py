"""Blocking must never hide a pair the merge rules would accept."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.models import Event, EventDate, Participant, Place
from detente.resolve.blocking import candidate_pairs
from detente.resolve.matching import MentionView, same_happening

COUNTRY_SETS = [["PAK", "TJK"], ["IRN", "TJK"], ["TJK"], ["CHN", "IRN", "TJK"], ["IRN", "PAK", "TJK", "CHN"]]
PEOPLE = ["p_a", "p_b", "p_c"]


@st.composite
def mention_views(draw: st.DrawFn) -> list[MentionView]:
    views = []
    for index in range(draw(st.integers(2, 14))):
        precision = draw(st.sampled_from(["day", "month", "year", "unknown"]))
        start = date(2022, 11, 1) + timedelta(days=draw(st.integers(0, 120)))
        if precision == "month":
            start = start.replace(day=1)
        elif precision == "year":
            start = start.replace(month=1, day=1)
        end = start + timedelta(days=draw(st.integers(0, 3))) if precision == "day" else start
        people = draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True))
        event = Event(
            type=draw(st.sampled_from(["meeting", "exercise"])),
            status="occurred",
            countries=draw(st.sampled_from(COUNTRY_SETS)),
            evidence="x",
            date=EventDate(start, end, precision) if precision != "unknown" else EventDate(),  # type: ignore[arg-type]
            participants=[Participant(p, None, None, p) for p in people],
            location=Place(draw(st.sampled_from([None, "Dushanbe", "Tehran"])), None),
            name=draw(st.sampled_from([None, "Dosti-II"])),
            doc_id=f"d{draw(st.integers(0, 5))}",
        )
        views.append(MentionView.of(index, event, None))
    return views


@settings(max_examples=200, deadline=None)
@given(mention_views())
def test_every_mergeable_pair_is_a_candidate(views: list[MentionView]) -> None:
    candidates = candidate_pairs(views)
    for i in range(len(views)):
        for j in range(i + 1, len(views)):
            if same_happening(views[i], views[j]):
                assert (i, j) in candidates

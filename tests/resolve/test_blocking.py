"""Blocking must never hide a pair the merge could accept, and must not compare everything."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.models import Event, EventDate, Participant, Place
from detente.resolve.blocking import candidate_pairs
from detente.resolve.evidence import veto
from detente.resolve.matching import MentionView
from detente.resolve.rules import merge_rules

COUNTRY_SETS = [["PAK", "TJK"], ["IRN", "TJK"], ["TJK"], ["CHN", "IRN", "TJK"], ["IRN", "PAK", "TJK", "CHN"]]
PEOPLE = ["p_a", "p_b", "p_c"]
PLACES = [
    None,
    ("Dushanbe", 1221874, "city"),
    ("Fakhrobod Base", 1221874, "facility"),
    ("Tehran", 112931, "city"),
]
NAMES = [None, "Dosti-II", "Dosti", "Dosti 2024", "Steppe Eagle"]
TYPES = ["meeting", "exercise", "training", "agreement", "defence_industry"]


@st.composite
def mention_views(draw: st.DrawFn) -> list[MentionView]:
    views = []
    for index in range(draw(st.integers(2, 14))):
        precision = draw(st.sampled_from(["day", "month", "year", "unknown"]))
        start = date(2022, 11, 1) + timedelta(days=draw(st.integers(0, 420)))
        if precision == "month":
            start = start.replace(day=1)
        elif precision == "year":
            start = start.replace(month=1, day=1)
        end = start + timedelta(days=draw(st.integers(0, 40))) if precision == "day" else start
        people = draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True))
        place = draw(st.sampled_from(PLACES))
        location = Place(place[0], None, place[1], 0.0, 0.0, place[2]) if place else None
        event = Event(
            type=draw(st.sampled_from(TYPES)),
            status=draw(st.sampled_from(["occurred", "occurred", "planned"])),
            countries=draw(st.sampled_from(COUNTRY_SETS)),
            evidence="x",
            date=EventDate(start, end, precision) if precision != "unknown" else EventDate(),  # type: ignore[arg-type]
            participants=[Participant(p, None, None, p) for p in people],
            location=location,
            name=draw(st.sampled_from(NAMES)),
            doc_id=f"d{draw(st.integers(0, 5))}",
        )
        days = st.integers(0, 450).map(lambda d: date(2022, 11, 1) + timedelta(d))
        published = draw(st.one_of(st.none(), days))
        views.append(MentionView.of(index, event, published))
    return views


@settings(max_examples=300, deadline=None)
@given(mention_views())
def test_every_pair_the_merge_could_accept_is_a_candidate(views: list[MentionView]) -> None:
    candidates = candidate_pairs(views)
    rules = merge_rules()
    for i in range(len(views)):
        for j in range(i + 1, len(views)):
            if veto(views[i], views[j], rules) is None:
                assert (i, j) in candidates, (views[i].event, views[j].event)


def test_reports_years_apart_or_of_other_states_are_never_compared() -> None:
    def view(index: int, day: date, countries: list[str]) -> MentionView:
        event = Event("meeting", "occurred", countries, "x", EventDate(day, day, "day"), doc_id=f"d{index}")
        return MentionView.of(index, event, day)

    views = [
        view(0, date(2023, 5, 2), ["IRN", "TJK"]),
        view(1, date(2024, 5, 2), ["IRN", "TJK"]),
        view(2, date(2023, 5, 3), ["PAK", "TJK"]),
        view(3, date(2023, 5, 4), ["IRN", "TJK"]),
    ]
    assert candidate_pairs(views) == {(0, 3)}

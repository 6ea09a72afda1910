"""Which mention pairs are worth comparing, so the merge scales to a large corpus.

A mention is compared only with mentions sharing its type, status and a pair of
its countries (a lone country for single-state and multilateral mentions), and
within that block:
- day- and month-precise mentions meet only in the months their dates cover;
- year-precise mentions (and long spans) meet every dated mention of their year;
- an undated mention meets only mentions sharing a person or, when neither names
  anyone, the place or the event name: the only ways an undated pair can merge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from detente.resolve.matching import Interval, MentionView

FINE_SPAN_MONTHS = 2  # a dated span over more months than this is bucketed by year


def _blocks(view: MentionView) -> list[tuple[object, ...]]:
    ordered = sorted(view.countries)
    keys: list[tuple[str, ...]] = [tuple(p) for p in combinations(ordered, 2)]
    if len(ordered) != 2:  # a lone state can be part of a multilateral event
        keys += [(c,) for c in ordered]
    return [(view.event.type, view.event.status, countries) for countries in keys]


def _months(interval: Interval) -> list[tuple[int, int]]:
    (y0, m0), (y1, m1) = (interval[0].year, interval[0].month), (interval[1].year, interval[1].month)
    return [(y, m) for y in range(y0, y1 + 1) for m in range(1, 13) if (y0, m0) <= (y, m) <= (y1, m1)]


def _features(view: MentionView) -> Iterator[tuple[str, str]]:
    """Keys an undated pair must share: a person, or (when nobody is named) the place or name."""
    if view.people:
        for person in view.people:
            yield ("person", person)
        return
    if view.place is not None:
        yield ("place", " ".join(sorted(view.place.tokens)))
    if view.name:
        yield ("name", view.name)


def candidate_pairs(views: Sequence[MentionView]) -> set[tuple[int, int]]:
    """Position pairs (i < j) that share a bucket; every pair that can merge is among them."""
    by_month: dict[tuple[object, ...], list[int]] = defaultdict(list)
    fine_by_year: dict[tuple[object, ...], list[int]] = defaultdict(list)
    coarse_by_year: dict[tuple[object, ...], list[int]] = defaultdict(list)
    by_feature: dict[tuple[object, ...], list[int]] = defaultdict(list)
    undated_by_feature: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for position, view in enumerate(views):
        for block in _blocks(view):
            for feature in _features(view):
                by_feature[(*block, *feature)].append(position)
                if view.interval is None:
                    undated_by_feature[(*block, *feature)].append(position)
            if view.interval is None:
                continue
            months = _months(view.interval)
            years = sorted({y for y, _ in months})
            fine = view.event.date.precision != "year" and len(months) <= FINE_SPAN_MONTHS
            for year in years:
                (fine_by_year if fine else coarse_by_year)[(*block, year)].append(position)
            if fine:
                for month in months:
                    by_month[(*block, *month)].append(position)
    pairs: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i != j:
            pairs.add((min(i, j), max(i, j)))

    for members in by_month.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                add(i, j)
    for key, coarse in coarse_by_year.items():
        for i in coarse:
            for j in (*coarse, *fine_by_year.get(key, ())):
                add(i, j)
    for key, undated in undated_by_feature.items():
        for i in undated:
            for j in by_feature[key]:
                add(i, j)
    return pairs

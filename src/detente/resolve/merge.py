"""Clustering mentions into happenings, independent of input order.

Candidate pairs come from blocking (see `blocking`). Pairs that pass the pairwise
rules are merged best first, in the canonical order of the mentions, and a union
is refused when the two groups would hold two mentions of one article, dates with
no common day, two different names, places or venue countries, or incompatible
country sets: so an undated "the ministers met" can never chain two meetings a
year apart into one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from detente.resolve.blocking import candidate_pairs
from detente.resolve.matching import (
    Interval,
    MentionView,
    PlaceView,
    affinity,
    countries_compatible,
    overlap,
    places_compatible,
    same_happening,
)


@dataclass
class _Group:
    """What a union must keep consistent across all members of a growing cluster."""

    members: list[int]
    docs: set[str]
    interval: Interval | None
    dated: bool
    names: set[str] = field(default_factory=set)
    places: set[PlaceView] = field(default_factory=set)
    venue_countries: set[str] = field(default_factory=set)
    country_sets: set[frozenset[str]] = field(default_factory=set)

    @classmethod
    def of(cls, position: int, view: MentionView) -> _Group:
        return cls(
            members=[position],
            docs={view.doc_id},
            interval=view.interval,
            dated=view.interval is not None,
            names={view.name} if view.name else set(),
            places={view.place} if view.place else set(),
            venue_countries={view.place_country} if view.place_country else set(),
            country_sets={view.countries},
        )

    def accepts(self, other: _Group) -> bool:
        if self.docs & other.docs or len(self.names | other.names) > 1:
            return False
        if len(self.venue_countries | other.venue_countries) > 1:
            return False
        if self.dated and other.dated and overlap(self.interval, other.interval) is None:
            return False
        if not all(places_compatible(a, b) for a in self.places for b in other.places):
            return False
        return all(countries_compatible(a, b) for a in self.country_sets for b in other.country_sets)

    def absorb(self, other: _Group) -> None:
        self.members += other.members
        self.docs |= other.docs
        if self.dated and other.dated:
            self.interval = overlap(self.interval, other.interval)
        elif other.dated:
            self.interval = other.interval
        self.dated = self.dated or other.dated
        self.names |= other.names
        self.places |= other.places
        self.venue_countries |= other.venue_countries
        self.country_sets |= other.country_sets


def cluster_mentions(views: Sequence[MentionView]) -> list[list[MentionView]]:
    """Groups of mentions that report one happening; `views` must come in canonical order."""
    edges = []
    for i, j in candidate_pairs(views):
        if same_happening(views[i], views[j]):
            edges.append((-affinity(views[i], views[j]), i, j))
    owner = list(range(len(views)))
    groups = {position: _Group.of(position, v) for position, v in enumerate(views)}
    for _, i, j in sorted(edges):
        a, b = owner[i], owner[j]
        if a == b or not groups[a].accepts(groups[b]):
            continue
        keep, gone = min(a, b), max(a, b)
        absorbed = groups.pop(gone)
        for member in absorbed.members:
            owner[member] = keep
        groups[keep].absorb(absorbed)
    return [[views[i] for i in sorted(g.members)] for _, g in sorted(groups.items())]

"""Clustering mentions into happenings, independent of input order.

Candidate pairs come from blocking (see `blocking`); each is judged (`evidence`),
and the pairs judged one happening are merged best first, in the canonical order
of the mentions. A union of two groups is refused when any pair across them is in
conflict (two mentions of one article, dates too far apart, two editions, other
states...) or when, on average, the pairs across them fall below the threshold:
so an undated "the ministers met" cannot chain two meetings a year apart into one,
and one strong pair cannot drag in a report that disagrees with the rest.

`cluster_mentions` is a pure function of the views it is given (and of the person
and place registries that filled them): resolving a subset of candidates gives
the same groups as resolving them inside a larger corpus, as long as the subset
holds every candidate of its members.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from detente.resolve.blocking import candidate_pairs
from detente.resolve.evidence import conflict, veto, weigh
from detente.resolve.matching import MentionView
from detente.resolve.rules import merge_rules


class _Scores:
    """Pair scores, computed once per pair of positions."""

    def __init__(self, views: Sequence[MentionView]) -> None:
        self.views = views
        self.rules = merge_rules()
        self._scores: dict[tuple[int, int], float | None] = {}

    def score(self, i: int, j: int) -> float | None:
        """The weighed evidence of the pair, or None when the two conflict.

        Two reports that name different parts of one multilateral happening ("Iran and
        Tajikistan", "Tajikistan" alone) conflict as a pair, but not inside a group whose
        states take them both in; `accepts` checks the states of the whole group instead.
        """
        key = (min(i, j), max(i, j))
        if key not in self._scores:
            a, b = self.views[key[0]], self.views[key[1]]
            reason = conflict(a, b, self.rules)
            self._scores[key] = None if reason and reason != "states" else weigh(a, b).score
        return self._scores[key]

    def accepts(self, left: list[int], right: list[int]) -> bool:
        states = frozenset().union(*(self.views[i].countries for i in (*left, *right)))
        for i in (*left, *right):
            own = self.views[i].countries
            if own != states and not (len(states) >= 3 and own <= states):
                return False
        total = 0.0
        for i in left:
            for j in right:
                score = self.score(i, j)
                if score is None:
                    return False
                total += score
        return total / (len(left) * len(right)) >= self.rules.threshold


Pair = tuple[int, int]  # positions i < j
Edge = tuple[float, int, int]  # (-score, i, j): sorted, the strongest pair comes first


def strong_edges(
    views: Sequence[MentionView], scores: _Scores | None = None, pairs: Iterable[Pair] | None = None
) -> list[Edge]:
    """Candidate pairs with no veto whose evidence reaches the threshold: the only pairs a
    union can start from, so groups never reach across two sets with no such pair between.
    `pairs`: the candidate pairs when the caller found them already (from stored filings)."""
    scores = scores or _Scores(views)
    edges = []
    for i, j in candidate_pairs(views) if pairs is None else pairs:
        if veto(views[i], views[j], scores.rules) is None:
            score = scores.score(i, j)
            if score is not None and score >= scores.rules.threshold:
                edges.append((-score, i, j))
    return edges


def is_strong(a: MentionView, b: MentionView) -> bool:
    """Whether the candidate pair is a strong edge (see `strong_edges`), judged alone."""
    rules = merge_rules()
    if veto(a, b, rules) is not None:
        return False
    reason = conflict(a, b, rules)
    return not (reason and reason != "states") and weigh(a, b).score >= rules.threshold


def cluster_mentions(views: Sequence[MentionView]) -> list[list[MentionView]]:
    """Groups of mentions that report one happening; `views` must come in canonical order."""
    groups, _ = cluster_with_edges(views)
    return groups


def cluster_with_edges(
    views: Sequence[MentionView], pairs: Iterable[Pair] | None = None
) -> tuple[list[list[MentionView]], list[Edge]]:
    """The groups, and the strong pairs they were built from (incremental resolution keeps the
    sets of mentions those pairs connect, which is all a later mention can change)."""
    scores = _Scores(views)
    edges = strong_edges(views, scores, pairs)
    owner = list(range(len(views)))
    members = {position: [position] for position in range(len(views))}
    for _, i, j in sorted(edges):
        a, b = owner[i], owner[j]
        if a == b or not scores.accepts(members[a], members[b]):
            continue
        keep, gone = min(a, b), max(a, b)
        absorbed = members.pop(gone)
        for member in absorbed:
            owner[member] = keep
        members[keep] += absorbed
    for view in views:  # the words were only needed to compare; free them before events are built
        view.forget_words()
    return [[views[i] for i in sorted(group)] for _, group in sorted(members.items())], edges

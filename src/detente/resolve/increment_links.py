"""Linking plans to executions again, for the plans a batch of new events could move.

A plan links to the best occurred event among those of its kind sharing a pair of its
states (`links.execution_of`). So when events are replaced, only the plans sharing a
block with one of them (before or after) can change their link, and each of them is
linked again against every occurred event of its blocks, stored or new.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol

from detente.models import EVENT_TYPES, Event
from detente.resolve.links import Linkable, execution_of, link_blocks
from detente.resolve.matching import MentionView
from detente.resolve.rules import merge_rules

Block = tuple[str, tuple[str, ...]]


class LinkSource(Protocol):
    def linked_events(
        self, kinds: Iterable[tuple[tuple[str, ...], tuple[str, ...]]], exclude: set[str], occurred_only: bool
    ) -> list[Event]:
        """Stored events (with their sources) of one of these types taking in these states (all,
        or occurred ones only), less the ids excluded; one state stands for its events alone."""
        ...

    def event_kinds(self, event_ids: Iterable[str]) -> list[tuple[str, list[str]]]:
        """(type, states) of stored events."""
        ...


def linkable(event: Event) -> Linkable:
    """A merged event as linking compares it (what `resolver.merge_events` builds)."""
    days = [s.published for s in event.sources if s.published]
    first = min(days) if days else None
    docs = frozenset(s.doc_id for s in event.sources)
    return Linkable(event, MentionView.of(-1, event, first), docs, first)


def _blocks_of(event_type: str, countries: Iterable[str]) -> set[Block]:
    """`links.link_blocks` from a type and states (what the store keeps of an event)."""
    family = merge_rules().family(event_type)
    ordered = sorted(set(countries))
    pairs = {(family, (a, b)) for i, a in enumerate(ordered) for b in ordered[i + 1 :]}
    return pairs or {(family, tuple(ordered))}


def _kinds(blocks: Iterable[Block]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    rules = merge_rules()
    return [(tuple(t for t in EVENT_TYPES if rules.family(t) == family), pair) for family, pair in blocks]


def relink(new: Sequence[Linkable], removed: set[str], source: LinkSource) -> dict[str, str | None]:
    """Plan id -> the id of its execution (None: none), for every plan whose link could move."""
    touched = {block for kind in source.event_kinds(removed) for block in _blocks_of(*kind)}
    for item in new:
        touched |= link_blocks(item.view)
    fresh_ids = {item.event.event_id or "" for item in new}
    stored = [linkable(e) for e in source.linked_events(_kinds(touched), removed | fresh_ids, False)]
    pool = {item.event.event_id or "": item for item in (*new, *stored)}
    plans = [item for item in pool.values() if item.event.status != "occurred"]
    wider = {block for plan in plans for block in link_blocks(plan.view)} - touched
    for event in source.linked_events(_kinds(wider), removed | set(pool), True):
        item = linkable(event)
        pool[item.event.event_id or ""] = item
    executed: dict[Block, list[Linkable]] = defaultdict(list)
    for item in pool.values():
        if item.event.status == "occurred":
            for block in link_blocks(item.view):
                executed[block].append(item)
    links: dict[str, str | None] = {}
    for plan in plans:
        candidates = {id(c): c for block in link_blocks(plan.view) for c in executed[block]}
        done = execution_of(plan, candidates.values())
        links[plan.event.event_id or ""] = done.event.event_id if done else None
    return links

"""Incremental resolution: a batch of new articles joins the events it could join, nothing else.

`resolve_all` is a pure function of all mentions; this computes the part of its answer a
batch changes, reading from a store (`ResolvedState`) only what the batch touches:

1. People: the registry is a function of the name variants' summaries (`people.registry`),
   so the batch's sightings are added to the stored summaries and the registry is redone
   over the variants (few beside the mentions). A variant whose person id moves, or a
   person whose name moves, makes the mentions naming them *changed*.
2. Copies: the batch's articles meet the stored ones through their MinHash bands; a copy
   group that gains an article, or whose original moves, makes its articles' mentions changed.
3. The changed mentions find their candidates through the stored blocking index
   (`blocking.stored_filings`) and keep the strong pairs (`merge.is_strong`). Clustering
   only ever unites mentions a chain of strong pairs connects, so each component of that
   graph resolves alone: the batch redoes the components it touches (a copy group's
   articles always together) and gets the events `resolve_all` gives them.
4. Plans whose execution could move are linked again (`increment_links.relink`).

The answer is an `Increment`, which the store writes in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from detente.models import Article, Event, Person
from detente.resolve.blocking import StoredFiling, key_hash, partners_of, stored_filings
from detente.resolve.copies import is_copy, original_of, sketch
from detente.resolve.increment_links import LinkSource, relink
from detente.resolve.matching import MentionView
from detente.resolve.merge import is_strong
from detente.resolve.minhash import band_keys
from detente.resolve.people import (
    PeopleIndex,
    VariantKey,
    VariantSummary,
    merge_summary,
    registry,
    sightings_of,
    variants_named,
)
from detente.resolve.places import Gazetteer
from detente.resolve.resolver import geocode, mention_view, merge_events


@dataclass
class StoredMention:
    """A stored mention with what its last resolution recorded about it."""

    row: int  # the store's id for it
    event: Event  # as extracted; person ids and places are filled here
    component: int | None = None  # its set of strongly paired mentions; None until resolved
    event_id: str | None = None
    geocoded: bool = False  # its place was geocoded when stored (or it has none): no city index needed
    participants_stored: str | None = None  # its participants and geocode columns as stored
    geo_stored: str | None = None

    @property
    def saved(self) -> tuple[str | None, int | None, str | None, str | None]:
        """Its resolved columns as stored: a row redone to the same is not rewritten."""
        return (self.event_id, self.component, self.participants_stored, self.geo_stored)


class ResolvedState(LinkSource, Protocol):
    """What incremental resolution reads from a store; each read is bounded by what it names."""

    def variant_summaries(self) -> dict[VariantKey, VariantSummary]: ...
    def person_records(self) -> dict[str, tuple[str, str | None, str]]: ...  # id -> name, country, print
    def variant_people(self) -> dict[VariantKey, str]: ...
    def rows_filed(self, filings: Iterable[StoredFiling]) -> dict[StoredFiling, list[int]]: ...
    def filings_of(self, rows: Iterable[int]) -> dict[int, set[StoredFiling]]: ...
    def rows_in_components(self, components: Iterable[int]) -> set[int]: ...
    def rows_of_docs(self, docs: Iterable[str]) -> set[int]: ...
    def rows_of_events(self, event_ids: Iterable[str]) -> set[int]: ...
    def rows_naming(self, variant_hashes: Iterable[int]) -> set[int]: ...
    def rows_with_people(self, person_ids: Iterable[str]) -> set[int]: ...
    def load_mentions(self, rows: Iterable[int]) -> list[StoredMention]: ...
    def articles(self, docs: Iterable[str]) -> dict[str, Article]: ...
    def copy_groups(self, docs: Iterable[str]) -> dict[str, str | None]: ...  # group members -> copy_of
    def sketches_sharing(self, bands: Iterable[int]) -> dict[str, np.ndarray]: ...
    def event_ids_taken(self, event_ids: Iterable[str]) -> set[str]: ...
    def unchanged_events(self, events: Iterable[Event], known_people: set[str]) -> set[str]: ...


@dataclass
class Increment:
    """Everything a batch changes, for the store to write in one transaction."""

    summaries: dict[VariantKey, VariantSummary] = field(default_factory=dict)  # changed variants
    variant_people: dict[VariantKey, str] = field(default_factory=dict)  # variants whose person moved
    people: dict[str, tuple[Person, str]] = field(default_factory=dict)  # new or changed: (person, print)
    gone_people: set[str] = field(default_factory=set)
    mention_variants: list[tuple[int, int]] = field(default_factory=list)  # (row, variant hash), new rows
    filings: dict[int, set[StoredFiling]] = field(default_factory=dict)  # row -> its filings, changed rows
    sketches: dict[str, tuple[np.ndarray, list[int]]] = field(default_factory=dict)  # new docs
    copy_of: dict[str, str | None] = field(default_factory=dict)  # docs whose original is new or moved
    removed_events: set[str] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)
    mentions: dict[int, tuple[str, int, Event]] = field(default_factory=dict)  # row -> event id, component
    saved: dict[int, tuple] = field(default_factory=dict)  # row -> its resolved columns as stored
    geocoded: dict[int, Event] = field(default_factory=dict)  # rows geocoded here, their geocode to keep
    links: dict[str, str | None] = field(default_factory=dict)  # plan id -> its execution, relinked plans

    @property
    def relinked(self) -> set[str]:
        """Events whose `related` rows are all rewritten."""
        return set(self.links) | self.removed_events | {e.event_id or "" for e in self.events}


def fingerprint(person: Person) -> str:
    """Everything stored about a person, to tell whether it changed."""
    offices = ";".join(f"{o.title}|{o.country}|{o.first_seen}|{o.last_seen}" for o in person.offices)
    return "\n".join([person.name, person.country or "", "|".join(person.aliases), offices])


def resolve_increment(
    new_docs: Iterable[str], state: ResolvedState, gazetteer: Gazetteer | None = None
) -> Increment:
    """What resolving the stored, unresolved mentions of `new_docs` changes."""
    return _Batch(state, gazetteer or Gazetteer.packaged()).run(set(new_docs))


class _Batch:
    def __init__(self, state: ResolvedState, gazetteer: Gazetteer) -> None:
        self.state = state
        self.gazetteer = gazetteer
        self.increment = Increment()
        self.loaded: dict[int, StoredMention] = {}
        self.articles: dict[str, Article] = {}
        self.people: PeopleIndex = PeopleIndex([])
        self.groups_after: dict[str, str] = {}  # doc -> original, for every group the batch changed
        self.stored_copy_of: dict[str, str | None] = {}  # doc -> original as stored, docs looked up
        self._renamed: set[str] = set()  # people whose name or country moved
        self.views: dict[int, MentionView] = {}  # row -> its view, built once for blocking and merging

    def run(self, new_docs: set[str]) -> Increment:
        new_rows = self.state.rows_of_docs(new_docs)
        if not new_rows:  # articles without events change nothing (most of a general news stream)
            return self.increment
        new = self.state.load_mentions(new_rows)
        self._add_articles({m.event.doc_id or "" for m in new})
        self._registry(new)
        for mention in new:
            self._keep(mention)
        changed = self._copies(sorted({m.event.doc_id or "" for m in new}))
        dirty = set(new_rows)
        dirty |= self.state.rows_naming(key_hash(v) for v in self.increment.variant_people)
        dirty |= self.state.rows_with_people(self._renamed)
        dirty |= self.state.rows_of_docs(changed)
        self._fetch(dirty)
        views = {row: self._view(row) for row in dirty}
        for row, view in views.items():
            self.increment.filings[row] = stored_filings(view)
        region = dirty | self._strong_neighbours(views)
        self._merge(self._closed(region))
        return self.increment

    # ----------------------------------------------------------------- people and copies

    def _registry(self, new: list[StoredMention]) -> None:
        """The registry with the batch's sightings; records the variants and people it moves."""
        summaries = self.state.variant_summaries()
        published = {doc: a.published for doc, a in self.articles.items()}
        for variant, summary in sightings_of((m.event for m in new), published).items():
            summaries[variant] = (
                merge_summary(summaries[variant], summary) if variant in summaries else summary
            )
            self.increment.summaries[variant] = summaries[variant]
        for mention in new:
            for variant in variants_named(mention.event):
                self.increment.mention_variants.append((mention.row, key_hash(variant)))
        self.people = registry(summaries)
        before = self.state.variant_people()
        self.increment.variant_people = {v: pid for v, pid in self.people.ids.items() if before.get(v) != pid}
        stored = self.state.person_records()
        for person in self.people.people:
            mark = fingerprint(person)
            old = stored.get(person.person_id)
            if old is None or old[2] != mark:
                self.increment.people[person.person_id] = (person, mark)
            if old is not None and (old[0], old[1]) != (person.name, person.country):
                self._renamed.add(person.person_id)
        self.increment.gone_people = set(stored) - {p.person_id for p in self.people.people}

    def _copies(self, new_docs: list[str]) -> set[str]:
        """Copy groups the batch's articles join; returns the stored docs whose original moved."""
        signatures = {}
        for doc in new_docs:
            signature = sketch(self.articles[doc])
            if signature is not None:
                bands = band_keys(signature)
                signatures[doc] = (signature, set(bands))
                self.increment.sketches[doc] = (signature, bands)
        every_band = {band for _, bands in signatures.values() for band in bands}
        stored = {doc: (s, set(band_keys(s))) for doc, s in self.state.sketches_sharing(every_band).items()}
        parent: dict[str, str] = {}

        def find(doc: str) -> str:
            parent.setdefault(doc, doc)
            while parent[doc] != doc:
                doc = parent[doc]
            return doc

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        by_band: dict[int, list[str]] = defaultdict(list)
        for doc, (_, bands) in (*signatures.items(), *stored.items()):
            for band in bands:
                by_band[band].append(doc)
        everyone = {**stored, **signatures}
        matched: set[str] = set()
        for doc, (signature, bands) in signatures.items():
            for other in {other for band in bands for other in by_band[band]} - {doc}:
                if is_copy(signature, everyone[other][0]):
                    union(doc, other)
                    matched.add(other)
        before = self.state.copy_groups(matched - set(signatures))
        for doc, copy_of in before.items():
            union(doc, copy_of or doc)
        groups: dict[str, list[str]] = defaultdict(list)
        for doc in list(parent):
            groups[find(doc)].append(doc)
        self._add_articles(parent)
        moved = set()
        for members in groups.values():
            if len(members) < 2:
                continue
            original = original_of([self.articles[d] for d in members])
            for doc in members:
                self.groups_after[doc] = original
                value = None if doc == original else original
                if doc in signatures:
                    if value is not None:
                        self.increment.copy_of[doc] = value
                elif before.get(doc) != value:
                    self.increment.copy_of[doc] = value
                    moved.add(doc)
        return moved

    # ----------------------------------------------------------------- the region to redo

    def _strong_neighbours(self, views: dict[int, MentionView]) -> set[int]:
        """Stored mentions that make a strong pair with a changed one (filed where it probes), and
        candidates in a component such a pair already brings in whole (no need to judge them)."""
        wanted = set().union(*(partners_of(self.increment.filings[row]) for row in views))
        filed = self.state.rows_filed(wanted)
        candidates = {row for rows in filed.values() for row in rows} - set(views)
        self._fetch(candidates)
        theirs = {row: self._view(row) for row in candidates}
        found: set[int] = set()
        pulled: set[int] = set()  # components a strong neighbour brings in whole (`_closed`)
        for row, view in views.items():
            met = {other for f in partners_of(self.increment.filings[row]) for other in filed.get(f, ())}
            for other in sorted(met & candidates - found):
                component = self.loaded[other].component
                if component in pulled or is_strong(view, theirs[other]):
                    found.add(other)
                    if component is not None:
                        pulled.add(component)
        return found

    def _closed(self, region: set[int]) -> set[int]:
        """The region grown to whole components and whole copy groups."""
        seen_components: set[int] = set()
        seen_docs: set[str] = set()
        while True:
            components = {self.loaded[r].component for r in region} - {None} - seen_components
            docs = {self.loaded[r].event.doc_id or "" for r in region} - seen_docs
            seen_components |= components  # type: ignore[arg-type]
            grow = self.state.rows_in_components(components)  # type: ignore[arg-type]
            group_docs = set(docs)
            originals = {self.groups_after[d] for d in docs if d in self.groups_after}
            group_docs |= {d for d, o in self.groups_after.items() if o in originals}
            stored_groups = self.state.copy_groups(d for d in docs if d not in self.groups_after)
            self.stored_copy_of.update(stored_groups)
            group_docs |= set(stored_groups)
            seen_docs |= docs
            grow |= self.state.rows_of_docs(group_docs - seen_docs)
            seen_docs |= group_docs
            grow -= region
            if not grow:
                return region
            self._fetch(grow)
            region |= grow

    # ----------------------------------------------------------------- merging the region

    def _merge(self, region: set[int]) -> None:
        while True:
            mentions = [self.loaded[row].event for row in region]
            docs = {m.doc_id or "" for m in mentions}
            copies = {d: self._original(d) for d in docs if self._original(d) != d}
            self._add_articles(docs | set(copies.values()))
            people = {p.person_id: p for p in self.people.people}
            built = {id(self.loaded[row].event): self.views[row] for row in region if row in self.views}
            filed = self._filed(region)
            merged = merge_events(mentions, self.articles, copies, people, self.gazetteer, built, filed)
            self.views = {}  # clustering dropped their words and renumbered them: a retry builds anew
            old = {self.loaded[row].event_id for row in region} - {None}
            fresh = {item.event.event_id or "" for item in merged.linkables}
            clashes = self.state.event_ids_taken(fresh - old)  # type: ignore[arg-type]
            if not clashes:
                break
            grow = self.state.rows_of_events(clashes)
            self._fetch(grow)
            region = self._closed(region | grow)
        row_of = {id(self.loaded[row].event): row for row in region}
        for component in merged.components:
            label = min(row_of[id(m)] for m in component)
            for mention in component:
                row = row_of[id(mention)]
                self.increment.mentions[row] = (mention.event_id or "", label, mention)
                self.increment.saved[row] = self.loaded[row].saved
        # Most events of the redone sets come out as stored: they stay, links and all.
        known = {person.person_id for person in self.people.people}  # the people table once saved
        rebuilt = (item.event for item in merged.linkables if item.event.event_id in old)
        kept = self.state.unchanged_events(rebuilt, known)
        changed = [item for item in merged.linkables if item.event.event_id not in kept]
        self.increment.removed_events = old - kept  # type: ignore[operator]
        self.increment.events = [item.event for item in changed]
        self.increment.links = relink(changed, self.increment.removed_events, self.state)

    # ----------------------------------------------------------------- helpers

    def _filed(self, region: set[int]) -> dict[int, set[StoredFiling]]:
        """Each region mention's filings by `id` of its event: as the batch filed it (changed
        mentions) or as the store keeps them (the rest, whose filings cannot have moved)."""
        stored = self.state.filings_of(region - set(self.increment.filings))
        return {
            id(self.loaded[row].event): self.increment.filings.get(row) or stored.get(row, set())
            for row in region
        }

    def _original(self, doc: str) -> str:
        """The doc's original once the batch is in (itself when it is no copy)."""
        return self.groups_after.get(doc) or self.stored_copy_of.get(doc) or doc

    def _add_articles(self, docs: Iterable[str]) -> None:
        missing = set(docs) - set(self.articles)
        if missing:
            self.articles.update(self.state.articles(missing))

    def _keep(self, mention: StoredMention) -> None:
        self.people.assign([mention.event])
        if not mention.geocoded:
            geocode([mention.event], self.gazetteer)
            self.increment.geocoded[mention.row] = mention.event
        self.loaded[mention.row] = mention

    def _fetch(self, rows: Iterable[int]) -> None:
        missing = set(rows) - set(self.loaded)
        if not missing:
            return
        found = self.state.load_mentions(missing)
        self._add_articles({m.event.doc_id or "" for m in found})
        for mention in found:
            self._keep(mention)

    def _view(self, row: int) -> MentionView:
        if row not in self.views:
            self.views[row] = mention_view(-1, self.loaded[row].event, self.articles)
        return self.views[row]

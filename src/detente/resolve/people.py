"""The person registry: one Person under every name and office the articles use.

Names are grouped per country: two full names join when one is a subset of the
other or the surname is a truncated/misspelt form behind the same given name; a
bare surname ("Gen Sharma") joins only when exactly one person of that country
carries it, or exactly one of them holds the office it is given with. A group
never joins another if any pair of their full names disagrees, so "Asim Munir"
cannot bridge two different Munirs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from detente.models import Event, Office, Participant, Person
from detente.resolve.names import ParsedName, fold, parse_name, same_person_name

VariantKey = tuple[str, tuple[str, ...], str]  # (country or "", name key, office of a bare surname)
# What the registry needs of a variant's sightings: {"displays": {display: [count, least raw form]},
# "names": [forms], "offices": {office key: {"forms": {form: count}, "first": iso, "last": iso}}}
VariantSummary = dict[str, Any]


@dataclass
class _Sighting:
    """One participant as one article names it."""

    raw: str
    parsed: ParsedName
    title: str | None
    published: date | None
    rank: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass
class PeopleIndex:
    """The registry plus the lookup that gives each participant its person_id."""

    people: list[Person]
    ids: dict[VariantKey, str] = field(default_factory=dict)

    def person_id(self, participant: Participant) -> str | None:
        parsed = parse_name(participant.name or "")
        return self.ids.get(_variant(parsed, participant)) if parsed.key else None

    def assign(self, events: Iterable[Event]) -> None:
        for event in events:
            for participant in event.participants:
                participant.person_id = self.person_id(participant)


class _Groups:
    """Union-find over name variants that refuses unions with a disagreeing pair."""

    def __init__(self, keys: Sequence[VariantKey]) -> None:
        self.parent = list(range(len(keys)))
        self.members = {i: [i] for i in range(len(keys))}
        self.keys = keys

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union_if_consistent(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        for x in self.members[a]:
            for y in self.members[b]:
                if not same_person_name(self.keys[x][1], self.keys[y][1]):
                    return
        a, b = min(a, b), max(a, b)
        self.parent[b] = a
        self.members[a] += self.members.pop(b)


def _group_full_names(keys: Sequence[VariantKey]) -> _Groups:
    """Cluster multi-token variants of one country; pairs are found via shared tokens."""
    groups = _Groups(keys)
    by_token: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (country, key, _) in enumerate(keys):
        for token in set(key):
            by_token[(country, token)].append(i)
    edges: set[tuple[int, int, int]] = set()
    for i, (country, key, _) in enumerate(keys):
        for token in set(key):
            for j in by_token[(country, token)]:
                if j > i and same_person_name(key, keys[j][1]):
                    exact = set(key) <= set(keys[j][1]) or set(keys[j][1]) <= set(key)
                    edges.add((0 if exact else 1, i, j))
    for _, i, j in sorted(edges):
        groups.union_if_consistent(i, j)
    return groups


def _variant(parsed: ParsedName, participant: Participant) -> VariantKey:
    """A bare surname keeps its office: "Sharma" the army chief is not "Sharma" the air marshal."""
    office = ""
    if len(parsed.key) == 1:
        office = _office_key(participant.title or parsed.rank or "")
    return (participant.country or "", parsed.key, office)


def _attach_bare(
    token: str, office: str, pool: Iterable[tuple[int, tuple[str, ...]]], offices: Mapping[int, set[str]]
) -> int | None:
    """The one group whose names start or end with this surname, narrowed by office if need be."""
    roots = {root for root, key in pool if token in (key[0], key[-1])}
    if len(roots) > 1 and office:
        roots = {root for root in roots if office in offices[root]}
    return roots.pop() if len(roots) == 1 else None


def _cluster(
    variants: Sequence[VariantKey], offices_of: Mapping[VariantKey, set[str]]
) -> list[list[VariantKey]]:
    """Person groups over all variants; deterministic because variants come sorted."""
    full = sorted((v for v in variants if len(v[1]) >= 2 and v[0]), key=lambda v: (v[0], -len(v[1]), v[1]))
    groups = _group_full_names(full)
    clusters: dict[int, list[VariantKey]] = {
        root: [full[i] for i in members] for root, members in groups.members.items()
    }
    by_country: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    offices: dict[int, set[str]] = defaultdict(set)
    for root, members in clusters.items():
        for variant in members:
            by_country[variant[0]].append((root, variant[1]))
            offices[root] |= offices_of[variant]
    leftovers: list[list[VariantKey]] = []
    for variant in sorted(v for v in variants if len(v[1]) < 2 or not v[0]):
        country, key, office = variant
        # With no country given, join only a person no other country could claim.
        pool = by_country[country] if country else [i for items in by_country.values() for i in items]
        if len(key) == 1:
            root = _attach_bare(key[0], office, pool, offices)
        else:
            roots = {r for r, k in pool if same_person_name(key, k)}
            root = roots.pop() if len(roots) == 1 else None
        if root is None:
            leftovers.append([variant])
        else:
            clusters[root].append(variant)
    return sorted(clusters.values(), key=lambda c: c[0]) + leftovers


def _office_key(title: str) -> str:
    return re.sub(r"\s+", " ", fold(title).replace("defense", "defence")).strip()


def _add_office(offices: dict[str, dict], title: str | None, published: date | None) -> None:
    if not title or not title.strip():
        return
    entry = offices.setdefault(_office_key(title), {"forms": {}, "first": None, "last": None})
    form = title.strip()
    entry["forms"][form] = entry["forms"].get(form, 0) + 1
    if published:
        day = published.isoformat()
        entry["first"] = min(filter(None, (entry["first"], day)))
        entry["last"] = max(filter(None, (entry["last"], day)))


def summarise(sighting: _Sighting) -> VariantSummary:
    """What the registry keeps of one sighting: summaries of one variant add up (`merge_summary`)."""
    offices: dict[str, dict] = {}
    for title in (sighting.title, sighting.parsed.rank, sighting.rank):
        _add_office(offices, title, sighting.published)
    names = {sighting.raw.strip(), sighting.parsed.display}
    names |= {alias.strip() for alias in sighting.aliases if alias.strip()}
    return {
        "displays": {sighting.parsed.display: [1, sighting.raw]},
        "names": sorted(names),
        "offices": offices,
    }


def merge_summary(into: VariantSummary, other: VariantSummary) -> VariantSummary:
    """Add `other` into `into` (in place): counts add, first and last dates widen."""
    for display, (count, raw) in other["displays"].items():
        mine = into["displays"].setdefault(display, [0, raw])
        mine[0] += count
        mine[1] = min(mine[1], raw)
    into["names"] = sorted(set(into["names"]) | set(other["names"]))
    for key, entry in other["offices"].items():
        mine = into["offices"].setdefault(key, {"forms": {}, "first": None, "last": None})
        for form, count in entry["forms"].items():
            mine["forms"][form] = mine["forms"].get(form, 0) + count
        mine["first"] = min(filter(None, (mine["first"], entry["first"])), default=None)
        mine["last"] = max(filter(None, (mine["last"], entry["last"])), default=None)
    return into


def _offices(summaries: Sequence[VariantSummary], country: str | None) -> list[Office]:
    """Each office or rank once, dated by the publication dates of the articles naming it."""
    merged: VariantSummary = {"displays": {}, "names": [], "offices": {}}
    for summary in summaries:
        merge_summary(merged, {"displays": {}, "names": [], "offices": summary["offices"]})
    offices = []
    for key in sorted(merged["offices"]):
        entry = merged["offices"][key]
        forms = entry["forms"]
        title = min(forms, key=lambda form: (-forms[form], form))
        first, last = entry["first"], entry["last"]
        offices.append(
            Office(
                title,
                country,
                date.fromisoformat(first) if first else None,
                date.fromisoformat(last) if last else None,
            )
        )
    return offices


def person_of(cluster: Sequence[VariantKey], summaries: Mapping[VariantKey, VariantSummary]) -> Person:
    """The person a group of variants names; a pure function of the group's summaries."""
    country = cluster[0][0] or None
    counts: Counter[str] = Counter()
    for variant in cluster:
        for display, (count, _) in summaries[variant]["displays"].items():
            counts[display] += count
    # Fullest form: most name words, then the longest spelling (misspellings truncate), then the commonest.
    best_key, best_display = min(
        (
            (-len(variant[1]), -len(display), -counts[display], raw, variant[1], display)
            for variant in cluster
            for display, (_, raw) in summaries[variant]["displays"].items()
        )
    )[4:]
    office = cluster[0][2] if len(cluster) == 1 else ""  # tells apart unattached bare surnames
    digest = hashlib.sha1(f"{' '.join(best_key)}|{country or ''}|{office}".encode()).hexdigest()
    names = {name for variant in cluster for name in summaries[variant]["names"]}
    return Person(
        person_id="p_" + digest[:12],
        name=best_display,
        country=country,
        aliases=sorted(names - {best_display}),
        offices=_offices([summaries[variant] for variant in cluster], country),
    )


def sightings_of(
    mentions: Iterable[Event], published: Mapping[str, date | None]
) -> dict[VariantKey, VariantSummary]:
    """Every participant named in the mentions, summed per name variant."""
    summaries: dict[VariantKey, VariantSummary] = {}
    for event in mentions:
        when = published.get(event.doc_id) if event.doc_id else None
        for participant in event.participants:
            parsed = parse_name(participant.name or "")
            if not parsed.key:
                continue
            variant = _variant(parsed, participant)
            seen = summarise(
                _Sighting(
                    participant.name,
                    parsed,
                    participant.title,
                    when,
                    participant.rank,
                    tuple(participant.aliases),
                )
            )
            if variant in summaries:
                merge_summary(summaries[variant], seen)
            else:
                summaries[variant] = seen
    return summaries


def registry(summaries: Mapping[VariantKey, VariantSummary]) -> PeopleIndex:
    """The registry over every variant seen so far: the same whether summed at once or day by day."""
    offices_of = {variant: set(summary["offices"]) for variant, summary in summaries.items()}
    people: list[Person] = []
    ids: dict[VariantKey, str] = {}
    for cluster in _cluster(list(summaries), offices_of):
        person = person_of(cluster, summaries)
        people.append(person)
        ids.update(dict.fromkeys(cluster, person.person_id))
    people.sort(key=lambda p: (p.country or "", p.name, p.person_id))
    return PeopleIndex(people=people, ids=ids)


def build_people(mentions: Iterable[Event], published: Mapping[str, date | None]) -> PeopleIndex:
    """The registry of everyone named as a participant in the mentions."""
    return registry(sightings_of(mentions, published))


def variants_named(event: Event) -> set[VariantKey]:
    """The name variants of the event's participants (what the registry files them under)."""
    found = set()
    for participant in event.participants:
        parsed = parse_name(participant.name or "")
        if parsed.key:
            found.add(_variant(parsed, participant))
    return found

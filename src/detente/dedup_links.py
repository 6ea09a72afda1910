"""Cross-article merging judged apart from extraction: the gold `same_event_as` links, one by one.

The scorer's dedup recall counts a link as missed both when an end was never
extracted and when both were extracted but given different event ids. Only the
second is the merge's fault, so this report pairs gold and predicted events with
the scorer's own `pair` (taken from the loaded scorer module, so the pairing is
exactly the scorer's) and splits the links by what happened to their ends.

A link whose two predicted ends are different events that the resolver linked as
a plan and its execution (`related`) is counted apart: by the event-data
convention a plan and its execution are two events (CAMEO codes an intent to meet
apart from a meeting), while the gold calls them one happening.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from detente.evaluation_groups import DEFAULT_GROUPS, group_of

End = tuple[str, int]  # (doc_id, index of the gold event in that doc)
Pairer = Callable[[list, list], list[tuple[int, int]]]
REGION = re.compile(DEFAULT_GROUPS)


def region_of(doc_id: str) -> str | None:
    """The group of pages an id belongs to, as `detente eval` groups them (`r104` -> `r1`)."""
    return group_of(doc_id, REGION)


def gold_links(gold: Mapping[str, dict]) -> set[tuple[End, End]]:
    """Every `same_event_as` link once, ends sorted, as the scorer reads them."""
    links = set()
    for doc_id, record in gold.items():
        for link in record.get("same_event_as") or []:
            a = (doc_id, link["event_index"])
            b = (link["doc_id"], link["other_event_index"])
            links.add((min(a, b), max(a, b)))
    return links


def matched_predictions(gold: Mapping[str, dict], pred: Mapping[str, dict], pair: Pairer) -> dict[End, dict]:
    """Each gold event that the scorer pairs with a predicted event -> that predicted event."""
    matched: dict[End, dict] = {}
    for doc_id, record in gold.items():
        predicted = (pred.get(doc_id) or {}).get("events") or []
        for i, j in pair(predicted, record.get("events") or []):
            matched[(doc_id, j)] = predicted[i]
    return matched


@dataclass
class Tally:
    """Counts for one slice (all links, or one region)."""

    gold: int = 0
    both_extracted: int = 0
    found: int = 0
    plan_linked: int = 0
    claimed: int = 0
    claimed_right: int = 0

    def figures(self) -> dict[str, Any]:
        def ratio(hit: int, total: int) -> float | None:
            return round(hit / total, 3) if total else None

        return {
            "gold_links": self.gold,
            "both_extracted": self.both_extracted,
            "found": self.found,
            "recall": ratio(self.found, self.gold),
            "recall_both_extracted": ratio(self.found, self.both_extracted),
            "plan_execution_linked": self.plan_linked,
            "claimed_links": self.claimed,
            "claimed_right": self.claimed_right,
            "precision": ratio(self.claimed_right, self.claimed),
        }


@dataclass
class LinkReport:
    overall: Tally = field(default_factory=Tally)
    regions: dict[str, Tally] = field(default_factory=dict)
    missed: list[tuple[End, End]] = field(default_factory=list)  # both ends extracted, not merged
    wrong: list[tuple[End, End]] = field(default_factory=list)  # merged, gold does not link them

    def tallies(self, ends: Iterable[End]) -> list[Tally]:
        regions = {region_of(doc_id) for doc_id, _ in ends}
        named = [r for r in regions if r is not None]
        return [self.overall, *(self.regions.setdefault(r, Tally()) for r in sorted(named))]


def _plan_linked(a: dict, b: dict) -> bool:
    return bool(a.get("event_id")) and a.get("event_id") in (b.get("related") or [])


def build_report(gold: Mapping[str, dict], pred: Mapping[str, dict], pair: Pairer) -> LinkReport:
    """The links split into found / missed by the merge / lost upstream, and the wrong claims."""
    links = gold_links(gold)
    matched = matched_predictions(gold, pred, pair)
    report = LinkReport()
    for a, b in sorted(links):
        tallies = report.tallies((a, b))
        pa, pb = matched.get(a), matched.get(b)
        for tally in tallies:
            tally.gold += 1
        if pa is None or pb is None:
            continue
        same = bool(pa.get("event_id")) and pa.get("event_id") == pb.get("event_id")
        plan = not same and (_plan_linked(pa, pb) or _plan_linked(pb, pa))
        for tally in tallies:
            tally.both_extracted += 1
            tally.found += same
            tally.plan_linked += plan
        if not same:
            report.missed.append((a, b))
    by_id: dict[str, list[End]] = {}
    for end, event in sorted(matched.items()):
        if event.get("event_id"):
            by_id.setdefault(event["event_id"], []).append(end)
    for ends in by_id.values():
        for x, a in enumerate(ends):
            for b in ends[x + 1 :]:
                if a[0] == b[0]:
                    continue
                right = (a, b) in links
                for tally in report.tallies((a, b)):
                    tally.claimed += 1
                    tally.claimed_right += right
                if not right:
                    report.wrong.append((a, b))
    return report


def describe(event: dict) -> str:
    """One predicted mention in a line: what the merge compared."""
    date = event.get("date") or {}
    when = f"{date.get('start')}/{date.get('precision')}" if date.get("start") else "undated"
    loc = event.get("location") or {}
    place = ", ".join(x for x in (loc.get("place"), loc.get("country")) if x) or "-"
    people = "; ".join(p.get("name") or "?" for p in event.get("participants") or []) or "-"
    name = f" name={event['name']!r}" if event.get("name") else ""
    return (
        f"{event.get('type')}/{event.get('status')} {when} {','.join(event.get('countries') or [])} "
        f"place={place} people={people}{name} id={event.get('event_id')}"
    )


def link_lines(report: LinkReport, matched: Mapping[End, dict]) -> list[str]:
    """The missed and wrongly claimed links, each with both predicted mentions."""
    lines = []
    for kind, pairs in (("MISSED LINK", report.missed), ("WRONG LINK", report.wrong)):
        for a, b in pairs:
            lines.append(f"{kind} {a[0]}#{a[1]} <-> {b[0]}#{b[1]}")
            for end in (a, b):
                event = matched[end]
                lines.append(f"    {end[0]}#{end[1]}: {describe(event)}")
                lines.append(f"        {str(event.get('evidence') or '')[:140]!r}")
    return lines


def link_result(
    gold: Mapping[str, dict], pred: Mapping[str, dict], pair: Pairer, show_errors: bool = False
) -> dict[str, Any]:
    """The figures as a JSON-ready dict (`errors` holds the lines when asked)."""
    report = build_report(gold, pred, pair)
    result: dict[str, Any] = {
        **report.overall.figures(),
        "by_region": {name: t.figures() for name, t in sorted(report.regions.items())},
    }
    if show_errors:
        result["errors"] = link_lines(report, matched_predictions(gold, pred, pair))
    return result


def format_links(result: Mapping[str, Any]) -> list[str]:
    """The summary lines `detente eval` prints under the scorer's own."""

    def line(label: str, f: Mapping[str, Any]) -> str:
        def show(value: float | None) -> str:
            return "-" if value is None else f"{value:.3f}"

        return (
            f"{label}: gold {f['gold_links']}  both ends extracted {f['both_extracted']}  "
            f"found {f['found']}  R {show(f['recall'])}  R(both extracted) {show(f['recall_both_extracted'])}"
            f"  plan->execution {f['plan_execution_linked']}  claimed {f['claimed_links']}"
            f"  P {show(f['precision'])}"
        )

    lines = [line("dedup links", result)]
    lines += [line(f"  {name}", figures) for name, figures in result.get("by_region", {}).items()]
    return lines

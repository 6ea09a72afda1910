"""Map markers at every zoom: sites whose circles would touch are merged, but never across a border.

The map canvas is in world units (see `world`); on screen a unit is `scale` pixels,
and zooming changes the scale. For each scale in SCALES this module merges the sites
of one country whose circles (sized in pixels) would touch at that scale, and labels
the markers so that no label covers another label or a marker. The page draws every
layer and shows the one for the current zoom; markers and labels keep their size in
pixels (app.js rescales them), so a layer also serves every larger scale.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from detente.web.countries import country_name
from detente.web.labels import Point, place_labels
from detente.web.world import WORLD_HEIGHT, WORLD_WIDTH, project

SCALES = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0)  # screen pixels per world unit
MIN_RADIUS = 4.0  # pixels
RADIUS_GROWTH = 12.0
MAX_RADIUS = 20.0
TOUCH_GAP = 2.0  # pixels between two markers' circles
LABEL_FONT = 12.0  # pixels
COUNT_FONT = 10.0
LABEL_GAP = 3.0
MARKER_DIGITS = 4  # decimals of world units: a hundredth of a pixel at the closest zoom


@dataclass(frozen=True)
class Site:
    """A named place at one coordinate and its events (hashable, so layers can be cached)."""

    place: str | None
    country: str | None
    latitude: float
    longitude: float
    events: int
    by_type: tuple[tuple[str, int], ...]
    only_event_id: str | None

    @property
    def name(self) -> str:
        return self.place or country_name(self.country) or "unnamed place"

    @property
    def xy(self) -> tuple[float, float]:
        return project(self.longitude, self.latitude, MARKER_DIGITS)


def radius(count: int, top: int) -> float:
    """A marker's radius in pixels: its area grows with its events, up to MAX_RADIUS."""
    return round(min(MAX_RADIUS, MIN_RADIUS + RADIUS_GROWTH * math.sqrt(count / max(top, 1))), 1)


def events_link(country: str | None, places: Sequence[str | None]) -> str:
    """The events list of these places in this country (what a marker stands for)."""
    pairs = [("located_in", country)] if country else []
    pairs += [("place", place) for place in places if place]
    return "/events?" + urlencode(pairs)


def site_link(site: Site) -> str:
    """One event: its page; otherwise the events at the place."""
    if site.events == 1 and site.only_event_id:
        return "/event/" + site.only_event_id
    return events_link(site.country, [site.place])


def _count(group: list[Site]) -> int:
    return sum(site.events for site in group)


def _busiest_first(sites: list[Site]) -> list[Site]:
    return sorted(sites, key=lambda s: (-s.events, s.name, s.latitude, s.longitude))


def _merge_round(groups: list[list[Site]], scale: float, top: int) -> bool:
    """Merge every disjoint pair of touching groups once (the busier keeps its place); any merged?"""
    import numpy as np

    radii = np.array([radius(_count(g), top) / scale for g in groups])
    xy = np.array([g[0].xy for g in groups])
    distance = np.linalg.norm(xy[:, None, :] - xy[None, :, :], axis=2)
    room = distance - (radii[:, None] + radii[None, :] + TOUCH_GAP / scale)
    first, second = np.nonzero(np.triu(room < 0, k=1))
    used: set[int] = set()
    for index in np.argsort(room[first, second], kind="stable"):
        a, b = int(first[index]), int(second[index])
        if a not in used and b not in used:
            groups[a] = _busiest_first(groups[a] + groups[b])
            groups[b] = []
            used.update((a, b))
    return bool(used)


def cluster(sites: Sequence[Site], scale: float, top: int) -> list[list[Site]]:
    """Groups of one country's sites drawn as one marker each at `scale`, busiest first."""
    groups = [[site] for site in _busiest_first(list(sites))]
    while len(groups) > 1:
        if not _merge_round(groups, scale, top):
            break
        groups = sorted((g for g in groups if g), key=lambda g: (-_count(g), g[0].name))
    return groups


def _tooltip(group: list[Site]) -> str:
    def events(count: int) -> str:
        return f"{count} event{'' if count == 1 else 's'}"

    lines = [f"{site.name}: {events(site.events)}" for site in group]
    if len(group) > 1:
        where = f" in {country_name(group[0].country)}" if group[0].country else ""
        lines.insert(0, f"{events(_count(group))} at {len(group)} places{where}")
    return "\n".join(lines)


def _marker(group: list[Site], scale: float, top: int, index: int) -> dict[str, Any]:
    anchor = group[0]
    x, y = anchor.xy
    types = {kind for site in group for kind, _ in site.by_type}
    count = _count(group)
    return {
        "id": f"m{index}",
        "place": anchor.name,
        "country": anchor.country,
        "x": x,
        "y": y,
        "r": round(radius(count, top) / scale, 4),
        "r_px": radius(count, top),
        "events": count,
        "type": types.pop() if len(types) == 1 else "mixed",
        "link": site_link(anchor)
        if len(group) == 1
        else events_link(anchor.country, [s.place for s in group]),
        "title": _tooltip(group),
        "places": [site.name for site in group],
    }


def build_layer(sites: Sequence[Site], scale: float, top: int) -> dict[str, Any]:
    """The markers of one zoom level, clustered per country, with their labels placed."""
    by_country: dict[str | None, list[Site]] = defaultdict(list)
    for site in sites:
        by_country[site.country].append(site)
    groups = [
        group for country in sorted(by_country, key=str) for group in cluster(by_country[country], scale, top)
    ]
    groups.sort(key=lambda g: (-_count(g), g[0].name))
    markers = [_marker(group, scale, top, index) for index, group in enumerate(groups)]
    points = []
    for marker in markers:
        more = len(marker["places"]) - 1
        suffix = f" +{more}" if more else ""
        points.append(
            Point(marker["x"], marker["y"], marker["r"], marker["place"], LABEL_FONT / scale, suffix)
        )
    labels = place_labels(points, WORLD_WIDTH, WORLD_HEIGHT, space=LABEL_GAP / scale)
    for marker, label in zip(markers, labels, strict=True):
        marker["label"] = asdict(label) if label else None
    merged = any(len({site.xy for site in group}) > 1 for group in groups)  # not just one spot
    return {
        "scale": scale,
        "font": round(LABEL_FONT / scale, 4),
        "count_font": round(COUNT_FONT / scale, 4),
        "markers": markers,
        "complete": not merged and all(m["label"] for m in markers),  # no deeper layer is needed
    }


@lru_cache(maxsize=16)
def layers(sites: tuple[Site, ...]) -> tuple[dict[str, Any], ...]:
    """One layer per scale, up to the first where every site stands alone and is labelled."""
    top = max((site.events for site in sites), default=1)
    built = []
    for scale in SCALES:
        layer = build_layer(sites, scale, top)
        built.append(layer)
        if layer["complete"]:
            break
    return tuple(built)

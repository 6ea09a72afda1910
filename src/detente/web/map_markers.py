"""Map markers: located events grouped by place, and places whose circles would touch merged.

Two headquarters geocoded to their city's coordinates, or a palace a few kilometres
from the capital, would otherwise draw circles on top of each other. Each marker
sits on its busiest place, is sized by all its events and lists every place in it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from detente.web.countries import country_name
from detente.web.projection import Frame

MIN_RADIUS = 4.0
RADIUS_GROWTH = 10.0  # the busiest marker's radius is MIN_RADIUS + RADIUS_GROWTH
TOUCH_GAP = 2.0  # pixels that must separate two markers' circles


@dataclass
class Site:
    """One named place at one coordinate, with its events newest first."""

    place: str | None
    country: str | None
    latitude: float
    longitude: float
    x: float
    y: float
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.place or country_name(self.country) or "unnamed place"

    def link(self) -> str:
        """One event: its page; a named place: the events there; a country-level location: the country."""
        if len(self.events) == 1:
            return f"/event/{quote(self.events[0]['event_id'], safe='')}"
        if self.place:
            return f"/events?place={quote(self.place, safe='')}"
        return f"/country/{quote(self.country or '', safe='')}"


def _sites(places: list[dict[str, Any]], frame: Frame) -> list[Site]:
    grouped: dict[tuple[str | None, str | None, float, float], list[dict[str, Any]]] = defaultdict(list)
    for row in places:
        key = (row["place"], row["country"], round(row["latitude"], 3), round(row["longitude"], 3))
        grouped[key].append(row)
    sites = []
    for (place, country, lat, lon), rows in grouped.items():
        rows.sort(key=lambda r: (r["date_start"] or "", r["event_id"]), reverse=True)
        sites.append(Site(place, country, lat, lon, *frame.project(lon, lat), rows))
    return sites


def _busiest_first(sites: list[Site]) -> list[Site]:
    return sorted(sites, key=lambda s: (-len(s.events), s.name, s.latitude, s.longitude))


def _count(group: list[Site]) -> int:
    return sum(len(site.events) for site in group)


def _radius(count: int, top: int) -> float:
    return round(MIN_RADIUS + RADIUS_GROWTH * math.sqrt(count / top), 1)


def _touching_pairs(groups: list[list[Site]]) -> list[tuple[int, int]]:
    """Disjoint pairs of groups whose circles touch, the most overlapping first."""
    import numpy as np

    top = max(_count(g) for g in groups)
    radii = np.array([_radius(_count(g), top) for g in groups])
    xy = np.array([(g[0].x, g[0].y) for g in groups])
    distance = np.linalg.norm(xy[:, None, :] - xy[None, :, :], axis=2)
    room = distance - (radii[:, None] + radii[None, :] + TOUCH_GAP)
    first, second = np.nonzero(np.triu(room < 0, k=1))
    pairs, used = [], set()
    for index in np.argsort(room[first, second], kind="stable"):
        a, b = int(first[index]), int(second[index])
        if a not in used and b not in used:
            pairs.append((a, b))
            used.update((a, b))
    return pairs


def cluster_sites(sites: list[Site]) -> list[list[Site]]:
    """Groups of sites drawn as one marker each, busiest group first, busiest site first in each.

    Each round merges every disjoint touching pair at once (the busier group keeps
    its place in the list), so even thousands of places settle in a few rounds.
    """
    groups = sorted(([site] for site in _busiest_first(sites)), key=lambda g: -_count(g))
    while len(groups) > 1 and (pairs := _touching_pairs(groups)):
        for keep, merged in pairs:  # keep < merged: groups are sorted busiest first
            groups[keep] = _busiest_first(groups[keep] + groups[merged])
            groups[merged] = []
        groups = sorted((g for g in groups if g), key=lambda g: (-_count(g), g[0].name))
    return groups


def _tooltip(group: list[Site]) -> str:
    def events(count: int) -> str:
        return f"{count} event{'' if count == 1 else 's'}"

    lines = [f"{site.name}: {events(len(site.events))}" for site in group]
    if len(group) > 1:
        lines.insert(0, f"{events(_count(group))} at {len(group)} places")
    return "\n".join(lines)


def _site_dict(site: Site) -> dict[str, Any]:
    return {
        "place": site.name,
        "country": site.country,
        "latitude": site.latitude,
        "longitude": site.longitude,
        "x": site.x,
        "y": site.y,
        "link": site.link(),
        "events": site.events,
    }


def build_markers(places: list[dict[str, Any]], frame: Frame) -> list[dict[str, Any]]:
    """JSON-ready markers, most events first; a marker of several places links to its table rows."""
    groups = cluster_sites(_sites(places, frame))
    top = max((_count(g) for g in groups), default=1)
    markers = []
    for index, group in enumerate(groups):
        anchor = group[0]
        types = {row["type"] for site in group for row in site.events}
        marker_id = f"marker-{index}"
        markers.append(
            {
                "id": marker_id,
                "place": anchor.name,
                "country": anchor.country,
                "latitude": anchor.latitude,
                "longitude": anchor.longitude,
                "x": anchor.x,
                "y": anchor.y,
                "r": _radius(_count(group), top),
                "event_count": _count(group),
                "type": types.pop() if len(types) == 1 else "mixed",
                "link": anchor.link() if len(group) == 1 else f"#{marker_id}",
                "title": _tooltip(group),
                "places": [_site_dict(site) for site in group],
            }
        )
    return markers

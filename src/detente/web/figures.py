"""The two drawn pages: the cooperation network and the map of event locations.

Both lay out their SVG on the server (deterministically), so the `.json` twin
carries the very coordinates the page draws.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import asdict
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from detente.models import EVENT_TYPES
from detente.web.countries import capitals, country_name
from detente.web.labels import Point, place_labels
from detente.web.layout import HEIGHT as NETWORK_HEIGHT
from detente.web.layout import WIDTH as NETWORK_WIDTH
from detente.web.layout import cached_force_layout
from detente.web.projection import Frame, fit_frame, graticule
from detente.web.view import View

if TYPE_CHECKING:
    from detente.query import Detente

REGIONAL_SPAN = 100  # degrees of longitude up to which every capital in view is named
ALWAYS_LABELLED = 6  # the busiest places keep their label even when crowded


def network(q: Detente) -> View:
    graph = q.network().to_dict()
    nodes, edges = graph["nodes"], graph["edges"]
    positions = {
        p.id: (p.x, p.y)
        for p in cached_force_layout(
            tuple(n["country"] for n in nodes),
            tuple((e["country_a"], e["country_b"], e["events"]) for e in edges),
        )
    }
    top_node = max((n["events"] for n in nodes), default=1) or 1
    top_edge = max((e["events"] for e in edges), default=1) or 1
    for node in nodes:
        node["name"] = country_name(node["country"])
        node["x"], node["y"] = positions[node["country"]]
        node["r"] = round(5 + 13 * math.sqrt(node["events"] / top_node), 1)
    for edge in edges:
        edge["x1"], edge["y1"] = positions[edge["country_a"]]
        edge["x2"], edge["y2"] = positions[edge["country_b"]]
        edge["width"] = round(1 + 7 * edge["events"] / top_edge, 1)
    edges.sort(key=lambda e: -e["events"])
    return View(
        "network.html", {"width": NETWORK_WIDTH, "height": NETWORK_HEIGHT, "nodes": nodes, "edges": edges}
    )


def _capital_landmarks(
    frame: Frame, markers: list[dict[str, Any]], involved: set[str]
) -> list[dict[str, Any]]:
    """Capitals inside the frame, for orientation; none drawn on top of an event marker."""
    landmarks = []
    for code, (capital, lat, lon) in sorted(capitals().items(), key=lambda item: item[0] not in involved):
        if not (frame.west <= lon <= frame.east and frame.south <= lat <= frame.north):
            continue
        x, y = frame.project(lon, lat)
        if any(math.hypot(x - m["x"], y - m["y"]) < m["r"] + 8 for m in markers):
            continue
        landmarks.append(
            {
                "country": code,
                "name": country_name(code),
                "capital": capital,
                "x": x,
                "y": y,
                "involved": code in involved,
            }
        )
    return landmarks


def _marker_link(place: str | None, country: str | None, rows: list[dict[str, Any]]) -> str:
    """One event: its page; a named place: the events there; a country-level location: the country."""
    if len(rows) == 1:
        return f"/event/{quote(rows[0]['event_id'], safe='')}"
    if place:
        return f"/events?place={quote(place, safe='')}"
    return f"/country/{quote(country or '', safe='')}"


def _markers(places: list[dict[str, Any]], frame: Frame) -> list[dict[str, Any]]:
    """One marker per distinct location, sized by its events, most events first."""
    grouped: dict[tuple[str | None, str | None, float, float], list[dict[str, Any]]] = defaultdict(list)
    for row in places:
        key = (row["place"], row["country"], round(row["latitude"], 3), round(row["longitude"], 3))
        grouped[key].append(row)
    top = max((len(rows) for rows in grouped.values()), default=1)
    markers = []
    for (place, country, lat, lon), rows in sorted(grouped.items(), key=lambda item: -len(item[1])):
        x, y = frame.project(lon, lat)
        rows.sort(key=lambda r: r["date_start"] or "", reverse=True)
        types = {r["type"] for r in rows}
        markers.append(
            {
                "place": place or country_name(country) or "unnamed place",
                "country": country,
                "latitude": lat,
                "longitude": lon,
                "x": x,
                "y": y,
                "r": round(4 + 10 * math.sqrt(len(rows) / top), 1),
                "type": types.pop() if len(types) == 1 else "mixed",
                "link": _marker_link(place, country, rows),
                "events": rows,
            }
        )
    return markers


def world_map(q: Detente) -> View:
    places = [row.to_dict() for row in q.places()]
    frame = fit_frame(sorted({(row["longitude"], row["latitude"]) for row in places}))
    markers = _markers(places, frame)
    involved = {c for row in places for c in row["countries"]}
    landmarks = _capital_landmarks(frame, markers, involved)
    regional = frame.east - frame.west <= REGIONAL_SPAN
    named = [c for c in landmarks if regional or c["involved"]]
    labels = place_labels(
        [Point(m["x"], m["y"], m["r"], m["place"]) for m in markers]
        + [Point(c["x"], c["y"], 3, c["name"]) for c in named],
        frame.width,
        frame.height,
        required=min(len(markers), ALWAYS_LABELLED),
    )
    for item in landmarks:
        item["label"] = None
    for item, label in zip([*markers, *named], labels, strict=True):
        item["label"] = asdict(label) if label else None
    data = {
        "frame": asdict(frame) | {"width": frame.width, "height": frame.height},
        "markers": markers,
        "capitals": landmarks,
    }
    types = [t for t in (*EVENT_TYPES, "mixed") if any(m["type"] == t for m in markers)]
    return View("map.html", data, {"grid": graticule(frame), "marker_types": types})

"""The two drawn pages: the cooperation network and the map of event locations.

Both lay out their SVG on the server (deterministically), so the `.json` twin
carries the very coordinates the page draws.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from detente.models import EVENT_TYPES
from detente.web.countries import capitals, country_name
from detente.web.labels import Box, Point, label_box, place_labels, point_box, text_width
from detente.web.layout import HEIGHT as NETWORK_HEIGHT
from detente.web.layout import WIDTH as NETWORK_WIDTH
from detente.web.layout import cached_force_layout
from detente.web.map_markers import build_markers
from detente.web.projection import GRID_FONT, Frame, GridLine, fit_frame, graticule
from detente.web.view import View

if TYPE_CHECKING:
    from detente.query import Detente

REGIONAL_SPAN = 100  # degrees of longitude up to which every capital in view is named
MARKER_FONT = 12.0  # font sizes of the map's labels, as style.css sets them
CAPITAL_FONT = 11.0
CAPITAL_HALF_SIDE = 2.5  # capitals are 5 x 5 squares


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


def _grid_label_boxes(grid: list[GridLine]) -> list[Box]:
    """Where the degree labels print, so no place label is written over them."""
    return [
        label_box(line.text_x, line.text_y, "start", text_width(line.label, GRID_FONT), GRID_FONT)
        for line in grid
        if line.text_x is not None and line.text_y is not None
    ]


def _marker_point(marker: dict[str, Any]) -> Point:
    more = len(marker["places"]) - 1
    suffix = f" +{more}" if more else ""
    return Point(marker["x"], marker["y"], marker["r"], marker["place"], MARKER_FONT, suffix)


def world_map(q: Detente) -> View:
    places = [row.to_dict() for row in q.places()]
    frame = fit_frame(sorted({(row["longitude"], row["latitude"]) for row in places}))
    markers = build_markers(places, frame)
    involved = {c for row in places for c in row["countries"]}
    landmarks = _capital_landmarks(frame, markers, involved)
    regional = frame.east - frame.west <= REGIONAL_SPAN
    named = [c for c in landmarks if regional or c["involved"]]
    unnamed = [c for c in landmarks if c not in named]
    grid = graticule(frame)
    labels = place_labels(
        [_marker_point(m) for m in markers]
        + [Point(c["x"], c["y"], CAPITAL_HALF_SIDE, c["name"], CAPITAL_FONT) for c in named],
        frame.width,
        frame.height,
        obstacles=[point_box(Point(c["x"], c["y"], CAPITAL_HALF_SIDE, "")) for c in unnamed]
        + _grid_label_boxes(grid),
    )
    for item in landmarks:
        item["label"] = None
    for item, label in zip([*markers, *named], labels, strict=True):
        item["label"] = asdict(label) if label else None
    data = {
        "frame": asdict(frame) | {"width": frame.width, "height": frame.height},
        "markers": markers,
        "capitals": landmarks,
        "grid": [asdict(line) for line in grid],
    }
    types = [t for t in (*EVENT_TYPES, "mixed") if any(m["type"] == t for m in markers)]
    return View("map.html", data, {"marker_types": types})

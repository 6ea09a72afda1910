"""The cooperation network: countries as nodes, ties as lines, filtered by period, type and weight.

The layout is computed on the server twice, for a landscape screen and for a phone's
portrait one, and each gets its own labels, placed so that none overlaps a node or
another label (a country whose label does not fit keeps its name in the tooltip and
the table). The `.json` twin carries both.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from detente.web.countries import country_name
from detente.web.filters import (
    Params,
    aggregate_filters,
    aggregate_selection,
    int_param,
)
from detente.web.fragments import fragment
from detente.web.labels import Point, place_labels
from detente.web.layout import HEIGHT, WIDTH, cached_force_layout
from detente.web.pages import refused_as_bad_request
from detente.web.view import View

if TYPE_CHECKING:
    from detente.query import Detente

NARROW = (400, 560, 24)  # a phone's canvas: width, height, margin
LABEL_FONT = 12.0  # as style.css draws them, in semibold
# semibold capitals ("MMR" is 2.8 em in DejaVu Sans Bold) run far wider than labels.py assumes
LABEL_ROOM = LABEL_FONT * 1.6


def _filters(params: Params) -> dict[str, Any]:
    chosen = aggregate_filters(params, "min_events")
    chosen["min_events"] = int_param(params.get("min_events"), "min_events", 1, 100_000) or 1
    return chosen


def _layout(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], width: int, height: int, margin: int
) -> dict[str, Any]:
    """Positions and labels of every node on one canvas."""
    positions = {
        p.id: (p.x, p.y)
        for p in cached_force_layout(
            tuple(n["country"] for n in nodes),
            tuple((e["country_a"], e["country_b"], e["events"]) for e in edges),
            width,
            height,
            margin,
        )
    }
    busiest = sorted(nodes, key=lambda n: (-n["events"], n["country"]))
    points = [Point(*positions[n["country"]], n["r"], n["country"], LABEL_ROOM) for n in busiest]
    labels = place_labels(points, width, height)
    placed = {
        n["country"]: asdict(label) if label else None for n, label in zip(busiest, labels, strict=True)
    }
    return {
        "width": width,
        "height": height,
        "nodes": {
            code: {"x": x, "y": y, "label": placed[code]} for code, (x, y) in sorted(positions.items())
        },
    }


MOST_TIES = 400  # the strongest ties drawn: a million events join thousands of pairs of states


def network(q: Detente, params: Params) -> View:
    chosen = _filters(params)
    with refused_as_bad_request():
        graph = q.network(
            min_events=chosen["min_events"], most_edges=MOST_TIES, **aggregate_selection(chosen)
        ).to_dict()
    nodes, edges = graph["nodes"], graph["edges"]
    top_node = max((n["events"] for n in nodes), default=1) or 1
    top_edge = max((e["events"] for e in edges), default=1) or 1
    for node in nodes:
        node["name"] = country_name(node["country"])
        node["r"] = round(4 + 12 * math.sqrt(node["events"] / top_node), 1)
    for edge in edges:
        edge["width"] = round(1 + 7 * edge["events"] / top_edge, 1)
    edges.sort(key=lambda e: -e["events"])
    wide = _layout(nodes, edges, WIDTH, HEIGHT, 50)
    narrow = _layout(nodes, edges, *NARROW)
    data = {"filters": chosen, "nodes": nodes, "edges": edges, "wide": wide, "narrow": narrow}
    drawn = {"nodes": nodes, "edges": edges, "wide": wide, "narrow": narrow}
    return View(
        "network.html", data, {"form": chosen, "drawing": fragment("network_drawing.html", drawn, **drawn)}
    )

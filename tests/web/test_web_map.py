"""The map's JSON twin and page over crowded places: one marker per spot, labels by their markers.

Checks the geometry the page draws (from the twin) rather than pixels: markers never
overlap, every label sits next to its own marker, and no two labels overlap.
"""

from __future__ import annotations

import math
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from map_dataset import build_map_database
from web_apps import dashboard_app

RAWALPINDI_AREA = {
    "General Headquarters, Rawalpindi",
    "Joint Staff Headquarters, Rawalpindi",
    "Islamabad",
    "Aiwan-e-Sadr",
}
LABEL_REACH = 4.0  # pixels a label box may keep from its marker's edge
Box = tuple[float, float, float, float]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _gap(box: Box, x: float, y: float) -> float:
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return math.hypot(dx, dy)


def _drawn(data: dict[str, Any]) -> list[tuple[dict[str, Any], float]]:
    """Every labelled or unlabelled thing on the map with the radius of its symbol."""
    return [(m, m["r"]) for m in data["markers"]] + [(c, 2.5) for c in data["capitals"]]


@pytest.fixture(scope="module", params=["regional", "world"])
def map_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("map") / "map.db"
    counts = build_map_database(path, world=request.param == "world")
    with TestClient(dashboard_app(path)) as client:
        yield client, counts


def test_places_at_the_same_or_nearby_coordinates_share_one_marker(map_client):
    client, counts = map_client
    data = client.get("/map.json").json()
    markers = data["markers"]
    by_place = {p["place"]: m for m in markers for p in m["places"]}
    assert sorted(by_place) == sorted(counts), "every place is in exactly one marker"
    assert sum(len(m["places"]) for m in markers) == len(counts)
    crowd = by_place["Islamabad"]
    assert crowd["place"] == "Islamabad", "named after its busiest place"
    assert crowd["r"] == max(m["r"] for m in markers)
    if len(counts) == 6:  # zoomed to the region: Dushanbe and Tehran are far enough apart
        assert {p["place"] for p in crowd["places"]} == RAWALPINDI_AREA and crowd["event_count"] == 7
        assert by_place["Dushanbe"] is not crowd and by_place["Tehran"] is not by_place["Dushanbe"]
    else:  # the whole world at 960 pixels: Dushanbe's circle would touch Islamabad's
        assert {p["place"] for p in crowd["places"]} >= RAWALPINDI_AREA
        assert by_place["Washington"] is not by_place["Canberra"] is not crowd
    for place in crowd["places"]:
        assert len(place["events"]) == counts[place["place"]]
    for i, a in enumerate(markers):
        for b in markers[i + 1 :]:
            assert math.hypot(a["x"] - b["x"], a["y"] - b["y"]) >= a["r"] + b["r"], (a["place"], b["place"])


def test_every_label_sits_by_its_own_marker_and_no_two_labels_overlap(map_client):
    client, _ = map_client
    data = client.get("/map.json").json()
    drawn = _drawn(data)
    labelled = [(item, r) for item, r in drawn if item["label"]]
    assert all(m["label"] for m in data["markers"][:3]), "the three busiest markers are named"
    for item, r in labelled:
        label = item["label"]
        box = tuple(label["box"])
        assert _gap(box, item["x"], item["y"]) <= r + LABEL_REACH, label
        assert math.hypot(label["x"] - item["x"], label["y"] - item["y"]) <= r + 16, label
        assert box[0] >= 0 and box[2] <= data["frame"]["width"] and box[1] >= 0
    for i, (item, _) in enumerate(labelled):
        box = tuple(item["label"]["box"])
        for other, _ in labelled[i + 1 :]:
            assert not _overlap(box, tuple(other["label"]["box"])), (item["label"], other["label"])
        for line in data["grid"]:
            if line["text_x"] is not None:
                width = len(line["label"]) * 10 * 0.62
                grid_box = (line["text_x"], line["text_y"] - 10, line["text_x"] + width, line["text_y"] + 3)
                assert not _overlap(box, grid_box), (item["label"], line["label"])
        for other, r in drawn:
            if other is not item:
                circle = (other["x"] - r, other["y"] - r, other["x"] + r, other["y"] + r)
                assert not _overlap(box, circle), (item["label"], other.get("place") or other["name"])


def test_the_page_draws_the_twin_and_lists_every_place(map_client):
    client, counts = map_client
    data = client.get("/map.json").json()
    html = client.get("/map").text
    crowd = next(m for m in data["markers"] if len(m["places"]) > 1)
    assert f'<a href="#{crowd["id"]}">' in html and f'<tbody id="{crowd["id"]}" class="cluster">' in html
    tooltip = re.search(rf'data-marker="{crowd["id"]}">\s*<title>(.*?)</title>', html, re.S)
    assert tooltip, "a merged marker's tooltip lists its places"
    summary = f"{crowd['event_count']} events at {len(crowd['places'])} places"
    assert unescape(tooltip.group(1)).startswith(summary)
    assert all(name in unescape(tooltip.group(1)) for name in RAWALPINDI_AREA)
    texts = [unescape(t) for t in re.findall(r'<text class="label"[^>]*>([^<]*)</text>', html)]
    assert texts == [m["label"]["text"] for m in data["markers"] if m["label"]]
    rows = re.findall(r'<td><a href="([^"]+)">([^<]+)</a></td>', html)
    assert sorted(unescape(name) for _, name in rows) == sorted(counts)
    assert ("/events?place=Islamabad", "Islamabad") in rows
    assert ("/event/ev-map-3-0", "Aiwan-e-Sadr") in rows, "a place with one event links to it"


def test_a_lone_place_keeps_its_own_link_and_name(tmp_path: Path):
    build_map_database(tmp_path / "map.db")
    with TestClient(dashboard_app(tmp_path / "map.db")) as client:
        tehran = next(m for m in client.get("/map.json").json()["markers"] if m["place"] == "Tehran")
    assert tehran["link"] == "/event/ev-map-5-0" and tehran["title"] == "Tehran: 1 event"
    assert tehran["label"]["text"] == "Tehran"

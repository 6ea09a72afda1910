"""The map's JSON twin and page over crowded places: clusters per zoom, never across a border.

Checks the geometry the page draws (from the twin) rather than pixels: in every zoom
layer each place is in exactly one marker, a marker's places share a country, markers
of one country never overlap, every label sits next to its own marker, and no label
covers another label or another marker.
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

from detente.web.map_layers import SCALES, Site, build_layer, radius
from detente.web.map_page import fit_view, shade_classes, shade_of
from detente.web.world import WORLD_HEIGHT, WORLD_WIDTH, country_shapes, project

RAWALPINDI_AREA = {
    "General Headquarters, Rawalpindi",
    "Joint Staff Headquarters, Rawalpindi",
    "Islamabad",
    "Aiwan-e-Sadr",
}
Box = tuple[float, float, float, float]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _gap(box: Box, x: float, y: float) -> float:
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return math.hypot(dx, dy)


@pytest.fixture(scope="module", params=["regional", "world"])
def map_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("map") / "map.db"
    counts = build_map_database(path, world=request.param == "world")
    with TestClient(dashboard_app(path)) as client:
        yield client, counts


def _country_of(data: dict[str, Any]) -> dict[str, str]:
    return {site["place"]: site["country"] for site in data["sites"]}


def test_every_place_is_in_one_marker_per_layer_and_clusters_stop_at_borders(map_client):
    client, counts = map_client
    data = client.get("/map.json").json()
    country = _country_of(data)
    assert [layer["scale"] for layer in data["layers"]] == list(SCALES[: len(data["layers"])])
    for layer in data["layers"]:
        places = [place for marker in layer["markers"] for place in marker["places"]]
        assert sorted(places) == sorted(counts), layer["scale"]
        for marker in layer["markers"]:
            assert len({country[place] for place in marker["places"]}) == 1, marker["places"]
            assert marker["events"] == sum(counts[place] for place in marker["places"])
        for i, a in enumerate(layer["markers"]):
            for b in layer["markers"][i + 1 :]:
                if a["country"] == b["country"]:
                    distance = math.hypot(a["x"] - b["x"], a["y"] - b["y"])
                    assert distance >= a["r"] + b["r"], (layer["scale"], a["place"], b["place"])
    coarse = data["layers"][0]
    crowd = next(m for m in coarse["markers"] if m["place"] == "Islamabad")
    assert set(crowd["places"]) >= RAWALPINDI_AREA and "Attari" not in crowd["places"]
    assert crowd["r_px"] == max(m["r_px"] for m in coarse["markers"]), "the busiest marker is the biggest"
    wagah = next(m for m in coarse["markers"] if "Wagah" in m["places"])
    attari = next(m for m in coarse["markers"] if "Attari" in m["places"])
    assert wagah is not attari, "Wagah and Attari face each other across a border: two markers"
    finest = data["layers"][-1]
    spot = {site["place"]: (site["latitude"], site["longitude"]) for site in data["sites"]}
    assert all(len({spot[place] for place in m["places"]}) == 1 for m in finest["markers"]), (
        "zoomed in, only places at the very same spot share a marker"
    )


def test_every_label_sits_by_its_own_marker_and_no_two_labels_overlap(map_client):
    client, _ = map_client
    data = client.get("/map.json").json()
    for layer in data["layers"]:
        markers = layer["markers"]
        scale = layer["scale"]
        assert markers[0]["label"], f"the busiest marker is named at {scale}"
        labelled = [m for m in markers if m["label"]]
        for marker in labelled:
            box = tuple(marker["label"]["box"])
            assert _gap(box, marker["x"], marker["y"]) <= marker["r"] + 4 / scale, marker["label"]
            for other in markers:
                if other is not marker:
                    r = other["r"]
                    circle = (other["x"] - r, other["y"] - r, other["x"] + r, other["y"] + r)
                    assert not _overlap(box, circle), (scale, marker["label"]["text"], other["place"])
        for i, marker in enumerate(labelled):
            for other in labelled[i + 1 :]:
                assert not _overlap(tuple(marker["label"]["box"]), tuple(other["label"]["box"])), scale


def test_the_page_draws_outlines_shades_and_every_layer(map_client):
    client, counts = map_client
    data = client.get("/map.json").json()
    html = client.get("/map").text
    paths = re.findall(r'<path class="country[^"]*" (?:data-country="([A-Z]{3})" )?d="', html)
    assert len(paths) == len(country_shapes()) >= 170
    coded = [code for code in paths if code]
    assert len(coded) == len(set(coded)), "one path per country"
    assert html.count('class="scaled layer') == len(data["layers"])
    assert html.count('class="scaled layer"') == 1, "one layer is shown before the script measures the screen"
    shaded = {c["country"]: c for c in data["countries"]}
    assert shaded["AFG"]["only_country"] == 1 and shaded["AFG"]["at_sites"] == 0
    assert re.search(r'<path class="country shade-\d" data-country="AFG"', html), "located only to AFG"
    assert data["placement"]["only_country"] == 1 and data["placement"]["at_site"] == sum(counts.values())
    crowd = next(m for m in data["layers"][0]["markers"] if len(m["places"]) > 1)
    tooltip = re.search(
        rf'data-marker="{crowd["id"]}"[^>]*>\s*<g[^>]*><g class="glyph">\s*<title>(.*?)</title>', html, re.S
    )
    assert tooltip, "a merged marker's tooltip lists its places"
    assert unescape(tooltip.group(1)).startswith(f"{crowd['events']} events at {len(crowd['places'])} places")
    assert f'href="{crowd["link"].replace("&", "&amp;")}"' in html
    assert "/events?located_in=PAK&place=" in crowd["link"]
    rows = re.findall(r'<td><a href="([^"]+)">([^<]+)</a></td>', html)
    assert {unescape(name) for _, name in rows} >= set(counts)


def test_a_lone_place_keeps_its_own_link_and_name(tmp_path: Path):
    build_map_database(tmp_path / "map.db")
    with TestClient(dashboard_app(tmp_path / "map.db")) as client:
        layers = client.get("/map.json").json()["layers"]
    tehran = next(m for m in layers[0]["markers"] if m["place"] == "Tehran")
    assert tehran["link"] == "/event/ev-map-5-0" and tehran["title"] == "Tehran: 1 event"
    assert tehran["label"]["text"] == "Tehran"


def _site(place: str, country: str, lat: float, lon: float, events: int = 1) -> Site:
    return Site(place, country, lat, lon, events, (("meeting", events),), None)


def test_markers_merge_only_when_they_would_touch_at_that_zoom():
    near = [_site("A", "PAK", 33.60, 73.07, 3), _site("B", "PAK", 33.72, 73.04, 1)]
    coarse = build_layer(near, 1.0, 3)
    assert [m["places"] for m in coarse["markers"]] == [["A", "B"]]
    fine = build_layer(near, 256.0, 3)
    assert sorted(m["place"] for m in fine["markers"]) == ["A", "B"]
    assert coarse["markers"][0]["r"] == pytest.approx(radius(4, 3) / 1.0)
    assert fine["markers"][0]["r"] == pytest.approx(radius(3, 3) / 256.0, abs=1e-4)


def test_world_projection_view_and_shades():
    assert project(-180, 84) == (0, 0)
    assert project(180, -60) == (WORLD_WIDTH, round(WORLD_HEIGHT, 1))
    pakistan = next(shape for shape in country_shapes() if shape.code == "PAK")
    x, y = project(73.05, 33.6)  # Rawalpindi
    left, top, right, bottom = pakistan.box
    assert left < x < right and top < y < bottom
    russia = next(shape for shape in country_shapes() if shape.code == "RUS")
    assert russia.box[2] - russia.box[0] < WORLD_WIDTH * 0.6, "Russia does not wrap the whole world"
    assert {shape.code for shape in country_shapes()} >= {"PAK", "TJK", "USA", "GRL", "XKX"}
    assert "ATA" not in {shape.code for shape in country_shapes()}
    view = fit_view([(*project(73.05, 33.6), 50), (*project(68.8, 38.5), 30), (*project(-77, 38.9), 1)])
    washington_x = project(-77, 38.9)[0]
    assert view["x"] > washington_x, "one far-off event does not zoom the map out to the world"
    assert view["width"] >= 150
    assert shade_classes(1) == [(1, None)]
    classes = shade_classes(25)
    assert classes[0] == (1, 1) and classes[-1][1] is None and len(classes) <= 5
    assert shade_of(25, classes) == len(classes) and shade_of(0, classes) == 0

"""The dashboard's pure helpers: evidence highlighting, charts, layout, labels, filters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.web.charts import fill_periods, nice_step, stacked_bars
from detente.web.filters import EventFilters, PageError
from detente.web.highlight import Segment, locate_evidence, split_evidence
from detente.web.labels import Point, boxes_overlap, place_labels, point_box, shorter_forms
from detente.web.layout import HEIGHT, WIDTH, force_layout
from detente.web.rendering import environment, web_url
from detente.web.spans import office_spans

TEXT = (
    "Intro line.\nThe ministers met in Dushanbe on Monday. They met again later.\n"
    "The ministers met in Dushanbe on Monday."
)


def test_stored_offset_is_trusted_when_it_matches():
    evidence = "The ministers met in Dushanbe on Monday."
    second = TEXT.rindex(evidence)
    assert locate_evidence(TEXT, evidence, second) == (second, second + len(evidence))


def test_wrong_offset_falls_back_to_the_nearest_occurrence():
    evidence = "The ministers met in Dushanbe on Monday."
    first, second = TEXT.index(evidence), TEXT.rindex(evidence)
    assert locate_evidence(TEXT, evidence, second - 3) == (second, second + len(evidence))
    assert locate_evidence(TEXT, evidence, None) == (first, first + len(evidence))


def test_evidence_with_different_white_space_is_still_found():
    text = "Before.  The two   sides\nsigned an MoU. After."
    begin, end = locate_evidence(text, "The two sides signed an MoU.")
    assert text[begin:end] == "The two   sides\nsigned an MoU."


def test_split_marks_exactly_the_evidence_and_keeps_all_text():
    evidence = "They met again later."
    pieces = split_evidence(TEXT, evidence, None)
    assert "".join(p.text for p in pieces) == TEXT
    assert [p.text for p in pieces if p.marked] == [evidence]


def test_split_uses_stored_span_and_ignores_a_stale_one():
    evidence = "They met again later."
    start = TEXT.index(evidence)
    assert Segment(evidence, True) in split_evidence(TEXT, evidence, start, start + len(evidence))
    stale = split_evidence(TEXT, evidence, 0, 5)
    assert [p.text for p in stale if p.marked] == [evidence]


def test_missing_evidence_leaves_text_unmarked():
    assert split_evidence("abc", "zzz", 1) == [Segment("abc")]
    assert split_evidence("", "zzz") == []
    assert split_evidence("abc", None) == [Segment("abc")]


def test_nice_steps():
    assert nice_step(0) == 1
    assert nice_step(4) == 1
    assert nice_step(9) == 2
    assert nice_step(23) == 5
    assert nice_step(480) == 100


def test_months_are_filled_across_year_ends():
    assert fill_periods(["2024-11", "2025-02"]) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert fill_periods(["2023", "2025"]) == ["2023", "2024", "2025"]
    assert fill_periods([]) == []


def test_stacked_bars_stack_types_in_legend_order_and_scale_to_the_axis():
    chart = stacked_bars([("2025-01", "pledge", 2), ("2025-01", "meeting", 3), ("2025-03", "exercise", 1)])
    assert [bar.period for bar in chart.bars] == ["2025-01", "2025-02", "2025-03"]
    first = chart.bars[0]
    assert first.total == 5 and [s.type for s in first.segments] == ["meeting", "pledge"]
    assert chart.bars[1].segments == []
    top = chart.ticks[-1]
    assert top.value >= 5
    stacked_height = sum(s.height for s in first.segments)
    assert stacked_height == pytest.approx((chart.plot_bottom - top.y) * 5 / top.value, abs=0.05)
    assert chart.types == ["meeting", "pledge", "exercise"]


def test_force_layout_is_deterministic_and_inside_the_canvas():
    nodes = ["PAK", "TJK", "CHN", "USA", "IND", "RUS"]
    edges = [("PAK", "TJK", 5), ("PAK", "CHN", 9), ("USA", "IND", 2), ("RUS", "TJK", 1)]
    first = force_layout(nodes, edges)
    assert first == force_layout(list(reversed(nodes)), list(reversed(edges)))
    assert all(0 <= p.x <= WIDTH and 0 <= p.y <= HEIGHT for p in first)
    assert len({(p.x, p.y) for p in first}) == len(nodes)
    assert force_layout([], []) == []
    assert [(p.x, p.y) for p in force_layout(["PAK"], [])] == [(WIDTH / 2, HEIGHT / 2)]


def test_force_layout_turns_a_landscape_layout_for_a_portrait_canvas():
    nodes = [f"C{i:02d}" for i in range(12)]
    edges = [(nodes[i], nodes[i + 1], 1) for i in range(11)]  # a chain lays out long and thin
    wide = force_layout(nodes, edges)
    tall = force_layout(nodes, edges, width=400, height=560, margin=24)
    spread = lambda ps, axis: max(getattr(p, axis) for p in ps) - min(getattr(p, axis) for p in ps)  # noqa: E731
    assert spread(wide, "x") > spread(wide, "y")
    assert spread(tall, "y") > spread(tall, "x")
    assert all(0 <= p.x <= 400 and 0 <= p.y <= 560 for p in tall)


def test_filters_parse_blanks_as_any_and_name_a_bad_value():
    filters = EventFilters.from_params({"type": "", "status": "planned", "year": "2025", "country": "pak"})
    assert filters.type == () and filters.status == ("planned",) and filters.country == ("PAK",)
    kwargs = filters.query_kwargs()
    assert kwargs["since"] == "2025" and kwargs["until"] == "2025"
    with pytest.raises(PageError, match="year"):
        EventFilters.from_params({"year": "20x5"})
    with pytest.raises(PageError, match="type"):
        EventFilters.from_params({"type": "war"})
    with pytest.raises(PageError, match="country"):
        EventFilters.from_params({"country": "Pakistan"})
    with pytest.raises(PageError, match="since"):
        EventFilters.from_params({"since": "2025-13"})
    with pytest.raises(PageError, match=r"since \(2025-06-01\) is after until"):
        EventFilters.from_params({"since": "2025-06", "until": "2025-01"})
    with pytest.raises(PageError, match="sort"):
        EventFilters.from_params({"sort": "colour"})
    with pytest.raises(PageError, match="limit"):
        EventFilters.from_params({"limit": "100000"})
    assert EventFilters.from_params({"dyad": "tjk, pak"}).query_kwargs()["dyad"] == ("PAK", "TJK")
    for bad in ("PAK", "PAK-PAK", "PAK-XXX", "PAK-TJK-IND", "Pakistan-Tajikistan"):
        with pytest.raises(PageError, match=r"^dyad: "):
            EventFilters.from_params({"dyad": bad})
    with pytest.raises(PageError, match=r"^dayd: unknown parameter"):
        EventFilters.from_params({"dayd": "PAK-TJK"})
    assert filters.link(offset=100) == "country=PAK&status=planned&since=2025&until=2025&offset=100"


def test_filters_take_several_places_countries_and_statuses_and_give_the_api_query():
    filters = EventFilters.from_params(
        {
            "place": "General Headquarters, Rawalpindi; Islamabad",
            "country": "pak tjk",
            "status": "planned,proposed",
        }
    )
    assert filters.place == ("General Headquarters, Rawalpindi", "Islamabad")
    assert filters.country == ("PAK", "TJK") and filters.status == ("planned", "proposed")
    assert filters.api_query() == (
        "country=PAK&country=TJK&status=planned&status=proposed"
        "&place=General+Headquarters%2C+Rawalpindi&place=Islamabad"
    )
    text = EventFilters.from_params({"text": "joint drill", "sort": "-sources", "located_in": "pak"})
    assert text.api_query() == "located_in=PAK&q=joint+drill&sort=-sources"


def test_sorting_a_column_toggles_its_direction_and_returns_to_page_one():
    newest = EventFilters.from_params({"offset": "100"})
    assert newest.sort_link("date") == "sort=date", "the date column sorts oldest first on a click"
    assert newest.sort_link("sources") == "sort=sources"
    by_sources = EventFilters.from_params({"sort": "sources", "type": "meeting"})
    assert by_sources.sort_link("sources") == "type=meeting&sort=-sources"
    assert EventFilters.from_params({"sort": "date"}).sort_link("date") == ""


def test_only_web_urls_link():
    assert web_url("https://example.org/a") == "https://example.org/a"
    assert web_url("javascript:alert(1)") is None
    assert web_url("/tmp/article.txt") is None


def test_office_spans_run_from_first_to_last_seen_on_a_year_axis():
    chart = office_spans(
        [
            {
                "title": "Deputy Minister",
                "country": "TJK",
                "first_seen": "2023-01-01",
                "last_seen": "2023-12-31",
            },
            {"title": "Minister", "country": "TJK", "first_seen": "2025-03-10", "last_seen": "2025-03-10"},
            {"title": "Undated post", "country": None, "first_seen": None, "last_seen": None},
        ]
    )
    assert chart is not None
    deputy, minister = chart.bars
    assert [t.year for t in chart.ticks] == [2023, 2024, 2025, 2026]
    year = chart.ticks[1].x - chart.ticks[0].x
    assert deputy.x == chart.ticks[0].x and deputy.width == pytest.approx(year, rel=0.01)
    assert minister.width == 6.0 and minister.x > chart.ticks[2].x
    assert office_spans([{"title": "x", "first_seen": None, "last_seen": None}]) is None


def _box_gap(box: tuple[float, float, float, float], point: Point) -> float:
    """Distance from a point's centre to the nearest edge of a label box (0 inside it)."""
    dx = max(box[0] - point.x, 0.0, point.x - box[2])
    dy = max(box[1] - point.y, 0.0, point.y - box[3])
    return (dx * dx + dy * dy) ** 0.5


def test_labels_of_nearby_points_sit_by_their_point_and_never_overlap():
    points = [Point(100, 100, 5, "Islamabad"), Point(104, 102, 5, "Rawalpindi"), Point(300, 100, 5, "Kabul")]
    labels = place_labels(points, 600, 300)
    kabul = labels[2]
    assert kabul is not None and kabul.anchor == "start" and kabul.x == 308, "a lone point: on its right"
    assert kabul.text == "Kabul"
    assert all(label is not None for label in labels), "two neighbours still find room on either side"
    placed = [(label, point) for label, point in zip(labels, points, strict=True) if label]
    circles = [point_box(p) for p in points]
    for i, (label, point) in enumerate(placed):
        assert _box_gap(label.box, point) <= point.r + 4, point.text
        others = [other.box for j, (other, _) in enumerate(placed) if j != i]
        others += [c for c, p in zip(circles, points, strict=True) if p is not point]
        assert not any(boxes_overlap(label.box, other) for other in others), point.text


def test_crowded_labels_are_shortened_or_dropped_but_never_moved_away():
    crowd = [Point(50, 20, 6, f"Place number {i}, Province") for i in range(12)]
    labels = place_labels(crowd, 160, 40)
    assert labels[0] is not None
    assert any(label is None for label in labels), "no room for twelve labels: some are dropped"
    kept = [(label, point) for label, point in zip(labels, crowd, strict=True) if label]
    for label, point in kept:
        assert label.box[0] >= 0 and label.box[2] <= 160
        assert _box_gap(label.box, point) <= point.r + 4
    for i, (label, _) in enumerate(kept):
        assert not any(boxes_overlap(label.box, other.box) for other, _ in kept[i + 1 :])


def test_a_long_label_is_shortened_to_fit_beside_its_point():
    point = Point(200, 20, 6, "General Headquarters, Rawalpindi", suffix=" +2")
    label = place_labels([point], 330, 60)[0]
    assert label is not None and label.text == "General Headquarters +2"
    assert list(shorter_forms("General Headquarters, Rawalpindi"))[:3] == [
        "General Headquarters, Rawalpindi",
        "General Headquarters",
        "General Headquart…",
    ]
    assert place_labels([Point(5, 5, 4, "Somewhere very long")], 20, 10) == [None]


@given(
    before=st.text(max_size=60),
    evidence=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() == s and s.strip()),
    after=st.text(max_size=60),
    drift=st.integers(min_value=-5, max_value=5),
)
def test_highlighting_keeps_the_text_and_marks_the_evidence(before, evidence, after, drift):
    text = before + evidence + after
    pieces = split_evidence(text, evidence, max(0, len(before) + drift))
    assert "".join(p.text for p in pieces) == text
    marked = [p.text for p in pieces if p.marked]
    assert marked == [evidence]


@given(text=st.text(alphabet="<>&\"' abc/=", max_size=80))
def test_rendered_pieces_never_carry_raw_markup(text):
    template = environment().from_string(
        "{% for seg in pieces %}{% if seg.marked %}<mark>{{ seg.text }}</mark>{% else %}{{ seg.text }}"
        "{% endif %}{% endfor %}"
    )
    html = template.render(pieces=split_evidence(text, text[3:9].strip() or None))
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")
    assert ">" not in html.replace("<mark>", "").replace("</mark>", "")

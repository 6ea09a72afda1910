"""More real outlets' header forms: bar-separated datelines, ministry releases, ordinary-case
datelines, "18 of October of 2024", think-tank and ministry mastheads, bars of site controls.

Each page here is a small text of our own; the date, title and outlet must come out of
its chrome, and the body must stay whole.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.ingest.chrome import strip_chrome
from detente.ingest.dates import read_date_line
from detente.ingest.header_lines import is_bar_list, is_headline, is_masthead, without_wire_tag

BODY = (
    "The coast guards of Ghana and Togo held a joint patrol on Lake Volta on Tuesday, "
    "their defence ministries said in a joint statement.\n\n"
    "The two sides agreed to repeat the patrol every quarter and to share radar data.\n"
)
TITLE = "Ghana and Togo coast guards patrol Lake Volta"


@pytest.mark.parametrize(
    ("chrome", "outlet"),
    [
        ("Volta Monitor | Defence | 4 March 2025", "Volta Monitor"),
        ("Staff Correspondent | Accra | 4 March 2025", None),
        ("Home | Region | 4 March 2025", None),
    ],
)
def test_bar_separated_date_line_is_read_not_dropped_as_a_menu(chrome: str, outlet: str | None) -> None:
    cleaned = strip_chrome(f"{chrome}\n\n{TITLE}\n\n{BODY}")
    assert (cleaned.facts.published, cleaned.facts.source_name) == (date(2025, 3, 4), outlet)
    assert cleaned.facts.title == TITLE
    assert cleaned.text.startswith("The coast guards")


def test_byline_line_under_the_headline() -> None:
    cleaned = strip_chrome(f"{TITLE}\n\nStaff Correspondent | Accra | 4 March 2025\n\n{BODY}")
    assert cleaned.facts.published == date(2025, 3, 4)
    assert "Staff Correspondent" not in cleaned.text


def test_menu_without_a_date_still_goes() -> None:
    cleaned = strip_chrome(f"{TITLE}\n\n{BODY}\nHome | Region | Sport | Contact\n")
    assert "Contact" not in cleaned.text
    assert cleaned.facts.published is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Press release 4.3.2025 14.05", date(2025, 3, 4)),
        ("News release, 4 March 2025", date(2025, 3, 4)),
        ("Communiqué 4 March 2025", date(2025, 3, 4)),
        ("Accra, 4 of March of 2025", date(2025, 3, 4)),
        ("4 of March, 2025", date(2025, 3, 4)),
    ],
)
def test_release_labels_and_of_dates(line: str, expected: date) -> None:
    stated = read_date_line(line)
    assert stated is not None and (stated.value, stated.revision) == (expected, False)


def test_of_alone_is_no_date() -> None:
    assert read_date_line("Press release of the ministry") is None
    assert read_date_line("4 of the 2025 vehicles") is None


def test_ministry_release_header() -> None:
    page = f"Ministry of Defence\nPress release 4.3.2025 14.05\n\n{TITLE}\n\n{BODY}"
    cleaned = strip_chrome(page)
    assert cleaned.facts.published == date(2025, 3, 4)
    assert (cleaned.facts.title, cleaned.facts.source_name) == (TITLE, "Ministry of Defence")
    assert cleaned.text.startswith("The coast guards")


def test_spanish_style_date_line_under_the_title() -> None:
    cleaned = strip_chrome(f"LA VOZ DEL LAGO\n\n{TITLE}\n\nAccra, 4 of March of 2025\n\n{BODY}")
    assert cleaned.facts.published == date(2025, 3, 4)
    assert cleaned.facts.title == TITLE


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("Accra, 4 March 2025 — ", None),
        ("Lomé, 4 March 2025 (Volta News Service) - ", "Volta News Service"),
        ("New Accra, March 4, 2025: ", None),
    ],
)
def test_dateline_with_a_place_in_ordinary_case(opening: str, agency: str | None) -> None:
    cleaned = strip_chrome(f"{TITLE}\n\n{opening}{BODY}")
    assert (cleaned.facts.published, cleaned.facts.source_name) == (date(2025, 3, 4), agency)
    assert cleaned.text.startswith(opening.strip())  # the dateline names the place: it stays


def test_ordinary_case_place_needs_a_whole_date() -> None:
    cleaned = strip_chrome(f"{TITLE}\n\nAccra, Tuesday — {BODY}")
    assert cleaned.facts.published is None
    cleaned = strip_chrome(f"{TITLE}\n\nAccra, March 4 — {BODY}")
    assert cleaned.facts.published is None


@pytest.mark.parametrize(
    "line",
    ["Gulf Strategy Forum", "Atlantic Policy Council", "Ministry of Defence", "Ministry of National Defence"],
)
def test_publisher_mastheads(line: str) -> None:
    assert is_masthead(line)
    cleaned = strip_chrome(f"{line}\n\n{TITLE}\n\n{BODY}")
    assert (cleaned.facts.title, cleaned.facts.source_name) == (TITLE, line)


def test_headline_about_a_ministry_is_no_masthead() -> None:
    assert not is_masthead("Ministry of Defence opens tender for trucks")
    assert not is_masthead("Defence Ministry")


def test_bar_of_site_controls_is_neither_title_nor_text() -> None:
    controls = "Subscribe | E-paper | Weather: Accra 31°C"
    assert is_bar_list(controls) and not is_headline(controls)
    cleaned = strip_chrome(f"VOLTA HERALD\n{controls}\n\n{TITLE}\n\n{BODY}")
    assert cleaned.facts.title == TITLE
    assert "E-paper" not in cleaned.text


def test_headline_with_one_bar_is_no_control_list() -> None:
    assert not is_bar_list("Ghana and Togo patrol Lake Volta | Volta Times")
    assert not is_bar_list("Ghana, Togo patrol the lake | Both navies share radar data as agreed. | Weather")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (f"UPDATE 2-{TITLE}", TITLE),
        (f"EXCLUSIVE-{TITLE}", TITLE),
        ("UPDATE on Ghana and Togo coast guard patrols", "UPDATE on Ghana and Togo coast guard patrols"),
        ("Exclusive-rights deal for Lake Volta ferries", "Exclusive-rights deal for Lake Volta ferries"),
    ],
)
def test_wire_tag_is_cut_from_the_title(line: str, title: str) -> None:
    assert without_wire_tag(line) == title
    assert strip_chrome(f"{line}\n\n{BODY}").facts.title == title

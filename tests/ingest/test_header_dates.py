"""Date lines, bylines and titles in page chrome, as outlets write them, on whole small pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.ingest.chrome import strip_chrome
from detente.ingest.dates import parse_date_line

from .helpers import collect

BODY = (
    "The navies of Indonesia and Malaysia held a coordinated patrol in the Strait of Malacca on "
    "Thursday, their defence ministries said in a joint statement.\n\n"
    "The two sides agreed to hold the patrol twice a year and to share radar data.\n"
)


def test_masthead_and_posted_timestamp_on_one_line() -> None:
    cleaned = strip_chrome(f"Strait Defence Wire | Posted : 2024-09-19 17:02 WIB\n\n{BODY}")
    assert cleaned.facts.published == date(2024, 9, 19)
    assert cleaned.facts.source_name == "Strait Defence Wire"
    assert cleaned.text.startswith("The navies of Indonesia")


def test_section_label_beside_the_date() -> None:
    page = f"Riau Chronicle\n\nRegion | Thursday, 19 September 2024\n\nNavies patrol the strait\n\n{BODY}"
    cleaned = strip_chrome(page)
    assert cleaned.facts.published == date(2024, 9, 19)
    assert cleaned.facts.title == "Navies patrol the strait"


def test_date_in_a_column_of_the_masthead_line() -> None:
    masthead = "RIAU POST  ·  Batam edition            Thursday, 19 September 2024"
    page = f"{masthead}\n\nNavies patrol the strait\n\n{BODY}"
    cleaned = strip_chrome(page)
    assert (cleaned.facts.published, cleaned.facts.source_name) == (date(2024, 9, 19), "RIAU POST")
    assert cleaned.facts.title == "Navies patrol the strait"
    assert "Batam edition" not in cleaned.text


def test_date_followed_by_relative_update_time() -> None:
    dated = "September 19, 2024 9:40 AM GMT Updated 2 hours ago"
    page = f"Navies patrol the strait\n\nBy Siti Rahma\n\n{dated}\n\n{BODY}"
    cleaned = strip_chrome(page)
    assert cleaned.facts.published == date(2024, 9, 19)
    assert "Updated" not in cleaned.text and "Siti Rahma" not in cleaned.text


def test_relative_time_alone_dates_nothing_and_is_dropped() -> None:
    cleaned = strip_chrome(f"Navies patrol the strait\n\n3 hours ago\n\n{BODY}")
    assert cleaned.facts.published is None
    assert "hours ago" not in cleaned.text


def test_numeric_footer_date_read_with_the_weekday_of_the_text() -> None:
    # "on Thursday": 19 September 2024 was a Thursday, 9 July 2024 a Tuesday
    cleaned = strip_chrome(f"{BODY}\nPublished 09/19/2024\n")
    assert cleaned.facts.published == date(2024, 9, 19)
    thursday = strip_chrome(f"{BODY}\nPublished 07/09/2024\n")
    # neither 7 September (a Saturday) nor 9 July (a Tuesday) fits: day first
    assert thursday.facts.published == date(2024, 9, 7)
    assert "Published" not in thursday.text


def test_publication_date_outranks_an_update_date() -> None:
    page = f"Navies patrol the strait\n\nUpdated: 20 September 2024 | Published: 19 September 2024\n\n{BODY}"
    assert strip_chrome(page).facts.published == date(2024, 9, 19)
    footer = f"Navies patrol the strait\n\n{BODY}\nLast modified on 21 September 2024\n"
    assert strip_chrome(footer).facts.published == date(2024, 9, 21)  # the only date the page gives


def test_byline_with_its_date() -> None:
    for byline in ("By Siti Rahma, September 19, 2024", "By Siti Rahma on 19 September 2024"):
        cleaned = strip_chrome(f"Navies patrol the strait\n\n{byline}\n\n{BODY}")
        assert cleaned.facts.published == date(2024, 9, 19), byline
        assert "Siti Rahma" not in cleaned.text


def test_byline_with_abbreviated_titles() -> None:
    page = f"Navies patrol the strait\n\nBy Lt. Col. (ret.) Amir Hassan, Dr. of Strategy\n\n{BODY}"
    assert "Amir Hassan" not in strip_chrome(page).text


def test_headline_written_as_a_sentence_above_the_byline() -> None:
    title = "Will the strait patrols change anything at sea?"
    page = f"ANALYSIS\n\n{title}\n\nBy Siti Rahma | 19 Sep 2024\n\n{BODY}"
    cleaned = strip_chrome(page)
    assert cleaned.facts.title == "Will the strait patrols change anything at sea?"
    assert cleaned.facts.published == date(2024, 9, 19)
    assert cleaned.text.startswith("The navies of Indonesia")


def test_release_number_is_no_title() -> None:
    header = "MINISTRY OF DEFENCE\n\nPress Release No. 77/2024\n19 September 2024"
    page = f"{header}\n\nNavies patrol the strait\n\n{BODY}"
    cleaned = strip_chrome(page)
    assert cleaned.facts.title == "Navies patrol the strait"
    assert "Press Release No." not in cleaned.text


def test_domain_masthead_names_the_outlet() -> None:
    cleaned = strip_chrome(
        f"StraitNews.com\nThursday, 19 September 2024 | Batam\n\nNavies patrol the strait\n\n{BODY}"
    )
    assert cleaned.facts.source_name == "StraitNews.com"
    assert cleaned.facts.title == "Navies patrol the strait"
    assert cleaned.facts.published == date(2024, 9, 19)


def test_dateline_below_a_kept_sub_heading() -> None:
    page = "Navies patrol the strait\nRadar data to be shared\n\nBATAM, Sept 19, 2024 - The navies met.\n"
    assert strip_chrome(page).facts.published == date(2024, 9, 19)


def test_dateline_without_year_takes_the_one_year_the_header_states() -> None:
    page = f"Press Release No. 77/2024\n\nNavies patrol the strait\n\nBATAM, Sept 19 (Strait Wire) - {BODY}"
    cleaned = strip_chrome(page)
    assert (cleaned.facts.published, cleaned.facts.published_source) == (date(2024, 9, 19), "inferred")


def test_dateline_without_year_dates_nothing_on_its_own() -> None:
    cleaned = strip_chrome(f"Navies patrol the strait\n\nBATAM, Sept 19 (Strait Wire) - {BODY}")
    assert cleaned.facts.published is None
    two_years = f"Patrols 2023 and 2024\n\nBATAM, Sept 19 (Strait Wire) - {BODY}"
    assert strip_chrome(two_years).facts.published is None


def test_inferred_header_year_reaches_the_article(tmp_path: Path) -> None:
    page = tmp_path / "strait_patrol.txt"
    page.write_text(
        f"Bulletin No. 12/2024\n\nNavies patrol the strait\n\nBATAM, Sept 19 (Strait Wire) - {BODY}"
    )
    [article], errors = collect([str(page)])
    assert errors == []
    assert (article.published, article.published_source) == (date(2024, 9, 19), "inferred")


def test_place_and_whole_date_ending_in_a_full_stop_is_a_dateline() -> None:
    page = (
        "Navies patrol the strait\n\nBatam, September 19, 2024. The navies of both states met on Thursday.\n"
    )
    assert strip_chrome(page).facts.published == date(2024, 9, 19)
    no_date = "Navies patrol the strait\n\nBatam, the harbour town. The navies met on Thursday.\n"
    assert strip_chrome(no_date).facts.published is None


def test_dateline_below_a_menu_line_and_the_title() -> None:
    page = (
        "Harbour Times\nPolitics  Economy  Defence  Opinion\n\nNavies agree to patrol the strait\n\n"
        "Batam, September 19, 2024.\n\nThe navies of both states met on Thursday to plan patrols.\n"
    )
    assert strip_chrome(page).facts.published == date(2024, 9, 19)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("09:15, 3 March 2024", date(2024, 3, 3)),  # the clock time first
        ("Published at 08:05 AM, Sunday, March 3, 2024", date(2024, 3, 3)),
        ("3 March 2024 [09:15] - Defence", date(2024, 3, 3)),  # bracketed time and a section
        ("Mar. 3, 2024 |", date(2024, 3, 3)),
        ("Valparaíso, March 3, 2024.", date(2024, 3, 3)),
    ],
)
def test_date_lines_as_outlets_write_them(line: str, expected: date) -> None:
    assert parse_date_line(line) == expected


def test_a_dated_sentence_is_no_date_line() -> None:
    assert parse_date_line("3 March 2024 - the ministers met in the port") is None

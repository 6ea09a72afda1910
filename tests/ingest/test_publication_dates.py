"""Publication dates on real-looking pages: date bars, other languages, datelines, "today", closing lines.

Every page here is written for these tests; each rule is shown on more than one form,
and beside the near miss it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.ingest.chrome import strip_chrome
from detente.ingest.dates import parse_date_line

BODY = (
    "The navies of Chile and Peru held a joint search-and-rescue drill off Arica, the two "
    "defence ministries said in a joint statement.\n\n"
    "The two sides agreed to repeat the drill every year and to share coastal radar data.\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("03 Juni 2012", date(2012, 6, 3)),  # Indonesian blog date
        ("Minggu, 03 Juni 2012", date(2012, 6, 3)),
        ("Selasa, 14 Agustus 2018 | 10:45 WIB", date(2018, 8, 14)),
        ("12 Mart 2024", date(2024, 3, 12)),  # Turkish
        ("3 août 2021", date(2021, 8, 3)),  # French
        ("18 de octubre de 2024", date(2024, 10, 18)),  # Spanish
        ("Juni 2012", None),  # no day
    ],
)
def test_month_names_of_other_languages(line: str, expected: date | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 20,2022", date(2022, 5, 20)),  # no space after the comma
        ("Last updated at May 20,2022", date(2022, 5, 20)),
        ("07.08.2023 Russia", date(2023, 8, 7)),  # a section label beside the date
        ("14 March 2025 Defence News", date(2025, 3, 14)),
        ("12/02/2025 14:05 (Kuwait time)", date(2025, 2, 12)),
        ("3 May 2024, 10:00 (local time)", date(2024, 5, 3)),
    ],
)
def test_date_lines_as_outlets_print_them(line: str, expected: date) -> None:
    assert parse_date_line(line) == expected


def test_byline_with_date_and_revision_run_together() -> None:
    page = f"Navies drill off Arica\n\nBy CP - May 20,2022 - Last updated at May 21,2022\n\n{BODY}"
    cleaned = strip_chrome(page)
    assert cleaned.facts.published == date(2022, 5, 20)
    assert "Last updated" not in cleaned.text


def test_date_bar_above_the_article_date_is_not_the_publication_date() -> None:
    page = (
        f"14 Mar 2026\nMonday 2 June 2025 - 09:10\nStory Code : 40411\n\n"
        f"Navies drill off Arica\n\n{BODY}"
    )
    cleaned = strip_chrome(page)
    assert cleaned.facts.published == date(2025, 6, 2)
    assert "14 Mar 2026" not in cleaned.text


def test_date_bar_shape_at_the_top_dates_nothing() -> None:
    for bar in ("Wed. Mar 4th, 2026", "Sat. Jan 10th, 2026"):
        cleaned = strip_chrome(f"{bar}\n\n{BODY}")
        assert cleaned.facts.published is None, bar
        assert bar not in cleaned.text


def test_the_same_date_twice_in_the_header_stays() -> None:
    header = "world\nTuesday Mar 4 2025\nBy\nStaff Reporter\n\nNavies drill off Arica\n\nTuesday Mar 4, 2025"
    page = f"{header}\n\n{BODY}"
    assert strip_chrome(page).facts.published == date(2025, 3, 4)


def test_a_labelled_first_date_is_never_a_date_bar() -> None:
    page = f"Date: 3 May 2024\n\nNavies drill off Arica\n\nThursday, 9 May 2024\n\n{BODY}"
    assert strip_chrome(page).facts.published == date(2024, 5, 3)


@pytest.mark.parametrize(
    "opening",
    [
        "16 Sep 2022; CNA: The navies of Chile and Peru held a joint drill off Arica on Thursday.",
        "16 September 2022 - The navies of Chile and Peru held a joint drill off Arica on Thursday.",
        "16/09/2022 | The navies of Chile and Peru held a joint drill off Arica on Thursday.",
    ],
)
def test_a_date_opening_the_body_is_a_dateline(opening: str) -> None:
    cleaned = strip_chrome(f"Navies drill off Arica\n\n{opening}\n\n{BODY}")
    assert cleaned.facts.published == date(2022, 9, 16)
    assert cleaned.facts.published_source == "explicit"


def test_a_sentence_that_starts_with_a_date_is_no_dateline() -> None:
    opening = "16 September 2022 marked ten years since the navies of Chile and Peru first drilled together."
    assert strip_chrome(f"Navies drill off Arica\n\n{opening}\n\n{BODY}").facts.published is None


@pytest.mark.parametrize(
    "lead",
    [
        "The defence ministers of Chile and Peru met today, Friday, May 17, 2024, in Arica.",
        "The defence ministers of Chile and Peru met in Arica today (17 May 2024) to review the drill.",
    ],
)
def test_today_with_a_whole_date_dates_the_page(lead: str) -> None:
    cleaned = strip_chrome(f"• Ministers review the drill\n\n{lead}\n\n{BODY}")
    assert cleaned.facts.published == date(2024, 5, 17)
    assert cleaned.facts.published_source == "explicit"


def test_an_event_date_in_the_lead_dates_nothing() -> None:
    lead = "The defence ministers of Chile and Peru on Tuesday, September 20, 2022, signed a protocol."
    assert strip_chrome(f"Ministers sign a protocol\n\n{lead}\n\n{BODY}").facts.published is None


def test_date_set_off_by_a_bar_on_a_flattened_page() -> None:
    page = (
        "Video Embed Code: Download Share Navies Drill Off Arica Mar. 4, 2025 | 2:15 "
        "The navies of Chile and Peru held a joint drill off Arica. Two frigates took part."
    )
    assert strip_chrome(page).facts.published == date(2025, 3, 4)


def test_a_date_after_a_sentence_on_a_flattened_page_dates_nothing() -> None:
    page = (
        "Share The navies of Chile and Peru drilled off Arica. They met again on Mar. 4, 2025 | "
        "Related: coastguards train"
    )
    assert strip_chrome(page).facts.published is None
    prose = "The navies of Chile and Peru drilled off Arica on Mar. 4, 2025. | Share"
    assert strip_chrome(prose).facts.published is None


def test_date_line_closing_the_page_after_the_body() -> None:
    cleaned = strip_chrome(f"Navies drill off Arica\n\n{BODY}\n\n16 October 2011\n")
    assert cleaned.facts.published == date(2011, 10, 16)
    assert "16 October 2011" not in cleaned.text


def test_date_line_closing_a_list_of_links_dates_nothing() -> None:
    links = (
        "Coastguards train in Valparaiso\nDecember 30, 2025\n-\nNews\n"
        "Army band tours the north\nDecember 29, 2025\n"
    )
    page = f"Navies drill off Arica\n\n{BODY}\n{links}"
    assert strip_chrome(page).facts.published is None


def test_header_date_outranks_a_closing_date_line() -> None:
    page = f"Navies drill off Arica\n\n3 May 2024\n\n{BODY}\n\n16 October 2011\n"
    assert strip_chrome(page).facts.published == date(2024, 5, 3)


@pytest.mark.parametrize(
    "line",
    [
        "June 9, 2021 by Ana Rojas",  # blog themes print the date before the byline
        "June 9, 2021 / 0 Comments",
        "June 9, 2021 / Comments Off",
        "Date Published: 09.06.2021",
        "Publication date: 9 June 2021",
    ],
)
def test_header_lines_of_blog_themes(line: str) -> None:
    cleaned = strip_chrome(f"Navies drill off Arica\n\n{line}\n\n{BODY}")
    assert cleaned.facts.published == date(2021, 6, 9), line
    assert cleaned.text.startswith("The navies of Chile and Peru")

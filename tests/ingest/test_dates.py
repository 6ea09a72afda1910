"""Publication dates in the forms news pages write them."""

from __future__ import annotations

from datetime import date

import pytest

from detente.ingest.dates import (
    first_date_in,
    is_time_line,
    month_and_day_in,
    parse_date_line,
    parse_date_value,
    read_date_line,
    read_statement,
)
from detente.ingest.url_dates import date_from_url


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thursday Dec 15 2022", date(2022, 12, 15)),
        ("Thursday Dec 15, 2022", date(2022, 12, 15)),
        ("Nov 2, 2023", date(2023, 11, 2)),
        ("15 December 2022 | 10:30 AM", date(2022, 12, 15)),
        ("Updated: Sept. 3, 2021 10:30 PKT", date(2021, 9, 3)),
        ("2025-11-15T08:00:00+05:00", date(2025, 11, 15)),
        ("Mon, 4 March 2024", date(2024, 3, 4)),
        ("Last Updated: Friday, 15 November 2025, 10:23 PKT", date(2025, 11, 15)),
        ("Published 15 November 2025, 10:00 GMT+5", date(2025, 11, 15)),
        ("March 5, 2024 — 3:45 PM EST", date(2024, 3, 5)),
        ("15th November, 2025", date(2025, 11, 15)),
        ("Posted : 2024-09-21 08:45 KST", date(2024, 9, 21)),
        ("2024-09-21T08:45:00.000Z", date(2024, 9, 21)),
        ("Date: 2024/09/21", date(2024, 9, 21)),
        ("June 9, 2024 4:05 PM GMT Updated 3 hours ago", date(2024, 6, 9)),
        ("Saturday, 8 June 2024", date(2024, 6, 8)),
        ("Published 09/10/2024", date(2024, 10, 9)),  # no evidence: day first
        ("Published 09/25/2024", date(2024, 9, 25)),  # 25 can only be the day
        ("Tue, 09/10/2024", date(2024, 9, 10)),  # 10 September 2024 was a Tuesday
        ("Posted on 9-10-2024", date(2024, 10, 9)),
        ("2024.09.21 08:45", date(2024, 9, 21)),
        ("Published On: 21-Sep-2024 08:45 AM IST", date(2024, 9, 21)),
        ("Updated on: September 21, 2024 / 08:45 AM IST", date(2024, 9, 21)),
        ("Thu 19 Sep 2024 06.00 BST", date(2024, 9, 19)),
        ("Date: Thursday, 19th September 2024", date(2024, 9, 19)),
    ],
)
def test_whole_line_dates(line: str, expected: date) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "May 2023",
        "pakistan",
        "The ministers met on 4 March 2024 in Astana.",
        "Feb 30, 2024",
        "Published 09/10/24",  # two-digit years are not read
        "Ref. 12/10/20245",
        "2 hours ago",
    ],
)
def test_lines_that_are_not_a_date(line: str) -> None:
    assert parse_date_line(line) is None


def test_ordinal_date_in_statement() -> None:
    assert first_date_in("Published in SouthAsianDesk, November 15th, 2025") == date(2025, 11, 15)


def test_field_values() -> None:
    assert parse_date_value("2024-01-02T10:00:00Z") == date(2024, 1, 2)
    assert parse_date_value("2 January 2024") == date(2024, 1, 2)
    assert parse_date_value("yesterday") is None
    assert parse_date_value(None) is None
    assert parse_date_value("2024-13-40") is None


def test_url_dates() -> None:
    assert date_from_url("https://news.example/world/2023/11/02/talks") == date(2023, 11, 2)
    assert date_from_url("https://news.example/2023-11-02-talks") == date(2023, 11, 2)
    assert date_from_url("https://news.example/world/talks-123") is None
    assert date_from_url(None) is None


def test_numeric_day_first_date_and_leading_place() -> None:
    assert parse_date_line("21.05.2025, 09:40") == date(2025, 5, 21)
    assert parse_date_line("Baku, 16 April 2025") == date(2025, 4, 16)
    assert parse_date_line("New York, Nov 2, 2023") == date(2023, 11, 2)
    assert parse_date_line("The ministers met, 16 April 2025") is None


@pytest.mark.parametrize(
    ("line", "expected", "revision"),
    [
        ("Updated: 12 Jan 2025", date(2025, 1, 12), True),
        ("Last modified on 3 February 2025", date(2025, 2, 3), True),
        ("Last Updated: Friday, 15 November 2025, 10:23 PKT", date(2025, 11, 15), True),
        ("Published: 3 February 2025", date(2025, 2, 3), False),
        ("First published on February 3, 2025", date(2025, 2, 3), False),
    ],
)
def test_revision_dates_are_told_apart(line: str, expected: date, revision: bool) -> None:
    stated = read_date_line(line)
    assert stated is not None
    assert (stated.value, stated.revision) == (expected, revision)


def test_statement_dates() -> None:
    assert read_statement("Updated on 4 May 2024 at 10:00").revision
    assert not read_statement("Posted in Steppe Courier, 09/10/2024").revision
    assert read_statement("Posted in Steppe Courier, 09/10/2024").value == date(2024, 10, 9)
    assert read_statement("Posted in Steppe Courier") is None


@pytest.mark.parametrize(
    "line", ["2 hours ago", "Updated 35 minutes ago", "Updated 08:12", "Posted: an hour ago", "just now"]
)
def test_times_without_a_date(line: str) -> None:
    assert is_time_line(line)
    assert parse_date_line(line) is None


def test_time_line_needs_no_more_than_a_time() -> None:
    assert not is_time_line("Two hours ago the navy left port.")


def test_month_and_day_without_year() -> None:
    assert month_and_day_in("JAKARTA, March 3 (Wire) -") == (3, 3)
    assert month_and_day_in("BELGRADE, 29 August -") == (8, 29)
    assert month_and_day_in("WASHINGTON (AP) -") is None


def test_statement_prefers_publication_to_revision() -> None:
    stated = read_statement("Updated: 20 September 2024 | Published: 19 September 2024")
    assert (stated.value, stated.revision) == (date(2024, 9, 19), False)
    only_update = read_statement("Last updated 20 September 2024")
    assert (only_update.value, only_update.revision) == (date(2024, 9, 20), True)

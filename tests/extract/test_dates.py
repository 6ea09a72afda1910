"""Date expressions found and resolved against a publication date."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.extract.mentions.dates import DateMention, find_dates, resolve_weekday

SAT_NOV_15 = date(2025, 11, 15)  # a Saturday
FRI_JUL_25 = date(2025, 7, 25)  # a Friday
THU_NOV_2 = date(2023, 11, 2)  # a Thursday


def only(text: str, published: date | None) -> DateMention:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def record(text: str, published: date | None) -> tuple[str | None, str | None, str]:
    value = only(text, published).value.to_record()
    return value["start"], value["end"], value["precision"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The chiefs met on Thursday, November 13, 2025 in Rawalpindi.", ("2025-11-13", "2025-11-13", "day")),
        ("Published Thursday Dec 15 2022 by APP", ("2022-12-15", "2022-12-15", "day")),
        ("Talks opened on Nov 2, 2023.", ("2023-11-02", "2023-11-02", "day")),
        ("Talks opened on Sept. 3, 2024.", ("2024-09-03", "2024-09-03", "day")),
        ("Talks opened on 2 November 2023.", ("2023-11-02", "2023-11-02", "day")),
        ("Talks opened on the 2nd of November, 2023.", ("2023-11-02", "2023-11-02", "day")),
        ("The record is dated 2023-11-02.", ("2023-11-02", "2023-11-02", "day")),
        ("Posted 16/08/2025 by the desk.", ("2025-08-16", "2025-08-16", "day")),
        ("Posted 08/16/2025 by the desk.", ("2025-08-16", "2025-08-16", "day")),
        ("Published in the Desk, November 15th, 2025", ("2025-11-15", "2025-11-15", "day")),
        ("It was conducted from August 4 to 9, 2025, at the base.", ("2025-08-04", "2025-08-09", "day")),
        ("It was conducted August 4-9, 2025 at the base.", ("2025-08-04", "2025-08-09", "day")),
        ("The drill ran 4-9 August 2025 near the border.", ("2025-08-04", "2025-08-09", "day")),
        ("The drill ran 4–9 August 2025 near the border.", ("2025-08-04", "2025-08-09", "day")),
        ("The drill ran from 4 to 9 August 2025.", ("2025-08-04", "2025-08-09", "day")),
        ("It was held between 3 and 5 March 2024.", ("2024-03-03", "2024-03-05", "day")),
        ("It ran from 28 August to 2 September 2025.", ("2025-08-28", "2025-09-02", "day")),
        ("It ran from August 28 to September 2, 2025.", ("2025-08-28", "2025-09-02", "day")),
        ("It ran from December 28 to January 3, 2025.", ("2024-12-28", "2025-01-03", "day")),
        ("The seventh commission met in December 2024.", ("2024-12-01", "2024-12-01", "month")),
        ("The seventh commission met December 2024.", ("2024-12-01", "2024-12-01", "month")),
        ("The seventh commission met in Dec 2024.", ("2024-12-01", "2024-12-01", "month")),
        ("The visit took place in mid-May 2024.", ("2024-05-01", "2024-05-01", "month")),
        ("The exercise ran from May to July 2025.", ("2025-05-01", "2025-07-01", "month")),
        ("A milestone arrived in 2022 during the visit.", ("2022-01-01", "2022-01-01", "year")),
        ("In 2019, the president paid a visit.", ("2019-01-01", "2019-01-01", "year")),
        ("Since 2015, ties have grown.", ("2015-01-01", "2015-01-01", "year")),
        ("This iteration followed Dosti-I in 2019.", ("2019-01-01", "2019-01-01", "year")),
        ("The deal was signed in mid-2023.", ("2023-01-01", "2023-01-01", "year")),
        ("The deal was signed in early 2024.", ("2024-01-01", "2024-01-01", "year")),
        ("Agreements from 2018 SCO summits laid groundwork.", ("2018-01-01", "2018-01-01", "year")),
        ("Talks were held between 2019 and 2021.", ("2019-01-01", "2021-01-01", "year")),
        ("Talks were held 2019-2021.", ("2019-01-01", "2021-01-01", "year")),
        ("The 2024-25 procurement plan was approved.", ("2024-01-01", "2025-01-01", "year")),
        ("Posted 2025-11-13T10:30:00Z by staff.", ("2025-11-13", "2025-11-13", "day")),
        ("Dated 13-11-2025 by the ministry.", ("2025-11-13", "2025-11-13", "day")),
    ],
)
def test_explicit_dates_need_no_publication_date(text: str, expected: tuple[str, str, str]) -> None:
    assert record(text, None) == expected
    assert record(text, SAT_NOV_15) == expected
    assert only(text, None).relative is False


def test_explicit_date_wins_over_a_contradicting_weekday() -> None:
    # 13 November 2025 is a Thursday; the text says Monday: the date is kept.
    assert record("They met on Monday, November 13, 2025.", SAT_NOV_15) == ("2025-11-13", "2025-11-13", "day")


def test_mention_offsets_and_text_point_into_the_input() -> None:
    text = "Exercise Dosti-II was conducted from August 4 to 9, 2025, at Fakhrobod Base."
    mention = only(text, None)
    assert mention.text == "from August 4 to 9, 2025"
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The meeting was held in Rawalpindi on Friday.", FRI_JUL_25, "2025-07-25"),
        ("The meeting was held in Rawalpindi on Thursday.", FRI_JUL_25, "2025-07-24"),
        ("The meeting was held in Rawalpindi on Saturday.", FRI_JUL_25, "2025-07-19"),
        ("They met in Islamabad Thursday.", date(2022, 12, 15), "2022-12-15"),
        ("They met last Friday.", FRI_JUL_25, "2025-07-18"),
        ("They will meet next Friday.", FRI_JUL_25, "2025-08-01"),
        ("They meet this coming Monday.", FRI_JUL_25, "2025-07-28"),
        ("The minister will visit Dushanbe on Monday.", FRI_JUL_25, "2025-07-28"),
        ("The minister will arrive on Friday.", FRI_JUL_25, "2025-07-25"),
    ],
)
def test_weekdays_resolve_against_publication(text: str, published: date, expected: str) -> None:
    mention = only(text, published)
    assert mention.value.to_record() == {"start": expected, "end": expected, "precision": "day"}
    assert mention.relative is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The general spoke yesterday.", ("2025-11-14", "2025-11-14", "day")),
        ("The general spoke today.", ("2025-11-15", "2025-11-15", "day")),
        ("The general speaks tomorrow.", ("2025-11-16", "2025-11-16", "day")),
        ("The general spoke the day before yesterday.", ("2025-11-13", "2025-11-13", "day")),
        ("The general spoke two days ago.", ("2025-11-13", "2025-11-13", "day")),
        ("A working group convenes next month.", ("2025-12-01", "2025-12-01", "month")),
        ("A working group met last month.", ("2025-10-01", "2025-10-01", "month")),
        ("A working group met earlier this month.", ("2025-11-01", "2025-11-01", "month")),
        ("A working group met three months ago.", ("2025-08-01", "2025-08-01", "month")),
        ("A working group met last week.", ("2025-11-03", "2025-11-09", "day")),
        ("A working group meets next week.", ("2025-11-17", "2025-11-23", "day")),
        ("The pact was signed last year.", ("2024-01-01", "2024-01-01", "year")),
        ("The pact will be signed next year.", ("2026-01-01", "2026-01-01", "year")),
        ("The pact was signed earlier this year.", ("2025-01-01", "2025-01-01", "year")),
        ("The pact was signed a year ago.", ("2024-01-01", "2024-01-01", "year")),
        ("Patrols will start before the end of the year.", ("2025-01-01", "2025-01-01", "year")),
        ("The minister spoke last night.", ("2025-11-14", "2025-11-14", "day")),
        ("The minister spoke this morning.", ("2025-11-15", "2025-11-15", "day")),
        ("The minister spoke earlier today.", ("2025-11-15", "2025-11-15", "day")),
        ("The ministers met last weekend.", ("2025-11-08", "2025-11-09", "day")),
        ("The ministers met on Thursday last week.", ("2025-11-06", "2025-11-06", "day")),
        ("The ministers met on Tuesday this week.", ("2025-11-11", "2025-11-11", "day")),
        ("The ministers will meet on Monday next week.", ("2025-11-17", "2025-11-17", "day")),
        ("Earlier this year in May, the ministers convened.", ("2025-05-01", "2025-05-01", "month")),
        ("The ministers convened in May last year.", ("2024-05-01", "2024-05-01", "month")),
        ("The ministers convened in March of this year.", ("2025-03-01", "2025-03-01", "month")),
    ],
)
def test_relative_phrases_resolve_against_publication(text: str, expected: tuple[str, str, str]) -> None:
    assert record(text, SAT_NOV_15) == expected
    assert only(text, SAT_NOV_15).relative is True


def test_a_week_phrase_is_the_span_of_that_week_even_across_a_month_boundary() -> None:
    assert record("They met last week.", date(2025, 11, 3)) == ("2025-10-27", "2025-11-02", "day")
    assert record("They met two weeks ago.", date(2025, 11, 5)) == ("2025-10-20", "2025-10-26", "day")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On October 17, the minister embarked on an official visit.", THU_NOV_2, "2023-10-17"),
        ("On 17 October the minister visited Dushanbe.", THU_NOV_2, "2023-10-17"),
        ("On December 28, the minister visited Dushanbe.", date(2025, 1, 5), "2024-12-28"),
        ("The trial is to begin on Jan 9, a notice said.", date(2022, 12, 15), "2023-01-09"),
        ("The exercise will be held on March 3.", date(2025, 1, 5), "2025-03-03"),
        ("The exercise will be held on 15th November.", date(2025, 11, 1), "2025-11-15"),
        ("Assemblies may dissolve on Dec 17", date(2022, 12, 15), "2022-12-17"),
    ],
)
def test_year_less_days_take_the_year_the_tense_points_to(text: str, published: date, expected: str) -> None:
    mention = only(text, published)
    assert mention.value.to_record() == {"start": expected, "end": expected, "precision": "day"}
    assert mention.relative is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On October 17 the minister visited Dushanbe; talks continue next month.", "2023-10-17"),
        ("The minister, who visited on October 17, will return soon.", "2023-10-17"),
        ("He said the talks will be held on March 3.", "2024-03-03"),
        ("The exercise, expected to begin on March 3, was announced.", "2024-03-03"),
        ("On March 3, the minister will visit Baku.", "2024-03-03"),
        ("On October 5, the minister visited Baku.", "2023-10-05"),
        ("They'll meet on Friday.", "2023-11-03"),
        ("A contingent left for Egypt on Monday and will train there.", "2023-10-30"),
        ("Forces will hold the drill from November 15 to 28, the army said.", "2023-11-15"),
        ("Forces will hold the drill on November 15, the army said on Tuesday.", "2023-11-15"),
    ],
)
def test_the_cue_nearest_the_date_sets_its_tense(text: str, expected: str) -> None:
    assert find_dates(text, THU_NOV_2)[0].value.to_record()["start"] == expected


def test_a_sentence_with_two_tenses_resolves_each_date_by_its_own_verb() -> None:
    text = "The minister visited on Monday and will return on Friday."
    assert [m.value.to_record()["start"] for m in find_dates(text, THU_NOV_2)] == ["2023-10-30", "2023-11-03"]


def test_a_full_month_name_does_not_take_the_sentence_full_stop() -> None:
    assert [m.text for m in find_dates("The ministers will meet again in December.", THU_NOV_2)] == [
        "December"
    ]
    assert [m.text for m in find_dates("Talks ended on Dec. 3 in Baku.", THU_NOV_2)] == ["Dec. 3"]


def test_year_less_weekday_and_date_pick_the_year_where_they_agree() -> None:
    # 3 January was a Friday in 2025 and a Wednesday in 2024.
    assert record("The chiefs met on Friday, January 3.", date(2025, 6, 1)) == (
        "2025-01-03",
        "2025-01-03",
        "day",
    )
    assert record("The chiefs met on Wednesday, January 3.", date(2025, 6, 1)) == (
        "2024-01-03",
        "2024-01-03",
        "day",
    )


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The ministers convened in May.", THU_NOV_2, "2023-05-01"),
        ("The ministers convened in December.", date(2025, 11, 15), "2024-12-01"),
        ("The ministers will convene in December.", date(2025, 11, 15), "2025-12-01"),
        ("Talks in January are the focus.", date(2025, 12, 20), "2026-01-01"),
        ("Talks in November drew attention.", date(2025, 11, 20), "2025-11-01"),
    ],
)
def test_year_less_months_take_the_year_the_tense_points_to(
    text: str, published: date, expected: str
) -> None:
    assert record(text, published) == (expected, expected, "month")


def test_year_less_spans_resolve_both_ends() -> None:
    assert record("The drill ran between 3 and 5 March.", date(2025, 6, 1)) == (
        "2025-03-03",
        "2025-03-05",
        "day",
    )
    assert record("The drill ran from December 30 to January 2.", date(2025, 1, 10)) == (
        "2024-12-30",
        "2025-01-02",
        "day",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was held on Friday.",
        "The general spoke yesterday.",
        "A working group convenes next month.",
        "The pact was signed last year.",
        "On March 29, the president met the minister.",
        "The drill ran between 3 and 5 March.",
        "The ministers convened in May.",
        "Earlier this year in May, the ministers convened.",
        "They met two weeks ago.",
    ],
)
def test_without_a_publication_date_relative_dates_stay_unknown(text: str) -> None:
    mention = only(text, None)
    assert mention.value.to_record() == {"start": None, "end": None, "precision": "unknown"}
    assert mention.value.start is None
    assert mention.relative is True


@pytest.mark.parametrize(
    "text",
    [
        "It involved 2 combat teams from the battalion and 4 from the special forces.",
        "Peace dividends for over 240 million people in the region.",
        "These instruments, valued at PKR 500 million initially, fund joint R&D.",
        "Trade amounted to about US$200 million, then dropped to US$60-70 million.",
        "The brigade deployed 2000 troops and 1500 vehicles.",
        "The convoy left at 2015 hours and reached the post by 10:30.",
        "Turnover rose 2025% on paper.",
        "Future editions may incorporate naval elements.",
        "Protesters march on the capital, and the army may march too.",
        "The group's Vision-2030 plan was discussed.",
        "Call 0300-2025-11 for details.",
        "The range 2024-31 is a code.",
        "He cited Resolution 2231 and No. 1999 of the register.",
        "Friday prayers were held peacefully.",
        "Good Friday services were held peacefully.",
        "The Friday Times and the Sunday Times reported it.",
        "By the 2000s, focus shifted to security dialogues.",
        "The mayor of Nov Sad spoke to Pakistan Today reporters.",
        'Troops took part in the "Golden Dragon 2025" drill and in Paris 2024 security.',
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, SAT_NOV_15) == []


def test_a_paragraph_yields_every_date_in_order() -> None:
    text = (
        "A milestone arrived in 2022 during the visit. The commission met in December 2024. "
        "Exercise Dosti-II ran from August 4 to 9, 2025, after Dosti-I in 2023. "
        "A working group convenes next month."
    )
    found = [(m.text, m.value.to_record()["start"], m.value.precision) for m in find_dates(text, SAT_NOV_15)]
    assert found == [
        ("2022", "2022-01-01", "year"),
        ("December 2024", "2024-12-01", "month"),
        ("from August 4 to 9, 2025", "2025-08-04", "day"),
        ("2023", "2023-01-01", "year"),
        ("next month", "2025-12-01", "month"),
    ]


def test_separate_days_joined_by_and_are_not_a_span_but_share_the_year() -> None:
    found = [
        (m.text, m.value.to_record()["start"])
        for m in find_dates("They met on March 3 and March 5, 2024.", None)
    ]
    assert found == [("March 3", "2024-03-03"), ("March 5, 2024", "2024-03-05")]
    assert record("They met on March 3 and 5, 2024.", None) == ("2024-03-03", "2024-03-03", "day")


@pytest.mark.parametrize(
    "text", ["Talks were held on 13 and 14 November 2025.", "Talks were held November 13 and 14, 2025."]
)
def test_two_consecutive_days_joined_by_and_are_a_span(text: str) -> None:
    assert record(text, None) == ("2025-11-13", "2025-11-14", "day")


def test_a_year_at_the_end_of_a_list_covers_the_list() -> None:
    found = [
        (m.text, m.value.to_record()["start"])
        for m in find_dates("Drills in May and June 2024 went well.", None)
    ]
    assert found == [("May", "2024-05-01"), ("June 2024", "2024-06-01")]
    text = "Talks on March 3, March 9 and March 20, 2023."
    assert [m.value.to_record()["start"] for m in find_dates(text, SAT_NOV_15)] == [
        "2023-03-03",
        "2023-03-09",
        "2023-03-20",
    ]


def test_slashed_iso_dates() -> None:
    assert record("Filed 2025/11/02.", None) == ("2025-11-02", "2025-11-02", "day")


def test_a_datetime_publication_is_accepted() -> None:
    assert record("They met yesterday.", datetime(2025, 11, 15, 9, 30)) == ("2025-11-14", "2025-11-14", "day")


def test_a_publication_date_at_the_calendar_edge_is_refused() -> None:
    with pytest.raises(ValueError, match="published"):
        find_dates("They met on March 29.", date(1, 1, 1))
    with pytest.raises(ValueError, match="published"):
        find_dates("They meet next year.", date(9999, 12, 31))


def test_bad_inputs_are_named_in_the_error() -> None:
    with pytest.raises(TypeError, match="published"):
        find_dates("They met yesterday.", "2025-11-15")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text"):
        find_dates(None, SAT_NOV_15)  # type: ignore[arg-type]


def test_impossible_calendar_days_are_not_days() -> None:
    mentions = find_dates("Talks on February 30, 2025 were cancelled.", None)
    assert "day" not in {m.value.precision for m in mentions}
    assert "February 30" not in {m.text for m in mentions}


@pytest.mark.parametrize(
    ("weekday", "direction", "expected"),
    [
        (4, "past", date(2025, 7, 25)),
        (4, "future", date(2025, 7, 25)),
        (4, "last", date(2025, 7, 18)),
        (4, "next", date(2025, 8, 1)),
        (3, "past", date(2025, 7, 24)),
        (3, "future", date(2025, 7, 31)),
        (0, "next", date(2025, 7, 28)),
        (5, "last", date(2025, 7, 19)),
    ],
)
def test_resolve_weekday(weekday: int, direction: str, expected: date) -> None:
    assert resolve_weekday(weekday, FRI_JUL_25, direction) == expected


def test_resolve_weekday_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="weekday"):
        resolve_weekday(7, FRI_JUL_25)
    with pytest.raises(ValueError, match="direction"):
        resolve_weekday(1, FRI_JUL_25, "sideways")


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def gold_dated_evidence() -> list[tuple[str, str, dict[str, str]]]:
    """(evidence, published, gold date) for dated gold events whose evidence states a date."""
    gold_dir = SHARED / "gold" / "seeds"
    if not gold_dir.is_dir():
        return []
    cases = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for event in gold["events"]:
            if event["date"]["precision"] != "unknown":
                cases.append((event["evidence"], gold["published"]["date"], event["date"]))
    return cases


@pytest.mark.shared
def test_seed_evidence_dates_match_gold() -> None:
    cases = gold_dated_evidence()
    if not cases:
        pytest.skip("../shared/gold/seeds is absent (CI has it): test skipped")
    checked = 0
    for evidence, published, gold in cases:
        mentions = find_dates(evidence, date.fromisoformat(published) if published else None)
        if not mentions:
            continue  # the date is stated elsewhere in the article
        width = {"day": 10, "month": 7, "year": 4}[gold["precision"]]
        value = mentions[0].value.to_record()
        assert value["precision"] == gold["precision"], evidence
        assert (value["start"] or "")[:width] == gold["start"][:width], evidence
        assert (value["end"] or "")[:width] == gold["end"][:width], evidence
        checked += 1
    assert checked >= 10


DATEISH = st.sampled_from(
    [
        " ",
        ", ",
        " and ",
        " to ",
        "-",
        "on ",
        "in ",
        "from ",
        "between ",
        "May",
        "March",
        "Dec.",
        "Thursday",
        "next",
        "last",
        "week",
        "month",
        "year",
        "ago",
        "2",
        "13th",
        "29",
        "2025",
        "1999",
        "US$",
        "will",
        "held",
    ]
)


@given(
    st.lists(DATEISH | st.text(max_size=6), max_size=25).map("".join),
    st.none() | st.dates(date(1800, 1, 1), date(2200, 12, 31)),
)
@settings(max_examples=300, deadline=None)
def test_any_text_gives_ordered_in_bounds_mentions(text: str, published: date | None) -> None:
    mentions = find_dates(text, published)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        value = mention.value
        assert (value.start is None) == (value.precision == "unknown")
        assert value.start is None or value.end is None or value.start <= value.end
        if published is None and mention.relative:
            assert value.start is None
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_places_named_for_a_date_are_no_dates():
    published = date(2024, 6, 8)
    found = find_dates("He called on General Zhang at the August 1st Building on Friday.", published)
    assert [(d.text, d.value.start) for d in found] == [("Friday", date(2024, 6, 7))]
    assert find_dates("The convoy crossed the 6th of October Bridge.", published) == []
    assert [d.text for d in find_dates("They met on August 1st in Beijing.", published)] == ["August 1st"]

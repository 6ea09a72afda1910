"""Reports that tell little apart: what a merge may not conclude from them when a state is busy.

A year of one state's news holds many meetings in its capital, and a month of a summit's
season holds many summits that state attends. Two reports that share only the state,
the capital and a coarse date are not one happening; the day, a person or a telling
story makes them one. Each test writes its own small articles and mentions.
"""

from __future__ import annotations

from datetime import date

from tests.resolve.factories import article, mention

from detente.resolve import resolve_all
from detente.resolve.text_similarity import weighted_jaccard

SUMMIT = ["KAZ", "KGZ", "TJK", "UZB"]
DAY = date(2024, 5, 16)
NAZAROV = ("Rustam Nazarov", "Defence Minister", "TJK")
BORDER = "Talks on border security were held."  # one telling word: "border"


def test_one_shared_word_of_two_short_sentences_is_partial_likeness() -> None:
    one = {"cyber": 1.0}
    assert weighted_jaccard(one, one) == 1.0
    assert weighted_jaccard(one, one, pseudo_words=2.0) == 1.0 / 3.0
    ten = {f"word{i}": 1.0 for i in range(10)}
    # Long reports that share all their words stay nearly certain.
    assert weighted_jaccard(ten, ten, pseudo_words=2.0) > 0.8


def test_a_lone_states_report_dated_by_month_does_not_join_a_multilateral_meeting() -> None:
    articles = [article("summit", date(2024, 5, 17)), article("month", date(2024, 7, 2))]
    mentions = [
        mention("summit", countries=SUMMIT, when=DAY, place="Dushanbe", place_country="TJK", evidence=BORDER),
        mention(
            "month",
            evidence=BORDER,
            countries=["TJK"],
            when=date(2024, 5, 1),
            precision="month",
            place="Dushanbe",
            place_country="TJK",
        ),
    ]
    resolve_all(articles, mentions)

    assert mentions[0].event_id != mentions[1].event_id


def test_a_lone_states_report_of_the_same_day_and_city_joins_the_multilateral_meeting() -> None:
    articles = [article("summit", date(2024, 5, 17)), article("lone", date(2024, 5, 17))]
    mentions = [
        mention("summit", countries=SUMMIT, when=DAY, place="Dushanbe", place_country="TJK", evidence=BORDER),
        mention("lone", countries=["TJK"], when=DAY, place="Dushanbe", place_country="TJK", evidence=BORDER),
    ]
    resolve_all(articles, mentions)

    assert mentions[0].event_id == mentions[1].event_id


def test_two_reports_of_one_state_sharing_only_capital_and_year_stay_apart() -> None:
    articles = [article("a", date(2024, 3, 2)), article("b", date(2024, 9, 20))]
    year = {"when": date(2024, 1, 1), "precision": "year"}
    mentions = [
        mention("a", countries=["TJK"], place="Dushanbe", place_country="TJK", **year),  # type: ignore[arg-type]
        mention("b", countries=["TJK"], place="Dushanbe", place_country="TJK", **year),  # type: ignore[arg-type]
    ]
    resolve_all(articles, mentions)

    assert mentions[0].event_id != mentions[1].event_id


def test_two_reports_of_one_state_in_one_month_join_when_they_name_the_same_minister() -> None:
    articles = [article("a", date(2024, 5, 20)), article("b", date(2024, 5, 28))]
    month = {"when": date(2024, 5, 1), "precision": "month"}
    mentions = [
        mention("a", countries=["TJK"], place="Dushanbe", people=[NAZAROV], **month),  # type: ignore[arg-type]
        mention("b", countries=["TJK"], place="Dushanbe", people=[NAZAROV], **month),  # type: ignore[arg-type]
    ]
    resolve_all(articles, mentions)

    assert mentions[0].event_id == mentions[1].event_id

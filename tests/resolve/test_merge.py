"""Merging mentions of one happening across articles, and keeping different ones apart."""

from __future__ import annotations

from datetime import date

from tests.resolve.factories import article, mention

from detente.models import Event
from detente.resolve import resolve_all

ASIF = ("Khawaja Asif", "Defence Minister", "PAK")
RAHMON = ("Emomali Rahmon", "President", "TJK")
MIRZO = ("Sherali Mirzo", "Defence Minister", "TJK")
HATAMI = ("Amir Hatami", "Defence Minister", "IRN")


def ids(mentions: list[Event]) -> list[str | None]:
    return [m.event_id for m in mentions]


def test_one_visit_from_three_outlets_is_one_event_with_three_sources() -> None:
    articles = [
        article("app", date(2022, 12, 15), outlet="APP"),
        article("dawn", date(2022, 12, 16), outlet="Dawn"),
        article("review", date(2025, 3, 1), outlet="Review"),
    ]
    mentions = [
        mention(
            "app",
            when=date(2022, 12, 15),
            people=[ASIF, ("Emomali Rahm", "President", "TJK")],
            place="Islamabad",
            place_country="PAK",
            topics=["counter_terrorism"],
            evidence="Minister for Defence Khawaja Asif and President Emomali Rahm met in Islamabad.",
        ),
        mention(
            "dawn",
            when=date(2022, 12, 1),
            precision="month",
            people=[("Tajik President Emomali Rahmon", None, "TJK")],
            place_country="PAK",
            topics=["drug_trafficking"],
            evidence="Rahmon held talks with Pakistan's leaders during his December visit.",
        ),
        mention(
            "review",
            when=date(2022, 1, 1),
            precision="year",
            people=[RAHMON],
            place="Islamabad",
            place_country="PAK",
            evidence="A milestone came in 2022 during President Rahmon's visit to Islamabad.",
        ),
    ]
    result = resolve_all(articles, mentions)

    assert len(result.events) == 1
    event = result.events[0]
    assert len(set(ids(mentions))) == 1 and event.event_id == mentions[0].event_id
    assert [s.doc_id for s in event.sources] == ["app", "dawn", "review"]
    assert [s.outlet for s in event.sources] == ["APP", "Dawn", "Review"]
    assert event.date.start == date(2022, 12, 15) and event.date.precision == "day"
    assert event.evidence == mentions[0].evidence
    assert event.location is not None and event.location.place == "Islamabad"
    assert event.location.geonames_id is not None
    assert event.topics == ["counter_terrorism", "drug_trafficking"]
    names = sorted(p.name for p in event.participants)
    assert names == ["Emomali Rahmon", "Khawaja Asif"]


def test_same_ministers_a_year_apart_stay_two_events_even_with_an_undated_report() -> None:
    articles = [
        article("a", date(2020, 5, 3)),
        article("b", date(2021, 5, 9)),
        article("c", date(2024, 1, 1)),
        article("d", date(2021, 5, 10)),
    ]
    mentions = [
        mention("a", when=date(2020, 5, 2), people=[MIRZO, HATAMI], countries=["IRN", "TJK"], place="Tehran"),
        mention("b", when=date(2021, 5, 8), people=[MIRZO, HATAMI], countries=["IRN", "TJK"], place="Tehran"),
        # Undated, in an article of 2024: news of a third meeting, not of either earlier one.
        mention("c", people=[MIRZO, HATAMI], countries=["IRN", "TJK"], place="Tehran"),
        # Undated, in an article of the day after the 2021 meeting: that meeting.
        mention("d", people=[MIRZO, HATAMI], countries=["IRN", "TJK"], place="Tehran"),
    ]
    result = resolve_all(articles, mentions)

    in_2020, in_2021, later, next_day = ids(mentions)
    assert in_2020 != in_2021
    assert later not in {in_2020, in_2021}
    assert next_day == in_2021
    assert len(result.events) == 3


def test_two_events_of_one_article_are_never_merged() -> None:
    mentions = [
        mention("a", when=date(2023, 1, 1), precision="year", evidence="They met in 2023.", start=0),
        mention("a", when=date(2023, 6, 5), evidence="They met again on 5 June 2023.", start=40),
    ]
    resolve_all([article("a", date(2023, 7, 1))], mentions)

    assert mentions[0].event_id != mentions[1].event_id


def test_undated_reports_need_the_same_people_not_just_the_same_city() -> None:
    articles = [article("a", date(2023, 11, 2)), article("b")]
    mentions = [
        mention(
            "a", when=date(2023, 10, 17), countries=["IRN", "TJK"], place="Dushanbe", people=[RAHMON, MIRZO]
        ),
        mention(
            "b", countries=["IRN", "TJK"], place="Dushanbe", people=[RAHMON, ("Javad Zarif", None, "IRN")]
        ),
        mention("b", countries=["IRN", "TJK"], place="Dushanbe", name="Joint Security Task Force", start=50),
    ]
    result = resolve_all(articles, mentions)

    assert len(set(ids(mentions))) == 3
    assert len(result.events) == 3


def test_different_days_types_dyads_or_venues_are_different_events() -> None:
    day = date(2024, 4, 10)
    articles = [article(d, day) for d in "abcde"]
    mentions = [
        mention("a", when=day, place="Islamabad", place_country="PAK"),
        mention("b", when=date(2024, 4, 12), place="Islamabad", place_country="PAK"),
        mention("c", when=day, type="agreement", place="Islamabad", place_country="PAK"),
        mention("d", when=day, countries=["IRN", "TJK"], place="Islamabad", place_country="PAK"),
        mention("e", when=day, place="Dushanbe", place_country="TJK"),
    ]
    resolve_all(articles, mentions)

    assert len(set(ids(mentions))) == 5


def test_a_bilateral_meeting_beside_a_multilateral_one_stays_apart_unless_it_names_it() -> None:
    sco, sco_name = ["CHN", "IND", "IRN", "KAZ", "TJK"], "SCO Defence Ministers Meeting"
    day = date(2023, 4, 28)
    mentions = [
        mention("a", when=day, countries=sco, place="New Delhi", name=sco_name),
        mention(
            "b",
            when=date(2023, 4, 1),
            precision="month",
            countries=["IRN", "TJK"],
            place="New Delhi",
            evidence="On the sidelines of the SCO meeting, the Iranian and Tajik ministers held talks.",
        ),
        mention("c", when=day, countries=["IRN", "TJK"], place="New Delhi"),
        # An outlet that names only two of the states, but names the meeting: a report of it.
        mention("d", when=day, countries=["IND", "TJK"], place="New Delhi", name=sco_name),
        # A single state's report of taking part in the meeting.
        mention("e", when=day, countries=["TJK"], place="New Delhi"),
    ]
    articles = [article(d, date(2023, 4, 29)) for d in "abcde"]
    result = resolve_all(articles, mentions)

    sco_meeting, sidelines, bilateral, named, lone = ids(mentions)
    assert sidelines != sco_meeting and bilateral != sco_meeting
    assert named == sco_meeting and lone == sco_meeting
    merged = next(e for e in result.events if e.event_id == sco_meeting)
    assert merged.countries == sco and merged.name == "SCO Defence Ministers Meeting"


def test_a_planned_exercise_and_its_execution_are_two_linked_events() -> None:
    articles = [article("plan", date(2025, 3, 1)), article("done", date(2025, 8, 10))]
    mentions = [
        mention(
            "plan",
            type="exercise",
            status="planned",
            when=date(2025, 8, 1),
            precision="month",
            name="Dosti-II",
        ),
        mention(
            "done",
            type="exercise",
            when=date(2025, 8, 4),
            until=date(2025, 8, 9),
            name="Dosti-II",
            place="Fakhrobod Base",
            place_country="TJK",
        ),
    ]
    result = resolve_all(articles, mentions)

    plan, done = mentions
    assert plan.event_id != done.event_id
    by_id = {e.event_id: e for e in result.events}
    assert by_id[plan.event_id].related == [done.event_id]
    assert by_id[done.event_id].related == [plan.event_id]


def test_a_plan_reported_after_the_event_is_not_its_plan() -> None:
    articles = [article("done", date(2025, 8, 10)), article("later", date(2025, 11, 15))]
    mentions = [
        mention("done", type="exercise", when=date(2025, 8, 4), name="Dosti-II"),
        mention("later", type="exercise", status="planned", name="Dosti-II"),
    ]
    result = resolve_all(articles, mentions)

    assert all(not e.related for e in result.events)


def test_every_mention_gets_an_id_of_an_event_in_the_result() -> None:
    articles = [article("a", date(2024, 1, 2)), article("b", date(2024, 1, 3))]
    mentions = [
        mention("a", when=date(2024, 1, 1), type="pledge"),
        mention("b", when=date(2024, 1, 1), type="pledge"),
        mention("b", type="praise", start=30),
    ]
    result = resolve_all(articles, mentions)

    assert {m.event_id for m in mentions} == {e.event_id for e in result.events}
    assert all(e.event_id and e.event_id.startswith("ev_") and len(e.event_id) == 15 for e in result.events)


def test_a_mention_without_its_article_is_refused_by_name() -> None:
    bad = mention("a")
    bad.doc_id = None
    try:
        resolve_all([], [bad])
    except ValueError as error:
        assert "mention 0" in str(error) and "doc_id" in str(error)
    else:
        raise AssertionError("a mention without doc_id was accepted")


def test_a_report_dated_by_its_article_day_joins_the_dated_report_of_days_before() -> None:
    """'The minister, who is on an official visit, met ...' published on the 3rd, dated so by the
    extractor, is the meeting another outlet dated to the 1st; a report dated after the
    publication of the first can never be what it reported."""
    articles = [article("first", date(2021, 7, 1)), article("later", date(2021, 7, 3))]
    people = [ASIF, MIRZO]
    mentions = [
        mention(
            "first",
            when=date(2021, 7, 1),
            people=people,
            place="Dushanbe",
            place_country="TJK",
            evidence="Khawaja Asif and Sherali Mirzo met in Dushanbe on Thursday.",
        ),
        mention(
            "later",
            when=date(2021, 7, 3),
            people=[ASIF, ("Sherali Mirzo", None, "TJK")],
            place_country="TJK",
            evidence="Asif, who is on an official visit, also met Mirzo.",
        ),
    ]
    resolve_all(articles, mentions)
    assert len(set(ids(mentions))) == 1

    ahead = [article("first", date(2021, 7, 1)), article("later", date(2021, 7, 6))]
    apart = [
        mention(
            "first",
            when=date(2021, 7, 1),
            people=people,
            place_country="TJK",
            evidence="Khawaja Asif and Sherali Mirzo met in Dushanbe on Thursday.",
        ),
        mention(
            "later",
            when=date(2021, 7, 6),
            people=people,
            place_country="TJK",
            evidence="Asif, who is on an official visit, also met Mirzo.",
        ),
    ]
    resolve_all(ahead, apart)
    assert len(set(ids(apart))) == 2  # five days: beyond a meeting's tolerance and the slack

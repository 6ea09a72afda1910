"""Evidence weighed together: what makes two reports one happening, and what never does.

Each test builds its own small articles (written for these tests) and the mentions an
extractor would give for them, then resolves them as the pipeline does.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from tests.resolve.factories import Person, article, mention

from detente.models import Article, Event
from detente.resolve import resolve_all

MUNIR = ("Field Marshal Syed Asim Munir", "Chief of Army Staff", "PAK")
MUNIR_SHORT = ("COAS Asim Munir", None, "PAK")
BAGHERI = ("Mohammad Bagheri", "Chief of Staff", "IRN")
KARIMOV = ("Bakhodir Kurbanov", "Defence Minister", "UZB")
CHEN = ("Chen Liwei", "Defence Minister", "CHN")


def story(doc_id: str, published: date | None, *sentences: str) -> Article:
    return article(doc_id, published, " ".join(sentences))


def said(
    source: Article,
    evidence: str,
    *,
    people: Sequence[Person] = (),
    **fields: object,
) -> Event:
    """A mention of `source` whose evidence is one of its sentences, at its real offset."""
    start = source.text.index(evidence)
    return mention(source.doc_id, evidence=evidence, start=start, people=people, **fields)  # type: ignore[arg-type]


def ids(mentions: Sequence[Event]) -> list[str | None]:
    return [m.event_id for m in mentions]


# ---------------------------------------------------------------- one happening


def test_an_arms_contract_is_one_event_whether_typed_agreement_or_defence_industry() -> None:
    a = story(
        "deal_a",
        date(2021, 6, 3),
        "Islamabad and Baku on Wednesday signed a contract for the delivery of ten JF-17 Block III "
        "fighter jets worth $1.6 billion.",
        "The aircraft will be built at the Pakistan Aeronautical Complex in Kamra.",
    )
    b = story(
        "deal_b",
        date(2021, 6, 4),
        "Pakistan has inked its largest ever defence export deal: ten JF-17 Block III jets for "
        "Azerbaijan, a contract valued at $1.6 billion, officials said on Thursday.",
    )
    mentions = [
        said(
            a, a.text.split(". ")[0] + ".", type="agreement", countries=["AZE", "PAK"], when=date(2021, 6, 2)
        ),
        said(
            b,
            b.text,
            type="defence_industry",
            countries=["AZE", "PAK"],
            when=date(2021, 6, 1),
            precision="month",
        ),
    ]
    result = resolve_all([a, b], mentions)

    assert mentions[0].event_id == mentions[1].event_id
    assert len(result.events) == 1 and result.events[0].type == "agreement"  # the earliest report's type


def test_a_year_or_month_report_joins_the_day_report_and_keeps_the_day() -> None:
    articles = [
        article("day", date(2022, 12, 16)),
        article("month", date(2023, 1, 5)),
        article("year", date(2024, 3, 1)),
    ]
    people = [("Emomali Rahmon", "President", "TJK"), ("Khawaja Asif", "Defence Minister", "PAK")]
    mentions = [
        mention("day", when=date(2022, 12, 15), people=people, place="Islamabad", place_country="PAK"),
        mention("month", when=date(2022, 12, 1), precision="month", people=people[:1], place_country="PAK"),
        mention("year", when=date(2022, 1, 1), precision="year", people=people, place="Islamabad"),
    ]
    result = resolve_all(articles, mentions)

    assert len(set(ids(mentions))) == 1
    assert result.events[0].date.start == date(2022, 12, 15) and result.events[0].date.precision == "day"


def test_an_undated_report_joins_the_dated_one_when_the_rest_agrees_strongly() -> None:
    dated = story(
        "apr",
        date(2024, 5, 2),
        "General Mohammad Bagheri received Field Marshal Syed Asim Munir in Tehran on Wednesday.",
        "They discussed border security, the smuggling of fuel across Taftan and the Gwadar coast guard.",
    )
    undated = story(
        "wire",
        date(2024, 5, 3),
        "Pakistan's army chief Asim Munir held talks with Iran's top general Mohammad Bagheri in Tehran.",
        "Fuel smuggling across Taftan and coast guard work near Gwadar were on the agenda.",
    )
    mentions = [
        said(
            dated,
            dated.text.split(". ")[0] + ".",
            countries=["IRN", "PAK"],
            when=date(2024, 5, 1),
            people=[BAGHERI, MUNIR],
            place="Tehran",
        ),
        said(
            undated,
            undated.text.split(". ")[0] + ".",
            countries=["IRN", "PAK"],
            people=[MUNIR_SHORT, BAGHERI],
            place="Tehran",
        ),
    ]
    resolve_all([dated, undated], mentions)

    assert mentions[0].event_id == mentions[1].event_id
    # Participants under two name forms are one person.
    assert mentions[0].participants[1].person_id == mentions[1].participants[0].person_id


def test_a_facility_its_city_and_the_country_are_one_venue() -> None:
    day = date(2023, 7, 12)
    articles = [article(d, date(2023, 7, 13)) for d in ("ghq", "city", "country")]
    mentions = [
        mention(
            "ghq",
            countries=["PAK", "TUR"],
            when=day,
            place="General Headquarters, Rawalpindi",
            people=[MUNIR],
        ),
        mention("city", countries=["PAK", "TUR"], when=day, place="Rawalpindi", place_country="PAK"),
        mention("country", countries=["PAK", "TUR"], when=day, place_country="PAK", people=[MUNIR_SHORT]),
    ]
    resolve_all(articles, mentions)

    assert len(set(ids(mentions))) == 1


def test_two_cities_of_one_country_are_two_venues() -> None:
    day = date(2023, 7, 12)
    articles = [article(d, date(2023, 7, 13)) for d in ("karachi", "lahore")]
    mentions = [
        mention("karachi", countries=["PAK", "TUR"], when=day, place="Karachi"),
        mention("lahore", countries=["PAK", "TUR"], when=day, place="Lahore"),
    ]
    resolve_all(articles, mentions)

    assert mentions[0].event_id != mentions[1].event_id


def test_a_named_exercise_is_one_event_under_its_name_forms() -> None:
    articles = [article("opening", date(2023, 5, 2)), article("closing", date(2023, 5, 15)), article("x")]
    mentions = [
        mention(
            "opening",
            type="exercise",
            countries=["UZB", "USA"],
            when=date(2023, 5, 1),
            until=date(2023, 5, 14),
            name="Dustlik-2023",
        ),
        mention("closing", type="exercise", countries=["UZB", "USA"], name="Dustlik 2023", place="Chirchiq"),
        mention("x", type="exercise", countries=["UZB", "USA"], name="exercise Dustlik-2023"),
    ]
    resolve_all(articles, mentions)

    assert len(set(ids(mentions))) == 1


def test_a_background_mention_joins_the_event_another_page_reported() -> None:
    then = story(
        "then",
        date(2019, 11, 5),
        "The first joint exercise of Uzbek and Chinese special forces opened on Monday at the "
        "Chirchiq training ground near Tashkent.",
    )
    later = story(
        "later",
        date(2021, 9, 20),
        "Uzbek and Chinese special forces began their second joint drill in Xinjiang on Saturday.",
        "The first edition was held in Uzbekistan in November 2019.",
    )
    mentions = [
        said(
            then,
            then.text,
            type="exercise",
            countries=["CHN", "UZB"],
            when=date(2019, 11, 4),
            place="Chirchiq",
            place_country="UZB",
        ),
        said(
            later,
            later.text.split(". ")[0] + ".",
            type="exercise",
            countries=["CHN", "UZB"],
            when=date(2021, 9, 18),
            place="Xinjiang",
            place_country="CHN",
        ),
        said(
            later,
            "The first edition was held in Uzbekistan in November 2019.",
            type="exercise",
            countries=["CHN", "UZB"],
            when=date(2019, 11, 1),
            precision="month",
            place_country="UZB",
        ),
    ]
    resolve_all([then, later], mentions)

    first, second, background = ids(mentions)
    assert background == first and second != first


def test_states_that_overlap_join_when_name_date_and_story_agree() -> None:
    a = story(
        "a",
        date(2019, 4, 15),
        "Egypt, Greece and Cyprus began the Blue Trident-4 air and naval drill off Crete.",
    )
    b = story(
        "b", date(2019, 4, 15), "Greek, Egyptian and French ships started Blue Trident-4 off Crete on Monday."
    )
    mentions = [
        said(
            a,
            a.text,
            type="exercise",
            countries=["CYP", "EGY", "GRC"],
            when=date(2019, 4, 15),
            name="Blue Trident-4",
        ),
        said(
            b,
            b.text,
            type="exercise",
            countries=["EGY", "FRA", "GRC"],
            when=date(2019, 4, 15),
            name="Blue Trident-4",
        ),
    ]
    resolve_all([a, b], mentions)

    assert mentions[0].event_id == mentions[1].event_id


def test_undated_reports_published_together_with_the_same_story_are_one_event() -> None:
    a = story(
        "a",
        date(2023, 9, 26),
        "Calling Kenya a steadfast partner, the visiting secretary thanked Nairobi for hosting US "
        "forces at Manda Bay and for its stand against al-Shabaab.",
    )
    b = story(
        "b",
        date(2023, 9, 27),
        "The US defence secretary also praised Kenya for hosting American troops at Manda Bay and for "
        "its fight against al-Shabaab.",
    )
    c = story(
        "c",
        date(2023, 9, 27),
        "The US defence secretary praised Kenyan peacekeepers for their record in Somalia and Haiti.",
    )
    mentions = [
        said(a, a.text, type="praise", countries=["KEN", "USA"]),
        said(b, b.text, type="praise", countries=["KEN", "USA"]),
        said(c, c.text, type="praise", countries=["KEN", "USA"]),
    ]
    resolve_all([a, b, c], mentions)

    manda_a, manda_b, other = ids(mentions)
    assert manda_a == manda_b and other != manda_a


# ---------------------------------------------------------------- different happenings


def test_two_editions_of_one_series_are_two_events() -> None:
    articles = [
        article("e23", date(2023, 5, 20)),
        article("e24", date(2024, 5, 18)),
        article("i", date(2025, 3, 1)),
        article("ii", date(2025, 8, 10)),
        article("n24", date(2024, 6, 2)),
    ]
    mentions = [
        mention("e23", type="exercise", countries=["KAZ", "USA"], name="Steppe Eagle-2023"),
        mention("e24", type="exercise", countries=["KAZ", "USA"], name="Steppe Eagle-2024"),
        mention("i", type="exercise", countries=["PAK", "TJK"], name="Dosti-I", when=date(2025, 3, 1)),
        mention(
            "ii",
            type="exercise",
            countries=["PAK", "TJK"],
            name="Dosti-II",
            when=date(2025, 3, 1),
            precision="month",
        ),
        # A report that names only the series, dated the year after the 2023 edition.
        mention(
            "n24",
            type="exercise",
            countries=["KAZ", "USA"],
            name="Steppe Eagle",
            when=date(2024, 6, 1),
            precision="month",
        ),
    ]
    resolve_all(articles, mentions)

    e23, e24, first, second, series = ids(mentions)
    assert e23 != e24 and first != second and series != e23


def test_undated_reports_of_a_series_a_year_apart_are_two_events() -> None:
    text = "Chinese and Cambodian troops began the Golden Dragon joint exercise in Kampong Speu."
    a, b = story("a", date(2023, 3, 24), text), story("b", date(2024, 5, 16), text)
    mentions = [
        said(a, text, type="exercise", countries=["CHN", "KHM"], name="Golden Dragon"),
        said(b, text, type="exercise", countries=["CHN", "KHM"], name="Golden Dragon"),
    ]
    resolve_all([a, b], mentions)

    assert mentions[0].event_id != mentions[1].event_id


def test_a_signing_and_its_later_ratification_are_two_events() -> None:
    signing = story(
        "signing",
        date(2010, 4, 13),
        "Defence ministers Nelson Jobim and Robert Gates signed the Defence Cooperation Agreement "
        "in Washington.",
    )
    ratification = story(
        "ratification",
        date(2015, 6, 2),
        "Brazil's Senate ratified the Defence Cooperation Agreement with the United States.",
    )
    mentions = [
        said(
            signing,
            signing.text,
            type="agreement",
            countries=["BRA", "USA"],
            when=date(2010, 4, 12),
            name="Defence Cooperation Agreement",
        ),
        said(
            ratification,
            ratification.text,
            type="agreement",
            countries=["BRA", "USA"],
            name="Defence Cooperation Agreement",
        ),
    ]
    resolve_all([signing, ratification], mentions)

    assert mentions[0].event_id != mentions[1].event_id


def test_same_day_meetings_of_a_visit_with_other_hosts_stay_apart() -> None:
    day = date(2023, 4, 27)
    articles = [article("a", date(2023, 4, 28)), article("b", date(2023, 4, 28))]
    guest = ("Shafiuddin Ahmed", "Chief of Army Staff", "BGD")
    mentions = [
        mention(
            "a",
            countries=["BGD", "IND"],
            when=day,
            people=[guest, ("Manoj Pande", "Army Chief", "IND")],
            evidence="Ahmed met General Manoj Pande in New Delhi.",
        ),
        mention(
            "a",
            countries=["BGD", "IND"],
            when=day,
            people=[guest, ("Anil Chauhan", "CDS", "IND")],
            evidence="He later called on General Anil Chauhan.",
            start=60,
        ),
        # Another outlet reports only the call on the CDS: it joins that one, not the first meeting.
        mention(
            "b",
            countries=["BGD", "IND"],
            when=day,
            people=[("S.M. Shafiuddin Ahmed", None, "BGD"), ("Anil Chauhan", None, "IND")],
            evidence="The visiting chief called on CDS Anil Chauhan.",
        ),
    ]
    resolve_all(articles, mentions)

    pande, chauhan, report = ids(mentions)
    assert pande != chauhan and report == chauhan


def test_the_same_ministers_meeting_on_two_visits_with_other_counterparts_stay_apart() -> None:
    articles = [article("a", date(2023, 7, 16)), article("b")]
    mentions = [
        mention(
            "a",
            countries=["IRN", "PAK"],
            when=date(2023, 7, 15),
            place="Tehran",
            people=[("Asim Munir", "COAS", "PAK"), ("Hossein Salami", "IRGC chief", "IRN")],
        ),
        # Undated, other Pakistani visitor, same Iranian host in the same city.
        mention(
            "b",
            countries=["IRN", "PAK"],
            place="Tehran",
            people=[("Nadeem Raza", "CJCSC", "PAK"), ("Hossein Salami", "IRGC chief", "IRN")],
        ),
    ]
    resolve_all(articles, mentions)

    assert mentions[0].event_id != mentions[1].event_id


def test_two_events_of_one_article_stay_apart_even_through_a_third_report() -> None:
    day = date(2024, 2, 5)
    articles = [article("a", date(2024, 2, 6)), article("b", date(2024, 2, 6))]
    mentions = [
        mention(
            "a",
            type="agreement",
            countries=["PHL", "VNM"],
            when=day,
            name="LOI on maritime search and rescue",
        ),
        mention(
            "a",
            type="agreement",
            countries=["PHL", "VNM"],
            when=day,
            name="LOI on military medicine",
            start=50,
        ),
        # An outlet that saw one signing: it may join either, never both into one.
        mention("b", type="agreement", countries=["PHL", "VNM"], when=day),
    ]
    result = resolve_all(articles, mentions)

    first, second, report = ids(mentions)
    assert first != second and report in {first, second}
    assert len(result.events) == 2


# ---------------------------------------------------------------- order and purity


def all_worlds() -> tuple[list[Article], list[Event]]:
    """Fresh copies of several of the worlds above, together."""
    articles = [
        article("w1", date(2023, 7, 16)),
        article("w2"),
        article("w3", date(2023, 5, 2)),
        article("w4", date(2023, 5, 15)),
        article("w5", date(2023, 7, 13)),
    ]
    mentions = [
        mention(
            "w1",
            countries=["IRN", "PAK"],
            when=date(2023, 7, 15),
            place="Tehran",
            people=[("Asim Munir", "COAS", "PAK"), ("Hossein Salami", None, "IRN")],
        ),
        mention("w2", countries=["IRN", "PAK"], place="Tehran", people=[("Asim Munir", None, "PAK")]),
        mention("w3", type="exercise", countries=["UZB", "USA"], when=date(2023, 5, 1), name="Dustlik-2023"),
        mention("w4", type="exercise", countries=["UZB", "USA"], name="Dustlik 2023"),
        mention("w5", countries=["PAK", "TUR"], when=date(2023, 7, 12), place="Rawalpindi"),
        mention("w5", type="pledge", countries=["PAK", "TUR"], when=date(2023, 7, 12), start=40),
    ]
    return articles, mentions


def outcome(articles: list[Article], mentions: list[Event]) -> list[tuple[str, int, str | None]]:
    resolve_all(articles, mentions)
    return sorted((m.doc_id or "", m.evidence_start or 0, m.event_id) for m in mentions)


def test_ids_do_not_depend_on_input_order() -> None:
    expected = outcome(*all_worlds())
    for seed in range(8):
        articles, mentions = all_worlds()
        random.Random(seed).shuffle(articles)
        random.Random(seed + 100).shuffle(mentions)
        assert outcome(articles, mentions) == expected


def test_unrelated_reports_elsewhere_change_no_decision() -> None:
    alone = outcome(*all_worlds())
    articles, mentions = all_worlds()
    extra_articles = [article(f"z{i}", date(2018, 1, 1 + i)) for i in range(6)]
    extra = [
        mention(f"z{i}", countries=["CHL", "PER"], when=date(2018, 1, 1 + i), place="Lima") for i in range(6)
    ]
    together = outcome(articles + extra_articles, mentions + extra)

    assert [row for row in together if not row[0].startswith("z")] == alone


def test_a_sidelines_meeting_given_all_the_summits_states_stays_apart_from_the_summit() -> None:
    sco = ["CHN", "IND", "IRN", "KAZ", "PAK", "RUS", "TJK"]
    summit = story(
        "summit",
        date(2023, 4, 28),
        "Defence ministers of the Shanghai Cooperation Organisation met in New Delhi on Friday.",
    )
    later = story(
        "later",
        date(2023, 5, 2),
        "Tajik minister Sherali Mirzo met Rajnath Singh on the sidelines of the SCO meeting in New Delhi.",
    )
    mentions = [
        said(summit, summit.text, countries=sco, when=date(2023, 4, 28), place="New Delhi"),
        # The extractor read every state of the summit into the bilateral meeting.
        said(
            later,
            later.text,
            countries=sco,
            when=date(2023, 4, 28),
            place="New Delhi",
            people=[("Sherali Mirzo", "Defence Minister", "TJK"), ("Rajnath Singh", None, "IND")],
        ),
    ]
    resolve_all([summit, later], mentions)

    assert mentions[0].event_id != mentions[1].event_id

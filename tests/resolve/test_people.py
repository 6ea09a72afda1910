"""The person registry: one person under every name, never two people under one."""

from __future__ import annotations

from datetime import date

from tests.resolve.factories import article, mention

from detente.models import Person
from detente.resolve import resolve_all
from detente.resolve.names import parse_name, same_person_name


def person_named(people: list[Person], name: str) -> Person:
    found = [p for p in people if p.name == name]
    assert len(found) == 1, [p.name for p in people]
    return found[0]


def test_ranks_and_honorific_titles_are_not_part_of_the_name() -> None:
    assert parse_name("Field Marshal Syed Asim Munir").display == "Syed Asim Munir"
    assert parse_name("Colonel General Sobirzoda Emomali Abdulrahim").rank == "Colonel General"
    assert parse_name("Major-General Saidzoda Bobojon").key == ("saidzoda", "bobojon")
    assert parse_name("Gen. Asim Munir").key == parse_name("Dr Asim Munir").key == ("asim", "munir")
    assert parse_name("Tajik President Emomali Rahmon").display == "Emomali Rahmon"


def test_name_forms_of_one_person_match_and_namesakes_do_not() -> None:
    key = lambda name: parse_name(name).key  # noqa: E731
    assert same_person_name(key("Syed Asim Munir"), key("Asim Munir"))
    assert same_person_name(key("Emomali Rahmon"), key("Emomali Rahm"))
    assert same_person_name(key("Sobirzoda Emomali Abdulrahim"), key("Emomali Sobirzoda"))
    assert not same_person_name(key("Khawaja Asif"), key("Ali Asif"))
    assert not same_person_name(key("Emomali Rahmon"), key("Rustam Rahmon"))
    assert not same_person_name(key("Mohammad Reza"), key("Mohammad Reza Gharaei Ashtiani"))


def test_every_name_of_a_person_becomes_one_person_with_offices_over_time() -> None:
    articles = [article("a", date(2024, 12, 1)), article("b", date(2025, 11, 15)), article("c")]
    mentions = [
        mention("a", when=date(2024, 11, 30), people=[("General Asim Munir", "Chief of Army Staff", "PAK")]),
        mention(
            "b",
            when=date(2025, 11, 13),
            people=[("Field Marshal Syed Asim Munir", "Chief of Army Staff", "PAK")],
        ),
        mention(
            "b", type="pledge", when=date(2025, 11, 13), people=[("COAS Asim Munir", None, "PAK")], start=9
        ),
        mention("c", people=[("Asim Munir", "Chief of Defence Forces", "PAK")], place="Rawalpindi"),
    ]
    result = resolve_all(articles, mentions)

    munir = person_named(result.people, "Syed Asim Munir")
    assert len(result.people) == 1
    assert {"Field Marshal Syed Asim Munir", "COAS Asim Munir", "Asim Munir"} <= set(munir.aliases)
    assert {p.person_id for m in mentions for p in m.participants} == {munir.person_id}
    offices = {o.title: o for o in munir.offices}
    assert offices["Chief of Army Staff"].first_seen == date(2024, 12, 1)
    assert offices["Chief of Army Staff"].last_seen == date(2025, 11, 15)
    assert offices["Field Marshal"].first_seen == date(2025, 11, 15)
    assert offices["Chief of Defence Forces"].first_seen is None  # only an undated article says so
    merged = {e.event_id: e for e in result.events}
    assert all(p.person_id == munir.person_id for e in merged.values() for p in e.participants)


def test_a_misspelt_surname_merges_only_behind_the_same_given_name_and_country() -> None:
    articles = [article("a", date(2022, 12, 15)), article("b", date(2023, 1, 5))]
    mentions = [
        mention("a", when=date(2022, 12, 15), people=[("Emomali Rahm", "President", "TJK")]),
        mention("b", when=date(2023, 1, 4), people=[("Emomali Rahmon", "President", "TJK")]),
        mention(
            "b", when=date(2023, 1, 4), people=[("Rustam Rahmon", "Mayor", "TJK")], type="praise", start=5
        ),
        mention("b", when=date(2023, 1, 4), people=[("Emomali Rahmon", None, "UZB")], type="pledge", start=9),
    ]
    result = resolve_all(articles, mentions)

    tajik = person_named([p for p in result.people if p.country == "TJK"], "Emomali Rahmon")
    assert "Emomali Rahm" in tajik.aliases
    ids = [m.participants[0].person_id for m in mentions]
    assert ids[0] == ids[1] == tajik.person_id
    assert len({ids[1], ids[2], ids[3]}) == 3  # namesakes: other given name, other country
    assert len(result.people) == 3


def test_a_bare_surname_joins_only_an_unambiguous_person() -> None:
    articles = [article("a", date(2024, 1, 1))]
    mentions = [
        mention("a", people=[("Asim Munir", None, "PAK"), ("Bilal Khan", None, "PAK")], start=0),
        mention("a", people=[("Tariq Khan", None, "PAK")], type="praise", start=10),
        mention("a", people=[("Munir", None, "PAK"), ("Khan", None, "PAK")], type="pledge", start=20),
    ]
    result = resolve_all(articles, mentions)

    munir, bare_khan = mentions[2].participants
    assert munir.person_id == mentions[0].participants[0].person_id
    assert bare_khan.person_id not in {
        mentions[0].participants[1].person_id,
        mentions[1].participants[0].person_id,
    }
    assert len(result.people) == 4


def test_person_ids_depend_on_the_name_and_country_only() -> None:
    first = resolve_all([article("a")], [mention("a", people=[("Sherali Mirzo", None, "TJK")])])
    second = resolve_all(
        [article("z", date(2020, 1, 1))],
        [mention("z", type="praise", people=[("Colonel General Sherali Mirzo", "Defence Minister", "TJK")])],
    )
    assert first.people[0].person_id == second.people[0].person_id

from __future__ import annotations

from datetime import date

import pytest

from detente.query import Detente


@pytest.mark.parametrize(
    "key", ["P-wekesa", "Amina Wekesa", "amina  WEKESA", "CS Wekesa", "Wekesa", "Amina Weke"]
)
def test_a_person_is_found_under_any_name_form(db: Detente, key: str) -> None:
    person = db.person(key)
    assert person is not None
    assert (person.person_id, person.name, person.country) == ("P-wekesa", "Amina Wekesa", "KEN")
    assert person.aliases == ["CS Wekesa", "Wekesa"]


@pytest.mark.parametrize("key", ["Amina We", "A Wekesa", "Amina Okot", "Wek"])
def test_a_cut_off_name_needs_two_words_and_three_letters_that_fit(db: Detente, key: str) -> None:
    assert db.person(key) is None


def test_a_person_has_offices_over_time_and_sourced_events(db: Detente) -> None:
    person = db.person("General Okot")
    assert person is not None
    assert [(o.title, o.country, o.first_seen) for o in person.offices] == [
        ("Chief of Defence Forces", "UGA", date(2025, 3, 3))
    ]
    assert {e.event_id for e in person.events} == {"E-ke-ug-talks", "E-ke-ug-mou", "E-ke-ug-pledge"}
    talks = next(e for e in person.events if e.event_id == "E-ke-ug-talks")
    assert [s.doc_id for s in talks.sources] == ["kenya-uganda-talks", "east-wire-0305"]
    assert all(s.text is None for s in talks.sources)
    assert person.event_count == 3


def test_a_persons_events_come_a_page_at_a_time_newest_first(db: Detente) -> None:
    whole = db.person("General Okot")
    assert whole is not None
    newest_first = sorted(
        whole.events,
        key=lambda e: (e.date_start is None, -(e.date_start or date.min).toordinal(), e.event_id),
    )
    pages = [db.person("General Okot", limit=2, offset=start) for start in (0, 2, 4)]
    assert [[e.event_id for e in page.events] for page in pages if page] == [
        [e.event_id for e in newest_first[:2]],
        [e.event_id for e in newest_first[2:]],
        [],
    ]
    assert all(page is not None and page.event_count == 3 for page in pages)
    with pytest.raises(ValueError, match="limit"):
        db.person("General Okot", limit=0)


@pytest.mark.parametrize(
    "title", ["Defence Cabinet Secretary", "defense cabinet secretary", "DEFENCE CABINET SECRETARY."]
)
def test_office_holders_match_title_case_and_spelling_insensitively(db: Detente, title: str) -> None:
    holders = db.office(title, "KEN")
    assert [(h.name, h.first_seen, h.last_seen) for h in holders] == [
        ("Peter Mwangi", date(2022, 5, 1), date(2023, 9, 30)),
        ("Amina Wekesa", date(2024, 1, 31), date(2025, 3, 3)),
    ]


def test_office_country_narrows_and_is_checked(db: Detente) -> None:
    assert [h.name for h in db.office("Defence Minister")] == ["Rui Sampaio"]
    assert db.office("Defence Minister", "KEN") == []
    with pytest.raises(ValueError, match="country: 'Kenya'"):
        db.office("Defence Minister", "Kenya")
    with pytest.raises(ValueError, match="title"):
        db.office("  ")


def test_people_are_listed_most_active_first_and_paged(db: Detente) -> None:
    page = db.people()
    assert page.total == 4
    assert [(p.person_id, p.event_count) for p in page.items][:2] == [("P-wekesa", 4), ("P-okot", 3)]
    kenyans = db.people(country="KEN", limit=1, offset=1)
    assert (kenyans.total, [p.name for p in kenyans.items]) == (2, ["Peter Mwangi"])

"""Argument attachment: the date, place, people, states and name each event takes from its
sentence, then from context (follow-on sentences, side meetings, publication date)."""

from datetime import date

import pytest

from detente.extract.arguments import attach_context, attach_sentence_arguments
from detente.extract.arguments.dates import year_of_name
from detente.extract.mentions import find_mentions
from detente.extract.mentions.people import PersonFinder
from detente.extract.mentions.states import article_context
from detente.extract.page import read_page
from detente.extract.recognise import find_candidates, recognise
from detente.models import Article

PUBLISHED = date(2025, 8, 14)  # a Thursday


@pytest.fixture
def drafts(extractor):
    """The drafts of a short article after argument attachment, with their people's names."""

    def run(text: str, published: date | None = PUBLISHED):
        text += "\nDefence officials of both sides said military ties were strong. Armies train often.\n"
        page = read_page(Article(doc_id="a", text=text, published=published))
        with article_context(text):
            candidates = find_candidates(page)
            mentions = find_mentions(page, candidates, PersonFinder(), lambda: extractor.nlp)
            found = attach_sentence_arguments(recognise(candidates, mentions))
            attach_context(found, page, candidates, mentions)
        names = [p.name for p in mentions.people.people]
        return [d for d in found if d.index < 2], names

    return run


def test_the_event_takes_its_date_not_the_statements(drafts):
    (exercise,), _ = drafts(
        "The armies of Mali and Niger held a joint exercise near Gao in July, the ministry said on Tuesday."
    )
    assert exercise.type == "exercise"
    assert (exercise.date.start, exercise.date.precision) == (date(2025, 7, 1), "month")


def test_a_background_event_gets_its_year(drafts):
    (exercise,), _ = drafts(
        "In 2019, the navies of Kenya and Tanzania held their first joint exercise off Mombasa."
    )
    assert (exercise.date.start, exercise.date.precision) == (date(2019, 1, 1), "year")
    assert year_of_name("Neptune Shield 2023").start == date(2023, 1, 1)
    assert year_of_name("Neptune Shield") is None


def test_a_drill_runs_from_the_day_it_began_to_the_day_it_ended(drafts):
    text = "The joint exercise of Ghana and Togo, which began on 4 August, ended on 9 August near Lome."
    (exercise,), _ = drafts(text)
    assert (exercise.date.start, exercise.date.end) == (date(2025, 8, 4), date(2025, 8, 9))


def test_a_call_happens_nowhere_and_topics_are_no_parties(drafts):
    text = (
        "Kenyan Defence Minister Aden Duale held a phone call with Ugandan Defence Minister Jacob Oboth "
        "on Monday to discuss security in Somalia."
    )
    (call,), names = drafts(text)
    assert call.type == "meeting" and call.place is None
    assert call.countries == ["KEN", "UGA"]  # Somalia is the topic
    assert "SOM" not in call.nearby
    assert [names[i] for i in call.persons] == ["Aden Duale", "Jacob Oboth"]
    assert call.date.start == date(2025, 8, 11)


def test_sources_are_no_participants(drafts):
    text = (
        "Ghana and Togo signed a defence cooperation agreement in Accra on Monday, "
        "according to Ghanaian army spokesman Colonel Kwame Asante."
    )
    (agreement,), names = drafts(text)
    assert agreement.type == "agreement"
    assert [names[i] for i in agreement.persons] == []
    assert agreement.place.place == "Accra"


def test_the_host_of_a_gathering_is_no_party_to_a_meeting_held_there(drafts):
    text = (
        "Philippine Defence Secretary Gilberto Teodoro met Japanese Defence Minister Gen Nakatani "
        "at the Shangri-La Dialogue in Singapore on Saturday."
    )
    (meeting,), _ = drafts(text)
    assert sorted(meeting.countries) == ["JPN", "PHL"]


def test_a_follow_on_sentence_gives_the_date_and_place_an_exercise_lacks(drafts):
    text = (
        "The armies of Benin and Niger held a joint counter-terrorism exercise. "
        "It was conducted from 4 to 9 August 2024 at Camp Guezo."
    )
    (exercise,), _ = drafts(text)
    assert (exercise.date.start, exercise.date.end) == (date(2024, 8, 4), date(2024, 8, 9))
    assert exercise.place.place == "Camp Guezo"


def test_an_event_dated_after_publication_is_planned(drafts):
    (exercise,), _ = drafts(
        "The navies of Oman and India conducted a joint exercise off Muscat on 20 September 2025."
    )
    assert exercise.status == "planned"

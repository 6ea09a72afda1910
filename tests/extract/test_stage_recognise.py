"""The recognisers: which event type and status each candidate sentence states (one or none)."""

from datetime import date

import pytest

from detente.extract.mentions import find_mentions
from detente.extract.mentions.people import PersonFinder
from detente.extract.mentions.states import article_context
from detente.extract.page import read_page
from detente.extract.recognise import find_candidates, recognise
from detente.models import Article

# Two sentences of context make every test article a defence report worth reading.
CONTEXT = (
    "Defence ministries of both states reviewed military cooperation. Their armed forces train together."
)


@pytest.fixture
def recognised(extractor):
    """(type, status) of every event mention the sentence states, read inside a short article."""

    def run(sentence: str) -> list[tuple[str, str]]:
        found = recognised_sentences(extractor, sentence)
        return [(m.type, m.status) for s in found if s.facts.sentence.index == 0 for m in s.events]

    return run


def recognised_sentences(extractor, sentence: str, scores=None):
    text = f"{sentence}\n{CONTEXT}\n"
    page = read_page(Article(doc_id="r", text=text, published=date(2025, 4, 10)))
    with article_context(text):
        candidates = find_candidates(page)
        mentions = find_mentions(page, candidates, PersonFinder(), lambda: extractor.nlp)
        return recognise(candidates, mentions, scores)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a phone call is a meeting
            "Turkish Defence Minister Yasar Guler held a telephone conversation with his Azerbaijani "
            "counterpart Zakir Hasanov on Monday.",
            [("meeting", "occurred")],
        ),
        (
            "General Kofi Mensah of Ghana called on the Chief of Defence Staff of Togo in Lome on Tuesday.",
            [("meeting", "occurred")],
        ),
        (
            "The Norwegian defence minister will visit Warsaw next week for talks with his Polish "
            "counterpart.",
            [("meeting", "planned")],
        ),
    ],
)
def test_meetings(recognised, sentence, expected):
    assert recognised(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Indonesian contingent, which arrived in Darwin on Sunday, will join the drill.",  # troops
        "The Indian Navy ship INS Tabar arrived in Alexandria on a goodwill visit on Monday.",  # port call
        "The two defence ministers did not meet in Vienna as planned.",  # negated
    ],
)
def test_what_only_looks_like_a_meeting(recognised, sentence):
    assert "meeting" not in [t for t, _ in recognised(sentence)]


def test_agreements_and_civil_instruments(recognised):
    signed = "Greece and Cyprus signed a memorandum of understanding on defence cooperation on Friday."
    assert recognised(signed) == [("agreement", "occurred")]
    civil = "Greece and Cyprus signed memoranda on tourism and agriculture on Friday."
    assert recognised(civil) == []


def test_a_proposal_is_a_proposed_pledge_when_nothing_else_is_stated(recognised):
    assert recognised("Norway proposed closer security cooperation with Denmark in the Arctic.") == [
        ("pledge", "proposed")
    ]
    assert recognised("Norway proposed joint patrols with Denmark.") == [("exercise", "proposed")]


def test_exercises_joint_planned_and_national(recognised):
    joint = "The navies of Chile and Argentina conducted a joint exercise off Tierra del Fuego on Friday."
    assert recognised(joint) == [("exercise", "occurred")]
    planned = "The armies of Kenya and Uganda will hold a joint exercise near Kisumu in June."
    assert recognised(planned) == [("exercise", "planned")]
    assert recognised("The Kenyan army held a national exercise in the north on Friday.") == []


def test_deliveries_praise_and_training(recognised):
    delivery = "South Korea delivered the first batch of K9 howitzers to Norway in March."
    assert recognised(delivery) == [("defence_industry", "occurred")]
    praise = "The Japanese admiral praised the professionalism of the Philippine Navy."
    assert recognised(praise) == [("praise", "occurred")]
    course = "Forty Zambian officers completed a peacekeeping training course run by Irish army instructors."
    assert recognised(course) == [("training", "occurred")]


def test_a_habit_is_no_happening(recognised):
    assert recognised("The navies of Chile and Peru regularly conduct joint exercises.") == []


def test_an_extra_scorers_scores_reach_each_sentences_facts(extractor):
    signed = "Greece and Cyprus signed a memorandum on defence cooperation on Friday."
    plain = recognised_sentences(extractor, signed)
    scored = recognised_sentences(extractor, signed, {0: {"agreement": 0.8}})
    assert scored[0].facts.scores == {"agreement": 0.8} and plain[0].facts.scores == {}
    assert [s.events for s in scored] == [s.events for s in plain]  # the rules do not read them yet

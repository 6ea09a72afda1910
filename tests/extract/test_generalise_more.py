"""More phrasings from real outlets (wire copy, translated editions, think-tank briefs), with our own dyads."""

from datetime import date

import pytest
from tests.extract.conftest import only

from detente.extract.text import split_sentences

PUBLISHED = date(2025, 3, 12)  # a Wednesday
CONTEXT = "\n\nThe military ties between the two armed forces have grown since 2019."


def _types(extract, sentence: str, event_type: str):
    return only(extract(sentence + CONTEXT, published=PUBLISHED), event_type)


@pytest.mark.parametrize(
    "sentence, countries",
    [
        ("Chilean air force pilots will begin training in Sweden from September.", ("CHL", "SWE")),
        ("Ghana will train a company of Gambian soldiers at its academy in Teshie next year.", ("GHA", "GMB")),
        (
            "Vietnamese submarine crews will begin a four-month training course at the Indian naval base.",
            ("IND", "VNM"),
        ),
    ],
)
def test_future_training_of_foreign_troops(extract, sentence, countries):
    events = _types(extract, sentence, "training")
    assert [(e.status, tuple(e.countries)) for e in events] == [("planned", countries)], sentence


def test_talks_by_phone_with_a_counterpart(extract):
    sentence = "Greek Defence Minister Nikos Dendias said he had discussed the frigate deal by phone with his French counterpart."
    events = _types(extract, sentence, "meeting")
    assert [tuple(e.countries) for e in events] == [("FRA", "GRC")]


def test_a_named_commission_will_be_held(extract):
    sentence = "The next Joint Border Commission of Peru and Ecuador will be held in Tumbes in June."
    events = _types(extract, sentence, "meeting")
    assert [(e.status, tuple(e.countries)) for e in events] == [("planned", ("ECU", "PER"))]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2021 Egypt and India launched a joint venture to assemble military trucks in Cairo.",
        "Washington cleared the transfer of the US-made helicopters to Morocco in 2022.",
        "The first four jets are expected to arrive in Romania by the end of the year.",
        "Production of a Turkish version of the howitzer is to start at a plant near Ankara next year.",
    ],
)
def test_industry_ventures_clearances_arrivals_and_production_starts(extract, sentence):
    assert len(_types(extract, sentence, "defence_industry")) == 1, sentence


def test_numbered_list_items_of_full_sentences_are_body():
    text = (
        "Key steps\n"
        "1. Norway. In 2020 Norway and Poland signed a deal for coastal missile batteries in Oslo. "
        "The first battery arrived a year later. Training followed in Gdansk.\n"
        "- Short bullet summary here.\n"
    )
    bodies = [s.text for s in split_sentences(text)]
    assert any(t.startswith("In 2020 Norway and Poland signed") for t in bodies)
    assert not any("Short bullet" in t for t in bodies)

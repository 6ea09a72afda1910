"""The merge stage: one happening is one draft; one signing of several instruments is several."""

from datetime import date

import pytest

from detente.extract.arguments import ANCHOR_TYPES, attach_anchors, attach_context, attach_sentence_arguments
from detente.extract.mentions import find_mentions
from detente.extract.mentions.people import PersonFinder
from detente.extract.mentions.states import article_context
from detente.extract.merge import merge_duplicates, share_bloc, split_instruments
from detente.extract.page import read_page
from detente.extract.recognise import find_candidates, recognise
from detente.models import Article


@pytest.fixture
def merged(extractor):
    """Drafts of a short article after the merge stage (instruments split), with people's names."""

    def run(text: str):
        text += "\nDefence officials said military ties were strong.\n"
        page = read_page(Article(doc_id="g", text=text, published=date(2025, 10, 3)))
        with article_context(text):
            candidates = find_candidates(page)
            mentions = find_mentions(page, candidates, PersonFinder(), lambda: extractor.nlp)
            drafts = attach_sentence_arguments(recognise(candidates, mentions))
            attach_context(drafts, page, candidates, mentions)
            drafts = merge_duplicates(drafts, ANCHOR_TYPES)
            attach_anchors(drafts, page)
            share_bloc(drafts)
            drafts = split_instruments(merge_duplicates(drafts), list(page.sentences))
        names = [p.name for p in mentions.people.people]
        return drafts, names

    return run


def test_two_reports_of_one_meeting_are_one_and_a_further_meeting_is_another(merged):
    text = (
        "Zambian Defence Minister Ambrose Lufuma met Malawian Defence Minister Harry Mkandawire in Lusaka "
        "on Wednesday. "
        "Lufuma and Mkandawire held talks on border security. "
        "Mkandawire also met the Zambia Army Commander, Lieutenant General Dennis Alibuzwi."
    )
    drafts, names = merged(text)
    meetings = [d for d in drafts if d.type == "meeting"]
    assert [sorted(names[i] for i in m.persons) for m in meetings] == [
        ["Ambrose Lufuma", "Harry Mkandawire"],
        ["Dennis Alibuzwi", "Harry Mkandawire"],
    ]
    assert meetings[0].refs and meetings[0].refs[0].index == 1  # the second report was absorbed


def test_each_instrument_of_one_signing_is_an_agreement(merged):
    text = (
        "Armenia and India signed a plan of military cooperation for 2026, a memorandum of understanding "
        "on military education and a protocol on defence industry cooperation in Yerevan on Thursday."
    )
    drafts, _ = merged(text)
    agreements = [d for d in drafts if d.type == "agreement"]
    assert len(agreements) == 3
    assert agreements[0].sentence.text.startswith("Armenia and India signed a plan")
    assert agreements[1].sentence.text.startswith("a memorandum of understanding")
    assert agreements[2].sentence.text.startswith("a protocol on defence industry")
    assert all(a.date == agreements[0].date and a.date is not None for a in agreements)


def test_what_is_said_of_a_gathering_takes_in_all_its_states(merged):
    text = (
        "Defence ministers of Kenya, Uganda, Rwanda and Tanzania met in Arusha on Tuesday. "
        "Their navies will hold a joint exercise on Lake Victoria next year."
    )
    drafts, _ = merged(text)
    exercise = next(d for d in drafts if d.type == "exercise")
    assert set(exercise.countries) == {"KEN", "UGA", "RWA", "TZA"}


def test_the_next_sentence_that_says_when_the_drill_just_named_is_held_dates_it(merged):
    text = (
        "Kenya's Ministry of Defence announced its participation in joint naval exercises with the navies "
        "of Tanzania and Mozambique. "
        "A ministry spokesman said the exercises will be held from late November in the Indian Ocean. "
        "Separately, Kenyan marines are also scheduled to join the Cutlass Express 2026 drills in Djibouti "
        "in January."
    )
    drafts, _ = merged(text)
    exercises = [d for d in drafts if d.type == "exercise"]
    assert len(exercises) == 2
    first = exercises[0]
    assert set(first.countries) == {"KEN", "TZA", "MOZ"}
    assert first.status == "planned" and first.date is not None and first.date.start.month == 11
    assert exercises[1].sentence.text.startswith("Separately")  # "also": a drill of its own


def test_what_a_running_drill_will_show_is_that_drill_not_a_plan_of_another(merged):
    text = (
        "Ghanaian troops arrived in Togo on Friday for the two-week joint exercise Lion Shield-III. "
        "Urban combat and hostage rescue drills will be highlights of LION SHIELD-III exercise, "
        "the Ghana Armed Forces said in a statement on Friday."
    )
    drafts, _ = merged(text)
    assert len([d for d in drafts if d.type == "exercise"]) == 1

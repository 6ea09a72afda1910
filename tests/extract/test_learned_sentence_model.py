"""The learned sentence model adds only events the rules missed, where it is sure, and the rules
still judge each one it proposes. It reads the sentences the trigger gate kept (here, for the
back-reference "the joint exercise"), so a phrasing no rule knows ("conferred") is found there."""

from __future__ import annotations

from datetime import date

import pytest

from detente.extract import build_extractor
from detente.extract.recognise.learned import SentenceModelScorer, shipped_scorer
from detente.extract.sentence_model import SentenceModel
from detente.models import EVENT_TYPES, Article

PUBLISHED = date(2024, 3, 14)
CONFERRED = (
    "Portuguese Defence Minister Rui Costa conferred with Brazilian Defence Minister Jose Mucio about the "
    "joint exercise in Lisbon on Tuesday.\n\nThe two navies have trained together since 2019."
)


def _model(add: float) -> SentenceModel:
    """A model that is sure 'conferred' states a meeting, and sure of nothing else."""
    types = tuple(EVENT_TYPES)
    meeting = types.index("meeting")
    row = tuple(10.0 if i == meeting else 0.0 for i in range(len(types)))
    return SentenceModel(
        types=types,
        bias=tuple(-5.0 for _ in types),
        weights={"w:conferred": row},
        thresholds={t: {"add": add} for t in types},
        about={},
    )


@pytest.fixture(scope="module")
def nlp():
    from detente.nlp import load_english

    return load_english()


def _meetings(nlp, scorer, text: str = CONFERRED):
    extractor = build_extractor(nlp, scorer, learned=scorer is not None)
    events = extractor.extract(Article(doc_id="t", text=text, published=PUBLISHED))
    return [e for e in events if e.type == "meeting"]


def test_the_rules_alone_miss_the_phrasing(nlp):
    assert _meetings(nlp, None) == []


def test_a_sure_model_adds_the_meeting_with_the_rules_arguments(nlp):
    meetings = _meetings(nlp, SentenceModelScorer(_model(add=0.7)))
    assert [(m.status, tuple(m.countries), m.date.start) for m in meetings] == [
        ("occurred", ("BRA", "PRT"), date(2024, 3, 12))
    ]
    assert {p.name for p in meetings[0].participants} == {"Rui Costa", "Jose Mucio"}


def test_below_its_threshold_the_model_adds_nothing(nlp):
    assert _meetings(nlp, SentenceModelScorer(_model(add=1.0))) == []


def test_the_rules_vetoes_hold_for_what_the_model_proposes(nlp):
    sport = (
        "The football teams of the Portuguese and Brazilian armies conferred about the joint exercise at the "
        "military football championship in Lisbon on Tuesday."
    )
    assert _meetings(nlp, SentenceModelScorer(_model(add=0.7)), sport) == []


def test_the_shipped_model_is_on_by_default_and_says_how_it_was_measured():
    scorer = shipped_scorer()
    assert scorer is not None
    about = scorer.model.about
    assert about.get("derived_by") == "scripts/train_sentence_model.py"
    assert set(about["leave_one_region_out"]) == {"r1", "r2", "r3", "r4"}
    assert isinstance(build_extractor()._scorer, SentenceModelScorer)



def test_a_trigger_of_the_rules_is_the_evidence_when_one_pledge_is_told_twice():
    from detente.extract.arguments.draft import Draft
    from detente.extract.merge import merge_duplicates
    from detente.extract.page.sentences import Sentence
    from detente.extract.recognise.triggers import Hit

    said = [
        "They met in Lima.",
        "Iturriaga asked for help with training.",
        "Peru will increase information sharing.",
    ]
    sentences = [Sentence(i * 50, i * 50 + len(t), t, i, i) for i, t in enumerate(said)]
    meeting = Draft("meeting", "occurred", sentences[0], Hit("meeting", 5, 8, "met", True, False))
    by_model = Draft(
        "pledge", "occurred", sentences[1], Hit("pledge", 30, 38, "training", True, False, learned=True)
    )
    by_rules = Draft("pledge", "occurred", sentences[2], Hit("pledge", 5, 18, "will increase", True, False))
    by_model.anchor = by_rules.anchor = meeting
    kept = merge_duplicates([meeting, by_model, by_rules])
    pledges = [d for d in kept if d.type == "pledge"]
    assert [(d.sentence.index, d.hit.text) for d in pledges] == [(2, "will increase")]
    assert sentences[1] in pledges[0].refs

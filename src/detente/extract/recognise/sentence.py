"""Recognising one candidate sentence: which event types it states, with which status.

Each type has its recogniser (`meeting.py`, `agreement.py`, `pledge.py`, `exercise.py`,
`training.py`, `defence_industry.py`, `praise.py`); this module first drops the hits that
state nothing (speculation, negation, what a deal provides, questions), adds the editions of
a series the article names, and then settles between types: a deal's content is no event
of its own, a habit is no happening, a topic of talks is no exercise.
"""

from __future__ import annotations

import re

from detente.extract.domain import domain_cues
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.names import exercise_name
from detente.extract.recognise.agreement import recognise_agreement
from detente.extract.recognise.clauses import content_of_deal, habit_clause_start, habitual, own_clause
from detente.extract.recognise.defence_industry import equipment_deal, recognise_defence_industry
from detente.extract.recognise.event_mention import EventMention, SentenceEvents, SentenceFacts
from detente.extract.recognise.exercise import recognise_exercise, series_editions
from detente.extract.recognise.meeting import recognise_meeting
from detente.extract.recognise.pledge import proposal, recognise_pledge, training_offer_before
from detente.extract.recognise.praise import recognise_praise
from detente.extract.recognise.status import event_status, is_meeting_topic, is_negated, is_speculation
from detente.extract.recognise.training import recognise_training
from detente.extract.recognise.triggers import Hit
from detente.extract.recognise.vetoes import is_question

_RULES = LexiconPatterns("recognise", "sentence")


_TYPE_ORDER = ("meeting", "agreement", "pledge", "exercise", "training", "defence_industry", "praise")


def recognise_sentence(facts: SentenceFacts, series: re.Pattern[str] | None) -> SentenceEvents:
    """The new events a sentence states (back-references are handled by argument attachment)."""
    sentence = facts.sentence
    text = sentence.text
    hits = [
        _first_of_kind(h, facts)
        for h in facts.hits
        if not is_speculation(text[: h.end + 40]) and not is_negated(text, h)
    ]
    if _RULES.deal_provides.match(text) or is_question(text):
        hits = []  # "It provides a framework for ...": what a deal says; "Q: Who signed the deal?" asks
    if _RULES.content_of_deal.match(
        text
    ):  # "Under the MoU, officers will attend courses": what the deal provides;
        hits = [  # its deliveries, and a train-and-equip mission, are happenings of their own
            h for h in hits if h.type == "defence_industry" or _RULES.train_and_equip.search(h.text)
        ]
    in_habit = habit_clause_start(text, hits)
    if in_habit is not None:  # "a working group, which would meet regularly": the group's habit
        hits = [h for h in hits if h.start < in_habit]
    if series is not None:
        hits += series_editions(text, hits, series)
    by_type: dict[str, list[Hit]] = {}
    for hit in hits:
        by_type.setdefault(hit.type, []).append(hit)
    chosen = _settle_types(text, by_type, hits, facts)
    events: list[EventMention] = []
    for event_type in _TYPE_ORDER:
        hit = chosen.get(event_type)
        if hit is None:
            continue
        bare = series.match(text, hit.start) if series and event_type == "exercise" else None
        named = bool(bare and bare.end() == hit.end)  # the series named bare: "Khaan Quest will return"
        events.append(EventMention(event_type, event_status(event_type, text, hit), sentence, hit, named))
    if not events:
        offered = proposal(text, hits)
        if offered is not None:
            events.append(EventMention("pledge", "proposed", sentence, offered))
    return SentenceEvents(facts, tuple(hits), tuple(events))


def _settle_types(
    text: str, by_type: dict[str, list[Hit]], hits: list[Hit], facts: SentenceFacts
) -> dict[str, Hit | None]:
    """Each type's recogniser, then the rules between types."""
    agreement = recognise_agreement(text, by_type.get("agreement", []), facts)
    pledge = recognise_pledge(text, by_type.get("pledge", []))
    if pledge and training_offer_before(text, by_type.get("training", []), pledge):
        pledge = None  # "offered places for officers ... and was ready to host a first group": one offer
    meeting = recognise_meeting(text, by_type.get("meeting", []), facts)
    exercise = recognise_exercise(
        text, by_type.get("exercise", []), facts, suppressed=bool(agreement or pledge)
    )
    if agreement and exercise and content_of_deal(text, agreement, exercise):
        exercise = None  # "inked an MoU on cooperation in training and joint patrols": what the deal covers
    training = recognise_training(
        text, by_type.get("training", []), facts, suppressed=bool(pledge or agreement or exercise)
    )
    if training and any(content_of_deal(text, deal, training) for deal in by_type.get("agreement", [])):
        training = None  # "The memorandum on military education and training exchanges was signed"
    discussed = bool(_RULES.discussion.search(text))
    if discussed:  # "discussed the supply of drones": a topic of talks, not a deal
        scheduled = exercise is not None and _RULES.scheduled_after.match(text, exercise.end)
        exercise = exercise if exercise is not None and (exercise_name(text) or scheduled) else None
        training = None
    deal = agreement or pledge
    industry_hits = by_type.get("defence_industry", [])
    after_deal = [h for h in industry_hits if deal and h.start > deal.start]
    own = [h for h in after_deal if own_clause(text, deal, h)]
    deal_first = any(h not in own for h in after_deal)  # "signed a deal for 26 jets": the deal's content
    industry = None if discussed else recognise_defence_industry(text, facts, industry_hits, deal_first)
    if industry and own:
        # "ordered under a 2016 deal, and the last batch arrived in December 2023": the arrival
        industry = own[0]
    if industry and training and industry.start < training.end and training.start < industry.end:
        industry = None  # "cadets were commissioned": officers, not a ship
    if agreement is not None and industry is None and equipment_deal(text, agreement, facts):
        # "inked its largest defence equipment export deal", "signed a $155 million deal to supply
        # howitzers": a purchase or sale, however signed, is defence industry
        industry = Hit("defence_industry", agreement.start, agreement.end, agreement.text, True, False)
        agreement = None
    praise = recognise_praise(text, by_type.get("praise", []))
    if habitual(text, hits) and not any(d.precision in ("day", "month") for _, d in facts.dates):
        # "their navies regularly conduct joint exercises": a habit, not a happening
        meeting = exercise = training = agreement = industry = None
    return {
        "meeting": meeting,
        "agreement": agreement,
        "pledge": pledge,
        "exercise": exercise,
        "training": training,
        "defence_industry": industry,
        "praise": praise,
    }


def _first_of_kind(hit: Hit, facts: SentenceFacts) -> Hit:
    """'Since the training programme began in June 2022': 'the' points to nothing earlier, so it is new."""
    if (
        not hit.reference
        or hit.type in facts.seen_types
        or hit.type not in ("training", "exercise", "meeting", "agreement")
        or is_meeting_topic(facts.sentence.text, hit)
    ):
        return hit
    named = hit.type in ("meeting", "agreement") and bool(facts.people)
    if facts.dates or named:  # "during the visit of General X to Islamabad" with nothing before it
        return Hit(hit.type, hit.start, hit.end, hit.text, hit.strong, False)
    if (
        hit.type == "meeting"
        and _RULES.meeting_noun.fullmatch(hit.text)
        and facts.mentions.states_in(facts.sentence)
        and facts.paragraph_has(domain_cues().defence)
    ):  # "In their meeting in Tokyo, the two ministers confirmed ...": the first word of a meeting
        return Hit(hit.type, hit.start, hit.end, hit.text, True, False)
    return hit

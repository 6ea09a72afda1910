"""From one sentence to draft events: which types it states, and their own details.

A draft holds only what its sentence says. The document pass (`document.py`)
later adds what context supplies: a meeting's date and place for the pledge made
at it, the participants named in "The meeting was led by ...", and so on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from detente.extract.clauses import (
    DONE_DELIVERY,
    content_of_deal,
    habitual,
    offset_clause,
    own_clause,
    recalled_after,
    run_span,
    under_way,
)
from detente.extract.gazetteer import gazetteer
from detente.extract.names import agreement_name, body_name, exercise_name
from detente.extract.paragraph_scan import nearby_codes, paragraph_has
from detente.extract.people import PersonTable
from detente.extract.places import best_place, find_places
from detente.extract.text import Sentence
from detente.extract.triggers import (
    Hit,
    has_eventive,
    has_security_cue,
    is_meeting_topic,
    is_negated,
    is_speculation,
    modal_reference,
    rules,
    status_of,
)
from detente.extract.vetoes import (
    body_remit,
    civil_only,
    civil_subjects_only,
    edition_of_other_series,
    is_question,
    market_statistics,
    named_body_before,
)
from detente.models import EventDate, Place

_BACKGROUND_CLAUSE = re.compile(
    r"\b(?:After|Following|Before|after|following|before)\s+(?:a|the|his|her)\s+(?:[\w-]+\s+)?meeting\s+with\b[^,]*,"
)
# "a national exercise", "a national naval exercise": one state's
_DOMESTIC_BEFORE = re.compile(r"\b(?:national|nationwide|domestic)\s+(?:[\w-]+\s+){0,2}$")
_TRAIN_AND_EQUIP = re.compile(r"\btrain and (?:equip|arm)\b", re.I)
_UNDER_WHICH = re.compile(r",\s+under which\b", re.I)
_QUOTE_SPEAKER = re.compile(r"[”\"],?\s+(?P<who>[^,.]{1,60}?)\s+(?:added|said|noted|stated|told|remarked)\b")
_SUBJECT_GROUP = re.compile(
    r"\b(?:both|two|sides|leaders|countries|nations|ministers|officials|the two)\b", re.I
)
_VISIT_ONLY = re.compile(
    r"^(?:arrived in|visit to|visited|paid (?:a|an) (?:[\w-]+ )?visit|"
    r"(?:official|working|state|goodwill|maiden|first|two-day|three-day|one-day|unannounced|bilateral) "
    r"visit)$",
    re.I,
)
_REPORTED = re.compile(
    r".*\b(?:said|says|noted|stated|told \w+|announced|added|believes|reported)\s+"
    r"(?:\w+\s+){0,2}?(?:that\s+)?",
    re.S,
)
_DISCUSSION = re.compile(
    r"\b(?:discussed|discussions? (?:on|of|about)|focused on|centred on|centered on|touched on|"
    r"talks (?:on|about)|reviewed|explored|work(?:ed|ing|s)? out (?:the )?(?:details|modalities) of|"
    r"modalities of)\b",
    re.I,
)
_ACTOR_NOUN = re.compile(
    r"\b(?:ministers?|chiefs?|generals?|admirals?|commanders?|delegations?|officials|secretary|president|envoys?|ambassadors?|"
    r"counterparts?|leaders|officers|attache|committee|commission|working group|two sides|both sides)\b",
    re.I,
)
_CONTENT_OF_DEAL = re.compile(
    r"^(?:Under|Per|In line with)\s+the\s+(?:[\w-]+\s+){0,2}"
    r"(?:agreement|MoU|memorandum|deal|accord|pact|contract|treaty|arrangement|roadmap|plan)\b",
    re.I,
)
_DEAL_PROVIDES = re.compile(
    r"^(?:It|This|The (?:[\w-]+ ){0,3}(?:agreement|deal|MoU|memorandum|pact|accord|arrangement|roadmap|"
    r"treaty|document|framework|contract|protocol))\s+(?:also\s+|further\s+)?(?:provides|covers|allows|"
    r"includes|envisages|sets out|lays out|establishes|foresees|paves|outlines|aims|seeks|calls for|commits|"
    r"obliges|permits|"
    r"enables|grants|gives)\b",
    re.I,
)
_GATHERING_VENUE = re.compile(
    r"\b(?:sidelines|summit|conference|dialogue|forum|assembly|expo|exhibition|show)\b[^.;]{0,80}?\b(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:be|been|was|were|is|are|being)\s+$")
_GROUP_MEETING = re.compile(r"^(?:The two|Both|The sides|The ministers|The leaders|The officials|They)\b")
_DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][A-Z .'-]{2,30})(?:[,:]|\s+[-–—])"
    r"|(?P<titled>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b)"
)
_HORIZON = re.compile(r"\b(?:through|until|till|by|beyond|for)\s+(?:the\s+end\s+of\s+)?$", re.I)
_DEADLINE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", re.I)  # "aim to sign by the end of the year"
_SAID_ON = re.compile(
    r"\b(?:said|announced|reported|told(?: \w+)?|added|stated|noted|confirmed)"
    r"(?:\s+in\s+an?\s+(?:statement|release|press release|briefing|interview|post)(?:\s+\w+){0,2})?"
    r"\s+(?:on\s+)?$"
    r"|\b(?:statement|release|briefing)\s+(?:issued|released|published)?\s*(?:on\s+)?$"
)
_SAID_AFTER = re.compile(  # "On Monday, the ministry said the armies had exercised in March"
    r"^[^.;]{0,12}?,\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:said|told|announced|stated|confirmed)\b(?!\s+(?:it|they)\s+would)"
)
_PURPOSE = re.compile(
    r"\b(?:to discuss|to review|to explore|to consider|discussed|talked about|regarding|concerning)\b", re.I
)
_ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)
_TOLD_PRESS = re.compile(
    r"^[^.,;]{0,40}?\btold\s+(?:reporters|journalists|the press|a news conference|a press conference|"
    r"(?-i:[A-Z][\w.]+)(?:\s+(?-i:[A-Z][\w.]+)){0,2})\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"[\"“][^\"”]*\b(?:We|we|I|our|Our|us)\b")  # "We held talks," X told reporters
_SPOKES = re.compile(r"spokes|analyst|researcher|professor|correspondent|reporter|editor", re.I)
_SOURCE_AFTER = re.compile(r"^[^.,;]{0,40}?\b(?:told|said|says|according)\b")
_PERSON_OBJECT = re.compile(
    r"\b(?:delegation|minister|general|admiral|chief|secretary|president|counterpart|commander|envoy|ambassador|attache|prime|"
    r"excellency|dialogue|talks|meeting|consultations|commission|committee|forum|summit|conference|heads?)s?\b",
    re.I,
)
_MEETING_TYPES = ("meeting",)
_YEAR_SUFFIX = re.compile(r"[\s-]((?:19|20)\d\d)$")
_REMOTE = re.compile(r"\b(?:phone|video|virtual|telephone|videoconference)\b", re.I)


@dataclass
class Draft:
    type: str
    status: str
    sentence: Sentence
    hit: Hit
    date: EventDate | None = None
    place: Place | None = None
    persons: list[int] = field(default_factory=list)
    subjects: list[int] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    nearby: list[str] = field(default_factory=list)  # states its paragraph names, to complete a pair
    name: str | None = None
    group_subject: bool = False  # "both sides", "Pakistan and Tajikistan" agreed: the anchor's people
    visit_only: bool = False
    texts: list[str] = field(default_factory=list)
    refs: list[Sentence] = field(default_factory=list)
    anchor: Draft | None = None
    absorbed: bool = False
    absorbed_into: Draft | None = None

    @property
    def index(self) -> int:
        return self.sentence.index

    @property
    def past_edition(self) -> bool:
        """'The previous edition, KHANJAR-XI, was held ...': background, not what 'the ceremony' means."""
        return bool(_PAST_EDITION.search(self.sentence.text[: self.hit.end]))

    @property
    def position(self) -> int:
        return self.sentence.start + self.hit.start


_PAST_EDITION = re.compile(
    r"\b(?:previous|last|earlier|past|first|inaugural|last\s+year['’]s|(?:19|20)\d\d)\s+"
    r"(?:edition|iteration|round|instalment|installment)\b",
    re.I,
)
# "The previous edition ... was hailed by both sides as a success": the event is praised, not a party
_EVENT_PRAISED = re.compile(
    r"\b(?:edition|exercise|drills?|visit|talks|meeting|training|summit|event|ceremony|it)\b[^.;]*?"
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:widely\s+|also\s+)?$",
    re.I,
)
_ARRIVAL = re.compile(r"arrived in|travell?ed to|flew to", re.I)
_UNITS_BEFORE = re.compile(
    r"\b(?:contingent|troops|soldiers|personnel|servicemen|sailors|marines|ships?|vessels?|frigates?|"
    r"destroyers?|aircraft|jets|fleet|flotilla|task group|units?|detachment|battalion|company)"
    r"(?:,?\s+(?:which|that|who))?"
    r"(?:\s+[\w-]+){0,3}\s+$",
    re.I,
)
# "reviewed preparations for a joint exercise which is scheduled to be held next year": a plan of its own
_SCHEDULED_AFTER = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:is|are|was|were)\s+(?:scheduled|planned|due|set|expected)\s+(?:to|for)\b",
    re.I,
)
_OWN_UNITS_AFTER = re.compile(
    r"\s+with\s+(?:all\s+)?(?:its|their|his|her)\s+(?:own\s+)?(?:units|formations|ships)\b"
)
_SITE_VISIT = re.compile(r"(?:visit|tour)", re.I)
_READY_TO = re.compile(r"(?:is|are|was|were) (?:ready|prepared|willing) to", re.I)
_CEREMONY = re.compile(r"(?:closing|opening) ceremony", re.I)
_DRILL_WORD = re.compile(r"\b(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)\b", re.I)
_VISIT_KIND = re.compile(r"\bvisit\b|arrived", re.I)
_VESSEL_SUBJECT = re.compile(
    r"^\W*(?:The\s+)?(?:[\w'’-]+\s+){0,4}"
    r"(?:ship|vessel|frigate|corvette|destroyer|submarine|flotilla|task group)\b",
    re.I,
)
_CIVIL_ACTORS = re.compile(
    r"\b(?:trade|commerce|economic|business|finance|agriculture|health|energy|tourism)\s+"
    r"(?:officials?|ministers?|delegations?|leaders|executives)\b",
    re.I,
)


@dataclass
class SentenceFacts:
    """What the document already knows about one sentence."""

    sentence: Sentence
    hits: list[Hit]
    dates: list[tuple[int, EventDate]]  # (offset in sentence, date)
    people: PersonTable
    paragraph: str = ""  # the sentence's paragraph, for cues a neighbouring sentence gives
    seen_types: frozenset[str] = frozenset()  # types of events already found earlier in the article


def drafts_for(facts: SentenceFacts, series: re.Pattern[str] | None) -> list[Draft]:
    """The new events a sentence states (back-references are handled by the document pass)."""
    sentence = facts.sentence
    text = sentence.text
    hits = [
        _first_of_kind(h, facts)
        for h in facts.hits
        if not is_speculation(text[: h.end + 40]) and not is_negated(text, h)
    ]
    if _DEAL_PROVIDES.match(text) or is_question(text):
        hits = []  # "It provides a framework for ...": what a deal says; "Q: Who signed the deal?" asks
    if _CONTENT_OF_DEAL.match(text):  # "Under the MoU, officers will attend courses": what the deal provides;
        hits = [  # its deliveries, and a train-and-equip mission, are happenings of their own
            h for h in hits if h.type == "defence_industry" or _TRAIN_AND_EQUIP.search(h.text)
        ]
    if series is not None:
        for match in series.finditer(text):
            if any(h.type == "exercise" and h.start <= match.start() < h.end for h in hits):
                continue
            edition = Hit("exercise", match.start(), match.end(), match.group(0), True, False)
            if not is_negated(text, edition):  # "The third edition was postponed in 2019"
                hits.append(edition)
    by_type: dict[str, list[Hit]] = {}
    for hit in hits:
        by_type.setdefault(hit.type, []).append(hit)
    out: list[Draft] = []
    agreement = _agreement(text, by_type.get("agreement", []), facts)
    pledge = _pledge(text, by_type.get("pledge", []))
    if pledge and _training_offer_before(text, by_type.get("training", []), pledge):
        pledge = None  # "offered places for officers ... and was ready to host a first group": one offer
    meeting = _meeting(text, by_type.get("meeting", []), facts)
    exercise = _exercise(text, by_type.get("exercise", []), facts, suppressed=bool(agreement or pledge))
    if agreement and exercise and content_of_deal(text, agreement, exercise):
        exercise = None  # "inked an MoU on cooperation in training and joint patrols": what the deal covers
    training = _training(
        text, by_type.get("training", []), facts, suppressed=bool(pledge or agreement or exercise)
    )
    if training and any(content_of_deal(text, deal, training) for deal in by_type.get("agreement", [])):
        training = None  # "The memorandum on military education and training exchanges was signed"
    discussed = bool(_DISCUSSION.search(text))
    if discussed:  # "discussed the supply of drones": a topic of talks, not a deal
        scheduled = exercise is not None and _SCHEDULED_AFTER.match(text, exercise.end)
        exercise = exercise if exercise is not None and (exercise_name(text) or scheduled) else None
        training = None
    deal = agreement or pledge
    industry_hits = by_type.get("defence_industry", [])
    after_deal = [h for h in industry_hits if deal and h.start > deal.start]
    own = [h for h in after_deal if own_clause(text, deal, h)]
    deal_first = any(h not in own for h in after_deal)  # "signed a deal for 26 jets": the deal's content
    industry = None if discussed else _industry(text, facts.paragraph or text, industry_hits, deal_first)
    if industry and own:
        # "ordered under a 2016 deal, and the last batch arrived in December 2023": the arrival
        industry = own[0]
    if industry and training and industry.start < training.end and training.start < industry.end:
        industry = None  # "cadets were commissioned": officers, not a ship
    praise = _praise(text, by_type.get("praise", []))
    if habitual(text, hits) and not any(d.precision in ("day", "month") for _, d in facts.dates):
        # "their navies regularly conduct joint exercises": a habit, not a happening
        meeting = exercise = training = agreement = industry = None
    for event_type, hit in (
        ("meeting", meeting),
        ("agreement", agreement),
        ("pledge", pledge),
        ("exercise", exercise),
        ("training", training),
        ("defence_industry", industry),
        ("praise", praise),
    ):
        if hit is not None:
            out.append(_draft(event_type, hit, facts, by_type))
            bare = series.match(text, hit.start) if series and event_type == "exercise" else None
            if bare and bare.end() == hit.end and out[-1].name is None:
                out[-1].name = hit.text  # the series named bare: "Khaan Quest will return in June"
    match = rules().proposal.search(text)
    if (
        not out
        and match
        and has_security_cue(text)
        and not hits_of_new_events(hits)
        and not is_speculation(text[: match.end()])
    ):
        hit = Hit("pledge", match.start(), match.end(), match.group(0), True, False)
        draft = _draft("pledge", hit, facts, by_type)
        draft.status = "proposed"
        out.append(draft)
    return out


def _first_of_kind(hit: Hit, facts: SentenceFacts) -> Hit:
    """'Since the training programme began in June 2022': 'the' points to nothing earlier, so it is new."""
    if (
        not hit.reference
        or hit.type in facts.seen_types
        or hit.type not in ("training", "exercise", "meeting", "agreement")
        or is_meeting_topic(facts.sentence.text, hit)
    ):
        return hit
    sentence = facts.sentence
    named = hit.type in ("meeting", "agreement") and bool(facts.people.between(sentence.start, sentence.end))
    if facts.dates or named:  # "during the visit of General X to Islamabad" with nothing before it
        return Hit(hit.type, hit.start, hit.end, hit.text, hit.strong, False)
    return hit


def hits_of_new_events(hits: list[Hit]) -> bool:
    return any(h.strong and not h.reference for h in hits)


def _meeting(text: str, hits: list[Hit], facts: SentenceFacts) -> Hit | None:
    r = rules()
    chosen = None
    sentence_start = facts.sentence.start
    for hit in hits:
        proposed_before = not hit.reference and r.proposed.search(text[: hit.start])
        if (hit.reference or not hit.strong) and not modal_reference(text, hit) and not proposed_before:
            continue  # "the meeting" points back; "regular dialogues" alone is no event
        if hit.text.lower() == "to visit" and status_of("meeting", text, hit) == "occurred":
            continue
        if _ARRIVAL.fullmatch(hit.text) and _UNITS_BEFORE.search(text[: hit.start]):
            continue  # "the PLA contingent, which arrived in Sylhet": troops arriving for a drill meet nobody
        if _VISIT_KIND.search(hit.text) and _VESSEL_SUBJECT.search(text[: hit.start]):
            continue  # "The Pakistan Navy ship PNS Taimur arrived ... on a goodwill visit": a port call
        if civil_only(text) and _CIVIL_ACTORS.search(text[: hit.start]):
            continue  # "Trade officials of the two countries also held a video conference on exports"
        if _PASSIVE.search(text[: hit.start]) and r.needs_person_object.fullmatch(hit.text):
            # "the contingent would be received at the base by General X": who was received must be a person
            before = text[: hit.start]
            starts = sentence_start
            if not any(starts <= m.start < starts + hit.start for m in facts.people.mentions) and not (
                _PERSON_OBJECT.search(before)
            ):
                continue
        elif r.needs_person_object.fullmatch(hit.text):
            after = text[hit.end : hit.end + 90]
            starts = sentence_start + hit.end
            has_person = any(starts <= m.start < starts + 90 for m in facts.people.mentions)
            if not has_person and not _PERSON_OBJECT.search(after):
                continue
        if r.needs_actor.fullmatch(hit.text) and not _has_actor(text, facts):
            continue
        if r.needs_person_subject.fullmatch(hit.text):
            has_person = any(
                sentence_start <= m.start < sentence_start + hit.start for m in facts.people.mentions
            )
            if not has_person and not _PERSON_OBJECT.search(text[: hit.start]):
                continue
        background = _BACKGROUND_CLAUSE.search(text)
        if (
            background
            and background.start() <= hit.start < background.end()
            and any(
                h.strong and not h.reference and not background.start() <= h.start < background.end()
                for h in hits
            )
        ):
            continue
        if chosen is None or (_VISIT_ONLY.match(chosen.text) and not _VISIT_ONLY.match(hit.text)):
            chosen = hit
    return chosen


def _has_actor(text: str, facts: SentenceFacts) -> bool:
    """'The drop in output made it hard to meet demand' has no state actor; 'X met Y' has."""
    sentence = facts.sentence
    if facts.people.between(sentence.start, sentence.end) or _ACTOR_NOUN.search(text):
        return True
    return len({m.code for m in gazetteer().parties(text)}) >= 2


def _agreement(text: str, hits: list[Hit], facts: SentenceFacts) -> Hit | None:
    r = rules()
    negative = r.negative.get("agreement")
    for hit in hits:
        if hit.reference and not modal_reference(text, hit):
            continue
        window = text[max(0, hit.start - 20) : hit.end + 15]
        if negative is not None and negative.search(window):
            continue
        if civil_subjects_only(text, hit):
            continue  # "signed memoranda of understanding on hydrogen energy and healthcare"
        if hit.strong or r.agreement_verbs.search(text):
            return hit
    return None


def _pledge(text: str, hits: list[Hit]) -> Hit | None:
    r = rules()
    for hit in hits:
        if _UNDER_WHICH.search(text[: hit.start]):
            continue  # "signed a pact, under which Poland will keep supplying arms": what the pact says
        if r.cooperation.search(text):
            return hit
    return None


def _exercise(text: str, hits: list[Hit], facts: SentenceFacts, *, suppressed: bool) -> Hit | None:
    r = rules()
    modal = bool(r.planned.search(text) or r.proposed.search(text))
    named = exercise_name(text)
    detail = any(h.reference and not modal_reference(text, h) for h in hits)
    for hit in hits:
        if (
            hit.strong
            and not hit.reference
            and (named or hit.text[:1].isupper() or not _after_reference(hit, hits, text))
        ):
            return hit
    if detail and not named:
        return None  # "The exercise, which opened on May 14, included ... drills": detail, not a new event
    for hit in hits:
        if _CEREMONY.fullmatch(hit.text) and not paragraph_has(_DRILL_WORD, facts.paragraph or text):
            continue  # "The closing ceremony took place this morning at the training centre": a course's
        if suppressed and not named:
            continue
        if hit.reference and not modal_reference(text, hit) and not named:
            continue
        if (
            _DOMESTIC_BEFORE.search(text[: hit.start]) or _OWN_UNITS_AFTER.match(text, hit.end)
        ) and not named:
            continue
        if edition_of_other_series(text, hit):
            continue  # "the next edition of the cross country championship": a series, but no drill
        context = r.exercise_context.search(text[: hit.start]) or named
        if context and (has_eventive(text) or facts.dates or modal or named):
            return hit
    return None


def _after_reference(hit: Hit, hits: list[Hit], text: str) -> bool:
    """'The drills included live-fire manoeuvres': what an exercise already found consisted of."""
    return any(
        h.reference and h.start < hit.start and not modal_reference(text, h) for h in hits if h is not hit
    )


def _training_offer_before(text: str, hits: list[Hit], pledge: Hit) -> bool:
    """The commitment is the offer itself: "offered places ... and was ready to host a first group",
    "was ready to host a counter-IED training course"."""
    offering = bool(_READY_TO.fullmatch(pledge.text))
    return any(
        h.strong
        and not h.reference
        and (h.start < pledge.start or offering)
        and status_of("training", text, h) == "proposed"
        for h in hits
    )


def _training(text: str, hits: list[Hit], facts: SentenceFacts, *, suppressed: bool) -> Hit | None:
    r = rules()
    if not r.training_cue.search(text):
        return None  # a hypnotherapist's or a rice farmer's training is no military exchange
    if "training" in r.negative and r.negative["training"].search(text):
        return None  # "Key publications include ... Seminar proceedings": a reading list
    modal = bool(r.planned.search(text) or r.proposed.search(text))
    for hit in hits:
        if hit.reference and not modal_reference(text, hit):
            continue
        if hit.strong and not suppressed:
            return hit
        if suppressed:
            continue
        if has_eventive(text) or facts.dates or modal:
            return hit
    return None


def _industry(text: str, paragraph: str, hits: list[Hit], with_agreement: bool) -> Hit | None:
    if with_agreement:
        return None  # the deal's content: "signed an agreement for the purchase of 26 jets"
    if not paragraph_has(rules().equipment, paragraph):
        return None
    if market_statistics().search(text):
        return None  # "Ukraine was the world's largest importer of major arms": a ranking, no deal
    for hit in hits:
        if hit.reference or body_remit(text, hit):
            continue  # "the agency that oversees the country's arms exports": a remit, not a deal
        if civil_only(text[hit.start : hit.end + 60]):
            continue  # "will supply Nigerian farmers with tractors and agro-processing equipment"
        if not hit.strong and named_body_before(text, hit):
            continue  # "the commission on military-technical cooperation": a body's name, no deal
        if _SITE_VISIT.match(hit.text) and status_of("defence_industry", text, hit) == "proposed":
            continue  # "invited him to visit the naval shipyard": an invitation, a meeting proposed
        if hit.strong:
            return hit
        if not with_agreement and has_eventive(text):
            return hit
    return None


def _praise(text: str, hits: list[Hit]) -> Hit | None:
    """Praise of the other side's forces or efforts, not of a speech or a stadium's atmosphere."""
    for hit in hits:
        if not rules().praise_objects.search(text, hit.end):
            continue
        if _EVENT_PRAISED.search(text[: hit.start]):
            continue
        if hit.text.lower().startswith("thank") and not gazetteer().parties(text[hit.end : hit.end + 60]):
            continue  # "thanked the research team": thanks count only when a state or its forces get them
        return hit
    return None


def _draft(event_type: str, hit: Hit, facts: SentenceFacts, by_type: dict[str, list[Hit]]) -> Draft:
    sentence = facts.sentence
    text = sentence.text
    status = status_of(event_type, text, hit)
    if event_type == "pledge" and not rules().proposal.search(text[: hit.end + 5]):
        status = "occurred"
    if event_type in ("exercise", "training") and status == "planned" and under_way(text):
        status = "occurred"  # "began on Monday and will continue until Friday": it has happened
    draft = Draft(event_type, status, sentence, hit, texts=[text])
    dates = facts.dates
    recalled = recalled_after(text, hit.end) if event_type in ("praise", "pledge") else None
    if recalled is not None:
        dates = [(o, d) for o, d in dates if o < recalled]  # said now; the recalled deed is older
    if event_type == "defence_industry" and DONE_DELIVERY.search(hit.text):
        clause = text.rfind(", and ", 0, hit.start)  # "signed in 2015, and the last batch arrived in 2023"
        dates = [(o, d) for o, d in dates if o > clause] if clause >= 0 else dates
    earlier = offset_clause(text, hit.start)
    if earlier is not None:  # "met on Friday, a day after watching ... the exercise": not Friday's
        dates = [(o, d) for o, d in dates if o >= earlier]
    draft.date = _nearest_date(dates, hit.start, text, hit.end)
    if event_type in ("exercise", "training"):
        draft.date = run_span(text, dates) or draft.date
    excluded = _excluded_span(text, by_type)
    if earlier is not None:
        excluded = (0, earlier)  # the main clause's people and place belong to the main clause's event
    purpose = _PURPOSE.search(text, hit.end)
    place_end = purpose.start() if purpose else len(text)
    places = [p for p in find_places(text) if not _inside(p.start, excluded) and p.start < place_end]
    draft.place = best_place(places, hit.start)
    mentions = [
        m
        for m in facts.people.between(sentence.start, sentence.end)
        if not _inside(m.start - sentence.start, excluded)
    ]
    if (
        event_type == "defence_industry"
    ):  # "..., Rosoboronexport chief X told reporters": a source, not a party
        mentions = [m for m in mentions if not _SOURCE_AFTER.match(text[m.end - sentence.start :])]
    mentions = [  # "according to X", "X told reporters", a spokesperson: sources, not parties
        m
        for m in mentions
        if not _ACCORDING_TO.search(text[max(0, m.start - sentence.start - 80) : m.start - sentence.start])
        and not (_TOLD_PRESS.match(text[m.end - sentence.start :]) and not _FIRST_PERSON.search(text))
        and not _SPOKES.search(facts.people.people[m.person].office or "")
    ]
    draft.persons = _unique(m.person for m in mentions)
    clause = _REPORTED.search(text[: hit.start]) if event_type == "agreement" else None
    clause_start = clause.end() if clause else 0
    before = [m for m in mentions if clause_start <= m.start - sentence.start < hit.start]
    draft.subjects = _unique(m.person for m in before)
    if event_type == "praise" and not draft.subjects:
        speaker = _QUOTE_SPEAKER.search(text, hit.end)
        if speaker:
            offset = sentence.start + speaker.start("who")
            draft.subjects = _unique(
                m.person for m in mentions if offset <= m.start < offset + len(speaker.group("who"))
            )
    if event_type == "meeting" and not draft.persons:
        draft.group_subject = bool(_GROUP_MEETING.match(text))
    if event_type in ("pledge", "agreement", "praise") and not draft.subjects:
        subject_text = text[clause_start : hit.start]
        draft.group_subject = bool(_SUBJECT_GROUP.search(subject_text)) or _countries_before(subject_text)
    if event_type in ("exercise", "training", "defence_industry") and status == "planned":
        draft.persons = []
    elif status == "proposed" and event_type != "meeting":
        draft.persons = list(draft.subjects)
    if sentence.index == 0:
        draft.place = _with_dateline_city(draft.place, dateline_place(text))
    if event_type == "meeting" and _REMOTE.search(text[max(0, hit.start - 30) : hit.end + 30]):
        draft.place = None  # a phone or video call happens nowhere in particular
    topic_from = place_end if event_type == "meeting" else len(text)
    draft.countries = _unique(
        m.code
        for m in gazetteer().parties(text, sentence.start)
        if not _inside(m.start - sentence.start, excluded) and m.start - sentence.start < topic_from
    )  # "..., where they discussed security in Somalia": a topic of the talks, not a party
    if event_type == "meeting":
        draft.countries = _without_venue(text, sentence.start, draft.countries)
    if event_type in ("meeting", "pledge", "agreement", "training", "exercise") and len(draft.countries) < 3:
        members = gazetteer().organisation_members(text)
        if members:
            draft.countries = _unique(draft.countries + members)
    draft.nearby = nearby_codes(facts.paragraph or text, text, topic_from)  # the paragraph, this tail cut
    draft.visit_only = event_type == "meeting" and bool(_VISIT_ONLY.match(hit.text))
    if event_type == "exercise":
        edition = hit.text[:1].isupper() and ("-" in hit.text or _YEAR_SUFFIX.search(hit.text))
        draft.name = exercise_name(text) or (hit.text if edition else None)
        if draft.name and draft.name.startswith("Exercise "):
            draft.name = draft.name.removeprefix("Exercise ")
        year = _YEAR_SUFFIX.search(draft.name or "")
        if draft.date is None and year and status == "occurred":  # "Neptune Bridge 2023, held off Naples"
            draft.date = EventDate(date(int(year.group(1)), 1, 1), date(int(year.group(1)), 1, 1), "year")
    elif event_type == "meeting":
        draft.name = body_name(text, hit.start)
    elif event_type == "agreement":
        draft.name = agreement_name(text)
    return draft


def dateline_place(text: str) -> Place | None:
    """'WARSAW, Aug. 14 (Agency) --': the city a report is filed from, where its first event happened."""
    match = _DATELINE.match(text)
    if not match:
        return None
    city = (match.group("city") or match.group("titled")).strip().title()
    country = gazetteer().place_country(city)
    if country is None or gazetteer().is_country_name(city):
        return None
    return Place(city, country)


def _with_dateline_city(place: Place | None, dateline: Place | None) -> Place | None:
    """'RAWALPINDI: ... at Joint Staff Headquarters' is 'Joint Staff Headquarters, Rawalpindi'."""
    if dateline is None:
        return place
    if place is None:
        return dateline
    bare_facility = place.place and "," not in place.place and not gazetteer().place_country(place.place)
    if bare_facility and place.country in (None, dateline.country) and dateline.place not in place.place:
        return Place(f"{place.place}, {dateline.place}", dateline.country)
    return place


def _without_venue(text: str, offset: int, countries: list[str]) -> list[str]:
    """'X met Y at the Shangri-La Dialogue in Singapore': the host of a gathering that two others
    used for their meeting takes no part in it."""
    venues = {
        m.code for m in gazetteer().parties(text, offset) if _GATHERING_VENUE.search(text[: m.start - offset])
    }
    others = [c for c in countries if c not in venues]
    return others if len(others) >= 2 else countries


def _countries_before(prefix: str) -> bool:
    return len(gazetteer().parties(prefix)) >= 1


def _excluded_span(text: str, by_type: dict[str, list[Hit]]) -> tuple[int, int] | None:
    match = _BACKGROUND_CLAUSE.search(text)
    if not match:
        return None
    others = [
        h for h in by_type.get("meeting", []) if h.strong and not h.reference and h.start >= match.end()
    ]
    return (match.start(), match.end()) if others else None


def _inside(offset: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= offset < span[1]


def _distance(offset: int, start: int, end: int) -> int:
    return 0 if start <= offset < end else min(abs(offset - start), abs(offset - end))


def _nearest_date(
    dates: list[tuple[int, EventDate]], anchor: int, text: str, anchor_end: int
) -> EventDate | None:
    """The date nearest the trigger; the date a statement was made only when the sentence has no other."""
    dated = [(o, d) for o, d in dates if not _HORIZON.search(text[:o])] or [
        (o, d) for o, d in dates if _DEADLINE.search(text[:o])
    ]
    usable = [
        (o, d) for o, d in dated if not _SAID_ON.search(text[:o]) and not _said_after(text, o, anchor)
    ] or dated
    if not usable:
        return None
    return min(usable, key=lambda od: _distance(od[0], anchor, anchor_end))[1]


def is_statement_date(text: str, offset: int) -> bool:
    """'..., the ministry said on Tuesday', 'On Monday, the army said': the date a statement was made."""
    return bool(_SAID_ON.search(text[:offset]) or _SAID_AFTER.match(text[offset:]))


def _said_after(text: str, offset: int, anchor: int) -> bool:
    """A date that opens the sentence before 'X said' dates the statement, when the event comes after."""
    return offset < anchor and bool(_SAID_AFTER.match(text[offset:]))


def _unique(items) -> list:
    seen: list = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen

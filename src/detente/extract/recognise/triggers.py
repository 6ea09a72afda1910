"""Trigger words per event type and the modality cues that set an event's status.

Patterns come from `lexicons/triggers.json`. A hit records whether it is a
back-reference ("the meeting", "the exercise"), which adds detail to an event
already found instead of making a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.extract.lexicon import LexiconPatterns, alternation, load_lexicon, word_regex
from detente.literal_gate import LiteralGate

_RULES = LexiconPatterns("recognise", "triggers")


@lru_cache(maxsize=1)
def _noun_heads() -> re.Pattern[str]:
    return re.compile(r"^(?:" + load_lexicon("triggers")["reference_heads"] + r")s?\b", re.I)


@dataclass(frozen=True)
class Hit:
    type: str
    start: int  # offset inside the sentence
    end: int
    text: str
    strong: bool
    reference: bool  # "the meeting": points back to an event already reported
    learned: bool = False  # placed by the learned sentence model, not by a trigger word of the lexicon


@dataclass(frozen=True)
class Rules:
    strong: dict[str, re.Pattern[str]]
    weak: dict[str, re.Pattern[str]]
    negative: dict[str, re.Pattern[str]]
    needs_person_object: re.Pattern[str]
    needs_person_subject: re.Pattern[str]
    cooperation: re.Pattern[str]
    exercise_context: re.Pattern[str]
    eventive: re.Pattern[str]
    planned: re.Pattern[str]
    proposed: re.Pattern[str]
    speculation: re.Pattern[str]
    proposal: re.Pattern[str]
    needs_actor: re.Pattern[str]
    habitual: re.Pattern[str]
    negation_before: re.Pattern[str]
    negation_after: re.Pattern[str]
    agreement_verbs: re.Pattern[str]
    equipment: re.Pattern[str]
    praise_objects: re.Pattern[str]
    training_cue: re.Pattern[str]
    elaboration: re.Pattern[str]
    deal_noun: re.Pattern[str]
    contract_noun: re.Pattern[str]
    purchase_content: re.Pattern[str]
    purchase_after: re.Pattern[str]
    purchased_under: re.Pattern[str]
    cooperation_instrument: re.Pattern[str]
    praised_occasion: re.Pattern[str]
    separate: re.Pattern[str]
    exchange_visit: re.Pattern[str]
    group_counterpart: re.Pattern[str]
    bloc_history: re.Pattern[str]
    bloc_named: re.Pattern[str]
    sports: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load_lexicon("triggers")
    types = data["types"]
    strong = {
        t: word_regex(spec["strong"], flags=0 if t == "exercise" else re.I) for t, spec in types.items()
    }
    strong["exercise"] = re.compile(
        r"(?<![\w-])(?:" + "|".join(sorted(types["exercise"]["strong"], key=len, reverse=True)) + r")(?!\w)"
    )
    weak = {t: word_regex(spec["weak"]) for t, spec in types.items() if spec.get("weak")}
    negative = {t: word_regex(spec["negative"]) for t, spec in types.items() if spec.get("negative")}
    return Rules(
        strong=strong,
        weak=weak,
        negative=negative,
        needs_person_object=word_regex(types["meeting"]["needs_person_object"]),
        needs_person_subject=word_regex(types["meeting"]["needs_person_subject"]),
        cooperation=re.compile(alternation(types["pledge"]["cooperation_cues"]), re.I),
        exercise_context=re.compile(types["exercise"]["noun_context"] + r"\s+(?:[\w-]+\s+){0,3}$", re.I),
        eventive=word_regex(data["eventive"]),
        planned=word_regex(data["planned"]),
        proposed=word_regex(data["proposed"]),
        speculation=re.compile(alternation(data["speculation"])),
        proposal=word_regex(data["proposal_verbs"]),
        needs_actor=word_regex(data["types"]["meeting"]["needs_actor"]),
        habitual=re.compile(data["habitual"], re.I),
        negation_before=re.compile(data["negation_before"], re.I),
        negation_after=re.compile(data["negation_after"], re.I),
        agreement_verbs=re.compile(r"\b" + data["types"]["agreement"]["eventive"] + r"\b", re.I),
        equipment=re.compile(r"\b" + data["types"]["defence_industry"]["equipment"] + r"\b"),
        praise_objects=re.compile(r"\b" + data["types"]["praise"]["objects"] + r"\b"),
        training_cue=re.compile(r"\b" + data["types"]["training"]["cue"] + r"\b"),
        elaboration=re.compile(r"^(?:" + "|".join(data["elaboration_starts"]) + r")\b", re.I),
        deal_noun=word_regex(types["defence_industry"]["deal_nouns"]),
        contract_noun=word_regex(["contracts?"]),
        purchase_content=word_regex(types["defence_industry"]["purchase_content"]),
        purchase_after=re.compile(types["defence_industry"]["purchase_after"], re.I),
        purchased_under=re.compile(types["defence_industry"]["purchased_under"], re.I),
        cooperation_instrument=word_regex(types["agreement"]["cooperation_instruments"]),
        praised_occasion=re.compile(types["praise"]["occasion_after"], re.I),
        separate=re.compile(types["meeting"]["separate"], re.I),
        exchange_visit=re.compile(types["meeting"]["exchange_visit"], re.I),
        group_counterpart=re.compile(types["meeting"]["group_counterpart"]),
        bloc_history=re.compile(alternation(types["agreement"]["organisation_history"]), re.I),
        bloc_named=re.compile(types["agreement"]["bloc_named"]),
        sports=re.compile(types["praise"]["sports_context"], re.I),
    )


_Typed = list[tuple[str, re.Pattern[str]]]


@lru_cache(maxsize=1)
def _trigger_gate() -> tuple[_Typed, _Typed, LiteralGate]:
    """The strong and weak patterns in order, and the gate saying which can match a sentence."""
    r = rules()
    strong, weak = list(r.strong.items()), list(r.weak.items())
    return strong, weak, LiteralGate(pattern for _, pattern in [*strong, *weak])


def find_hits(sentence: str) -> list[Hit]:
    """Every trigger hit in one sentence, in order."""
    strong, weak, gate = _trigger_gate()
    can_match = gate.open(sentence)
    hits: list[Hit] = []
    for index, (event_type, pattern) in enumerate(strong):
        if index not in can_match:
            continue
        for match in pattern.finditer(sentence):
            hits.append(_hit(event_type, match, sentence, strong=True))
    for index, (event_type, pattern) in enumerate(weak, start=len(strong)):
        if index not in can_match:
            continue
        for match in pattern.finditer(sentence):
            if any(h.type == event_type and h.start <= match.start() < h.end for h in hits):
                continue
            hits.append(_hit(event_type, match, sentence, strong=False))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits


def _hit(event_type: str, match: re.Match[str], sentence: str, *, strong: bool) -> Hit:
    text = match.group(0)
    before = sentence[: match.start()]
    head = _noun_heads().match(text) or (not strong and _noun_heads().match(text.split()[-1]))
    reference = (
        bool(head)
        and bool(_RULES.determiner_before.search(before))
        and not _RULES.earlier_edition.search(before)
        and not _RULES.edition_of.search(before)
        and not (strong and _RULES.self_described.match(text))
    ) or bool(_RULES.signed_the.match(text) and not _RULES.content_after.match(sentence[match.end() :]))
    return Hit(event_type, match.start(), match.end(), text, strong, reference)


def has_eventive(sentence: str) -> bool:
    return bool(rules().eventive.search(sentence))

"""Which merged events become records: those in a defence and security context.

A football report's 'defence' or an election commission's 'exercise' must not become
events. In a defence report (`Page.focus`) every event is in context; elsewhere an
event's own words, its anchor's, or its people's titles must be military, and an edition
of a series already shown to be military needs no cue of its own. In commentary, only
events with people or a day or month are specific enough.
"""

from __future__ import annotations

from detente.extract.arguments.draft import Draft
from detente.extract.domain import defence_cues
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.people import PersonTable
from detente.extract.page import Page

_GENERIC_EXERCISE_WORDS = frozenset({"exercise", "exercises", "drill", "drills"})
_RULES = LexiconPatterns("records", "keep")


def keep_in_context(drafts: list[Draft], page: Page, people: PersonTable) -> list[Draft]:
    secure = {id(d) for d in drafts if in_security_context(d, people, focus=page.focus)}
    series_names = {
        _series_stem(d.name) for d in drafts if id(d) in secure and d.type == "exercise" and d.name
    }
    kept = [  # an edition of a series already shown to be military needs no cue of its own
        d
        for d in drafts
        if id(d) in secure or (d.type == "exercise" and d.name and _series_stem(d.name) in series_names)
    ]
    if page.commentary:
        kept = [d for d in kept if specific_enough(d)]
    return kept


def specific_enough(draft: Draft) -> bool:
    return bool(draft.persons) or bool(draft.date and draft.date.precision in ("day", "month"))


def in_security_context(draft: Draft, people: PersonTable, *, focus: bool) -> bool:
    if focus:
        return True
    texts = [s.text for s in draft.refs] + draft.texts
    if draft.type in ("exercise", "defence_industry"):  # "the SIR exercise" of an election commission
        return any(set(defence_cues(t)) - _GENERIC_EXERCISE_WORDS for t in texts)
    persons = list(draft.persons)
    if draft.anchor is not None:
        texts.append(draft.anchor.sentence.text)
        persons += draft.anchor.persons
    if any(defence_cues(t) for t in texts):
        return True
    titles = " ".join(people.people[i].title or "" for i in persons)
    return bool(defence_cues(titles))


def _series_stem(name: str) -> str:
    return _RULES.edition_suffix.sub("", name)

"""Which states take part in an event, from its sentence and paragraph.

The states the sentence names as parties, except in a background clause, after the
talks' purpose (a topic) or as the host of a gathering two others used to meet; the
members of a bloc named as the actors ("ASEAN defence ministers"); and the states its
paragraph names, kept aside to complete a pair later (`Draft.nearby`).
"""

from __future__ import annotations

from detente.extract.arguments.draft import Draft, inside, unique
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.states import CountryMention, gazetteer
from detente.extract.recognise.event_mention import SentenceFacts
from detente.extract.recognise.triggers import rules

_RULES = LexiconPatterns("arguments", "countries")


def attach_countries(
    draft: Draft, facts: SentenceFacts, excluded: tuple[int, int] | None, topic_from: int
) -> None:
    """Sets the draft's countries and nearby states; `topic_from` is where the talks' topic starts."""
    sentence, event_type = draft.sentence, draft.type
    text = sentence.text
    states = facts.mentions.states_in(sentence)
    draft.countries = unique(
        m.code
        for m in states
        if not inside(m.start - sentence.start, excluded) and m.start - sentence.start < topic_from
    )  # "..., where they discussed security in Somalia": a topic of the talks, not a party
    if event_type == "meeting":
        draft.countries = _without_venue(text, sentence.start, states, draft.countries)
    if event_type in ("meeting", "pledge", "agreement", "training", "exercise") and len(draft.countries) < 3:
        members = gazetteer().organisation_members(text)
        if members:
            draft.countries = unique(draft.countries + members)
    if event_type == "agreement" and len(draft.countries) < 2 and rules().bloc_history.search(draft.hit.text):
        # "In October 2002, the group was renamed as the CSTO": the bloc's members made it
        paragraph = facts.mentions.paragraph_text(sentence.paragraph)
        draft.countries = unique(draft.countries + gazetteer().organisation_named(paragraph))
    draft.nearby = facts.mentions.nearby_states(sentence, topic_from)  # distinct already


def _without_venue(text: str, offset: int, states: list[CountryMention], countries: list[str]) -> list[str]:
    """'X met Y at the Shangri-La Dialogue in Singapore': the host of a gathering that two others
    used for their meeting takes no part in it."""
    venues = {m.code for m in states if _RULES.gathering_venue.search(text[: m.start - offset])}
    others = [c for c in countries if c not in venues]
    return others if len(others) >= 2 else countries

"""From a finished draft to the contract's Event: its states, its people's states, its codes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from detente.extract.arguments.draft import Draft
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.people import Person, PersonTable
from detente.extract.mentions.states import gazetteer
from detente.extract.records.codes import codes_for
from detente.extract.records.topics import topics_for
from detente.models import Article, Event, EventDate, Participant, Place

_RULES = LexiconPatterns("records", "assemble")
_NEEDS_TWO_STATES = ("meeting", "agreement", "pledge", "praise", "training", "defence_industry", "exercise")


@dataclass
class Sides:
    """Which state each person stands for, where the article does not say."""

    dyad: list[str]
    mentioned: frozenset[str] = frozenset()  # every state the article names as a party
    visitors: dict[int, Place] = field(default_factory=dict)
    inferred: dict[int, str] = field(default_factory=dict)

    def learn(self, drafts: list[Draft], people: PersonTable) -> None:
        """A person named without a state keeps, in every event, the side one event gives them."""
        for draft in drafts:
            persons = [people.people[i] for i in draft.persons]
            countries = event_countries(draft, persons, self.dyad, self.mentioned)
            for index, person in zip(draft.persons, persons, strict=True):
                if person.country is None and index not in self.inferred:
                    guess = infer_country(persons, countries, draft, self.visitors.get(index))
                    if guess:
                        self.inferred[index] = guess

    def country_of(
        self, index: int, person: Person, persons: list[Person], countries: list[str], draft: Draft
    ):
        if person.country:
            return person.country
        return self.inferred.get(index) or infer_country(persons, countries, draft, self.visitors.get(index))


def to_event(draft: Draft, people: PersonTable, sides: Sides, article: Article) -> Event | None:
    if draft.status == "planned" and draft.type in ("exercise", "training", "defence_industry"):
        draft.persons = []  # who will take part is not known yet; the announcer is no participant
    persons = [people.people[i] for i in draft.persons]
    if draft.type in ("pledge", "praise") and not (draft.countries or draft.persons or draft.anchor):
        return None  # "our forces are prepared to meet any eventuality": a commitment to nobody
    countries = event_countries(draft, persons, sides.dyad, sides.mentioned)
    if not countries or (len(countries) < 2 and draft.type in _NEEDS_TWO_STATES):
        return None
    participants = [
        Participant(
            p.name,
            p.title,
            sides.country_of(i, p, persons, countries, draft),
            rank=p.rank if p.office else None,
            aliases=p.aliases(),
        )
        for i, p in zip(draft.persons, persons, strict=True)
    ]
    text = " ".join(dict.fromkeys(draft.texts))
    return Event(
        type=draft.type,
        status=draft.status,
        countries=sorted(countries),
        evidence=draft.sentence.text,
        date=draft.date if draft.date and draft.date.start else EventDate(),
        participants=participants,
        location=draft.place,
        name=draft.name,
        topics=topics_for(text),
        codes=codes_for(draft.type, text, len(participants), len(countries)),
        doc_id=article.doc_id,
        evidence_start=draft.sentence.start,
    )


def event_countries(
    draft: Draft, persons: list[Person], dyad: list[str], mentioned: frozenset[str] = frozenset()
) -> list[str]:
    """The states taking part: named ones, the people's, the host's, else the article's main pair."""
    countries = list(dict.fromkeys(draft.countries + [p.country for p in persons if p.country]))
    if _only_guests(draft) and dyad and dyad[0] not in countries:
        countries.append(dyad[0])  # "officers from Bhutan and Nepal completed a course": the host teaches
    place = draft.place
    if place and place.place and place.country not in [*countries, *dyad, *mentioned]:
        # "Staff College in Wellington" in a story about India and Vietnam is not in New Zealand
        options = gazetteer().place_countries(place.place.split(", ")[-1])
        if len(options) > 1:  # only a name several states share needs the story's states to decide
            known = [c for c in options if c in countries + dyad]
            draft.place = place = Place(place.place, known[0] if known else None)
    third_soil = draft.type in ("meeting", "pledge", "praise", "agreement") and len(countries) >= 2
    if place and place.country and place.country not in countries and not third_soil:
        countries.append(place.country)  # a pair already named met on a third state's soil: not a party
    if len(countries) < 2:  # complete the pair: a state of the paragraph the article is about, then any
        fill = [c for c in draft.nearby if c in dyad] + [c for c in draft.nearby if c not in dyad] + dyad
        countries += [code for code in dict.fromkeys(fill) if code not in countries][: 2 - len(countries)]
    return countries


def _only_guests(draft: Draft) -> bool:
    """Every state the sentence names is a guest ('from X, Y and Z') at a course or drill of unknown host."""
    if draft.type not in ("training", "exercise") or not draft.countries:
        return False
    if draft.place is not None and draft.place.country:
        return False
    hosts = gazetteer().parties(_RULES.guests.sub(" ", draft.sentence.text))
    return not hosts


def infer_country(
    persons: list[Person], countries: list[str], draft: Draft, visited: Place | None
) -> str | None:
    """Without a stated state: a visitor comes from the side that is not the host; anyone else at a
    located meeting is the host; otherwise the side nobody else represents."""
    host = draft.place.country if draft.place else None
    known = {p.country for p in persons if p.country}
    missing = [c for c in countries if c not in known]
    if visited is not None and visited.country:
        away = [c for c in (missing or countries) if c != visited.country]
        return away[0] if len(away) == 1 else None
    if host and host in countries:
        return host
    if len(missing) == 1:
        return missing[0]
    return host if host in countries else None  # a call "on Ukraine" gives no one a Ukrainian side


def main_dyad(mentions_per_sentence: list[list[str]]) -> list[str]:
    """The two states the article is mostly about."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for position, codes in enumerate(mentions_per_sentence):
        for code in codes:
            counts[code] += 1
            first.setdefault(code, position)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    return ranked[:2]

"""The rule-based extraction engine: one article in, its events out.

Cheap regex passes (sentences, triggers, countries, people) run over the whole
text; spaCy's NER runs only on sentences that hold a trigger, to catch people
named without a title. Everything the rules know lives in `lexicons/*.json`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from detente.extract.codes import codes_for
from detente.extract.dates import find_dates
from detente.extract.document import (
    attach_references,
    choose_anchors,
    follow_on_details,
    inherit_from_anchors,
    main_dyad,
    merge_duplicates,
    name_editions,
    place_meetings,
    praisers_join_exercises,
    sideline_meetings,
    visit_destinations,
)
from detente.extract.drafts import Draft, SentenceFacts, drafts_for
from detente.extract.gazetteer import gazetteer
from detente.extract.names import series_pattern
from detente.extract.people import PersonFinder, PersonTable, bind_visitors
from detente.extract.text import Sentence, split_sentences
from detente.extract.topics import topics_for
from detente.extract.triggers import Hit, defence_cues, find_hits, rules
from detente.models import Article, Event, EventDate, Participant, Place

if TYPE_CHECKING:
    from spacy.language import Language

_MIN_SECURITY_CUES = 2
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|off)\s+$")
_QUOTED = re.compile(r"[\"“][^\"”]{1,80}[\"”]")
_FOCUS_DENSITY = 0.4  # defence cues per sentence: seeds and dev reports 0.6+, general news under 0.2
_FOCUS_DISTINCT = 4
_BILATERAL_FILL = ("meeting", "agreement", "pledge", "praise", "exercise", "training", "defence_industry")


class RuleExtractor:
    """Extractor over trigger lexicons, a person table and document context."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self._people = PersonFinder()
        self._defence_focus = False
        self._inferred: dict[int, str] = {}
        self._visitors: dict[int, Place] = {}
        gazetteer()
        rules()

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from detente.nlp import load_english

            self._nlp = load_english()
        return self._nlp

    def extract(self, article: Article) -> list[Event]:
        text = article.text or ""
        sentences = split_sentences(text)
        if not sentences or not self._about_security(sentences):
            return []
        hits = {s.index: find_hits(s.text) for s in sentences}
        series = series_pattern(self._exercise_names([s for s in sentences if hits[s.index]]))
        proposal = rules().proposal
        candidates = [
            s
            for s in sentences
            if hits[s.index] or proposal.search(s.text) or (series is not None and series.search(s.text))
        ]
        if not candidates:
            return []
        people = self._people.build(text, sentences, self._person_spans(candidates))
        bind_visitors(people, text, sentences, hits)
        dates = self._dates_by_sentence(text, sentences, article)
        paragraphs: dict[int, str] = {}
        for sentence in sentences:
            paragraphs[sentence.paragraph] = paragraphs.get(sentence.paragraph, "") + " " + sentence.text
        drafts: list[Draft] = []
        for sentence in candidates:
            facts = SentenceFacts(
                sentence,
                hits[sentence.index],
                dates.get(sentence.index, []),
                people,
                paragraphs[sentence.paragraph],
                frozenset(d.type for d in drafts if d.status == "occurred"),
            )
            drafts.extend(drafts_for(facts, series))
        if not drafts:
            return []
        new_sentences = {d.index for d in drafts}
        attach_references(drafts, sentences, hits, dates, people)
        follow_on_details(drafts, sentences, dates, new_sentences)
        self._visitors = visit_destinations(sentences, people)
        place_meetings(drafts, self._visitors)
        sideline_meetings(drafts)
        name_editions(drafts)
        self._planned_by_date(drafts, article)
        drafts = merge_duplicates(drafts, ("meeting", "exercise", "training"))
        choose_anchors(drafts)
        inherit_from_anchors(drafts)
        praisers_join_exercises(drafts)
        dyad = main_dyad([[m.code for m in gazetteer().parties(s.text)] for s in sentences])
        drafts = merge_duplicates(drafts)
        drafts = [d for d in drafts if self._in_security_context(d, people)]
        self._infer_person_countries(drafts, people, dyad)
        events = [self._event(d, people, dyad, article) for d in drafts]
        return [e for e in events if e is not None]

    def _about_security(self, sentences: list[Sentence]) -> bool:
        """A sports report's 'defence' is not enough: several distinct security words are needed.

        An article dense in them (a defence report) counts all its diplomacy, even a
        paragraph on a past presidential visit that names no soldier.
        """
        found = [cue for s in sentences for cue in defence_cues(s.text)]
        self._defence_focus = (
            len(found) >= _FOCUS_DENSITY * len(sentences) and len(set(found)) >= _FOCUS_DISTINCT
        )
        return len(set(found)) >= _MIN_SECURITY_CUES

    def _in_security_context(self, draft: Draft, people: PersonTable) -> bool:
        """In a defence report every event counts; elsewhere its own words or people must be military."""
        if self._defence_focus:
            return True
        texts = [s.text for s in draft.refs] + draft.texts
        if draft.type in ("exercise", "defence_industry"):  # "the SIR exercise" of an election commission
            return any(set(defence_cues(t)) - {"exercise", "exercises", "drill", "drills"} for t in texts)
        persons = list(draft.persons)
        if draft.anchor is not None:
            texts.append(draft.anchor.sentence.text)
            persons += draft.anchor.persons
        if any(defence_cues(t) for t in texts):
            return True
        titles = " ".join(people.people[i].title or "" for i in persons)
        return bool(defence_cues(titles))

    def _unused_pipes(self) -> list[str]:
        """Only the entity recogniser (and the tok2vec it reads) is needed: the rest triples the time."""
        return [name for name in self.nlp.pipe_names if name not in ("tok2vec", "ner")]

    def _person_spans(self, candidates: list[Sentence]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        texts = [s.text for s in candidates]
        for sentence, doc in zip(candidates, self.nlp.pipe(texts, disable=self._unused_pipes()), strict=True):
            quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence.text)]
            for ent in doc.ents:
                if any(a <= ent.start_char < b for a, b in quoted):
                    continue  # "Mustafa Kemal Ataturk-2025" names an exercise, not a participant
                if (
                    ent.label_ == "PERSON"
                    and len(ent) >= 2
                    and not _PLACE_BEFORE.search(doc.text[: ent.start_char])
                ):
                    spans.append((sentence.start + ent.start_char, sentence.start + ent.end_char))
        return spans

    @staticmethod
    def _dates_by_sentence(text: str, sentences: list[Sentence], article: Article) -> dict[int, list]:
        found = find_dates(text, article.published)
        out: dict[int, list[tuple[int, EventDate]]] = {}
        for sentence in sentences:
            inside = [
                d for d in found if sentence.start <= d.start < sentence.end and d.value.start is not None
            ]
            if inside:
                out[sentence.index] = [(d.start - sentence.start, d.value) for d in inside]
        return out

    @staticmethod
    def _exercise_names(candidates: list[Sentence]) -> set[str]:
        from detente.extract.names import exercise_name

        names = set()
        for sentence in candidates:
            name = exercise_name(sentence.text)
            if name:
                names.add(name)
        return names

    @staticmethod
    def _planned_by_date(drafts: list[Draft], article: Article) -> None:
        if article.published is None:
            return
        for draft in drafts:
            if draft.status != "occurred" or draft.type in ("pledge", "praise") or draft.date is None:
                continue
            if draft.date.start and draft.date.start > article.published:
                draft.status = "planned"
        for (
            draft
        ) in drafts:  # a plan dated before the report was written: the date belongs to the announcement
            if draft.status == "planned" and draft.date and _before(draft.date, article.published):
                draft.date = None

    def _event(self, draft: Draft, people: PersonTable, dyad: list[str], article: Article) -> Event | None:
        persons = [people.people[i] for i in draft.persons]
        countries = _event_countries(draft, persons, dyad)
        if not countries or (len(countries) < 2 and draft.type != "exercise"):
            return None
        participants = [
            Participant(
                p.name,
                p.title,
                p.country
                or self._inferred.get(i)
                or _infer_country(persons, countries, draft, self._visitors.get(i)),
            )
            for i, p in zip(draft.persons, persons, strict=True)
        ]
        text = " ".join(dict.fromkeys(draft.texts))
        codes = codes_for(draft.type, text, len(participants), len(countries))
        evidence = draft.sentence.text
        return Event(
            type=draft.type,
            status=draft.status,
            countries=sorted(countries),
            evidence=evidence,
            date=draft.date
            if (draft.date and draft.status == "occurred") or (draft.date and draft.date.start)
            else EventDate(),
            participants=participants,
            location=draft.place,
            name=draft.name,
            topics=topics_for(text),
            codes=codes,
            doc_id=article.doc_id,
            evidence_start=draft.sentence.start,
        )

    def _infer_person_countries(self, drafts: list[Draft], people: PersonTable, dyad: list[str]) -> None:
        """A person named without a state keeps, in every event, the side one event gives them."""
        self._inferred = {}
        for draft in drafts:
            persons = [people.people[i] for i in draft.persons]
            countries = _event_countries(draft, persons, dyad)
            for index, person in zip(draft.persons, persons, strict=True):
                if person.country is None and index not in self._inferred:
                    guess = _infer_country(persons, countries, draft, self._visitors.get(index))
                    if guess:
                        self._inferred[index] = guess


def _event_countries(draft: Draft, persons: list, dyad: list[str]) -> list[str]:
    """The states taking part: named ones, the people's, the host's, else the article's main pair."""
    countries = list(dict.fromkeys(draft.countries + [p.country for p in persons if p.country]))
    if draft.place and draft.place.place and draft.place.country not in countries + dyad:
        known = [
            c for c in gazetteer().place_countries(draft.place.place.split(", ")[-1]) if c in countries + dyad
        ]
        # "Staff College in Wellington" in a story about India and Vietnam is not in New Zealand
        draft.place = Place(draft.place.place, known[0] if known else None)
    if draft.place and draft.place.country and draft.place.country not in countries:
        countries.append(draft.place.country)
    if draft.type in _BILATERAL_FILL and len(countries) < 2:
        countries += [code for code in dyad if code not in countries][: 2 - len(countries)]
    return countries


def _infer_country(persons: list, countries: list[str], draft: Draft, visited: Place | None) -> str | None:
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
    return host


def _before(value: EventDate, published: date) -> bool:
    """The whole period (day, month or year) lies before publication."""
    if value.start is None:
        return False
    if value.precision == "year":
        return value.start.year < published.year
    if value.precision == "month":
        return (value.start.year, value.start.month) < (published.year, published.month)
    return value.start < published


def build_extractor(nlp: Language | None = None) -> RuleExtractor:
    """The real engine; pass a loaded spaCy pipeline to share it, else it loads on first use."""
    return RuleExtractor(nlp)


__all__ = ["Hit", "RuleExtractor", "build_extractor"]

"""The rule-based extraction engine: one article in, its events out.

Cheap regex passes (sentences, triggers, countries, people) run over the whole
text; spaCy's NER runs only on sentences that hold a trigger, to catch people
named without a title. Everything the rules know lives in `lexicons/*.json`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from detente.extract.assemble import Sides, to_event
from detente.extract.dates import find_dates
from detente.extract.document import (
    attach_references,
    choose_anchors,
    delegation_leaders,
    follow_on_details,
    inherit_from_anchors,
    main_dyad,
    merge_duplicates,
    name_editions,
    place_meetings,
    praisers_join_exercises,
    share_bloc,
    sideline_meetings,
    visit_destinations,
)
from detente.extract.drafts import Draft, SentenceFacts, drafts_for
from detente.extract.gazetteer import article_context, gazetteer
from detente.extract.instruments import split_instruments
from detente.extract.lexicon import load_lexicon
from detente.extract.names import exercise_name, series_pattern
from detente.extract.people import PersonFinder, PersonTable, bind_visitors
from detente.extract.relevance import article_relevance, in_security_context, is_commentary, specific_enough
from detente.extract.text import Sentence, split_sentences
from detente.extract.triggers import Hit, find_hits, rules
from detente.models import Article, Event, EventDate

if TYPE_CHECKING:
    from spacy.language import Language

_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|off)\s+$")
_VESSEL_BEFORE = re.compile(
    r"\b(?:frigate|corvette|destroyer|cruiser|submarine|ship|vessel|carrier|cutter|boat|tanker|"
    r"INS|HMS|USS|PNS|HMAS|HMCS|KRI|BRP|JS|ROKS|TCG|FS|ITS|SNS|[Ee]xercise|[Oo]peration)\s+$"
)
_EDITION_SUFFIX = re.compile(r"-(?:[IVX]{1,5}|\d{1,4})$")
_SERIES_BEFORE = re.compile(r"\b(?:rotation|edition|iteration|round|phase) of\s+$")
_EXERCISE_APPOSITION = re.compile(
    r",?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:exercise|drill|manoeuvres|war games)\b"
)
_QUOTED = re.compile(r"[\"“][^\"”]{1,80}[\"”]")
_NER_PIPES = ("tok2vec", "ner")
_TOPIC_CONTEXT_TYPES = ("meeting", "pledge")
_TOPIC_CONTEXT_SENTENCES = 2
_DATES_BEFORE, _DATES_AFTER = 1, 2  # follow_on_details reads two sentences on
_CAPITALISED_PAIR = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+")


class RuleExtractor:
    """Extractor over trigger lexicons, a person table and document context. Holds no per-article state."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self._people = PersonFinder()
        gazetteer()
        rules()

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from detente.nlp import load_english

            self._nlp = load_english()
        return self._nlp

    def warm_up(self) -> None:
        self.nlp  # noqa: B018 - the property loads the model

    def extract(self, article: Article) -> list[Event]:
        with article_context(article.text or ""):
            return self._extract(article)

    def _extract(self, article: Article) -> list[Event]:
        text = article.text or ""
        sentences = split_sentences(text)
        relevant, focus = article_relevance(sentences)
        if not sentences or not relevant:
            return []
        hits = {s.index: find_hits(s.text) for s in sentences}
        series = series_pattern(_exercise_names([s for s in sentences if hits[s.index]]))
        candidates = [s for s in sentences if _may_hold_event(s, hits[s.index], series)]
        if not candidates:
            return []
        titled = self._people.build(text, sentences)
        unnamed = [c for c in candidates if _has_unknown_name(c, titled)]
        people = self._people.build(text, sentences, self._person_spans(unnamed)) if unnamed else titled
        bind_visitors(people, text, sentences, hits)
        dates = _dates_by_sentence(text, sentences, candidates, article)
        drafts = _sentence_drafts(candidates, sentences, hits, dates, people, series)
        if not drafts:
            return []
        attach_references(drafts, sentences, hits, dates, people)
        follow_on_details(drafts, sentences, dates, {d.index for d in drafts})
        delegation_leaders(drafts, sentences, people)
        mentioned = [[m.code for m in gazetteer().parties(s.text)] for s in sentences]
        sides = Sides(main_dyad(mentioned), mentioned=frozenset(c for codes in mentioned for c in codes))
        sides.visitors = visit_destinations(sentences, people)
        place_meetings(drafts, sides.visitors)
        sideline_meetings(drafts)
        name_editions(drafts)
        _planned_by_date(drafts, article.published)
        drafts = merge_duplicates(drafts, ("meeting", "exercise", "training"))
        choose_anchors(drafts, article.published)
        inherit_from_anchors(drafts)
        praisers_join_exercises(drafts)
        share_bloc(drafts)
        merged = merge_duplicates(drafts)
        secure = {id(d) for d in merged if in_security_context(d, people, focus=focus)}
        series_names = {
            _series_stem(d.name) for d in merged if id(d) in secure and d.type == "exercise" and d.name
        }
        drafts = [  # an edition of a series already shown to be military needs no cue of its own
            d
            for d in merged
            if id(d) in secure or (d.type == "exercise" and d.name and _series_stem(d.name) in series_names)
        ]
        if is_commentary(text):
            drafts = [d for d in drafts if specific_enough(d)]
        drafts = split_instruments(drafts, sentences)
        _topic_context(drafts, sentences)
        sides.learn(drafts, people)
        events = [to_event(d, people, sides, article) for d in drafts]
        return [e for e in events if e is not None]

    def _person_spans(self, candidates: list[Sentence]) -> list[tuple[int, int]]:
        """People spaCy finds in candidate sentences (only its NER runs: the rest triples the time)."""
        spans: list[tuple[int, int]] = []
        unused = [name for name in self.nlp.pipe_names if name not in _NER_PIPES]
        docs = self.nlp.pipe([s.text for s in candidates], disable=unused)
        for sentence, doc in zip(candidates, docs, strict=True):
            quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence.text)]
            for ent in doc.ents:
                if ent.label_ != "PERSON" or len(ent) < 2:
                    continue
                if (
                    any(a <= ent.start_char < b for a, b in quoted)
                    or _EDITION_SUFFIX.search(ent.text)
                    or _SERIES_BEFORE.search(sentence.text[: ent.start_char])
                    or _EXERCISE_APPOSITION.match(sentence.text[ent.end_char :])
                ):
                    continue  # "Mustafa Kemal Ataturk-2025", "Surya Kiran-XVII" name exercises, not people
                if _PLACE_BEFORE.search(sentence.text[: ent.start_char]):
                    continue  # "a ceremony in Hai Phong"
                if _VESSEL_BEFORE.search(sentence.text[: ent.start_char]):
                    continue  # "the Italian frigate Carlo Bergamini" is a ship, "Exercise Gobi Wolf" a drill
                spans.append((sentence.start + ent.start_char, sentence.start + ent.end_char))
        return spans


@lru_cache(maxsize=1)
def _common_capitals() -> frozenset[str]:
    return frozenset(load_lexicon("titles")["name_stopwords"])


def _has_unknown_name(sentence: Sentence, known: PersonTable) -> bool:
    """Only sentences with a capitalised pair no rule has explained need spaCy's NER (the costly step)."""
    covered = [(m.start, m.end) for m in known.between(sentence.start, sentence.end)]
    gaz = gazetteer()
    for match in _CAPITALISED_PAIR.finditer(sentence.text):
        start = sentence.start + match.start()
        if any(a <= start < b for a, b in covered):
            continue
        common = _common_capitals()
        words = [w for w in match.group(0).split() if w not in common and not gaz.lookup(w)]
        if len(words) >= 2:
            return True
    return False


def _may_hold_event(sentence: Sentence, hits: list[Hit], series: re.Pattern[str] | None) -> bool:
    """The cheap test that keeps most sentences away from spaCy and the rules."""
    return bool(hits or rules().proposal.search(sentence.text) or (series and series.search(sentence.text)))


def _sentence_drafts(candidates, sentences, hits, dates, people, series) -> list[Draft]:
    parts: dict[int, list[str]] = {}
    for sentence in sentences:
        parts.setdefault(sentence.paragraph, []).append(sentence.text)
    paragraphs = {index: "".join(" " + text for text in texts) for index, texts in parts.items()}  # linear
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
    return drafts


def _dates_by_sentence(
    text: str, sentences: list[Sentence], candidates: list[Sentence], article: Article
) -> dict[int, list[tuple[int, EventDate]]]:
    """Dates of the sentences the rules read: each candidate, the one before and the two after.

    Reading only these keeps a page dump with thousands of dates as cheap as an article.
    """
    wanted = sorted(
        {i for c in candidates for i in range(c.index - _DATES_BEFORE, c.index + _DATES_AFTER + 1)}
        & set(range(len(sentences)))
    )
    out: dict[int, list[tuple[int, EventDate]]] = {}
    for run in _consecutive_runs(wanted):
        first, last = sentences[run[0]], sentences[run[-1]]
        window = text[first.start : last.end]
        starts = [sentences[i].start - first.start for i in run]
        for found in find_dates(window, article.published):
            if found.value.start is None:
                continue
            sentence = sentences[run[bisect_right(starts, found.start) - 1]]
            at = found.start + first.start
            if at < sentence.end:
                out.setdefault(sentence.index, []).append((at - sentence.start, found.value))
    return out


def _consecutive_runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _topic_context(drafts: list[Draft], sentences: list[Sentence]) -> None:
    """What a meeting was about is often said in the sentences after it, in its paragraph
    ("The two sides discussed counter-terrorism and drug trafficking")."""
    for draft in drafts:
        if draft.type not in _TOPIC_CONTEXT_TYPES:
            continue
        following = sentences[draft.index + 1 : draft.index + 1 + _TOPIC_CONTEXT_SENTENCES]
        draft.texts += [s.text for s in following if s.paragraph == draft.sentence.paragraph]


def _series_stem(name: str) -> str:
    return re.sub(r"[- ](?:[IVX]{1,4}|\d{1,2}|(?:19|20)\d\d)$", "", name)


def _exercise_names(sentences: list[Sentence]) -> set[str]:
    return {name for s in sentences if (name := exercise_name(s.text))}


def _planned_by_date(drafts: list[Draft], published: date | None) -> None:
    """After publication means planned; a plan dated before it has the announcement's date, not its own."""
    if published is None:
        return
    for draft in drafts:
        start = draft.date.start if draft.date else None
        if (
            draft.status == "occurred"
            and draft.type not in ("pledge", "praise")
            and start
            and start > published
        ):
            draft.status = "planned"
        if draft.status == "planned" and draft.date and _before(draft.date, published):
            draft.date = None


def _before(value: EventDate, published: date) -> bool:
    """The whole period (day, month or year) lies before publication."""
    if value.start is None:
        return False
    if value.precision == "year":
        return value.start.year < published.year
    if value.precision == "month":
        return (value.start.year, value.start.month) < (published.year, published.month)
    return value.start < published

"""The rule-based extraction engine: one article in, its events out, stage by stage.

    page        page text -> clean sentences (furniture dropped), is the article worth reading
    candidates  trigger words per sentence -> the sentences that may state an event
    mentions    people, dates, states, places named in the sentences (spaCy NER on few candidates)
    recognise   each candidate's event mentions: type and status, one recogniser per type
    arguments   date, place, participants, states, name from the sentence; then from context
    merge       mentions of one happening become one draft (anchors are chosen in between)
    records     drafts in a defence context become the contract's events, with codes and topics

Each stage hands the next a typed container (`Page`, `Candidates`, `Mentions`,
`SentenceEvents`, `Draft`); `trace()` returns what each stage produced for one article
(`trace.StageTrace`), which `detente eval --stages` scores against gold.
Everything the rules know lives in `lexicons/*.json`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.extract.arguments import (
    ANCHOR_TYPES,
    attach_anchors,
    attach_context,
    attach_sentence_arguments,
    news_day,
    news_year,
    separate_meetings,
)
from detente.extract.arguments.places import news_at_dateline
from detente.extract.mentions import find_mentions
from detente.extract.mentions.people import PersonFinder
from detente.extract.mentions.states import article_context, gazetteer
from detente.extract.merge import merge_duplicates, share_bloc, split_instruments
from detente.extract.page import read_page
from detente.extract.recognise import SentenceScorer, find_candidates, recognise
from detente.extract.recognise.triggers import rules
from detente.extract.records import keep_in_context, to_records
from detente.extract.trace import StageTrace, views
from detente.ingest.url_dates import year_from_url
from detente.models import Article, Event
from detente.time_limit import check_time_limit

if TYPE_CHECKING:
    from spacy.language import Language


_WARM_UP_TEXT = (
    "LIMA, March 12 - Chilean Defence Minister Maya Fernandez met her Peruvian counterpart Walter "
    "Astudillo in Lima on Tuesday, and the two ministers agreed to hold a joint naval exercise next year."
)


class RuleExtractor:
    """Extractor over trigger lexicons, a person table and document context. Holds no per-article state.

    `scorer`, when given, is asked once per article, after the mentions stage, how likely each
    sentence is to state an event of each type; its scores reach the recognisers
    (`SentenceFacts.scores`) and the trace.
    """

    def __init__(self, nlp: Language | None = None, scorer: SentenceScorer | None = None) -> None:
        self._nlp = nlp
        self._people = PersonFinder()
        self._scorer = scorer
        gazetteer()
        rules()

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from detente.nlp import load_english

            self._nlp = load_english()
        return self._nlp

    def warm_up(self) -> None:
        """Load the model, the lexicons, the gazetteer and the sentence model now, by reading one
        short article of our own: a per-article time limit must not pay for first loads."""
        self.nlp  # noqa: B018 - the property loads the model
        self.extract(Article(doc_id="warm-up", text=_WARM_UP_TEXT, published=None))

    def extract(self, article: Article) -> list[Event]:
        with article_context(article.text or ""):
            return self._extract(article, None)

    def trace(self, article: Article) -> StageTrace:
        """The events and what each stage produced on the way (slower: drafts are copied)."""
        trace = StageTrace(article.doc_id)
        with article_context(article.text or ""):
            trace.events = tuple(self._extract(article, trace))
        return trace

    def _extract(self, article: Article, trace: StageTrace | None) -> list[Event]:
        page = read_page(article)
        if trace is not None:
            trace.record_page(page)
        if not page.sentences or not page.relevant:
            return []
        candidates = find_candidates(page)
        if trace is not None:
            trace.record_candidates(candidates)
        if not candidates.sentences:
            return []
        mentions = find_mentions(page, candidates, self._people, lambda: self.nlp)
        check_time_limit()
        scores = self._scorer.score(page, candidates, mentions) if self._scorer is not None else {}
        recognised = recognise(candidates, mentions, scores, self._scorer)
        if trace is not None:
            trace.scores = scores
        drafts = attach_sentence_arguments(recognised)
        if trace is not None:
            trace.record_recognised(recognised)
        if not drafts:
            return []
        visitors = attach_context(drafts, page, candidates, mentions)
        check_time_limit()
        drafts = separate_meetings(drafts, mentions)
        if trace is not None:
            trace.drafts = views(drafts, mentions.people)
        drafts = merge_duplicates(drafts, ANCHOR_TYPES)
        attach_anchors(drafts, page)
        share_bloc(drafts)
        if not page.commentary:  # an opinion piece's sweeping sentences are no news of the day
            news_day(drafts, page.published, mentions)
            if page.published is None:
                news_year(drafts, year_from_url(article.url), mentions)
            news_at_dateline(drafts, page.sentences, page.published)
        drafts = merge_duplicates(drafts)
        if trace is not None:
            trace.merged = views(drafts, mentions.people)
        drafts = keep_in_context(drafts, page, mentions.people)
        drafts = split_instruments(drafts, list(page.sentences))
        if trace is not None:
            trace.kept = views(drafts, mentions.people)
        return to_records(drafts, mentions, visitors, article)

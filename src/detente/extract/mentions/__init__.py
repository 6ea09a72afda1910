"""The mentions stage: states, people, places and dates named in an article's sentences.

Each is found once per article (people, and dates around candidate sentences) or once per
sentence and paragraph when first asked for (states, places), and looked up by the
recognisers and the argument passes through `Mentions`:

- `states.py`: countries, capitals, demonyms and bodies, mapped to alpha-3;
- `people/`: the person table (titled names, names spaCy found, descriptions, pronouns);
- `ner.py`: the spaCy NER run on the few candidate sentences that need it;
- `places.py`: places after a locative preposition, ranked by specificity;
- `dates/`: date expressions resolved against the publication date;
- `names.py`: events' own names (exercises, instruments, bodies that meet);
- `index.py`: `Mentions`, the per-article lookups;
- `paragraph_states.py`: a paragraph's states, read once, and with one sentence cut short.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from detente.extract.mentions.dates import find_dates
from detente.extract.mentions.index import DatedOffsets, Mentions, PeopleIndex
from detente.extract.mentions.ner import has_unknown_name, person_spans
from detente.extract.mentions.people import PersonFinder, bind_visitors
from detente.extract.page import Page
from detente.extract.page.sentences import Sentence, consecutive_runs

if TYPE_CHECKING:
    from spacy.language import Language

    from detente.extract.recognise.candidates import Candidates

__all__ = ["Mentions", "find_mentions"]

_DATES_BEFORE, _DATES_AFTER = 1, 2  # follow-on details read two sentences on


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_FIRST_YEAR = 1945  # earlier years name history, not the page's news


def find_mentions(
    page: Page, candidates: Candidates, finder: PersonFinder, nlp: Callable[[], Language]
) -> Mentions:
    """People of the whole article, dates around its candidate sentences; states and places on demand.

    `nlp` gives spaCy's pipeline, loaded only when a candidate names someone no rule explains.
    """
    text, sentences = page.text, list(page.sentences)
    titled = finder.build(text, sentences)
    known = PeopleIndex(titled)
    unnamed = [c for c in candidates.sentences if has_unknown_name(c, known)]
    people = finder.build(text, sentences, person_spans(nlp(), unnamed)) if unnamed else titled
    bind_visitors(people, text, sentences, candidates.hits)
    dates = dates_by_sentence(text, sentences, candidates.sentences, page.published)
    return Mentions(page.sentences, people, dates)


def dates_by_sentence(
    text: str, sentences: Sequence[Sentence], candidates: Sequence[Sentence], published: date | None
) -> dict[int, DatedOffsets]:
    """Dates of the sentences the rules read: each candidate, the one before and the two after.

    Reading only these keeps a page dump with thousands of dates as cheap as an article.
    """
    wanted = sorted(
        {i for c in candidates for i in range(c.index - _DATES_BEFORE, c.index + _DATES_AFTER + 1)}
        & set(range(len(sentences)))
    )
    out: dict[int, DatedOffsets] = {}
    hint = None if published else year_of_page(text)
    for run in consecutive_runs(wanted):
        first, last = sentences[run[0]], sentences[run[-1]]
        window = text[first.start : last.end]
        starts = [sentences[i].start - first.start for i in run]
        for found in find_dates(window, published, hint):
            if found.value.start is None:
                continue
            sentence = sentences[run[bisect_right(starts, found.start) - 1]]
            at = found.start + first.start
            if at < sentence.end:
                out.setdefault(sentence.index, []).append((at - sentence.start, found.value))
    return out


def year_of_page(text: str) -> int | None:
    """A page without a date is usually about the latest year it names ("chairmanship in 2021")."""
    years = [int(y) for y in _YEAR.findall(text) if _FIRST_YEAR <= int(y) <= date.today().year]
    return max(years) if years else None

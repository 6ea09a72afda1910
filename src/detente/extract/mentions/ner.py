"""People named without a title, found by spaCy's NER on the few sentences that need it.

The rules name most people from their titles ("Defence Minister X"); only a candidate
sentence with a capitalised pair no rule explains goes to spaCy, and only its NER runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from detente.extract.lexicon import LexiconPatterns, load_lexicon
from detente.extract.mentions.index import PeopleIndex
from detente.extract.mentions.states import gazetteer
from detente.extract.page.sentences import Sentence
from detente.time_limit import check_time_limit

if TYPE_CHECKING:
    from spacy.language import Language

_RULES = LexiconPatterns("mentions", "ner")


_NER_PIPES = ("tok2vec", "ner")


def person_spans(nlp: Language, candidates: Sequence[Sentence]) -> list[tuple[int, int]]:
    """People spaCy finds in candidate sentences (only its NER runs: the rest triples the time)."""
    spans: list[tuple[int, int]] = []
    unused = [name for name in nlp.pipe_names if name not in _NER_PIPES]
    docs = nlp.pipe([s.text for s in candidates], disable=unused)
    for sentence, doc in zip(candidates, docs, strict=True):
        check_time_limit()
        quoted = [(m.start(), m.end()) for m in _RULES.quoted.finditer(sentence.text)]
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            if (
                any(a <= ent.start_char < b for a, b in quoted)
                or _RULES.edition_suffix.search(ent.text)
                or _RULES.series_before.search(sentence.text[: ent.start_char])
                or _RULES.exercise_apposition.match(sentence.text[ent.end_char :])
            ):
                continue  # "Mustafa Kemal Ataturk-2025", "Surya Kiran-XVII" name exercises, not people
            if _RULES.place_before.search(sentence.text[: ent.start_char]):
                continue  # "a ceremony in Hai Phong"
            if _RULES.vessel_before.search(sentence.text[: ent.start_char]):
                continue  # "the Italian frigate Carlo Bergamini" is a ship, "Exercise Gobi Wolf" a drill
            spans.append((sentence.start + ent.start_char, sentence.start + ent.end_char))
    return spans


@lru_cache(maxsize=1)
def _common_capitals() -> frozenset[str]:
    return frozenset(load_lexicon("titles")["name_stopwords"])


def has_unknown_name(sentence: Sentence, known: PeopleIndex) -> bool:
    """Only sentences with a capitalised pair no rule has explained need spaCy's NER (the costly step)."""
    covered = [(m.start, m.end) for m in known.between(sentence.start, sentence.end)]
    gaz = gazetteer()
    for match in _RULES.capitalised_pair.finditer(sentence.text):
        start = sentence.start + match.start()
        if any(a <= start < b for a, b in covered):
            continue
        common = _common_capitals()
        words = [w for w in match.group(0).split() if w not in common and not gaz.lookup(w)]
        if len(words) >= 2:
            return True
    return False

"""One article's mentions, found once and looked up per sentence or paragraph.

The recognisers and the argument passes ask the same questions of many sentences: who is
named between these offsets, which states does this sentence or its paragraph name, which
places does it name. Answering each from a scan of the whole article (or paragraph) per
question made extraction quadratic on page dumps with one huge paragraph; here each scan
runs once and the answers are cached.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from detente.extract.mentions.paragraph_states import ParagraphStates
from detente.extract.mentions.people import Mention, PersonTable
from detente.extract.mentions.places import PlaceHit, find_places
from detente.extract.mentions.states import CountryMention, gazetteer
from detente.extract.page.sentences import Sentence
from detente.models import EventDate

DatedOffsets = list[tuple[int, EventDate]]  # (offset in the sentence, date)


class PeopleIndex:
    """`PersonTable.between` by binary search: the table's mentions are sorted once it is built."""

    def __init__(self, table: PersonTable) -> None:
        self.table = table
        self._starts = [m.start for m in table.mentions]
        self._sorted = all(a <= b for a, b in zip(self._starts, self._starts[1:], strict=False))

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in [start, end), in the table's order."""
        if not self._sorted:
            return self.table.between(start, end)
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end, lo=low) if end > start else low
        return self.table.mentions[low:high]


class Mentions:
    """States, people, places and dates of one article's sentences (the mentions stage's output)."""

    def __init__(
        self, sentences: Sequence[Sentence], people: PersonTable, dates: Mapping[int, DatedOffsets]
    ) -> None:
        self.sentences = sentences
        self.people = people
        self.dates = dates
        self._people = PeopleIndex(people)
        self._states: dict[int, list[CountryMention]] = {}
        self._places: dict[int, list[PlaceHit]] = {}
        self._paragraphs: dict[int, list[Sentence]] = {}
        self._position: dict[int, int] = {}  # sentence index: position in its paragraph
        for sentence in sentences:
            members = self._paragraphs.setdefault(sentence.paragraph, [])
            self._position[sentence.index] = len(members)
            members.append(sentence)
        self._paragraph_text: dict[int, str] = {}
        self._paragraph_states: dict[int, ParagraphStates] = {}
        self._searches: dict[tuple[int, re.Pattern[str]], bool] = {}

    # ---------------------------------------------------------------- people

    def people_between(self, start: int, end: int) -> list[Mention]:
        """People mentioned between two article offsets (as `PersonTable.between`)."""
        return self._people.between(start, end)

    def people_in(self, sentence: Sentence) -> list[Mention]:
        return self._people.between(sentence.start, sentence.end)

    # ---------------------------------------------------------------- dates and places

    def dates_in(self, sentence: Sentence) -> DatedOffsets:
        """Dates of a sentence the rules read (candidates and their neighbours), with offsets."""
        return self.dates.get(sentence.index, [])

    def places_in(self, sentence: Sentence) -> list[PlaceHit]:
        """Named places of a sentence, offsets in the sentence (callers must not change the list)."""
        found = self._places.get(sentence.index)
        if found is None:
            found = self._places[sentence.index] = find_places(sentence.text)
        return found

    # ---------------------------------------------------------------- states

    def states_in(self, sentence: Sentence) -> list[CountryMention]:
        """States a sentence names as parties, with article offsets."""
        found = self._states.get(sentence.index)
        if found is None:
            found = self._states[sentence.index] = gazetteer().parties(sentence.text, sentence.start)
        return found

    def state_codes(self) -> list[list[str]]:
        """Per sentence, the codes of the states it names (the article's main pair is counted on it)."""
        return [[m.code for m in self.states_in(s)] for s in self.sentences]

    def paragraph_text(self, paragraph: int) -> str:
        """The paragraph's sentences, each after one space (the text the paragraph rules read)."""
        text = self._paragraph_text.get(paragraph)
        if text is None:
            text = self._paragraph_text[paragraph] = "".join(
                " " + s.text for s in self._paragraphs.get(paragraph, [])
            )
        return text

    def paragraph_has(self, paragraph: int, pattern: re.Pattern[str]) -> bool:
        """Whether the pattern occurs in the paragraph (asked by many sentences, searched once)."""
        key = (paragraph, pattern)
        found = self._searches.get(key)
        if found is None:
            found = self._searches[key] = bool(pattern.search(self.paragraph_text(paragraph)))
        return found

    def nearby_states(self, sentence: Sentence, cut: int) -> list[str]:
        """Distinct codes of the states the sentence's paragraph names, in order of first mention,
        the sentence (and any copy of it in the paragraph) read only up to `cut` ("..., where they
        discussed security in Somalia": a topic, not a state nearby). The paragraph is scanned
        once; see `paragraph_states.py`."""
        states = self._paragraph_states.get(sentence.paragraph)
        if states is None:
            members = self._paragraphs[sentence.paragraph]
            states = self._paragraph_states[sentence.paragraph] = ParagraphStates(members)
        return states.unique_codes(self._position[sentence.index], cut)

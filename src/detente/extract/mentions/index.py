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
        self._placing: dict[int, tuple[int, int]] = {}  # sentence: (position, offset) in its paragraph
        for sentence in sentences:
            members = self._paragraphs.setdefault(sentence.paragraph, [])
            space = self._placing[members[-1].index][1] + len(members[-1].text) if members else 0
            self._placing[sentence.index] = (len(members), space + 1)
            members.append(sentence)
        self._paragraph_text: dict[int, str] = {}
        self._paragraph_states: dict[int, list[CountryMention]] = {}
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
        """Codes of the states the sentence's paragraph names, the sentence read only up to `cut`
        ("..., where they discussed security in Somalia": a topic, not a state nearby).

        The same as scanning the paragraph with the sentence cut, without scanning the whole
        paragraph for every sentence: the paragraph's own scan is reused, and only the cut
        sentence and the one after it (whose first words the cut may change the reading of) are
        read again. A sentence ends with a full stop, question or exclamation mark before the
        next, and no rule about a state's mention reads across one, so nothing further changes.
        """
        text = sentence.text
        if cut >= len(text):
            return [m.code for m in self._states_of_paragraph(sentence.paragraph)]
        paragraph = self.paragraph_text(sentence.paragraph)
        members = self._paragraphs[sentence.paragraph]
        position, own = self._placing[sentence.index]
        if paragraph.find(text) != own or paragraph.find(text, own + 1) != -1:
            # the sentence's words recur in its paragraph: every copy is cut
            return [m.code for m in gazetteer().parties(paragraph.replace(text, text[:cut]))]
        previous = " " + members[position - 1].text if position > 0 else ""
        following = members[position + 1] if position + 1 < len(members) else None
        local = previous + " " + text[:cut] + (" " + following.text if following else "")
        reread = [m for m in gazetteer().parties(local) if m.start >= len(previous)]
        before_end = own - 1  # the space before the cut sentence
        after_start = (
            own + len(text) + 1 + len(following.text) if following is not None else len(paragraph)
        )  # the space before the sentence after the next
        whole = self._states_of_paragraph(sentence.paragraph)
        return (
            [m.code for m in whole if m.start < before_end]
            + [m.code for m in reread]
            + [m.code for m in whole if m.start >= after_start]
        )

    def _states_of_paragraph(self, paragraph: int) -> list[CountryMention]:
        found = self._paragraph_states.get(paragraph)
        if found is None:
            found = self._paragraph_states[paragraph] = gazetteer().parties(self.paragraph_text(paragraph))
        return found

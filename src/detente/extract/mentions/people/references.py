"""Descriptions, counterparts and pronouns bound to the people the article names.

"the Tajik minister", "his Iranian counterpart", "he", "the visiting dignitary": each
points to a named person, found by office, state and position.
"""

from __future__ import annotations

import re

from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.people.names import NamePatterns, title_case
from detente.extract.mentions.people.table import Mention, PersonTable, office_key
from detente.extract.mentions.states import Gazetteer
from detente.extract.page.sentences import Sentence
from detente.time_limit import check_time_limit

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")

_QUOTE_THEN_SPEAKER = re.compile(r"^[\"“][^\"”]+[\"”]")

_RULES = LexiconPatterns("mentions", "people")


class ReferenceBinding:
    """The part of `PersonFinder` that binds descriptions, counterparts and pronouns."""

    patterns: NamePatterns
    gaz: Gazetteer

    def _code(self, surface: str | None) -> str | None:
        if not surface:
            return None
        found = self.gaz.lookup(surface)
        return found[0] if found else None

    def _descriptions(self, text: str, sentences: list[Sentence], table: PersonTable) -> None:
        """'the Tajik minister', 'his Iranian counterpart', 'he': bound to a named person."""
        counterparts: list[tuple[Sentence, str, str | None, int, int]] = []
        ordered = -1  # len(table.mentions) when last sorted: sorting again changes nothing until it grows
        for position, sentence in enumerate(sentences):
            check_time_limit()
            last_sentence = sentences[position - 1] if position else None
            named: list[tuple[int, int]] | None = None  # the mentions as this sentence began, when needed
            for match in self.patterns.description.finditer(sentence.text):
                start = sentence.start + match.start("head")
                named = [(m.start, m.end) for m in table.mentions] if named is None else named
                if any(a <= start < b for a, b in named):
                    continue
                head = match.group("head")
                country = self._code(match.group("co")) or self._code(match.group("cq"))
                end = sentence.start + match.end()
                if head.lower().startswith("counterpart"):
                    if not any(0 <= m.start - end <= 3 for m in table.mentions):
                        counterparts.append((sentence, head, country, start, end))
                    continue  # resolved last, once every office is known
                index = self._resolve(table, head, country, start, text, sentence)
                if index is not None:
                    table.mentions.append(Mention(start, end, index, "description"))
            if len(table.mentions) != ordered:
                table.mentions.sort(key=lambda m: m.start)
                ordered = len(table.mentions)
            for match in _PRONOUN.finditer(sentence.text):
                start = sentence.start + match.start()
                previous = table.last_before(start, lower=max(0, sentence.start - 600))
                if previous is not None and previous.start < sentence.start:
                    previous = _subject_before(table, last_sentence) or previous
                if previous is not None:
                    table.mentions.append(
                        Mention(start, start + len(match.group(0)), previous.person, "pronoun")
                    )
            if len(table.mentions) != ordered:
                table.mentions.sort(key=lambda m: m.start)
                ordered = len(table.mentions)
        self._resolve_counterparts(table, counterparts, text)

    def _resolve_counterparts(self, table: PersonTable, counterparts: list, text: str) -> None:
        for sentence, head, country, start, end in counterparts:
            index = self._resolve(table, head, country, start, text, sentence)
            if index is not None:
                table.mentions.append(Mention(start, end, index, "description"))
        table.mentions.sort(key=lambda m: m.start)

    def _resolve(
        self, table: PersonTable, head: str, country: str | None, at: int, text: str, sentence: Sentence
    ) -> int | None:
        head_key = office_key(self.patterns.abbreviations.get(head.upper(), head))
        generic = head_key <= {"counterpart", "dignitary", "official", "leader", "envoy", "visiting", "chief"}
        candidates = []
        if head_key == {"counterpart"}:
            owner = table.last_before(at, lower=sentence.start)
            owner_office = table.people[owner.person].office if owner else None
            if owner_office:
                candidates = self._holders(table, office_key(owner_office), country, at, generic=False)
        candidates = candidates or self._holders(table, head_key, country, at, generic=generic)
        if not candidates:
            if head_key == {"counterpart"}:
                return None  # "he and his Japanese counterpart signed": unnamed, not the next name
            return self._bind_forward(table, head, country, at)
        before = [m for m in table.mentions if m.start < at and m.person in candidates]
        if before:
            return before[-1].person
        return min(candidates, key=lambda i: abs(table.people[i].first_seen - at))

    @staticmethod
    def _holders(
        table: PersonTable, head_key: frozenset[str], country: str | None, at: int, *, generic: bool
    ) -> list[int]:
        candidates = []
        for index, person in enumerate(table.people):
            if country and person.country and person.country != country:
                continue
            if country and not person.country:
                continue
            keys = office_key(person.office or "") | office_key(person.rank or "")
            if not generic and not head_key <= keys:
                continue
            if person.first_seen > at + 600:
                continue
            candidates.append(index)
        return candidates

    def _bind_forward(self, table: PersonTable, head: str, country: str | None, at: int) -> int | None:
        """'the Iranian minister of defense said ... Brigadier-General Amir Hatami said': one person."""
        if not country:
            return None
        for mention in table.mentions:
            if mention.start <= at or mention.start - at > 600 or mention.kind != "name":
                continue
            person = table.people[mention.person]
            if person.office is None and person.country in (None, country) and person.first_seen > at:
                person.office = title_case(head)
                person.country = country
                return mention.person
        return None


def _subject_before(table: PersonTable, previous: Sentence | None) -> Mention | None:
    """'X visited Nairobi and met Y. On Thursday, he toured ...': a pronoun opening a sentence
    continues the previous sentence's subject, its first named person."""
    if previous is None:
        return None
    named = [m for m in table.between(previous.start, previous.end) if m.kind == "name"]
    if len({m.person for m in named}) < 2:
        return None
    quote = _QUOTE_THEN_SPEAKER.match(previous.text)
    if quote:  # '"We held talks with X," Y said.': Y, the speaker, is the subject
        speakers = [m for m in named if m.start >= previous.start + quote.end()]
        return speakers[0] if speakers else None
    return named[0]


def bind_visitors(
    table: PersonTable, text: str, sentences: list[Sentence], hits_by_sentence: dict
) -> set[int]:
    """Who came to whom: the subject of 'called on'/'visited', the object of 'received'/'hosted'.

    'The visiting dignitary', 'the guest' then point to that visitor rather than to
    whoever was named last.
    """
    visitors: list[int] = []
    for sentence in sentences:
        for hit in hits_by_sentence.get(sentence.index, []):
            if hit.type != "meeting" or hit.reference:
                continue
            at = sentence.start + hit.start
            if _RULES.caller.fullmatch(hit.text):
                found = [m for m in table.mentions if sentence.start <= m.start < at and m.kind == "name"]
            elif _RULES.host.fullmatch(hit.text):
                found = [m for m in table.mentions if at < m.start < sentence.end and m.kind == "name"][:1]
            else:
                continue
            visitors += [m.person for m in found if m.person not in visitors]
    if visitors:
        for mention in table.mentions:
            described = mention.kind == "description" and mention.person not in visitors
            if described and _RULES.visitor_words.search(text[max(0, mention.start - 12) : mention.end]):
                mention.person = visitors[0]
    return set(visitors)

"""Builds one article's person table: titled names, names spaCy found, bare surnames, then
descriptions and pronouns bound to them."""

from __future__ import annotations

import re
from bisect import bisect_right

from detente.extract.lexicon import LexiconPatterns, load_lexicon
from detente.extract.mentions.people.names import (
    clean_name,
    name_patterns,
    title_case,
)
from detente.extract.mentions.people.references import ReferenceBinding
from detente.extract.mentions.people.table import Mention, Person, PersonTable
from detente.extract.mentions.states import gazetteer
from detente.extract.page.sentences import Sentence
from detente.literal_gate import LiteralGate
from detente.time_limit import check_time_limit

_PEOPLE = LexiconPatterns("mentions", "people")
_TITLE_PHRASE_CHARS = 90  # longer than any title ("Chairman of the Joint Chiefs of Staff Committee of ...")
_HONOURS = re.compile(r"^(?:,\s*[A-Z]{1,5}(?:\s*\([A-Z]{1,3}\))?(?=,))+")  # ", NI (M), Chief of Army Staff"

_POST_TITLE = re.compile(
    r"^,\s+(?:the\s+)?(?P<office>(?:[A-Z][\w'’-]*\s+(?:(?:of|in|for|and)\s+(?:the\s+)?)?){0,6}?"
    r"(?:Officer|Commander|Commanding|Chief|Head|Director|Minister|Secretary|Chairman|Ambassador|Attach[eé])"
    r"(?:\s+(?:(?:of|in|for)\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,6})(?=,|\.|\s+(?:and|who|said|called|met)\b)"
)


class PersonFinder(ReferenceBinding):
    """Builds a PersonTable for one article."""

    def __init__(self) -> None:
        self.gaz = gazetteer()
        self.patterns = name_patterns()
        self._offices = frozenset(load_lexicon("titles")["offices"])
        self._title_words = frozenset(
            w.lower()
            for t in load_lexicon("titles")["offices"] + load_lexicon("titles")["ranks"]
            for w in t.split()
        ) | {"chiefs", "staff", "committee", "army", "forces", "ministry"}
        self._named_patterns = (  # in this order: an earlier pattern's name covers a later one's
            self.patterns.delegation,
            self.patterns.org_head,
            self.patterns.titled,
            self.patterns.ranked,
            self.patterns.counterpart_intro,
            self.patterns.honoured,
        )
        self._named_gate = LiteralGate(self._named_patterns)

    @staticmethod
    def _counterpart_office(table: PersonTable, sentence: Sentence, at: int) -> str | None:
        """'X held talks with his Tajik counterpart Y': Y holds X's office."""
        before = [m for m in table.mentions if sentence.start <= m.start < at]
        for mention in reversed(before):
            office = table.people[mention.person].office
            if office:
                return office
        return None

    def build(
        self, text: str, sentences: list[Sentence], extra_names: list[tuple[int, int]] = ()
    ) -> PersonTable:
        table = PersonTable()
        self._pending: list[tuple[int, Sentence, int]] = []
        for sentence in sentences:
            check_time_limit()
            self._named(text, sentence, table)
        starts = [s.start for s in sentences]
        for start, end in extra_names:
            if any(w.lower().strip(".,") in self._title_words for w in text[start:end].split()):
                continue
            name = clean_name(text[start:end], self.gaz, self.patterns.stopwords)
            if name and not any(m.start <= start < m.end for m in table.mentions):
                office, country = self._apposition(text[end : end + 160])
                opening = starts[bisect_right(starts, start) - 1] if starts and starts[0] <= start else 0
                country = country or self._state_in_title_phrase(text[opening:start])
                index = self._add(table, name, office, None, country, start)
                table.mentions.append(Mention(start, end, index, "name"))
        table.mentions.sort(key=lambda m: m.start)
        self._bare_names(text, sentences, table)
        table.mentions.sort(key=lambda m: m.start)
        for index, sentence, at in self._pending:
            if table.people[index].office is None:
                table.people[index].office = self._counterpart_office(table, sentence, at)
        self._descriptions(text, sentences, table)
        table.mentions.sort(key=lambda m: m.start)
        return table

    def _named(self, text: str, sentence: Sentence, table: PersonTable) -> None:
        covered: list[tuple[int, int]] = []
        can_match = self._named_gate.open(sentence.text)
        for position, pattern in enumerate(self._named_patterns):
            if position not in can_match:
                continue
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start()
                if any(a <= start < b or a < sentence.start + match.end() <= b for a, b in covered):
                    continue
                name = clean_name(match.group("name"), self.gaz, self.patterns.stopwords)
                if not name:
                    continue
                groups = match.groupdict()
                office = groups.get("office")
                country = self._code(groups.get("co")) or self._code(groups.get("cq"))
                name_end = match.start("name") + len(match.group("name"))
                tail = sentence.text[match.start("name") + self._name_length(match.group("name"), name) :]
                appos = self.patterns.apposition.match(_HONOURS.sub("", tail, count=1))
                if appos:
                    office = office or appos.group("office")
                    country = country or self._code(appos.group("co")) or self._code(appos.group("cq"))
                elif not office or not country:
                    post, post_country = self._post_title(_HONOURS.sub("", tail, count=1))
                    office, country = office or post, country or post_country
                head = sentence.text[: match.start()]
                counterpart = self.patterns.counterpart.search(head)
                if counterpart:
                    country = country or self._code(counterpart.group("cq"))
                country = country or self._state_in_title_phrase(sentence.text[: match.start("name")])
                if office and " and " in office and office not in self._offices:
                    office = office.split(" and ")[-1]
                is_counterpart = bool(counterpart) or pattern is self.patterns.counterpart_intro
                index = self._add(table, name, office, groups.get("rank"), country, start)
                clean_end = match.start("name") + self._name_length(match.group("name"), name)
                lead = next(
                    (match.start(g) for g in ("office", "rank") if groups.get(g)), match.start("name")
                )
                table.people[index].remember(sentence.text[min(lead, match.start("name")) : clean_end])
                if is_counterpart and not office:
                    self._pending.append((index, sentence, start))
                name_start = sentence.start + match.start("name")
                table.mentions.append(Mention(name_start, sentence.start + name_end, index, "name"))
                covered.append((start, sentence.start + match.end()))

    def _state_in_title_phrase(self, head: str) -> str | None:
        """The one state named in the title phrase right before a name ("Pakistan's head of Joint
        Chiefs of Staff Committee Gen. Nadeem Raza", "the Defence Minister of the Russian counterpart
        Sergei Shoigu"); the phrase starts after the last comma, conjunction, preposition or verb."""
        cut = 0
        for cut_at in _PEOPLE.title_phrase_break.finditer(head):
            cut = cut_at.end()
        phrase = head[cut:]
        if len(phrase) > _TITLE_PHRASE_CHARS:
            return None
        states = {m.code for m in self.gaz.parties(phrase) if m.kind in ("name", "demonym")}
        return states.pop() if len(states) == 1 else None

    def _post_title(self, tail: str) -> tuple[str | None, str | None]:
        """', Flag Officer in Command of the Philippine Navy,': an office the lexicon lacks, and its state."""
        match = _POST_TITLE.match(tail)
        if not match:
            return None, None
        office = match.group("office").strip()
        states = self.gaz.parties(office)
        return office, states[0].code if states else None

    def _apposition(self, tail: str) -> tuple[str | None, str | None]:
        """', vice chairman of China's Central Military Commission': the office after a bare name."""
        appos = self.patterns.apposition.match(_HONOURS.sub("", tail, count=1))
        if not appos:
            return None, None
        return appos.group("office"), self._code(appos.group("co")) or self._code(appos.group("cq"))

    @staticmethod
    def _name_length(raw: str, clean: str) -> int:
        position = raw.find(clean.split()[-1]) if clean else -1
        return position + len(clean.split()[-1]) if position >= 0 else len(raw)

    def _add(
        self,
        table: PersonTable,
        name: str,
        office: str | None,
        rank: str | None,
        country: str | None,
        at: int,
    ) -> int:
        if rank:
            rank = re.sub(r"\s*\(.*\)$", "", rank)  # "(Retd)" says they left the service, not a rank
        if office:
            office = self.patterns.abbreviations.get(office.upper(), office) if office.isupper() else office
            office = None if office in self.patterns.hidden_titles else title_case(office)
        index = self._match(table, name)
        if index is None:
            table.people.append(Person(name, office, rank, country, at, [name]))
            return len(table.people) - 1
        person = table.people[index]
        person.remember(name)
        if len(name) > len(person.name):
            person.name = name
        person.office = person.office or office
        person.rank = person.rank or rank
        person.country = person.country or country
        return index

    @staticmethod
    def _match(table: PersonTable, name: str) -> int | None:
        tokens = {t.lower() for t in name.split()}
        best = None
        for index, person in enumerate(table.people):
            theirs = person.tokens()
            if tokens <= theirs or theirs <= tokens:
                if len(tokens) == 1 and len(theirs) > 1:
                    only = next(iter(tokens))
                    parts = [t.lower() for t in person.name.split()]
                    if only not in (parts[0], parts[-1]):
                        continue
                best = index
        return best

    def _bare_names(self, text: str, sentences: list[Sentence], table: PersonTable) -> None:
        """Later mentions by surname or first name alone ("Baqeri", "Zardari")."""
        if not table.people:
            return
        surnames: dict[str, int] = {}
        middles: dict[str, set[int]] = {}
        for index, person in enumerate(table.people):
            parts = person.name.split()
            if len(parts) > 1:
                surnames.setdefault(parts[-1], index)
                surnames.setdefault(parts[0], index)
            for part in parts[1:-1]:  # "Khaled" of "Mohamed Khaled Nordin"
                if len(part) >= 4 and part[:1].isupper() and part not in self.patterns.stopwords:
                    middles.setdefault(part, set()).add(index)
        for part, owners in middles.items():
            if len(owners) == 1:
                surnames.setdefault(part, next(iter(owners)))
        if not surnames:
            return
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in surnames) + r")\b")
        taken = [(m.start, m.end) for m in table.mentions]
        for sentence in sentences:
            check_time_limit()
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start()
                if any(a <= start < b for a, b in taken):
                    continue
                table.mentions.append(
                    Mention(start, sentence.start + match.end(), surnames[match.group(0)], "name")
                )
                table.people[surnames[match.group(0)]].remember(match.group(0))

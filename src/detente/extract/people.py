"""The document's person table: who is named, with which office, rank and state.

News introduces a person once in full ("Tajikistan Defence Minister Colonel General
Sobirzoda Emomali Abdulrahim") and then refers back with a piece of the name, a
description ("the Tajik minister", "the COAS") or a pronoun. The table keeps one
entry per person with the fullest name, and a list of mentions (character spans)
so an event can ask "who is mentioned between these offsets?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from detente.extract.gazetteer import Gazetteer, gazetteer
from detente.extract.lexicon import alternation, load_lexicon
from detente.extract.text import Sentence

_NAME_TOKEN = r"[A-Z][\w'’.-]*"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:bin\s+|bint\s+|al-|Al\s+|de\s+|van\s+|von\s+)?{_NAME_TOKEN}){{0,5}}"
_POSSESSIVE = re.compile(r"['’]s$")
_HONOURS = re.compile(r"^(?:,\s*[A-Z]{1,5}(?:\s*\([A-Z]{1,3}\))?(?=,))+")  # ", NI (M), Chief of Army Staff"
_CALLER = re.compile(
    r"(?i:called on|calls on|call on|paid a (?:courtesy )?call on|visited|paid (?:a|an) (?:[\w-]+ )?visit)"
)
_HOST = re.compile(r"(?i:received|hosted.*)")
_VISITOR_WORDS = re.compile(r"\b(?:visiting|dignitary|guest)\b", re.I)
_RANK_WORDS = frozenset({"General", "Colonel", "Lieutenant", "Admiral", "Marshal", "Brigadier", "Commodore"})
_POST_TITLE = re.compile(
    r"^,\s+(?:the\s+)?(?P<office>(?:[A-Z][\w'’-]*\s+(?:(?:of|in|for|and)\s+(?:the\s+)?)?){0,6}?"
    r"(?:Officer|Commander|Commanding|Chief|Head|Director|Minister|Secretary|Chairman|Ambassador|Attach[eé])"
    r"(?:\s+(?:(?:of|in|for)\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,6})(?=,|\.|\s+(?:and|who|said|called|met)\b)"
)
_QUOTE_THEN_SPEAKER = re.compile(r"^[\"“][^\"”]+[\"”]")
_POLITY = r"(?:(?:Republic|Kingdom|Federation|Sultanate|State|Emirate|Commonwealth)\s+of\s+(?:the\s+)?)?"
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")


@dataclass
class Person:
    name: str
    office: str | None = None
    rank: str | None = None
    country: str | None = None
    first_seen: int = 0
    forms: list[str] = field(default_factory=list)  # every way the article names them

    @property
    def title(self) -> str | None:
        return self.office or self.rank

    def aliases(self) -> list[str]:
        """The other forms holding their name ("Asim Munir", "COAS Asim Munir"), never a bare title."""
        return [f for f in dict.fromkeys(self.forms) if f != self.name]

    def remember(self, form: str) -> None:
        form = " ".join(form.split()).strip(" ,.")
        if form and form not in self.forms:
            self.forms.append(form)

    def tokens(self) -> set[str]:
        return {t.lower() for t in self.name.split()}


@dataclass
class Mention:
    start: int
    end: int
    person: int  # index into PersonTable.people
    kind: str  # name | description | pronoun


@dataclass
class PersonTable:
    people: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def between(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start < end]

    def last_before(self, position: int, lower: int = 0) -> Mention | None:
        found = [m for m in self.mentions if lower <= m.start < position]
        return found[-1] if found else None


@dataclass(frozen=True)
class _Patterns:
    titled: re.Pattern[str]
    ranked: re.Pattern[str]
    apposition: re.Pattern[str]
    counterpart: re.Pattern[str]
    counterpart_intro: re.Pattern[str]
    delegation: re.Pattern[str]
    org_head: re.Pattern[str]
    honoured: re.Pattern[str]
    description: re.Pattern[str]
    abbreviations: dict[str, str]
    hidden_titles: frozenset[str]
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    titles = load_lexicon("titles")
    gaz = gazetteer()
    office = r"(?<![\w-])(?i:" + alternation(titles["offices"], literal=True) + r")(?![\w-])"
    offices = rf"{office}(?:\s+and\s+{office})?"
    rank = (
        r"(?<![\w-])"
        + alternation(titles["ranks"], literal=True)
        + r"(?![\w-])(?:\s*\((?i:retd\.?|retired|r)\))?"  # "Air Vice Marshal (Retd) X"
    )
    qualifier = (
        r"(?<![\w-])"
        + alternation(sorted(set(gaz.countries) | set(gaz.demonyms) | set(gaz.bodies)), literal=True)
        + r"(?![\w-])"
    )
    heads = "(?i:" + alternation(titles["person_heads"] + titles["offices"], literal=True) + ")"
    return _Patterns(
        titled=re.compile(
            rf"(?:(?P<cq>{qualifier})(?:['’]s)?\s+)?(?P<office>{offices})(?:\s+of\s+(?:the\s+)?{_POLITY}(?P<co>{qualifier}))?"
            rf"(?:\s*\([A-Z]+\))?,?\s+(?:(?P<rank>{rank})\s+)?(?P<name>{_NAME})"
        ),
        ranked=re.compile(rf"(?:(?P<cq>{qualifier})(?:['’]s)?\s+)?(?P<rank>{rank})\s+(?P<name>{_NAME})"),
        apposition=re.compile(
            rf"^,\s+(?:the\s+)?(?:(?P<cq>{qualifier})(?:['’]s)?\s+)?(?P<office>{offices})(?:\s+of\s+(?:the\s+)?{_POLITY}(?P<co>{qualifier}))?"
        ),
        counterpart=re.compile(rf"(?:his|her|their)\s+(?P<cq>{qualifier})\s+counterparts?,?\s*$", re.I),
        org_head=re.compile(
            rf"\b(?P<cq>{qualifier})(?:['’]s)?\s+(?P<office>(?:[A-Z][\w-]*\s+){{1,5}}(?i:chief|commander|head))\s+"
            rf"(?:(?P<rank>{rank})\s+)?(?P<name>{_NAME})"
        ),
        delegation=re.compile(
            rf"\b(?P<cq>{qualifier})\s+(?:[\w-]+\s+){{0,3}}delegation,?\s+(?:led|headed)\s+by\s+"
            rf"(?:(?P<office>{offices})\s+)?(?:(?P<rank>{rank})\s+)?(?P<name>{_NAME})"
        ),
        honoured=re.compile(
            rf"\b(?:His|Her)\s+(?:Excellency|Majesty|Royal Highness|Highness)\s+(?P<name>{_NAME})"
        ),
        counterpart_intro=re.compile(
            rf"\b(?:his|her|their)\s+(?P<cq>{qualifier})\s+counterparts?,?\s+(?P<name>{_NAME})"
        ),
        description=re.compile(
            r"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+|^)(?:(?:visiting|newly appointed|former)\s+)?"
            rf"(?:(?P<cq>{qualifier})(?:['’]s)?\s+)?"
            rf"(?:(?:visiting)\s+)?(?P<head>{heads}(?:\s+of\s+(?i:defen[cs]e))?)(?:\s+of\s+(?:the\s+)?{_POLITY}(?P<co>{qualifier}))?\b"
        ),
        abbreviations=dict(titles["abbreviations"]),
        hidden_titles=frozenset(titles["not_a_title_for_output"]),
        stopwords=frozenset(titles["name_stopwords"]),
    )


def office_key(title: str) -> frozenset[str]:
    """Word set of an office, spelling-folded: 'Minister for Defence' == 'Defense Minister'."""
    words = re.findall(r"[a-z]+", title.lower().replace("defense", "defence"))
    return frozenset(w for w in words if w not in {"of", "for", "the", "and"})


def _clean_name(raw: str, gaz: Gazetteer, stop: frozenset[str]) -> str:
    tokens = raw.split()
    resets, honorifics = _name_words()
    kept: list[str] = []
    for position, token in enumerate(tokens):
        bare = _POSSESSIVE.sub("", token).rstrip(".,")
        if bare in _RANK_WORDS or (bare in resets and _name_follows(tokens[position + 1 :], gaz, stop)):
            kept = []  # "Armed Forces General Dragan Petrovic": the name starts after the institution
            continue
        if bare in honorifics and not kept:
            continue  # "Dr", "HE", "Sheikh": a form of address
        if kept and bare in _institution_words():
            return ""  # "commander of U.S. Southern Command": an organisation's name, no person
        if (
            bare in stop
            or _state_word(gaz, bare)
            or (bare.isupper() and len(bare) > 1 and len(kept) == 0 and len(tokens) > 2)
        ):
            if kept:
                break
            continue
        kept.append(bare)
        if token != bare and _POSSESSIVE.search(token):
            break
    while kept and (kept[-1] in stop or _state_word(gaz, kept[-1])):
        kept.pop()
    return " ".join(kept)


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    return frozenset(load_lexicon("titles")["institution_words"])


@lru_cache(maxsize=1)
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    titles = load_lexicon("titles")
    return frozenset(titles["name_resets"]), frozenset(titles["honorifics"])


def _name_follows(rest: list[str], gaz: Gazetteer, stop: frozenset[str]) -> bool:
    """Only a later word that can be a name lets an institution word restart the name."""
    resets, honorifics = _name_words()
    for token in rest:
        bare = _POSSESSIVE.sub("", token).rstrip(".,")
        if (
            bare in stop
            or bare in resets
            or bare in honorifics
            or bare in _RANK_WORDS
            or _state_word(gaz, bare)
        ):
            continue
        return True
    return False


def _state_word(gaz: Gazetteer, word: str) -> bool:
    found = gaz.lookup(word)
    return bool(found) and found[1] in ("name", "demonym", "body")


def _title_case(office: str) -> str:
    if office.isupper():
        return office
    if office[:1].islower():
        small = {"of", "for", "the", "and"}
        return " ".join(w if w in small else w[:1].upper() + w[1:] for w in office.split())
    return office


class PersonFinder:
    """Builds a PersonTable for one article."""

    def __init__(self) -> None:
        self.gaz = gazetteer()
        self.patterns = _patterns()
        self._offices = frozenset(load_lexicon("titles")["offices"])
        self._title_words = frozenset(
            w.lower()
            for t in load_lexicon("titles")["offices"] + load_lexicon("titles")["ranks"]
            for w in t.split()
        ) | {"chiefs", "staff", "committee", "army", "forces", "ministry"}

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
            self._named(text, sentence, table)
        for start, end in extra_names:
            if any(w.lower().strip(".,") in self._title_words for w in text[start:end].split()):
                continue
            name = _clean_name(text[start:end], self.gaz, self.patterns.stopwords)
            if name and not any(m.start <= start < m.end for m in table.mentions):
                office, country = self._apposition(text[end : end + 160])
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
        patterns = (
            self.patterns.delegation,
            self.patterns.org_head,
            self.patterns.titled,
            self.patterns.ranked,
            self.patterns.counterpart_intro,
            self.patterns.honoured,
        )
        for pattern in patterns:
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start()
                if any(a <= start < b or a < sentence.start + match.end() <= b for a, b in covered):
                    continue
                name = _clean_name(match.group("name"), self.gaz, self.patterns.stopwords)
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

    def _code(self, surface: str | None) -> str | None:
        if not surface:
            return None
        found = self.gaz.lookup(surface)
        return found[0] if found else None

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
            office = None if office in self.patterns.hidden_titles else _title_case(office)
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
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start()
                if any(a <= start < b for a, b in taken):
                    continue
                table.mentions.append(
                    Mention(start, sentence.start + match.end(), surnames[match.group(0)], "name")
                )
                table.people[surnames[match.group(0)]].remember(match.group(0))

    def _descriptions(self, text: str, sentences: list[Sentence], table: PersonTable) -> None:
        """'the Tajik minister', 'his Iranian counterpart', 'he': bound to a named person."""
        counterparts: list[tuple[Sentence, str, str | None, int, int]] = []
        ordered = -1  # len(table.mentions) when last sorted: sorting again changes nothing until it grows
        for position, sentence in enumerate(sentences):
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
                person.office = _title_case(head)
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
            if _CALLER.fullmatch(hit.text):
                found = [m for m in table.mentions if sentence.start <= m.start < at and m.kind == "name"]
            elif _HOST.fullmatch(hit.text):
                found = [m for m in table.mentions if at < m.start < sentence.end and m.kind == "name"][:1]
            else:
                continue
            visitors += [m.person for m in found if m.person not in visitors]
    if visitors:
        for mention in table.mentions:
            described = mention.kind == "description" and mention.person not in visitors
            if described and _VISITOR_WORDS.search(text[max(0, mention.start - 12) : mention.end]):
                mention.person = visitors[0]
    return set(visitors)

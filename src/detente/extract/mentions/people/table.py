"""The document's person table: one entry per person, and the spans that mention them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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


def office_key(title: str) -> frozenset[str]:
    """Word set of an office, spelling-folded: 'Minister for Defence' == 'Defense Minister'."""
    words = re.findall(r"[a-z]+", title.lower().replace("defense", "defence"))
    return frozenset(w for w in words if w not in {"of", "for", "the", "and"})

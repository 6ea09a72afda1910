"""Events' own names: exercises ("Dosti-II", "Golden Dragon") and bodies that meet
("7th Joint Ministerial Commission", "Joint Security Task Force").

A named exercise also names its series: once "Dosti-II" is known, "Dosti-I" and
"Dosti-III" elsewhere in the article are exercises of the same series.
"""

from __future__ import annotations

import re
from functools import lru_cache

from detente.extract.lexicon import load_lexicon
from detente.extract.mentions.states import gazetteer

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
}
_GENERIC = {
    "The",
    "A",
    "An",
    "Joint",
    "Military",
    "Naval",
    "Annual",
    "Bilateral",
    "Trilateral",
    "Their",
    "Its",
    "This",
    "Recent",
    "Exercise",
    "Exercises",
    "Drill",
    "Drills",
    "Army",
    "Navy",
    "Air",
    "Force",
    "Special",
    "Forces",
}
_EXERCISE_AFTER = re.compile(r"\bExercise\s+(?P<name>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\d{4}))*)")
_QUOTED_BEFORE = re.compile(
    r"[\"“‘](?P<name>[^\"”’]{3,40})[\"”’]\s+(?:(?:joint|military|naval|maritime|bilateral|annual|army)\s+){0,3}"
    r"(?:exercise|drill|war ?games|(?<=joint )(?:[\w-]+\s+){0,2}training)",
    re.I,
)
# "The previous edition, "Falcon Strike 2022", was held": an edition named in apposition
_EDITION_APPOSITION = re.compile(
    r"\bedition,?\s+(?:[\"“‘](?P<name>[^\"”’]{3,40})[\"”’]|(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}-(?:[IVX]{1,5}|\d{1,4})\b)"
    r"(?P<bare>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))"
)
_CAPS_BEFORE = re.compile(
    r"(?P<name>(?:[A-Z][\w-]*\s+){1,3})(?:(?:joint|military|naval|maritime|bilateral|annual)\s+){0,2}"
    r"(?:exercise|drill|war ?games)\b"
)
_QUOTED_AFTER = re.compile(
    r"(?:exercise|drill)s?,?\s+(?:code-?named\s+|dubbed\s+|called\s+)?[\"“‘](?P<name>[^\"”’]{3,40})[\"”’]",
    re.I,
)
_CAPS_AFTER = re.compile(r"\b(?:exercise|drill)s?,?\s+(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})")
_INSTRUMENT = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][\w-]+\s+){1,4}(?:Agreement|Arrangement|Declaration|Treaty|Accord|Protocol|Pact|Charter|Roadmap))\b"
)
_SERIES = re.compile(r"^(?P<stem>.+?)[- ](?:[IVX]{1,4}|\d{1,2}|\d{4})$")
_BODY = re.compile(
    r"(?:\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\s+)?"
    r"(?P<name>(?:[A-Z][\w'’-]*\s+){0,4}"
    r"(?:Commission|Committee|Task Force|Working Group|Dialogue|Consultations|Council|Meeting))(?!\w)"
)


# "The next rotation of Askari Storm, a large infantry exercise": a series named by its edition
_ROTATION_OF = re.compile(
    r"\b(?:rotation|edition|iteration)\s+of\s+(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})"
    r"(?=,?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:exercise|drill)|\s+(?:exercise|drill)\b)"
)
# 'The joint naval exercise of Iran, Russia and China, codenamed "Maritime Security Belt 2024"'
_CODENAMED = re.compile(
    r"\b(?:exercise|drill|manoeuvres|war ?games)\b[^.;]{0,120}?\b(?:code-?named|dubbed)\s+"
    r"[\"“‘](?P<name>[^\"”’]{3,40})[\"”’]",
    re.I,
)
_NAME_PATTERNS = (
    _EXERCISE_AFTER,
    _CODENAMED,
    _QUOTED_BEFORE,
    _QUOTED_AFTER,
    _EDITION_APPOSITION,
    _ROTATION_OF,
    _CAPS_AFTER,
    _CAPS_BEFORE,
)


def exercise_name(sentence: str) -> str | None:
    gaz = gazetteer()
    for pattern in _NAME_PATTERNS:
        match = pattern.search(sentence)
        if not match:
            continue
        found = (
            match.group("bare")
            if "bare" in match.groupdict() and match.group("bare")
            else match.group("name")
        )
        if found.split()[0] in _title_words():
            continue  # "the spokesman of the exercise Rear Admiral Mostafa Tajoldini": a person
        words = [w for w in found.split() if w not in _GENERIC and not gaz.lookup(w)]
        if words and not (
            pattern is _CAPS_BEFORE and sentence[: match.start("name")].rstrip().endswith("Exercise")
        ):
            return " ".join(words).strip(",.")
    return None


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """First words of ranks and offices ("Rear", "Admiral", "General", "Minister")."""
    titles = load_lexicon("titles")
    return frozenset(t.split()[0] for t in titles["ranks"] + titles["offices"] if t[:1].isupper())


def agreement_name(sentence: str) -> str | None:
    """'signed the Shusha Declaration', 'a Defence Cooperation Agreement': an instrument's own name."""
    match = _INSTRUMENT.search(sentence)
    if not match:
        return None
    words = match.group("name").split()
    while words and (words[0] in _GENERIC or gazetteer().lookup(words[0])):
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def series_pattern(names: set[str]) -> re.Pattern[str] | None:
    """Matches other editions of the named series ('Dosti-I' once 'Dosti-II' is known), and the bare
    name where the sentence plans it or names an earlier edition in apposition."""
    stems = {m.group("stem") if (m := _SERIES.match(n)) else n for n in names}
    if not stems:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    edition = r"[- ](?:[IVX]{1,4}|\d{1,2}|(?:19|20)\d\d)\b"
    return re.compile(rf"\b(?:{alternatives})(?:{edition}|(?={_RETURNS})|(?={_EARLIER_HELD}))")


# "The first, Mosi, was held off ...": an earlier edition named in apposition
_EARLIER_HELD = r",\s+(?:was held|took place|was staged)\b"
_RETURNS = (  # "Khaan Quest will return to Five Hills in June": the named series, bare, in a plan
    r"[^.;]{0,40}?\b(?:will (?:return|be held|take place|resume|be staged|be conducted)|"
    r"(?:is|are) (?:set|scheduled|due|expected) to (?:return|be held|take place|resume))\b"
)


def body_name(sentence: str, around: int) -> str | None:
    """A meeting body's name near the trigger, ordinal normalised ('seventh' -> '7th')."""
    best = None
    for match in _BODY.finditer(sentence):
        if re.search(r"(?:\bof|['’]s)\s+(?:the\s+)?$", sentence[: match.start()]):
            continue  # "Vice Chairman of China's Central Military Commission": an office, not a meeting
        words = [w for w in match.group("name").split() if w not in ("The", "A", "An")]
        if not words or len(words) < 2:
            continue
        name = " ".join(words)
        ordinal = match.group("ord")
        if ordinal:
            number = _ORDINALS.get(ordinal.lower())
            name = f"{_ordinal(number)} {name}" if number else f"{ordinal} {name}"
        distance = abs(match.start() - around)
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"

"""Reading date expressions: one pattern per shape, each gated by a cheap scan for its word family."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from detente.extract.mentions.dates.raw import (
    Candidate,
    Day,
    DaySpan,
    Month,
    Raw,
    Shift,
    Weekday,
    Year,
)
from detente.extract.mentions.dates.vocabulary import (
    any_word,
    date_words,
    full_month_names,
    full_weekdays,
    tense_cues,
)

_Handler = Callable[[re.Match[str], str], Raw | None]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], _Handler, str]]:
    """(pattern, handler, gate): a pattern runs only when its gate word occurs."""
    lex = date_words()
    full_names = any_word(sorted(full_month_names()))
    abbreviations = any_word([m for m in lex["months"] if m not in full_month_names()])
    month = rf"(?P<month>(?:{full_names})\b|(?:{abbreviations})\b\.?)"  # "Dec." but not "December."
    month2 = month.replace("?P<month>", "?P<month2>")
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    day2 = day.replace("?P<day>", "?P<day2>")
    year = r"(?P<year>(?:19|20)\d\d)\b(?!-[A-Za-z])"
    weekday_prefix = rf"(?:(?P<weekday>{any_word(list(lex['weekdays']))})\b\.?,?\s+(?:the\s+)?)?"
    connector = r"\s*(?P<conn>-|–|—|to|through|till|until|and)\s*"
    qualifier = rf"(?:(?P<qual>{any_word(lex['year_qualifiers'])})(?:-|\s+)(?:of\s+)?)?"
    periods = any_word(list(lex["relative_periods"]))
    relative_days = any_word(list(lex["relative_days"]))
    numbers = any_word(list(lex["number_words"]))
    span_lead = r"(?:\b(?:from|between)\s+)?\b"
    table: list[tuple[str, _Handler, str]] = [
        (r"\b(?P<year>(?:19|20)\d\d)([-/.])(?P<mon>[01]\d)\2(?P<day>[0-3]\d)(?:\b|(?=T\d))", _iso, "year"),
        (r"\b(?P<a>[0-3]?\d)([-/.])(?P<b>[01]?\d)\2(?P<year>(?:19|20)\d\d)\b", _numeric, "year"),
        (r"(?<![\w$€£¥#.,-])(?P<year>(?:19|20)\d\d)[-–/](?P<short>\d\d)\b(?![-/.]\d)", _fiscal_year, "year"),
        (rf"{span_lead}{month}\s+{day}{connector}{day2}(?:,?\s*{year})?", _month_day_span, "month"),
        (
            rf"{span_lead}{day}{connector}{day2}\s+(?:of\s+)?{month2}(?:,?\s*{year})?",
            _day_month_span,
            "month",
        ),
        (rf"\b{weekday_prefix}{month}\s+{day}(?:\s*,?\s*{year})?", _month_day, "month"),
        (rf"\b{weekday_prefix}{day}\s+(?:of\s+)?{month}(?:,?\s*{year})?", _day_month, "month"),
        (rf"\b{qualifier}{month},?\s+{year}", _month_year, "month"),
        (rf"\b(?P<when>earlier|later)\s+this\s+year,?\s+in\s+{month}", _month_this_year, "month"),
        (rf"\b(?P<rel>last|this|next)\s+year,?\s+in\s+{month}", _month_relative_year, "month"),
        (rf"\b{month}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", _month_relative_year, "month"),
        (rf"\b{qualifier}{month}", _bare_month, "month"),
        (rf"(?<![\w$€£¥#.,]){qualifier}{year}", _year, "year"),
        (
            rf"\b(?:(?P<mod>last|next|this\s+coming|coming|this)\s+)?(?P<weekday>{full_weekdays()})\b"
            r"(?:\s+(?:of\s+)?(?P<week>last|this|next)\s+week\b)?",
            _weekday,
            "weekday",
        ),
        (rf"\b(?P<phrase>{relative_days})\b", _relative_day, "relative"),
        (rf"\b(?P<phrase>{periods})\b", _relative_period, "relative"),
        (rf"\b(?P<n>\d{{1,2}}|{numbers})\s+(?P<unit>day|week|month|year)s?\s+ago\b", _ago, "relative"),
    ]
    return [(re.compile(p, re.IGNORECASE), handler, gate) for p, handler, gate in table]


@lru_cache(maxsize=1)
def _gates() -> dict[str, re.Pattern[str]]:
    """One cheap scan per family of patterns; most sentences hold no date at all."""
    lex = date_words()
    relative = [*lex["relative_days"], *lex["relative_periods"], "ago"]
    return {
        "month": re.compile(rf"\b(?:{any_word(list(lex['months']))})\b", re.IGNORECASE),
        "year": re.compile(r"(?:19|20)\d\d"),
        "weekday": re.compile(full_weekdays(), re.IGNORECASE),
        "relative": re.compile(rf"\b(?:{any_word([w.split()[-1] for w in relative])})\b", re.IGNORECASE),
    }


def best_candidates(text: str) -> list[Candidate]:
    """All readings, then the longest non-overlapping ones (earlier patterns win ties)."""
    found: list[tuple[int, int, int, Raw]] = []
    open_gates = {name: bool(gate.search(text)) for name, gate in _gates().items()}
    for rank, (pattern, handler, gate) in enumerate(_patterns()):
        if not open_gates[gate]:
            continue
        for match in pattern.finditer(text):
            raw = handler(match, text)
            if raw is not None:
                found.append((match.start(), match.end(), rank, raw))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    chosen: list[Candidate] = []
    taken = bytearray(len(text))  # a date-dense page has thousands of readings: no pairwise test
    for start, end, _, raw in found:
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(Candidate(start, end, raw))
    return sorted(chosen, key=lambda c: c.start)


def _month_number(match: re.Match[str], group: str = "month") -> int:
    return int(date_words()["months"][match.group(group).rstrip(".").lower()])


def _month_ok(match: re.Match[str], group: str = "month") -> bool:
    """'May' and 'March' are dates only when capitalised ("may incorporate")."""
    word = match.group(group).rstrip(".")
    return word[0].isupper() or word.lower() not in ("may", "march", "mar")


def _weekday_number(match: re.Match[str]) -> int | None:
    name = match.group("weekday")
    return int(date_words()["weekdays"][name.rstrip(".").lower()]) if name else None


def valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: "February 29" stays possible
    except ValueError:
        return False
    return True


def _iso(match: re.Match[str], text: str) -> Raw | None:
    year, month, day = int(match["year"]), int(match["mon"]), int(match["day"])
    return Day(month, day, year) if valid_day(year, month, day) else None


def _numeric(match: re.Match[str], text: str) -> Raw | None:
    """dd/mm/yyyy, the order most outlets outside the US use; mm/dd/yyyy only when
    the second part is over 12 ("08/16/2025")."""
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    day, month = (b, a) if b > 12 else (a, b)
    return Day(month, day, year) if valid_day(year, month, day) else None


def _year_of(match: re.Match[str]) -> int | None:
    return int(match["year"]) if match.group("year") else None


def _span(first: Day, last: Day, match: re.Match[str]) -> Raw | None:
    joined_by_and = match["conn"].lower() == "and" and not match.group(0).lower().startswith("between")
    if joined_by_and and last.day != first.day + 1:
        # "on March 3 and 5, 2024" names two days: keep the first, with the shared year.
        return first if valid_day(first.year, first.month, first.day) else None
    if last.day <= first.day or not valid_day(first.year, first.month, first.day):
        return None
    return DaySpan(first, last) if valid_day(last.year, last.month, last.day) else None


def _month_day_span(match: re.Match[str], text: str) -> Raw | None:
    if not _month_ok(match):
        return None
    month, year = _month_number(match), _year_of(match)
    return _span(Day(month, int(match["day"]), year), Day(month, int(match["day2"]), year), match)


def _day_month_span(match: re.Match[str], text: str) -> Raw | None:
    if not _month_ok(match, "month2"):
        return None
    month, year = _month_number(match, "month2"), _year_of(match)
    return _span(Day(month, int(match["day"]), year), Day(month, int(match["day2"]), year), match)


def _month_day(match: re.Match[str], text: str) -> Raw | None:
    month, day, year = _month_number(match), int(match["day"]), _year_of(match)
    if not _month_ok(match) or not valid_day(year, month, day):
        return None
    if _NAMED_AFTER.match(text, match.end()):
        return None  # "the August 1st Building", "6th of October Bridge": a place named for a date
    return Day(month, day, year, _weekday_number(match))


_NAMED_AFTER = re.compile(
    r"\s+(?:Building|Road|Street|Square|Stadium|Avenue|Park|Hall|Bridge|Plaza|University|School|"
    r"Hospital|Airport|Palace|Barracks|Camp|City|Medal|Order)\b"
)

_DAY_NAMED_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?" + _NAMED_AFTER.pattern)

_day_month = _month_day


def _month_year(match: re.Match[str], text: str) -> Raw | None:
    return Month(_month_number(match), int(match["year"])) if _month_ok(match) else None


def _month_this_year(match: re.Match[str], text: str) -> Raw | None:
    return Month(_month_number(match), year_offset=0) if _month_ok(match) else None


def _month_relative_year(match: re.Match[str], text: str) -> Raw | None:
    offset = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    return Month(_month_number(match), year_offset=offset) if _month_ok(match) else None


def _bare_month(match: re.Match[str], text: str) -> Raw | None:
    """A month alone must be capitalised and spelt out ("Nov Sad" is a place);
    'May' and 'March' also need a date word before them ("in May", "mid-March")."""
    word = match.group("month").rstrip(".")
    if not word[0].isupper() or word.lower() not in full_month_names():
        return None
    if _NAMED_AFTER.match(text, match.end()) or _DAY_NAMED_AFTER.match(text, match.end()):
        return None  # "the August 1st Building", "the 6th of October Bridge"
    if word.lower() in date_words()["months_needing_context"] and not match.group("qual"):
        before = text[max(0, match.start() - 20) : match.start()]
        if not tense_cues()["month_context"].search(before):
            return None
    return Month(_month_number(match))


def _year(match: re.Match[str], text: str) -> Raw | None:
    """A four-digit number is a year unless it counts something or is money."""
    lex = date_words()
    # Hyphens join a year only to another year ("2019-2021"): not "Vision-2030" nor "0300-2025-11".
    hyphen_before = not match.group("qual") and text[max(0, match.start() - 1) : match.start()] in "-–"
    if (
        hyphen_before
        and match.start() > 0
        and not _YEAR_THEN_HYPHEN.search(text, max(0, match.start() - 6), match.start())
    ):
        return None
    if re.match(r"[-–/.]\d", text[match.end() :]) and not _HYPHEN_THEN_YEAR.match(text, match.end()):
        return None
    before = text[max(0, match.start() - 24) : match.start()].split()
    if before and before[-1].lower() in lex["markers_before_numbers"]:
        return None
    if not match.group("qual") and before and _names_something(before[-1]):
        return None  # "Golden Dragon 2025", "Paris 2024": the year is part of a name
    after = text[match.end() : match.end() + 16]
    if re.match(r"\s*(?:%|\.\d|,\d{3}|:\d)", after):
        return None
    next_word = re.match(r"\s*([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in lex["count_words_after_numbers"]:
        return None
    return Year(int(match["year"]))


def _names_something(word: str) -> bool:
    """A capitalised word that is no date word ("In", "Since") heads a name ('"Medusa 2025"' too)."""
    word = word.lstrip("\"“‘'(")
    return word[:1].isupper() and word.isalpha() and word.lower() not in date_words()["month_context_words"]


_YEAR_THEN_HYPHEN = re.compile(r"(?<!\d)(?:19|20)\d\d[-–]\Z")

_HYPHEN_THEN_YEAR = re.compile(r"[-–](?:19|20)\d\d\b")


def _fiscal_year(match: re.Match[str], text: str) -> Raw | None:
    """ "2024-25" is a span of two years; "2024-31" is not a year at all."""
    year = int(match["year"])
    return Year(year, year + 1) if int(match["short"]) == (year + 1) % 100 else None


def _weekday(match: re.Match[str], text: str) -> Raw | None:
    if not match.group("weekday")[0].isupper():
        return None
    lex = date_words()
    following = re.match(r"\s*([A-Za-z]+)", text[match.end() : match.end() + 16])
    if following and following.group(1).lower() in lex["weekday_non_dates"]:
        return None  # "Friday prayers", "the Sunday Times"
    preceding = re.search(r"([A-Za-z]+)\s+$", text[max(0, match.start() - 16) : match.start()])
    if (
        not match.group("mod")
        and preceding
        and preceding.group(1).lower() in lex["weekday_non_date_prefixes"]
    ):
        return None  # "Good Friday", "Black Friday": named days, not last Friday
    modifier = re.sub(r"\s+", " ", (match.group("mod") or "").lower())
    modifier = {"this coming": "next", "coming": "next"}.get(modifier, modifier)
    if match.group("week"):
        modifier = f"{match['week'].lower()} week"  # "Thursday last week"
    return Weekday(int(date_words()["weekdays"][match["weekday"].lower()]), modifier)


def _relative_day(match: re.Match[str], text: str) -> Raw | None:
    phrase = match["phrase"]
    before = text[max(0, match.start() - 40) : match.start()].rstrip()
    if phrase[0].isupper() and before and re.search(r"\b[A-Z][\w.]*$", before) and before[-1] not in ".!?:":
        return None  # "Pakistan Today", "USA Today": titles of newspapers
    return Shift("day", int(date_words()["relative_days"][phrase.lower()]))


def _relative_period(match: re.Match[str], text: str) -> Raw | None:
    unit, amount = date_words()["relative_periods"][re.sub(r"\s+", " ", match["phrase"].lower())]
    return Shift(unit, int(amount))


def _ago(match: re.Match[str], text: str) -> Raw | None:
    n = match["n"].lower()
    amount = int(n) if n.isdigit() else int(date_words()["number_words"][n])
    return Shift(match["unit"].lower(), -amount)

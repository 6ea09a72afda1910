"""What a single line above an article's body is: headline, masthead, menu, label or site name.

Pure tests on one line each; `page_header` decides what to do with the answers.
"""

from __future__ import annotations

import re

from detente.ingest import chrome_rules as rules
from detente.ingest.line_tests import SENTENCE_END, compile_rules, matches

_REFERENCE = compile_rules(rules.REFERENCE_LINES)
_OUTLET_WORDS = frozenset(rules.OUTLET_WORDS)
_BANNER_WORDS = frozenset(rules.BANNER_WORDS)
_SECTION_WORDS = frozenset([*rules.SECTION_WORDS.split(), "&", "and"])
_DOMAIN = re.compile(r"(?:www\.)?[A-Za-z][\w-]{2,40}\.(?:com|net|org|info|news|co(?:\.[a-z]{2})?|[a-z]{2})")
_SITE_LINE = re.compile(r"(?P<abbr>[A-Z][A-Za-z]{1,7})\s+[-–—|]\s+(?P<name>[A-Z][^|–—]{3,80})")
_OUTLET_SUFFIX = re.compile(r"(?P<title>.+?)\s+[|–—-]\s+(?P<outlet>[^|–—]+)")
_MENU_SPLIT = re.compile(r"[\s|•·/>»›,]+")
_WIRE_TAG = re.compile(rf"(?:{'|'.join(rules.WIRE_TAGS)})(?:\s\d{{1,2}})?-(?=[A-Z0-9\"'‘“])")
_BAR = re.compile(r"\s+[|•·]\s+")
_PUBLISHING_BODY = re.compile(
    rf"(?:The\s+)?(?:(?:Federal|Royal|National)\s+)?(?:{'|'.join(rules.PUBLISHING_BODIES)})"
    r"\s+of(?:\s+(?:the|and|for|[A-Z][\w'-]*)){1,5}"
)

MAX_TITLE_WORDS = 30
MAX_LABEL_WORDS = 5  # a label beside a date on one chrome line ("Arica edition", "Accra")
MIN_MENU_ITEMS = 3  # also the fewest items of a bar-separated list of site controls


def site_name(line: str) -> str | None:
    """A "CPC - Caspian Policy Center" header: an acronym that spells the name beside it."""
    match = _SITE_LINE.fullmatch(line)
    if not match:
        return None
    name_words = re.split(r"[\s-]+", match.group("name"))
    words = [w for w in name_words if w.casefold() not in rules.ACRONYM_STOPWORDS]
    initials = "".join(word[0] for word in words if word)
    return match.group("name").strip() if initials.casefold() == match.group("abbr").casefold() else None


def is_masthead(line: str) -> bool:
    """An outlet's name at the top of the page: "Tashkent Daily News", "STEPPE HERALD", "AsiaNews.com"."""
    if _DOMAIN.fullmatch(line) or _PUBLISHING_BODY.fullmatch(line):  # "Ministry of Defence"
        return True
    words = line.split()
    folded = [word.casefold() for word in words]
    return (
        1 <= len(words) <= 5
        and not any(ch.isdigit() for ch in line)
        and all(word[0].isupper() or word.casefold() in rules.ACRONYM_STOPWORDS for word in words)
        and folded[-1] in _OUTLET_WORDS
        and not _BANNER_WORDS.intersection(folded)
    )


def is_menu(line: str) -> bool:
    """A site menu flattened into one line: "Home News World Sport Business", "Home / World / Asia"."""
    items = [item.casefold() for item in _MENU_SPLIT.split(line) if item]
    return len(items) >= MIN_MENU_ITEMS and all(
        item in _SECTION_WORDS or item in ("&", "and") for item in items
    )


def is_bar_list(line: str) -> bool:
    """ "Subscribe | E-paper | Weather: Shymkent 19°C": site controls between bars, never a headline."""
    items = _BAR.split(line)
    return len(items) >= MIN_MENU_ITEMS and all(is_short_label(item) for item in items)


def headline_and_outlet(line: str) -> tuple[str, str | None]:
    """ "Ministers meet in Astana | The Steppe Times": the page title's outlet suffix split off."""
    match = _OUTLET_SUFFIX.fullmatch(line)
    if match and is_masthead(match.group("outlet").strip()) and is_headline(match.group("title")):
        return match.group("title").strip(), match.group("outlet").strip()
    return line, None


def without_wire_tag(headline: str) -> str:
    """ "UPDATE 2-Poland signs tank deal" names the story "Poland signs tank deal"."""
    return _WIRE_TAG.sub("", headline, count=1) if _WIRE_TAG.match(headline) else headline


def is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= MAX_TITLE_WORDS
        and len(line) <= 200
        and not line.endswith((".", ":", ";", ","))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“")
        and line != line.lower()
        and line != line.upper()  # an all-capital line is a masthead or a section name
        and not matches(_REFERENCE, line)  # "Press Release No. 241/2025" files the page, names nothing
        and not is_menu(line)
        and not is_bar_list(line)
    )


def is_label(line: str) -> bool:
    """A section name ("World", "Press Release"), menu, reference number, or slug of the title."""
    if matches(_REFERENCE, line) or is_menu(line) or is_bar_list(line):
        return True
    if SENTENCE_END.search(line) or line.endswith(":"):  # "ISLAMABAD:" opens the body
        return False
    words = len(line.split())
    return words <= 3 or (words <= 12 and line in (line.lower(), line.upper()))


def is_short_label(segment: str) -> bool:
    return len(segment.split()) <= MAX_LABEL_WORDS and not SENTENCE_END.search(segment)

"""Publication dates read from an article's web address.

Many outlets file a story under its day: /2019/09/25/, /20191212/, 05-Nov-2020,
2024/8/30, or a news id that opens with the date (AEN20191212008700325). The address is
a hint about publication, never a statement by the page: a date read from it is only
ever `inferred`, and a date the page itself states wins. The shapes are data
(`lexicons/publication_dates.json`); only http(s) addresses are read, never a local
file path.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote, urlsplit

from detente.ingest.date_words import date_words, month_number
from detente.models import PublishedSource


def date_from_url(url: str | None, *, today: date | None = None) -> date | None:
    """The first date shape the address's path (or query) holds; None when none is a real date.

    Years before the data's `min_year` or after next year are ignored: long numeric
    story ids are not dates.
    """
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    parts = urlsplit(url)
    where = unquote(parts.path) + ("?" + unquote(parts.query) if parts.query else "")
    words = date_words()
    latest_year = (today or date.today()).year + 1
    for shape in words.url_shapes:
        for match in shape.pattern.finditer(where):
            found = _date(match.group("y"), match.group("m"), match.group("d"))
            if found and words.url_min_year <= found.year <= latest_year:
                return found
    return None


def year_from_url(url: str | None, *, today: date | None = None) -> int | None:
    """The year a page is filed under when its address has only a year ("/news/2020/title"): a
    path segment that is a plausible year and nothing else."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    earliest, latest = date_words().url_min_year, (today or date.today()).year + 1
    for segment in unquote(urlsplit(url).path).split("/"):
        if len(segment) == 4 and segment.isdigit() and earliest <= int(segment) <= latest:
            return int(segment)
    return None


def _date(year: str, month: str, day: str) -> date | None:
    number = int(month) if month.isdigit() else month_number(month)
    if not number:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


def with_url_date(
    published: date | None, published_source: PublishedSource, url: str | None
) -> tuple[date | None, PublishedSource]:
    """A stated date stands; otherwise the URL's date, when it has one, outranks a guess from the text."""
    if published is not None and published_source == "explicit":
        return published, published_source
    from_url = date_from_url(url)
    if from_url is not None:
        return from_url, "inferred"
    return published, published_source if published is not None else "unknown"

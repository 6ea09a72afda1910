"""Ingest: any source into Articles with provenance; no NLP here.

`read_sources(sources, options)` yields `Article | IngestError`, never raising. A source is
a file or a folder (recursive, sorted; dispatched by extension, else by sniffing the first
bytes): text (.txt/.text/.md), HTML (.html/.htm), WARC (.warc/.warc.gz), JSON Lines
(.jsonl/.ndjson), JSON (.json), CSV (.csv), RSS/Atom (.xml/.rss/.atom); `-` for standard
input; or an http(s) address, read as a feed when it serves one and as a page otherwise.

doc_id: the file stem for files; the record's id for corpora (`<stem>-<line>` without
one); the sanitised WARC-Record-ID for archives; `feed-<hash of guid or link>` for feed
items, `url-<hash>` for pages, `stdin-<hash>` for standard input.

published_source: `explicit` when the page or its container states the date (a
` date YYYY-MM-DD` marker, a header date line, a byline's date, a dateline, "Published in
X, <date>", a lead's "today, <date>", a date line closing the page, HTML date metadata, a
corpus date field, a feed item's date, a manifest's date); `inferred` when it is only read
from the web address (`url_dates`: the page's own URL, or the one a `--manifest` gives a
saved file), guessed by htmldate from the page, or put together from a dateline without a
year ("JAKARTA, March 3 (Wire) -") and the one year the header states; `unknown` otherwise
(a yearless dateline alone, "2 hours ago", a site's date bar showing today).

Which page date wins: a publication date ("Published", "Posted", a bare date line) over a
revision ("Updated: ...", "Last modified on ..."), which is used only when the page gives no
other date; a date bar at the top ("Fri. Sep 29th, 2023", or a first date line above
another date line) is the site's today, not the article's. Among inferred dates the URL's
comes first. All-numeric dates such as "06/11/2025" are read day first unless the page's
evidence says otherwise (see `date_order`); two-digit years are not read.
"""

from detente.ingest.article_builder import article_from_text
from detente.ingest.options import IngestOptions
from detente.ingest.sources import read_sources

__all__ = ["IngestOptions", "article_from_text", "read_sources"]

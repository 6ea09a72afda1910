"""Which reader a file or a fetched body needs: by extension first, then by its first bytes."""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import Literal

Kind = Literal["text", "html", "warc", "jsonl", "json", "csv", "feed", "gzip"]

EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_HTML_START = re.compile(
    rb"\s*(?:<!doctype\s+html|<html|<head|<body|<article|<meta|<title|<div|<p[\s>])", re.I
)
_FULL_HTML_START = re.compile(rb"\s*(?:<!doctype\s+html|<html[\s>])", re.I)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)


def kind_of_file(path: Path, head: bytes) -> Kind:
    """The reader for a file; `head` is its first few KiB, used when the extension says nothing."""
    name = path.name.lower()
    for suffix, kind in sorted(EXTENSIONS.items(), key=lambda item: -len(item[0])):
        if name.endswith(suffix):
            if kind == "text" and _FULL_HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
                return "html"  # a saved page named .txt is still a page
            return kind
    return kind_of_bytes(head)


def kind_of_bytes(head: bytes, content_type: str = "") -> Kind:
    """Sniff a body: WARC, gzip, feed, HTML, else text (text decoding rejects binary later)."""
    content_type = content_type.lower()
    if head.startswith(b"\x1f\x8b"):
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if any(word in content_type for word in ("rss", "atom")) or _looks_like_feed(head):
        return "feed"
    if "html" in content_type or _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def _looks_like_feed(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and bool(_FEED_ROOT.search(head[:4096]))


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except (zlib.error, gzip.BadGzipFile):
        return b""

"""Plain-text articles (scraped pages saved as .txt/.md)."""

from __future__ import annotations

from detente.ingest.article_builder import build_article
from detente.ingest.decoding import decode_text
from detente.ingest.files import SourceFile
from detente.ingest.manifest import listed_facts
from detente.ingest.options import IngestOptions
from detente.models import Article


def read_text_file(source: SourceFile, options: IngestOptions) -> Article:
    text = decode_text(source.read(options.max_bytes))
    url, known = listed_facts(options.manifest, source.name)
    return build_article(text, doc_id=source.name, url=url or source.shown, found_via="text", known=known)

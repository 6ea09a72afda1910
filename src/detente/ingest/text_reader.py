"""Plain-text articles (scraped pages saved as .txt/.md)."""

from __future__ import annotations

from pathlib import Path

from detente.ingest.article_builder import build_article
from detente.ingest.decoding import decode_text
from detente.ingest.files import read_bounded
from detente.ingest.manifest import listed_facts
from detente.ingest.options import IngestOptions
from detente.models import Article


def read_text_file(path: Path, options: IngestOptions) -> Article:
    text = decode_text(read_bounded(path, options.max_bytes))
    url, known = listed_facts(options.manifest, path.stem)
    return build_article(text, doc_id=path.stem, url=url or str(path), found_via="text", known=known)

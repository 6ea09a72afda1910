"""One JSONL or CSV corpus record to an Article, with the field names the options give."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from detente.ingest.article_builder import SourceFacts, build_article
from detente.ingest.date_order import NumericDateOrder
from detente.ingest.dates import parse_date_value
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem
from detente.models import Article


def article_from_record(
    record: Mapping[str, Any], *, fallback_id: str, options: IngestOptions, found_via: str
) -> Article:
    """A record's own date is explicit; a date only read from its URL (by `build_article`) is inferred."""
    text = _field(record, options.text_field)
    if not text:
        raise SourceProblem(f"no text in field {options.text_field!r}")
    url = _field(record, options.url_field)
    published = None
    if options.date_field:
        published = parse_date_value(record.get(options.date_field), NumericDateOrder.from_text(text))
    how = "explicit" if published else "unknown"
    known = SourceFacts(
        title=_field(record, options.title_field),
        published=published,
        published_source=how,
        source_name=_field(record, options.source_field),
    )
    doc_id = _field(record, options.id_field) or fallback_id
    return build_article(text, doc_id=doc_id, url=url, found_via=found_via, known=known)


def _field(record: Mapping[str, Any], name: str | None) -> str | None:
    if not name:
        return None
    value = record.get(name)
    if value is None:
        return None
    text = _LONE_SURROGATE.sub("\ufffd", str(value)).strip()  # JSON may escape half a UTF-16 pair
    return text or None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

"""How sources are read: corpus field names and network limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.ingest.manifest import Manifest


@dataclass
class IngestOptions:
    """Field names for JSONL/CSV corpora and the limits that keep reading polite and bounded.

    `max_bytes` caps whatever is read in one piece: a file, a pipe or device, standard
    input, a fetched page or feed, one WARC record's payload or header line, one JSONL or
    CSV line. Archives and corpora are streamed, so they may be larger as a whole.
    `read_timeout` is the longest wait for more data from a pipe or device. `exclude`
    names files a run never reads as input: its own database and output files.
    `manifest` gives files read one article each (text, Markdown, HTML) the web address and
    facts their file does not hold; the manifest itself is never read as an article.
    """

    id_field: str = "id"
    text_field: str = "text"
    date_field: str | None = "date"
    url_field: str | None = "url"
    title_field: str | None = "title"
    source_field: str | None = "source"
    fetch_timeout: float = 20.0
    max_bytes: int = 5_000_000
    user_agent: str = "detente/0.1 (+research)"
    manifest: Manifest | None = None
    read_timeout: float = 60.0
    exclude: tuple[str, ...] = ()

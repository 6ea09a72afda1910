"""Ingest: any source (text, HTML, WARC, JSONL/CSV corpora, feeds, web pages) into Articles.

`read_sources` is the one entry point; `IngestOptions` names corpus fields and limits.
"""

from detente.ingest.options import IngestOptions
from detente.ingest.sources import read_sources

__all__ = ["IngestOptions", "read_sources"]

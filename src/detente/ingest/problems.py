"""The one exception readers raise internally; the dispatcher turns it into an IngestError."""

from __future__ import annotations


class SourceProblem(Exception):
    """A source (or a record inside one) that cannot become an Article, with a human reason."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source

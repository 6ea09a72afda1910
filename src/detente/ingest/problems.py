"""The one exception readers raise internally, and how any failure becomes an IngestError."""

from __future__ import annotations

from detente.models import IngestError


class SourceProblem(Exception):
    """A source (or a record inside one) that cannot become an Article, with a human reason."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source


def as_ingest_error(where: str, error: Exception) -> IngestError:
    """A SourceProblem keeps its reason; anything unforeseen is named by its type.

    Readers catch every exception per record with this, because the contract is that one
    bad record is reported and the batch goes on.
    """
    if isinstance(error, SourceProblem):
        return IngestError(error.source or where, error.reason)
    return IngestError(where, f"unexpected {type(error).__name__}: {error}")

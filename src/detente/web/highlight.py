"""Split an article into plain and evidence pieces so templates can escape each one.

Highlighting never builds HTML strings: the template escapes every piece and wraps
the evidence piece in `<mark>`, so hostile article text stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False


def locate_evidence(text: str, evidence: str, start: int | None = None) -> tuple[int, int] | None:
    """Where the evidence sits in the text: trust the stored offset, else search for it.

    Offsets can drift when an article is re-cleaned, so a wrong offset falls back to the
    occurrence nearest to it, then to a match that ignores white space and case.
    """
    evidence = evidence.strip()
    if not text or not evidence:
        return None
    if start is not None and text[start : start + len(evidence)] == evidence:
        return start, start + len(evidence)
    exact = [m.start() for m in re.finditer(re.escape(evidence), text)]
    if exact:
        anchor = start if start is not None else 0
        best = min(exact, key=lambda pos: abs(pos - anchor))
        return best, best + len(evidence)
    loose = r"\s+".join(re.escape(word) for word in evidence.split())
    match = re.search(loose, text) or re.search(loose, text, re.IGNORECASE)
    return match.span() if match else None


def _fold(text: str) -> str:
    return " ".join(text.split())


def split_evidence(
    text: str, evidence: str | None, start: int | None = None, end: int | None = None
) -> list[Segment]:
    """The text as pieces, the evidence piece marked; one plain piece when it cannot be found."""
    span: tuple[int, int] | None = None
    stored_span_fits = start is not None and end is not None and 0 <= start < end <= len(text)
    if stored_span_fits and _fold(text[start:end]) == _fold(evidence or ""):
        span = (start, end)
    if span is None:
        span = locate_evidence(text, evidence or "", start)
    if span is None:
        return [Segment(text)] if text else []
    begin, end = span
    pieces = [Segment(text[:begin]), Segment(text[begin:end], marked=True), Segment(text[end:])]
    return [piece for piece in pieces if piece.text]

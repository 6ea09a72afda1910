"""Bytes to text, refusing binary and mis-encoded input instead of passing mojibake on."""

from __future__ import annotations

from detente.ingest.problems import SourceProblem

# Control characters other than tab, newline, carriage return and form feed: text never holds many.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}
_MAX_CONTROL_SHARE = 0.01
_MIN_LETTER_SHARE = 0.3
_MIN_ASCII_SHARE_CP1252 = 0.7  # real cp1252 text is mostly ASCII with a few accents and quotes


def decode_text(data: bytes, *, what: str = "file") -> str:
    """Decode UTF-8 (with or without BOM), else clean cp1252 that still reads as text."""
    if not data.strip():
        raise SourceProblem(f"empty {what}")
    if b"\x00" in data:
        raise SourceProblem(f"binary {what} (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        text = _decode_cp1252(data, utf8_error)
    if not looks_like_text(text):
        raise SourceProblem(f"binary {what} (mostly control characters or symbols)")
    return text


def _decode_cp1252(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    reason = f"undecodable text: not UTF-8 (byte {utf8_error.start}) and not clean cp1252"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceProblem(reason) from None
    if sum(1 for ch in text if ch.isascii()) / len(text) < _MIN_ASCII_SHARE_CP1252:
        raise SourceProblem(reason)
    return text


def looks_like_text(text: str) -> bool:
    """True when the sample is mostly letters and white space with hardly any control characters."""
    sample = text[:20_000]
    if not sample.strip():
        return False
    controls = sum(1 for ch in sample if ch in _CONTROL)
    letters = sum(1 for ch in sample if ch.isalpha() or ch.isspace())
    return controls / len(sample) <= _MAX_CONTROL_SHARE and letters / len(sample) >= _MIN_LETTER_SHARE

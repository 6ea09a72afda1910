"""Repair UTF-8 text that was once decoded as Latin-1 or cp1252 ("Johnâ\x80\x99s" → "John’s").

Scraped corpora often hold such text; left alone, quotes and dashes become letters
that break names and sentence splitting. Only runs that decode cleanly as UTF-8 are
replaced, so genuine accented text is never touched.
"""

from __future__ import annotations

import re

# A UTF-8 lead byte seen as Latin-1, then continuation bytes seen as Latin-1 or cp1252.
_CP1252_SPECIALS = "ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™"
_RUN = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_SPECIALS}]{{1,3}}")


def repair_mojibake(text: str) -> str:
    if not _RUN.search(text):
        return text
    return _RUN.sub(_repair_run, text)


def _repair_run(match: re.Match[str]) -> str:
    run = match.group()
    try:
        raw = bytes(_byte_of(char) for char in run)
        return raw.decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return run


def _byte_of(char: str) -> int:
    if ord(char) < 256:
        return ord(char)
    return char.encode("cp1252")[0]  # raises ValueError (UnicodeEncodeError) when not cp1252

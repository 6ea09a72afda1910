"""Untrusted text (file names, URLs, article text) made safe to show on a terminal.

Control characters (ESC starts a terminal sequence), invisible format characters
(a right-to-left override can disguise a name) and bytes of a file name that are not
UTF-8 are shown as escapes: `\\x1b`, `\\u202e`, `\\xff`. Rich markup in such text is
never interpreted, because it is printed as `rich.text.Text`, not parsed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from rich.text import Text

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def printable(text: object, *, keep_newlines: bool = False) -> str:
    """The text with every character a terminal would act on, or hide, written as an escape."""
    value = str(text)
    if value.isprintable():
        return value
    return "".join(_shown(ch, keep_newlines) for ch in value)


def _shown(ch: str, keep_newlines: bool) -> str:
    if ch == "\n" and keep_newlines:
        return ch
    if ch in _NAMED:
        return _NAMED[ch]
    if unicodedata.category(ch) not in _HIDDEN:
        return ch
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def plain_text(text: object, style: str = "", *, keep_newlines: bool = False) -> Text:
    """A rich Text of untrusted text: printable, and never read as markup."""
    return Text(printable(text, keep_newlines=keep_newlines), style=style)


def joined(parts: Iterable[tuple[object, str] | object]) -> Text:
    """One line of parts, each printable and never read as markup; `(part, style)` styles one."""
    line = Text()
    for part in parts:
        value, style = part if isinstance(part, tuple) else (part, "")
        line.append(printable(value), style=style)
    return line

"""The cheap relevance screen: most of a general news stream never reaches the parser.

One Aho-Corasick pass over the lower-cased text finds state names, defence words and
cooperation words; an article goes on to extraction only when it has all three.
The test is deliberately generous (no gold event may be lost here); precision is
the extractor's job.
"""

from __future__ import annotations

from detente.screen.lexicon import ScreenLexicon, load_screen_lexicon
from detente.screen.screen import Screen, ScreenVerdict

__all__ = ["Screen", "ScreenLexicon", "ScreenVerdict", "load_screen_lexicon"]

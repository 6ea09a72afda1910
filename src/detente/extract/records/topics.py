"""What an event is about, from topic cues in its text.

One compiled regular expression per topic over `lexicons/topics.json`: no parse
and no lemmas, so it is cheap enough to run on every event's evidence. Cues are
matched between word boundaries, so "sea" never fires inside "research".
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from detente.extract.lexicon import lexicon_path
from detente.models import TOPICS

LEXICON_PATH = lexicon_path("topics")


def topics_for(text: str) -> list[str]:
    """The contract's topics whose cues occur in `text`, in the contract's order."""
    if not isinstance(text, str):
        raise TypeError(f"topics_for: text must be a str, got {type(text).__name__}")
    return [topic for topic, pattern in _topic_patterns() if pattern.search(text)]


@lru_cache(maxsize=1)
def _topic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        lexicon = json.load(handle)
    if "version" not in lexicon:
        raise ValueError(f"{LEXICON_PATH}: the topic lexicon has no 'version' key")
    cues: dict[str, list[str]] = lexicon["topics"]
    unknown = sorted(set(cues) - set(TOPICS))
    if unknown:
        raise ValueError(f"{LEXICON_PATH}: topics not in the contract's list: {', '.join(unknown)}")
    return tuple(
        (topic, re.compile(r"\b(?:" + "|".join(cues[topic]) + r")\b", re.IGNORECASE))
        for topic in TOPICS
        if cues.get(topic)
    )

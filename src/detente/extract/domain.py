"""Is a passage about defence and security? The cue words that say so.

Read by every stage that weighs context: the page stage (is the article worth reading, is
it a defence report, is it commentary), the recognisers (a civil instrument, a proposal
about security) and the records stage (is an event in a military context). The words are
`defence_cues`, `security_cues` and `commentary_heads` of `lexicons/triggers.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from detente.extract.lexicon import alternation, load_lexicon


@dataclass(frozen=True)
class DomainCues:
    security: re.Pattern[str]
    defence: re.Pattern[str]
    commentary: re.Pattern[str]


@lru_cache(maxsize=1)
def domain_cues() -> DomainCues:
    data = load_lexicon("triggers")
    return DomainCues(
        security=re.compile(alternation(data["security_cues"]), re.I),
        defence=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(
                c if c[:1].isupper() else f"(?i:{c})"
                for c in sorted(data["defence_cues"], key=len, reverse=True)
            )
            + r")(?!\w)"
        ),
        commentary=re.compile(data["commentary_heads"], re.I | re.M),
    )


def has_security_cue(text: str) -> bool:
    return bool(domain_cues().security.search(text))


def defence_cues(text: str) -> list[str]:
    """Words that put a passage in the defence and security domain."""
    return [m.group(0).lower() for m in domain_cues().defence.finditer(text)]


def is_commentary(text: str) -> bool:
    """Opinion and analysis pieces: their sweeping sentences are no events unless dated or peopled."""
    return bool(domain_cues().commentary.search(text[:300]))

"""The merge's rules as data: `lexicons/merging.json`, loaded once and checked.

Weights and tolerances are versioned with the other lexicons, so a change of
rule is a reviewed change of data, and a run can say which rules merged it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


class MergeRulesError(ValueError):
    """merging.json is missing a field or holds a value of the wrong kind."""


@dataclass(frozen=True)
class MergeRules:
    version: str
    families: dict[str, str]
    named_families: frozenset[str]
    date_tolerance_days: dict[str, int]
    sideline_cues: Cues
    stages: dict[str, Cues]
    edition_words: dict[str, int]
    series_filler: frozenset[str]
    generic_words: frozenset[str]
    stop_words: frozenset[str]
    weights: dict[str, float]
    threshold: float
    published_before_days: int
    published_after_days: int
    both_undated_published_days: int
    undated_apart_days: int
    news_day_slack_days: int = 0
    same_story_similarity: float = 1.0  # defaults only follow the field before; merging.json sets them
    story_chars: int = 0
    story_within_days: int = 0
    text_pseudo_words: float = 0.0

    def family(self, event_type: str) -> str:
        return self.families.get(event_type, event_type)

    def tolerance(self, family: str) -> int:
        return self.date_tolerance_days.get(family, 0)

    def weight(self, name: str) -> float:
        try:
            return self.weights[name]
        except KeyError as exc:
            raise MergeRulesError(f"merging.json: no weight named {name!r}") from exc


@dataclass(frozen=True)
class Cues:
    """Cue words and phrases, found among the words of a text (cheaper than a regex per text)."""

    words: frozenset[str]
    phrases: tuple[tuple[str, str], ...]  # several words: (first word, " the words space-joined ")

    @classmethod
    def of(cls, cues: list[str]) -> Cues:
        split = [re.findall(r"[a-z0-9]+", cue.lower()) for cue in cues]
        return cls(
            frozenset(parts[0] for parts in split if len(parts) == 1),
            tuple((parts[0], f" {' '.join(parts)} ") for parts in split if len(parts) > 1),
        )

    def found_in(self, words: frozenset[str], joined: str) -> bool:
        """Whether any cue is among `words` or a phrase is in `joined` (the words, space-joined and
        padded with a space); a phrase is searched only when its first word is among them."""
        return bool(self.words & words) or any(
            first in words and phrase in joined for first, phrase in self.phrases
        )


@lru_cache(maxsize=1)
def merge_rules() -> MergeRules:
    """The packaged rules (`detente/lexicons/merging.json`)."""
    path = resources.files("detente") / "lexicons" / "merging.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        window = raw["published_window_days"]
        return MergeRules(
            version=str(raw["version"]),
            families=dict(raw["families"]),
            named_families=frozenset(raw["named_families"]),
            date_tolerance_days={k: int(v) for k, v in raw["date_tolerance_days"].items()},
            sideline_cues=Cues.of(raw["sideline_cues"]),
            stages={name: Cues.of(cues) for name, cues in raw["stages"].items()},
            edition_words={k: int(v) for k, v in raw["edition_words"].items()},
            series_filler=frozenset(raw["series_filler"]),
            generic_words=frozenset(raw["generic_words"]),
            stop_words=frozenset(raw["stop_words"]),
            weights={k: float(v) for k, v in raw["weights"].items()},
            threshold=float(raw["threshold"]),
            published_before_days=int(window["before"]),
            published_after_days=int(window["after"]),
            both_undated_published_days=int(raw["both_undated_published_days"]),
            undated_apart_days=int(raw["undated_apart_days"]),
            news_day_slack_days=int(raw["news_day_slack_days"]),
            same_story_similarity=float(raw["same_story"]["similarity"]),
            story_chars=int(raw["same_story"]["chars"]),
            story_within_days=int(raw["same_story"]["published_within_days"]),
            text_pseudo_words=float(raw["text_pseudo_words"]),
        )
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise MergeRulesError(f"lexicon merging.json cannot be used: {exc!r}") from exc

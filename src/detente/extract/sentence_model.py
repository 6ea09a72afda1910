"""A linear model of which event types a sentence states, learned from annotated sentences.

Hand rules recognise the phrasings someone has written a rule for; real pages keep
inventing new ones ("held a telephonic conversation", "inked its largest export
deal"). This model reads every annotated sentence we may ship (the written sets,
the seeds and features of the real pages) and scores each sentence for each event
type, so the engine can add an event the rules missed or doubt one they made.

It is a logistic regression per type over sparse binary features (words, word
pairs, the trigger lexicon's hits, how many states and dates the sentence names).
The weights live in `lexicons/sentence_model.json`, written by
`scripts/train_sentence_model.py`, which also reports the leave-one-region-out
figures. Prediction needs only the standard library and the weights.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from detente.models import EVENT_TYPES

FEATURE_VERSION = 1
_TOKEN = re.compile(r"[a-z]+(?:['’-][a-z]+)*|\d+")
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTE = re.compile(r"[\"“”]")
_STOP = frozenset(
    {
        *("the", "a", "an", "of", "and", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is"),
        *("are", "was", "were", "be", "been", "its", "their", "his", "her", "this", "that", "these", "those"),
        *("it", "they", "he", "she", "which", "who"),
    }
)


@dataclass(frozen=True)
class SentenceView:
    """What the model reads of one sentence: its text and what earlier stages found in it."""

    text: str
    hit_types: Sequence[tuple[str, bool, bool]] = ()  # (type, strong, back-reference) of each trigger hit
    countries: int = 0  # distinct states named as parties
    people: int = 0  # people named
    first: bool = False  # the article's first body sentence


def _number(token: str) -> str:
    return "0" if token.isdigit() else token


def sentence_features(view: SentenceView) -> list[str]:
    """Sparse binary features of a sentence; the same function serves training and prediction."""
    words = [_number(t) for t in _TOKEN.findall(view.text.lower())]
    features = {f"w:{w}" for w in words if w not in _STOP}
    features.update(f"b:{a}_{b}" for a, b in pairwise(words))
    for event_type, strong, reference in view.hit_types:
        features.add(f"hit:{event_type}:{'strong' if strong else 'weak'}")
        if reference:
            features.add(f"ref:{event_type}")
    features.add(f"states:{min(view.countries, 3)}")
    features.add(f"people:{min(view.people, 2)}")
    if _WEEKDAY.search(view.text):
        features.add("date:day")
    elif _MONTH.search(view.text):
        features.add("date:month")
    elif _YEAR.search(view.text):
        features.add("date:year")
    if _QUOTE.search(view.text):
        features.add("quote")
    if view.first:
        features.add("first")
    length = len(words)
    features.add("len:short" if length < 12 else "len:long" if length > 45 else "len:mid")
    return sorted(features)


@dataclass(frozen=True)
class SentenceModel:
    """Per-type weights over features; `scores` gives each type's probability."""

    types: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    thresholds: dict[str, dict[str, float]]  # per type: "add" (make an event), "drop" (doubt one)
    about: dict[str, object]

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        totals = list(self.bias)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                for i, w in enumerate(row):
                    totals[i] += w
        return {t: _sigmoid(z) for t, z in zip(self.types, totals, strict=True)}

    def key_words(self, view: SentenceView, event_type: str) -> list[tuple[float, str]]:
        """The words that push the sentence most toward a type, strongest first: where the event is."""
        column = self.types.index(event_type)
        words = [_number(t) for t in _TOKEN.findall(view.text.lower())]
        ranked = []
        for a, b in zip([None, *words], words, strict=False):
            for feature in (f"w:{b}", f"b:{a}_{b}" if a else None):
                row = self.weights.get(feature) if feature else None
                if row is not None and row[column] > 0:
                    ranked.append((row[column], b))
        return sorted(ranked, reverse=True)

    def to_json(self) -> dict[str, object]:
        return {
            "version": f"{FEATURE_VERSION}.{self.about.get('trained', 'unknown')}",
            "about": self.about,
            "feature_version": FEATURE_VERSION,
            "types": list(self.types),
            "bias": list(self.bias),
            "thresholds": self.thresholds,
            "weights": {f: [round(w, 4) for w in row] for f, row in sorted(self.weights.items())},
        }


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def model_from_json(data: dict[str, object]) -> SentenceModel:
    if data.get("feature_version") != FEATURE_VERSION:
        raise ValueError(
            f"sentence model was trained on features v{data.get('feature_version')}, "
            f"this code computes v{FEATURE_VERSION}: retrain with scripts/train_sentence_model.py"
        )
    types = tuple(data["types"])  # type: ignore[arg-type]
    if set(types) != set(EVENT_TYPES):
        raise ValueError(f"sentence model types {types} differ from the contract's {EVENT_TYPES}")
    weights = {f: tuple(row) for f, row in data["weights"].items()}  # type: ignore[union-attr]
    return SentenceModel(
        types=types,
        bias=tuple(data["bias"]),  # type: ignore[arg-type]
        weights=weights,
        thresholds=data["thresholds"],  # type: ignore[arg-type]
        about=data.get("about", {}),  # type: ignore[arg-type]
    )


@lru_cache(maxsize=1)
def sentence_model() -> SentenceModel | None:
    """The shipped model, or None when no weights were shipped."""
    path = resources.files("detente") / "lexicons" / "sentence_model.json"
    if not path.is_file():
        return None
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))

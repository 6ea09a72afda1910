"""Extraction measured stage by stage against gold: where each gold event is found or lost.

For each gold event (its type and evidence sentence), in pipeline order:

- located: its evidence occurs in the article text (whitespace and quotes folded);
- sentence: the evidence lies inside one kept sentence (splitting and furniture);
- screened: the screen let the article through;
- relevant: the page stage judged the article worth reading;
- candidate: its sentence holds a trigger (a candidate);
- recognised: its sentence yields a recognised mention of its type;
- merged: a draft of its type still stands on that sentence after merging;
- kept: ... and after the defence-context filter;
- survived: a final event of its type has its evidence in that sentence.

Several gold events of one type in one sentence need as many mentions there: a stage's
items are paired with gold per (sentence, type). Items left unpaired are that stage's
spurious ones. Nothing here changes what is extracted; the engine's `trace()` is read.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.extract import StagedExtractor, build_extractor
from detente.extract.page.sentences import Sentence
from detente.extract.trace import StageTrace
from detente.ingest import IngestOptions, read_sources
from detente.models import Article
from detente.screen import Screen

FUNNEL = (
    "located",
    "sentence",
    "screened",
    "relevant",
    "candidate",
    "recognised",
    "merged",
    "kept",
    "survived",
)
SPURIOUS_STAGES = ("recognised", "merged", "kept", "events")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass(frozen=True)
class GoldEvent:
    doc_id: str
    type: str
    evidence: str


class GoldError(ValueError):
    """A gold file that cannot be read, named with the reason."""


def read_gold(gold_dir: Path) -> dict[str, list[GoldEvent]]:
    """Gold events by doc_id, from every `<doc_id>.json` of the folder (negatives hold none)."""
    gold: dict[str, list[GoldEvent]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            doc_id = str(data.get("doc_id") or path.stem)
            gold[doc_id] = [
                GoldEvent(doc_id, str(e["type"]), str(e.get("evidence") or ""))
                for e in data.get("events", [])
            ]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise GoldError(f"{path}: not a gold file ({exc})") from exc
    return gold


def fold(text: str) -> str:
    """Text compared for containment: curly quotes straightened, whitespace collapsed."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def stage_figures(
    gold_dir: Path,
    source_dir: Path,
    *,
    extractor: StagedExtractor | None = None,
    screen: Screen | None = None,
    options: IngestOptions | None = None,
) -> dict[str, Any]:
    """Each stage's recall of gold events and its spurious items, over the articles gold covers.

    `options` are the reading options the scored run used (its manifest of page addresses), so
    the stages see the same articles, publication dates included.
    """
    gold = read_gold(gold_dir)
    extractor = extractor or build_extractor()
    screen = screen or Screen()
    tally = _Tally()
    for item in read_sources([str(source_dir)], options):
        if not isinstance(item, Article) or item.doc_id not in gold:
            continue
        kept = screen.keep(item)
        trace = extractor.trace(item)
        tally.add(item, gold[item.doc_id], trace, kept)
    return tally.result()


class _Tally:
    def __init__(self) -> None:
        self.docs = 0
        self.passed: Counter[str] = Counter()
        self.by_type: dict[str, Counter[str]] = {}
        self.spurious: Counter[str] = Counter()
        self.spurious_candidates = 0
        self.lost: list[dict[str, str]] = []
        self.gold = 0

    def add(self, article: Article, events: list[GoldEvent], trace: StageTrace, kept: bool) -> None:
        self.docs += 1
        self.gold += len(events)
        read = kept and trace.relevant
        stage_items = _stage_items(trace) if kept else {stage: Counter() for stage in SPURIOUS_STAGES}
        text = fold(article.text or "")
        folded = [(s, fold(s.text)) for s in trace.sentences]
        placed: list[tuple[GoldEvent, Sentence | None, bool]] = []
        for event in events:
            evidence = fold(event.evidence).rstrip(" .")
            sentence = next((s for s, t in folded if evidence and evidence in t), None)
            placed.append((event, sentence, bool(evidence) and evidence in text))
        wanted = Counter((s.index, e.type) for e, s, _ in placed if s is not None)
        candidates = set(trace.candidates) if read else set()
        budget = {stage: Counter(items) for stage, items in stage_items.items()}
        for event, sentence, located in placed:
            key = (sentence.index, event.type) if sentence is not None else None
            checks = {
                "located": located,
                "sentence": sentence is not None,
                "screened": kept,
                "relevant": read,
                "candidate": sentence is not None and sentence.index in candidates,
                "recognised": key is not None and _take(budget["recognised"], key),
                "merged": key is not None and _take(budget["merged"], key),
                "kept": key is not None and _take(budget["kept"], key),
                "survived": key is not None and _take(budget["events"], key),
            }
            counts = self.by_type.setdefault(event.type, Counter())
            counts["gold"] += 1
            for stage in FUNNEL:
                if checks[stage]:
                    self.passed[stage] += 1
                    counts[stage] += 1
            first_lost = next((stage for stage in FUNNEL if not checks[stage]), None)
            if first_lost is not None:
                self.lost.append(
                    {
                        "doc_id": event.doc_id,
                        "type": event.type,
                        "lost_at": first_lost,
                        "evidence": event.evidence,
                    }
                )
        for stage, items in stage_items.items():
            for (index, event_type), n in items.items():
                over = max(0, n - wanted[(index, event_type)])
                self.spurious[stage] += over
                self.by_type.setdefault(event_type, Counter())[f"spurious_{stage}"] += over
        gold_sentences = {index for index, _ in wanted}
        self.spurious_candidates += len(candidates - gold_sentences)

    def result(self) -> dict[str, Any]:
        share = (lambda n: n / self.gold) if self.gold else (lambda n: 0.0)
        return {
            "docs": self.docs,
            "gold": self.gold,
            "funnel": [
                {"stage": s, "passed": self.passed[s], "recall": share(self.passed[s])} for s in FUNNEL
            ],
            "spurious": {
                "candidates": self.spurious_candidates,
                **{s: self.spurious[s] for s in SPURIOUS_STAGES},
            },
            "by_type": {t: dict(sorted(c.items())) for t, c in sorted(self.by_type.items())},
            "lost": self.lost,
        }


def _stage_items(trace: StageTrace) -> dict[str, Counter[tuple[int, str]]]:
    """(sentence index, type) of every item each stage produced."""
    events: Counter[tuple[int, str]] = Counter()
    for event in trace.events:
        sentence = trace.sentence_of(event.evidence_start) if event.evidence_start is not None else None
        if sentence is not None:
            events[(sentence.index, event.type)] += 1
    return {
        "recognised": Counter((m.sentence, m.type) for m in trace.recognised),
        "merged": Counter((d.sentence, d.type) for d in trace.merged),
        "kept": Counter((d.sentence, d.type) for d in trace.kept),
        "events": events,
    }


def _take(budget: Counter[tuple[int, str]], key: tuple[int, str]) -> bool:
    if budget[key] > 0:
        budget[key] -= 1
        return True
    return False


def format_stages(result: dict[str, Any]) -> list[str]:
    """The funnel, spurious items per stage, and recall per type at the main stages."""
    lines = [f"stages over {result['docs']} docs, {result['gold']} gold events (recall of gold evidence)"]
    for row in result["funnel"]:
        lines.append(f"  {row['stage']:11} {row['passed']:4}  {row['recall']:.2f}")
    lines.append("spurious: " + "  ".join(f"{k} {v}" for k, v in result["spurious"].items()))
    header = ("sentence", "candidate", "recognised", "survived")
    lines.append(
        f"  {'type':18} gold  " + "  ".join(f"{h[:10]:>10}" for h in header) + "  spurious rec/events"
    )
    for event_type, counts in result["by_type"].items():
        gold = counts.get("gold", 0)
        cells = "  ".join(
            f"{(counts.get(h, 0) / gold if gold else 0.0):>10.2f}" if gold else f"{'-':>10}" for h in header
        )
        spurious = f"{counts.get('spurious_recognised', 0)}/{counts.get('spurious_events', 0)}"
        lines.append(f"  {event_type:18} {gold:4}  {cells}  {spurious:>10}")
    lost = Counter(item["lost_at"] for item in result["lost"])
    lines.append("first lost at: " + "  ".join(f"{stage} {lost[stage]}" for stage in FUNNEL if lost[stage]))
    return lines


def iter_lost(result: dict[str, Any]) -> Iterable[str]:
    """One line per gold event lost, with the stage that lost it."""
    for item in result["lost"]:
        yield f"  lost at {item['lost_at']:10} {item['doc_id']} {item['type']}: {item['evidence'][:120]}"

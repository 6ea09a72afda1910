"""One signing, several instruments: each signed document is an agreement of its own.

"Armenia and India signed a plan of military cooperation for 2025, a memorandum of
understanding on military education and a protocol on ..." reports three agreements;
"signed two security agreements. The first is ... The second is the Agreement on ..."
reports two, each stated by its own sentence. Each agreement keeps the signing's date,
place, people and states; its evidence is the span (or sentence) that names it.
"""

from __future__ import annotations

from dataclasses import replace

from detente.extract.arguments.draft import Draft
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.names import agreement_name
from detente.extract.page.sentences import Sentence
from detente.extract.recognise.vetoes import civil_only

_RULES = LexiconPatterns("merge", "instruments")
_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def split_instruments(drafts: list[Draft], sentences: list[Sentence]) -> list[Draft]:
    """Each signed instrument as its own agreement, in the order the text gives them."""
    out: list[Draft] = []
    for draft in drafts:
        if draft.type != "agreement" or draft.status == "proposed":
            out.append(draft)
            continue
        parts = _enumerated(draft, sentences) or _listed(draft)
        if len(parts) < 2:
            out.append(draft)
            continue
        military = [p for p in parts if not civil_only(p.text)]  # "an air services agreement": no pact
        out.extend(_clone(draft, part) for part in military)
    return out


def _listed(draft: Draft) -> list[Sentence]:
    """Spans of the instruments one sentence lists after its signing verb."""
    sentence, text = draft.sentence, draft.sentence.text
    end = _RULES.clause_end.search(text, draft.hit.start)
    stop = end.start() if end else len(text)
    spans, start = [], draft.hit.start
    for match in [*_RULES.item_break.finditer(text, draft.hit.start, stop), None]:
        item_end = match.start() if match else stop
        if _RULES.instrument.search(text, start, item_end):
            spans.append((start, item_end))
        start = match.end() if match else stop
    if len(spans) < 2:
        return []
    # the first item is the clause that signs ("Armenia and India signed a plan ...")
    spans[0] = (0, spans[0][1])
    return [_span(sentence, a, b) for a, b in spans]


def _enumerated(draft: Draft, sentences: list[Sentence]) -> list[Sentence]:
    """'signed two agreements. The first is ... The second is ...': the sentences that name them."""
    counted = _RULES.counted.search(draft.sentence.text)
    if counted is None:
        return []
    found: list[Sentence] = []
    for sentence in sentences[draft.index + 1 : draft.index + 6]:
        match = _RULES.enumerated.match(sentence.text)
        if match and len(found) < len(_ORDINALS) and match.group("ord").lower() == _ORDINALS[len(found)]:
            found.append(sentence)
    return found if len(found) >= 2 else []


def _span(sentence: Sentence, start: int, end: int) -> Sentence:
    piece = sentence.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip().rstrip(",;")
    return replace(
        sentence,
        start=sentence.start + start + lead,
        end=sentence.start + start + lead + len(piece),
        text=piece,
    )


def _clone(draft: Draft, part: Sentence) -> Draft:
    return replace(draft, sentence=part, texts=[part.text], name=agreement_name(part.text))

"""Document-level context, part three: the occasion at which words were said.

A pledge, praise or agreement made at a meeting or exercise inherits its date, place and
(for "both sides agreed") its people; without such an occasion, a signing or a launch is
where the words were said. An occasion long before publication anchors nothing when a
recent one exists.
"""

from __future__ import annotations

from datetime import date

from detente.extract.arguments.draft import ANCHOR_TYPES, Draft
from detente.extract.lexicon import LexiconPatterns
from detente.extract.recognise.clauses import recalled_after
from detente.models import EventDate

RECENT_DAYS = 31

_RULES = LexiconPatterns("arguments", "anchors")


def choose_anchors(drafts: list[Draft], published: date | None = None) -> None:
    """The meeting or exercise at which a pledge, praise or agreement was made.

    Without one, a signing or a launch is where the words were said. An occasion long before
    publication ("a passing exercise last year") anchors nothing when a recent one exists.
    """
    anchors = [
        d
        for d in drafts
        if d.type in ANCHOR_TYPES
        and d.status == "occurred"
        and not _RULES.pluperfect.search(d.sentence.text[: d.hit.end])
    ]  # "Badaru had first met Crosetto in November": an earlier meeting, not where today's words were said
    signings = [
        d
        for d in drafts
        if d.type in ("agreement", "defence_industry") and d.status == "occurred" and (d.date or d.persons)
    ]
    if published is not None and not any(_recent(d, published) for d in anchors):
        anchors = [d for d in signings if _recent(d, published)] or anchors
    anchors = anchors or signings
    main = next((d for d in anchors if d.type == "meeting" and d.persons and not d.visit_only), None)
    main = main or (anchors[0] if anchors else None)
    for draft in drafts:
        if (
            draft.type not in ("pledge", "praise", "agreement", "defence_industry")
            or draft.status != "occurred"
        ):
            continue
        if draft.type in ("agreement", "defence_industry") and draft.date is not None:
            continue
        if draft.type in ("agreement", "defence_industry") and _RULES.earlier_deed.search(
            draft.sentence.text[: draft.hit.end]
        ):
            continue  # "the two armies had previously signed a training agreement": not at today's meeting
        draft.anchor = _nearest_anchor(draft, anchors, wide=draft.type in ("pledge", "praise")) or (
            main if draft.type in ("pledge", "praise") else None
        )


def _recent(draft: Draft, published: date) -> bool:
    """Dated within a month before publication, or undated."""
    start = draft.date.start if draft.date else None
    return start is None or 0 <= (published - start).days <= RECENT_DAYS


def _nearest_anchor(draft: Draft, anchors: list[Draft], *, wide: bool) -> Draft | None:
    best: tuple[tuple[int, int, int, int, int], Draft] | None = None
    recalled = recalled_after(draft.sentence.text, draft.hit.end)
    for anchor in anchors:
        if anchor is draft:
            continue
        if anchor.index == draft.index and recalled is not None and anchor.hit.start >= recalled:
            continue  # "lauded ..., recalling that instructors trained units in 2017": not said in 2017
        indices = [anchor.index] + [s.index for s in anchor.refs]
        distance = min(abs(i - draft.index) for i in indices)
        same_paragraph = anchor.sentence.paragraph == draft.sentence.paragraph or any(
            s.paragraph == draft.sentence.paragraph for s in anchor.refs
        )
        shares = bool(set(anchor.persons) & set(draft.subjects or draft.persons))
        if not shares and not same_paragraph and distance > (4 if wide else 1):
            continue
        looks_back = distance > 1 or _RULES.another.search(draft.sentence.text)  # "also agreed" points back
        if not same_paragraph and anchor.index > draft.index and looks_back:
            continue
        after = 0 if anchor.index <= draft.index else 1
        key = (0 if shares else 1, int(anchor.past_edition), 0 if same_paragraph else 1, after, distance)
        if best is None or key < best[0]:
            best = (key, anchor)
    return best[1] if best else None


def inherit_from_anchors(drafts: list[Draft]) -> None:
    for draft in drafts:
        anchor = draft.anchor
        if anchor is None:
            continue
        said_where = draft.type in (
            "pledge",
            "praise",
        )  # "pledged to keep troops in Somalia": not where it was said
        own_date = draft.date is not None and _RULES.fronted_date.search(draft.sentence.text)
        if draft.date is None or (said_where and anchor.date is not None and not own_date):
            draft.date = anchor.date
            if (
                draft.type == "praise"
                and anchor.date
                and anchor.date.end
                and anchor.date.end != anchor.date.start
            ):
                day = anchor.date.start if _RULES.opening.search(draft.sentence.text) else anchor.date.end
                draft.date = EventDate(day, day, anchor.date.precision)  # said at the opening or the close
        if draft.place is None or (said_where and anchor.place is not None):
            draft.place = anchor.place
        if not draft.subjects and (draft.group_subject or draft.type == "pledge" or not draft.persons):
            draft.persons = list(anchor.persons) if len(anchor.countries) <= 2 else []
        elif draft.type in ("pledge", "praise"):
            draft.persons = list(draft.subjects)
        if len(draft.countries) < 2:
            draft.countries = list(dict.fromkeys(draft.countries + anchor.countries))


def praisers_join_exercises(drafts: list[Draft]) -> None:
    """The officer who lauds an exercise at its close took part in it."""
    for draft in drafts:
        anchor = draft.anchor
        if draft.type == "praise" and anchor is not None and anchor.type in ("exercise", "training"):
            for person in draft.subjects or draft.persons:
                if person not in anchor.persons:
                    anchor.persons.append(person)

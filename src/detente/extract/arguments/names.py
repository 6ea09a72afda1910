"""An event's own name: the exercise ("Dosti-II", "Golden Dragon"), the body that met ("7th Joint
Ministerial Commission"), the instrument signed ("Shusha Declaration")."""

from __future__ import annotations

from detente.extract.arguments.draft import Draft
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.names import agreement_name, body_name, exercise_name
from detente.extract.recognise.triggers import Hit

_RULES = LexiconPatterns("arguments", "names")


def name_of(event_type: str, text: str, hit: Hit) -> str | None:
    if event_type == "exercise":
        edition = hit.text[:1].isupper() and ("-" in hit.text or _RULES.year_suffix.search(hit.text))
        name = exercise_name(text) or (hit.text if edition else None)
        if name and name.startswith("Exercise "):
            name = name.removeprefix("Exercise ")
        return name
    if event_type == "meeting":
        return body_name(text, hit.start)
    if event_type == "agreement":
        return agreement_name(text)
    return None


def name_editions(drafts: list[Draft]) -> None:
    """'the next edition of the exercise' belongs to the series the article names."""
    names = [d.name for d in drafts if d.type == "exercise" and d.name]
    if not names:
        return
    for draft in drafts:
        if draft.type == "exercise" and not draft.name and _RULES.edition_trigger.search(draft.hit.text):
            draft.name = _RULES.series_suffix.sub("", names[0])

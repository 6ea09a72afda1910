"""A multilateral gathering's states join what is said of it.

"Their navies will also exercise", "X offered to host the next forum": every state of the
gathering just reported takes part, not only those the sentence names.
"""

from __future__ import annotations

from detente.extract.arguments.draft import Draft
from detente.extract.lexicon import LexiconPatterns

_RULES = LexiconPatterns("merge", "blocs")

_BLOC_REACH = 6  # sentences: "Their navies will ..." points back to the gathering just reported


def share_bloc(drafts: list[Draft]) -> None:
    """'Their navies will also exercise', 'X offered to host the next forum': every state of the
    multilateral gathering just reported takes part, not only those the sentence names."""
    blocs = [d for d in drafts if d.type == "meeting" and d.status == "occurred" and len(d.countries) >= 3]
    for draft in drafts:
        if draft in blocs or not _RULES.bloc_reference.search(draft.sentence.text):
            continue
        earlier = [b for b in blocs if 0 <= draft.index - b.index <= _BLOC_REACH]
        if not earlier:
            continue
        gathering = earlier[-1]
        bloc = gathering.countries
        own = draft.countries + ([draft.place.country] if draft.place and draft.place.country else [])
        if set(own) <= set(bloc):
            draft.countries = list(dict.fromkeys(draft.countries + bloc))
            if draft.status == "occurred":  # "The ministers adopted a declaration": at the gathering
                draft.date = draft.date or gathering.date
                draft.place = draft.place or gathering.place

"""The pledge recogniser: commitments to cooperate ("pledged to", "agreed to expand", "offered
to host"), and proposals ("proposed closer security cooperation") when a sentence states
nothing else.

Trigger words are `types.pledge` of `lexicons/triggers.json`, with its cooperation cues;
proposal verbs are `proposal_verbs`.
"""

from __future__ import annotations

from detente.extract.domain import has_security_cue
from detente.extract.lexicon import LexiconPatterns
from detente.extract.recognise.status import is_speculation, status_of
from detente.extract.recognise.triggers import Hit, rules

_RULES = LexiconPatterns("recognise", "pledge")


def recognise_pledge(text: str, hits: list[Hit]) -> Hit | None:
    r = rules()
    for hit in hits:
        if _RULES.under_which.search(text[: hit.start]):
            continue  # "signed a pact, under which Poland will keep supplying arms": what the pact says
        if r.cooperation.search(text):
            return hit
    return None


def training_offer_before(text: str, hits: list[Hit], pledge: Hit) -> bool:
    """The commitment is the offer itself: "offered places ... and was ready to host a first group",
    "was ready to host a counter-IED training course"."""
    offering = bool(_RULES.ready_to.fullmatch(pledge.text))
    return any(
        h.strong
        and not h.reference
        and (h.start < pledge.start or offering)
        and status_of("training", text, h) == "proposed"
        for h in hits
    )


def hits_of_new_events(hits: list[Hit]) -> bool:
    return any(h.strong and not h.reference for h in hits)


def proposal(text: str, hits: list[Hit]) -> Hit | None:
    """'X proposed closer security cooperation': a proposed pledge, when the sentence states no
    other new event."""
    match = rules().proposal.search(text)
    if (
        match
        and has_security_cue(text)
        and not hits_of_new_events(hits)
        and not is_speculation(text[: match.end()])
    ):
        return Hit("pledge", match.start(), match.end(), match.group(0), True, False)
    return None

"""An event's status (occurred, planned or proposed) from the modality words of its clause;
negated and speculative mentions, which state no event at all.

The cue words live in `lexicons/triggers.json` ("planned", "proposed", "speculation",
"negation_before", "negation_after").
"""

from __future__ import annotations

from detente.extract.lexicon import LexiconPatterns
from detente.extract.recognise.clauses import under_way
from detente.extract.recognise.triggers import Hit, rules

_RULES = LexiconPatterns("recognise", "status")


def status_of(event_type: str, sentence: str, hit: Hit) -> str:
    """occurred, planned or proposed, from the modality words in the trigger's clause."""
    r = rules()
    before = sentence[max(0, hit.start - 60) : hit.start]
    if _RULES.frame_before.search(before):
        before = ""  # "discussed preparations for the drill during a phone call": the call itself happened
    reported = list(_RULES.reporting_verb.finditer(before))
    if reported:  # "troops will hold a drill next month, the armies said after talks": the talks happened
        before = before[reported[-1].end() :]
    after = _RULES.relative_clause.split(sentence[hit.end : hit.end + 25], maxsplit=1)[0]
    if _RULES.done.match(hit.text):
        after = ""  # "signed an arrangement, which will guarantee ...": the signing happened
    if _RULES.done_participle.match(hit.text):
        before = after = ""  # "will replace an earlier agreement signed in 1993": the main clause's plan
    window = before + sentence[hit.start : hit.end] + after
    if r.proposed.search(before if hit.reference else window) or _RULES.invitation.search(
        sentence[: hit.start]
    ):
        return "proposed"
    if _RULES.invited_to.fullmatch(hit.text) and _RULES.invited_before.search(
        sentence[max(0, hit.start - 160) : hit.start]
    ):
        return "proposed"  # "invited the commander of U.S. Southern Command, General X, to visit"
    if event_type in ("pledge", "praise"):
        return "occurred"
    if modal_reference(sentence, hit) if hit.reference else r.planned.search(window):
        return "planned"
    return "occurred"


def modal_reference(sentence: str, hit: Hit) -> bool:
    """'the next edition of the exercise', 'The ... Meeting will be held': a back-reference that is a plan."""
    r = rules()
    before = sentence[max(0, hit.start - 60) : hit.start]
    if _RULES.framed_reference.search(before):
        return False
    if is_meeting_topic(sentence, hit):
        return False
    return bool(
        r.planned.search(before)
        or r.proposed.search(before)
        or _RULES.after_planned.match(sentence[hit.end :])
    )


def is_meeting_topic(sentence: str, hit: Hit) -> bool:
    """'the planning conference for the drill concluded': the drill is what they met about, no event."""
    return bool(_RULES.topic_of_meeting.search(sentence[max(0, hit.start - 60) : hit.start]))


def is_negated(sentence: str, hit: Hit) -> bool:
    """'did not sign', 'the exercise was postponed': no happening."""
    r = rules()
    return bool(
        r.negation_before.search(sentence[: hit.start]) or r.negation_after.match(sentence[hit.end :])
    )


def is_speculation(sentence: str) -> bool:
    return bool(rules().speculation.search(sentence))


def event_status(event_type: str, text: str, hit: Hit) -> str:
    """The status a recognised event starts with (the date stage may still move it to planned)."""
    status = status_of(event_type, text, hit)
    if event_type == "pledge" and not rules().proposal.search(text[: hit.end + 5]):
        status = "occurred"
    if event_type in ("exercise", "training") and status == "planned" and under_way(text):
        status = "occurred"  # "began on Monday and will continue until Friday": it has happened
    return status

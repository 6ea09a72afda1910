"""Whether two mentions report one happening: evidence weighed together, a few hard facts apart.

A pair is first checked for what no amount of agreement can outweigh (`conflict`):
two mentions of one article (the extractor already told them apart), another
status (a plan and its execution are two events, linked in `links`), another kind
of happening (type families: an arms contract may be an `agreement` or
`defence_industry`), other states, dates further apart than one happening can be
reported with, two editions of a series, a bilateral meeting beside a larger one,
a signing beside a ratification, or two undated reports published months apart.
`veto` adds: when a date is missing, nothing that ties the two together (a shared
person, place, event name or publication time, exactly what blocking keys on; or
two articles that tell one story, which a page with no date shares with a dated one).

Everything else adds log-odds to a prior (`lexicons/merging.json`): the same day
or month, the same states, people, place, event name, words of the story, and
articles published when the happening took place; conflicts subtract (another
city or venue country, people who are all different, states that only overlap).
The pair is one happening when the sum reaches the threshold. A pure function of
the two views: the same pair gets the same answer whatever else is being resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.resolve.event_names import editions_differ, same_name, same_series
from detente.resolve.matching import MentionView, gap_days, overlap
from detente.resolve.rules import MergeRules, merge_rules
from detente.resolve.text_similarity import weighted_jaccard

MAX_EXTRA_PEOPLE = 2  # shared people beyond the first that still add weight


@dataclass
class Judgement:
    """The verdict on a pair: a veto, or a score with the evidence that made it."""

    veto: str | None = None
    parts: list[tuple[str, float]] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(weight for _, weight in self.parts)

    def same(self, rules: MergeRules | None = None) -> bool:
        return self.veto is None and self.score >= (rules or merge_rules()).threshold

    def add(self, name: str, weight: float) -> None:
        if weight:
            self.parts.append((name, weight))


def countries_relation(a: MentionView, b: MentionView) -> str | None:
    """equal, nested (a part of a multilateral set), overlap (two or more shared) or None."""
    if a.countries == b.countries:
        return "equal"
    small, large = sorted((a.countries, b.countries), key=len)
    if small <= large:
        return "nested" if len(large) >= 3 else None
    return "overlap" if len(small & large) >= 2 else None


def published_near(a: MentionView, b: MentionView, rules: MergeRules) -> bool | None:
    """Whether the article of an undated `a` came out when `b` happened (None: cannot tell)."""
    if a.published is None:
        return None
    if b.interval is not None:
        start, end = b.interval
        return (start - a.published).days <= rules.published_before_days and (
            (a.published - end).days <= rules.published_after_days
        )
    if b.published is None:
        return None
    return abs((a.published - b.published).days) <= rules.both_undated_published_days


def shared_anchor(a: MentionView, b: MentionView, rules: MergeRules) -> bool:
    """Something besides the date that ties two reports: blocking finds pairs by exactly these.

    A person both name (or one names in the evidence of an undated report: the extractor
    missed them as a participant), a place or its city, a word of an event name's series,
    or publication when the other happened.
    """
    if a.people & b.people:
        return True
    for undated, other in ((a, b), (b, a)):
        if undated.interval is None and other.surnames & undated.evidence:
            return True
    if a.place and b.place:
        same_city = a.place.city_id is not None and a.place.city_id == b.place.city_id
        if same_city or a.place.tokens == b.place.tokens:
            return True
    if a.event_name and b.event_name and same_series(a.event_name, b.event_name):
        return True
    near = published_near(a, b, rules) if a.interval is None else published_near(b, a, rules)
    return bool(near) or same_story(a, b, rules)


def same_story(a: MentionView, b: MentionView, rules: MergeRules) -> bool:
    """Whether the two articles tell one story (one wire or press release, rewritten): their
    openings share most telling words. Only asked about pairs with an undated report."""
    if a.doc_id == b.doc_id or not a.story.marks & b.story.marks:  # blocking files by the marks
        return False
    if a.published and b.published and abs((a.published - b.published).days) > rules.story_within_days:
        return False
    return weighted_jaccard(a.story.words, b.story.words) >= rules.same_story_similarity


def conflict(a: MentionView, b: MentionView, rules: MergeRules, *, same_status: bool = True) -> str | None:
    """What makes two mentions certainly two happenings, or None (also checked across a growing cluster)."""
    if a.doc_id == b.doc_id:
        return "one article"
    if same_status and a.event.status != b.event.status:
        return "status"
    if a.family != b.family:
        return "kind of happening"
    relation = countries_relation(a, b)
    if relation is None:
        return "states"
    if a.family == "meeting" and _beside(a, b, relation):
        return "a meeting beside a larger one"
    if _undated_far_apart(a, b, rules):
        return "undated reports published far apart"
    if a.stages and b.stages and not a.stages & b.stages:
        return "stages of one instrument"
    if a.interval is not None and b.interval is not None:
        if a.fine and b.fine:
            if gap_days(a.interval, b.interval) > rules.tolerance(a.family) + news_day_slack(a, b, rules):
                return "dates"
        elif overlap(a.interval, b.interval) is None:
            return "dates"
    if a.event_name and b.event_name:
        if a.family in rules.named_families and not same_series(a.event_name, b.event_name):
            return "event names"
        if editions_differ(a.event_name, b.event_name):
            return "editions"
    for named, other in ((a, b), (b, a)):
        year = named.event_name.year if named.event_name else None
        interval = other.interval
        if year is not None and interval is not None and not interval[0].year <= year <= interval[1].year:
            return "edition year"
    return None


def news_day_slack(a: MentionView, b: MentionView, rules: MergeRules) -> int:
    """Days a date may be off because one report is dated only by its article's day: the other
    report's happening may lie that much before it (never after: a page reports what has been)."""
    for dated_by_day, other in ((a, b), (b, a)):
        day, when = dated_by_day.interval, other.interval
        if dated_by_day.news_day and day and when and when[1] <= day[0]:
            return rules.news_day_slack_days
    return 0


def _beside(a: MentionView, b: MentionView, relation: str) -> bool:
    """One meeting held on the sidelines of the other (a multilateral one), never inside it.

    A report that says "on the sidelines" is not the multilateral meeting, even when the
    extractor gave it all the summit's states; a bilateral report of a multilateral meeting
    is the meeting only if it names it.
    """
    if a.sidelines != b.sidelines and len((b if a.sidelines else a).countries) >= 3:
        return True
    if relation != "nested" or min(len(a.countries), len(b.countries)) < 2:
        return False
    return (
        a.sidelines
        or b.sidelines
        or not (a.event_name and b.event_name and same_series(a.event_name, b.event_name))
    )


def _undated_far_apart(a: MentionView, b: MentionView, rules: MergeRules) -> bool:
    if a.interval is not None or b.interval is not None or not (a.published and b.published):
        return False
    return abs((a.published - b.published).days) > rules.undated_apart_days


def veto(a: MentionView, b: MentionView, rules: MergeRules, *, same_status: bool = True) -> str | None:
    """Why the pair cannot be merged: a conflict, or an undated report that nothing ties to the other."""
    reason = conflict(a, b, rules, same_status=same_status)
    if reason is None and (a.interval is None or b.interval is None) and not shared_anchor(a, b, rules):
        return "nothing ties an undated report"
    return reason


def _dates(j: Judgement, a: MentionView, b: MentionView, rules: MergeRules) -> None:
    w = rules.weight
    if a.interval is not None and b.interval is not None:
        gap = gap_days(a.interval, b.interval)
        slack = news_day_slack(a, b, rules)
        if gap and gap <= slack:
            j.add("date_near_news_day", w("date_near_news_day"))
            return
        if gap:
            gap -= slack
            j.add("date_gap", w("date_gap_at_tolerance") * gap / max(rules.tolerance(a.family), 1))
            return
        coarser = max(a.event.date.precision, b.event.date.precision, key=_rank)
        j.add(f"date_same_{coarser}", w(f"date_same_{coarser}"))
        return
    if a.interval is None and b.interval is None:
        j.add("both_undated", w("both_undated"))
        near = published_near(a, b, rules)
        if near is False:
            j.add("published_apart", w("published_apart"))
            return
    else:
        undated, dated = (a, b) if a.interval is None else (b, a)
        j.add("undated_one_side", w("undated_one_side"))
        near = published_near(undated, dated, rules)
        if near is False and dated.interval and undated.event.status == "occurred":
            assert undated.published is not None
            if (dated.interval[0] - undated.published).days > rules.published_before_days:
                j.add("published_before", w("published_before"))
                return
    if near is not None:
        j.add("published_near" if near else "published_far", w("published_near" if near else "published_far"))
    elif same_story(a, b, rules):  # no publication date to place it: the story does
        j.add("same_story", w("same_story"))


def _rank(precision: str) -> int:
    return {"day": 0, "month": 1, "year": 2}.get(precision, 3)


def _people(j: Judgement, a: MentionView, b: MentionView, rules: MergeRules) -> None:
    """Shared people count for; other people, above all on one state's side, count against."""
    w = rules.weight
    shared = len(a.voiced & b.voiced)
    common = a.surnames & b.surnames
    if shared:
        j.add("person_shared", w("person_first") + w("person_more") * min(shared - 1, MAX_EXTRA_PEOPLE))
    elif common:  # a misspelt given name, or the same family: weaker
        j.add("surname_shared", w("surname_shared"))
    elif a.surnames & b.evidence or b.surnames & a.evidence:  # the extractor missed them
        j.add("person_in_text", w("person_in_text"))
        return
    if not (a.surnames and b.surnames):
        return
    if _side_differs(a, b):
        j.add("side_differs", w("side_differs"))
    elif not (shared or common):
        j.add("people_disjoint", w("people_disjoint"))
    elif not (_nested(a.voiced, b.voiced) or _nested(a.surnames, b.surnames)):  # each names someone else
        j.add("people_differ", w("people_differ"))


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def _side_differs(a: MentionView, b: MentionView) -> bool:
    """Some state is represented by people on both sides, and by none of the same people."""
    return any(not a.sides[c] & b.sides[c] for c in a.sides.keys() & b.sides.keys())


def _place(j: Judgement, a: MentionView, b: MentionView, rules: MergeRules) -> None:
    w = rules.weight
    pa, pb = a.place, b.place
    if pa and pb:
        if pa.tokens == pb.tokens:
            j.add("place_same", w("place_same"))
            return
        if (pa.tokens and pb.tokens and (pa.tokens <= pb.tokens or pb.tokens <= pa.tokens)) or (
            pa.city_id is not None and pa.city_id == pb.city_id
        ):
            j.add("place_nested", w("place_nested"))
            return
        if pa.city_id is not None and pb.city_id is not None:
            j.add("city_differs", w("city_differs"))
            return
    if a.place_country and b.place_country:
        same = a.place_country == b.place_country
        j.add(
            "venue_country_same" if same else "venue_country_differs",
            w("venue_country_same" if same else "venue_country_differs"),
        )


def _names(j: Judgement, a: MentionView, b: MentionView, rules: MergeRules) -> None:
    if a.event_name and b.event_name:
        numbered = a.event_name.edition is not None or a.event_name.year is not None
        if same_name(a.event_name, b.event_name) and numbered:
            j.add("name_same", rules.weight("name_same"))
        elif same_series(a.event_name, b.event_name):
            j.add("name_series", rules.weight("name_series"))


def _countries(j: Judgement, a: MentionView, b: MentionView, rules: MergeRules) -> None:
    w = rules.weight
    relation = countries_relation(a, b)
    if relation == "equal":
        size = "lone" if len(a.countries) == 1 else "multilateral" if len(a.countries) >= 3 else ""
        j.add("countries_equal", w(f"countries_equal_{size}" if size else "countries_equal"))
    elif relation == "overlap":
        j.add("countries_overlap_only", w("countries_overlap_only"))
    elif min(len(a.countries), len(b.countries)) == 1:  # one state's report of a larger happening
        dated = a.fine and b.fine  # the day places it; a month or a year holds many of that state's
        j.add("lone_state", w("lone_state" if dated else "lone_state_coarse_date"))
    else:
        j.add("multilateral_with_bilateral", w("multilateral_with_bilateral"))


def judge(a: MentionView, b: MentionView, *, same_status: bool = True) -> Judgement:
    """The verdict on one pair; `same_status=False` compares a plan with a possible execution."""
    rules = merge_rules()
    reason = veto(a, b, rules, same_status=same_status)
    return Judgement(veto=reason) if reason else weigh(a, b)


def weigh(a: MentionView, b: MentionView) -> Judgement:
    """The evidence of a pair that no conflict separates, as log-odds parts."""
    rules = merge_rules()
    j = Judgement()
    j.add("prior", rules.weight(f"prior_{a.family}"))
    j.add(
        "same_type" if a.event.type == b.event.type else "family_only",
        rules.weight("same_type" if a.event.type == b.event.type else "family_only"),
    )
    _dates(j, a, b, rules)
    _countries(j, a, b, rules)
    _people(j, a, b, rules)
    _place(j, a, b, rules)
    _names(j, a, b, rules)
    pseudo = rules.text_pseudo_words
    similarity = max(weighted_jaccard(a.stated, b.stated, pseudo), weighted_jaccard(a.text, b.text, pseudo))
    j.add("text", rules.weight("text_similarity") * similarity)
    return j


def same_happening(a: MentionView, b: MentionView) -> bool:
    """Whether two mentions of different articles are one happening."""
    return judge(a, b).same()

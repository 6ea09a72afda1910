"""The stage trace: the same events as `extract`, and each stage's output on the way."""

import json
from collections.abc import Mapping
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.extract import build_extractor
from detente.models import Article

ARTICLE = (
    "Estonia and Latvia Hold Talks\n"
    "Estonian Defence Minister Hanno Pevkur met Latvian Defence Minister Andris Spruds in Tallinn on Monday. "
    "The two ministers agreed to expand joint air defence training. "
    "They also praised the Lithuanian Armed Forces for their support.\n"
    "Their armies will hold a joint exercise near Valga in September.\n"
    "The weather in Tallinn was cold.\n"
)


def article(text: str = ARTICLE) -> Article:
    return Article(doc_id="tr", text=text, published=date(2025, 6, 10))


def test_trace_gives_the_events_extract_gives_and_every_stage_on_the_way(extractor):
    trace = extractor.trace(article())
    assert list(trace.events) == extractor.extract(article())
    assert trace.relevant
    indices = [s.index for s in trace.sentences]
    assert set(trace.candidates) <= set(indices)
    assert "The weather in Tallinn was cold." not in [trace.sentences[i].text for i in trace.candidates]
    assert {(m.type, m.status) for m in trace.recognised} >= {
        ("meeting", "occurred"),
        ("exercise", "planned"),
    }
    assert all(m.sentence in trace.candidates for m in trace.recognised)
    assert len(trace.drafts) == len(trace.recognised)  # one draft per mention, before merging
    assert len(trace.merged) <= len(trace.drafts)
    meeting = next(d for d in trace.drafts if d.type == "meeting")
    assert meeting.persons == ("Hanno Pevkur", "Andris Spruds") and meeting.date == "2025-06-09"
    for event in trace.events:
        sentence = trace.sentence_of(event.evidence_start)
        assert sentence is not None and event.evidence in sentence.text
    data = json.loads(json.dumps(trace.to_dict()))
    assert data["doc_id"] == "tr" and len(data["events"]) == len(trace.events)
    assert data["events"][0]["evidence_start"] == trace.events[0].evidence_start


def test_an_article_without_defence_words_stops_after_the_page_stage(extractor):
    trace = extractor.trace(
        article("The orchestra met its new conductor in Riga on Friday. Tickets sold out.\n")
    )
    assert trace.sentences and not trace.relevant
    assert trace.candidates == () and trace.recognised == () and trace.events == ()


POOL = [
    "Estonian Defence Minister Hanno Pevkur met Latvian Defence Minister Andris Spruds in Tallinn on Monday.",
    "The two ministers agreed to expand joint air defence training.",
    "Their armies will hold a joint exercise near Valga in September.",
    "Finland and Estonia signed a memorandum on military mobility on Tuesday.",
    "The talks were attended by General Martin Herem.",
    "Latvia proposed a regional air policing drill.",
    "The weather in Tallinn was cold.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=6))
def test_tracing_never_changes_the_events(extractor, picks):
    text = "\n".join(picks) + "\n"
    assert list(extractor.trace(article(text)).events) == extractor.extract(article(text))


class Keen:
    """A stand-in for a learned sentence model: fond of sentences that name Valga, and counting calls."""

    def __init__(self) -> None:
        self.calls = 0

    def score(self, page, candidates, mentions) -> Mapping[int, Mapping[str, float]]:
        self.calls += 1
        return {
            s.index: {"exercise": 0.9, "states": float(len(mentions.states_in(s)))}
            for s in page.sentences
            if "Valga" in s.text and candidates.hits[s.index]
        }


def test_an_extra_scorer_is_asked_once_and_its_scores_reach_the_trace_not_the_events(extractor):
    scorer = Keen()
    scored = build_extractor(extractor.nlp, scorer)
    trace = scored.trace(article())
    assert scorer.calls == 1
    valga = next(s.index for s in trace.sentences if "Valga" in s.text)
    assert trace.scores == {valga: {"exercise": 0.9, "states": 0.0}}
    assert list(trace.events) == extractor.extract(article())

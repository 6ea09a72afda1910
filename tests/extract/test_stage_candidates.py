"""The trigger gate: which sentences reach the recognisers, and an extra scorer's place."""

from collections.abc import Mapping, Sequence

from detente.extract.page import Sentence, read_page
from detente.extract.recognise import find_candidates
from detente.models import Article

TEXT = (
    "Armies of Kenya and Uganda held the Shield Lake-III exercise near Kisumu in May. "
    "The weather was warm throughout the week. "
    "Officers recalled that Shield Lake-II had taken place two years earlier. "
    "Kenya proposed a standing working group on border security. "
    "Tea exports rose by a tenth."
)


def page():
    return read_page(Article(doc_id="c", text=TEXT + "\n"))


def test_sentences_with_triggers_series_editions_or_proposals_are_candidates():
    candidates = find_candidates(page())
    texts = [s.text for s in candidates.sentences]
    assert texts[0].startswith("Armies of Kenya")  # a trigger: "exercise"
    assert any(t.startswith("Officers recalled that Shield Lake-II") for t in texts)  # the series' edition
    assert any(t.startswith("Kenya proposed") for t in texts)  # a proposal verb
    assert not any(t.startswith("The weather") or t.startswith("Tea exports") for t in texts)
    assert candidates.series is not None and candidates.series.search("Shield Lake-IV")
    assert set(candidates.hits) == {s.index for s in page().sentences}  # hits of every sentence


class Keen:
    """A stand-in scorer: fond of sentences that name a lake."""

    def score(self, sentences: Sequence[Sentence]) -> Mapping[int, Mapping[str, float]]:
        return {s.index: {"exercise": 0.9} for s in sentences if "Lake" in s.text}


def test_an_extra_scorer_is_asked_once_and_its_scores_are_kept_without_changing_the_gate():
    plain = find_candidates(page())
    scored = find_candidates(page(), Keen())
    assert scored.sentences == plain.sentences
    assert scored.scores == {0: {"exercise": 0.9}, 2: {"exercise": 0.9}}
    assert plain.scores == {}

"""The trigger gate: which sentences reach the recognisers."""

from detente.extract.page import read_page
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

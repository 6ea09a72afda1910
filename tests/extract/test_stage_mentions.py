"""The mentions stage: people, states, places and dates found once and looked up per sentence."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.extract.mentions import Mentions, dates_by_sentence, find_mentions
from detente.extract.mentions.index import PeopleIndex
from detente.extract.mentions.people import PersonFinder, PersonTable
from detente.extract.mentions.states import article_context, gazetteer
from detente.extract.page import read_page
from detente.extract.recognise import find_candidates
from detente.models import Article

VISIT = (
    "Chilean Defence Minister Maya Fernandez visited Lima on Tuesday. "
    "She held talks with Peruvian Defence Minister Walter Astudillo at the Ministry of Defence. "
    "The two ministers discussed border security and disaster relief.\n"
    "Fernandez later toured the naval base at Callao, where officers briefed her on Pacific patrols.\n"
)


def mentions_of(text: str, extractor, published: date = date(2025, 5, 8)) -> Mentions:
    page = read_page(Article(doc_id="m", text=text, published=published))
    with article_context(text):
        return find_mentions(page, find_candidates(page), PersonFinder(), lambda: extractor.nlp)


def test_people_dates_states_and_places_per_sentence(extractor):
    mentions = mentions_of(VISIT, extractor)
    first, second, third, fourth = mentions.sentences
    people = mentions.people.people
    assert [people[m.person].name for m in mentions.people_in(second)] == [
        "Maya Fernandez",
        "Walter Astudillo",
    ]
    assert [d.start for _, d in mentions.dates_in(first)] == [date(2025, 5, 6)]
    assert [m.code for m in mentions.states_in(second)] == ["PER"]
    assert mentions.state_codes()[0] == ["CHL", "PER"]  # "Chilean", and Lima stands for Peru
    assert [p.place for p in mentions.places_in(second)] == ["Ministry of Defence"]
    assert mentions.places_in(second) is mentions.places_in(second)  # read once
    assert [p.place for p in mentions.places_in(fourth)] == ["Callao"]
    assert mentions.nearby_states(third, len(third.text)) == ["CHL", "PER"]


def test_people_index_answers_as_the_table_does():
    table = PersonFinder().build(VISIT, list(read_page(Article(doc_id="m", text=VISIT)).sentences))
    index = PeopleIndex(table)
    for start in range(0, len(VISIT), 17):
        for width in (0, 1, 40, 300):
            assert index.between(start, start + width) == table.between(start, start + width)


def test_dates_are_read_around_candidates_only():
    text = (
        "On March 2 nothing happened. " * 3
        + "Troops held a joint drill on March 9. "
        + "Rain fell on March 12. " * 4
    )
    page = read_page(Article(doc_id="d", text=text + "\n", published=date(2025, 3, 20)))
    drill = next(s for s in page.sentences if "drill" in s.text)
    found = dates_by_sentence(page.text, page.sentences, [drill], page.published)
    assert set(found) == {drill.index - 1, drill.index, drill.index + 1, drill.index + 2}
    assert found[drill.index][0][1].start == date(2025, 3, 9)


# Sentences whose states a cut or a neighbour can change: "on" before a state, "Border",
# "Sea" or "Strikes" after one, a state named just before where a sentence may be cut.
POOL = [
    "Officials of Kenya met Ugandan officers to discuss the Sea of Galilee.",
    "Border guards of Ethiopia and Sudan met in Gallabat.",
    "Sea patrols near Somalia resumed.",
    "Strikes on Yemen were condemned by Oman.",
    "The ministers of Kenya and Tanzania met on",
    "Talks in Nairobi with Uganda focused on trade.",
    "Egypt and Sudan signed a pact on Ethiopia.",
    "The envoy said Rwanda would host the next round.",
    "Kenya and Uganda met.",  # a copy of its words inside the next sentence is cut too
    "Officials of Kenya and Uganda met.",
]


@settings(max_examples=300, deadline=None)
@given(
    picks=st.lists(st.sampled_from(POOL), min_size=1, max_size=6),
    which=st.integers(min_value=0, max_value=5),
    cut=st.integers(min_value=0, max_value=80),
)
def test_nearby_states_equal_a_scan_of_the_cut_paragraph(picks, which, cut):
    text = " ".join(p if p.endswith(".") else p + "." for p in picks) + "\n"
    page = read_page(Article(doc_id="n", text=text))
    if not page.sentences:
        return
    mentions = Mentions(page.sentences, PersonTable(), {})
    sentence = page.sentences[which % len(page.sentences)]
    paragraph = mentions.paragraph_text(sentence.paragraph)
    with article_context(text):
        cut_paragraph = paragraph.replace(sentence.text, sentence.text[:cut])
        expected = list(dict.fromkeys(m.code for m in gazetteer().parties(cut_paragraph)))
        assert mentions.nearby_states(sentence, cut) == expected

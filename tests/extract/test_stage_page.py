"""The page stage: clean sentences with offsets, and whether the article is worth reading."""

from datetime import date

from detente.extract.page import read_page
from detente.models import Article

REPORT = (
    "Navies Meet Off Crete\n"
    "Photo: a frigate at sea — Reuters\n"
    "The Greek and Egyptian navies began a joint naval exercise off Crete on Monday. "
    "Warships, submarines and maritime patrol aircraft of both fleets are taking part.\n"
    "Share | Tweet | Email | Print\n"
    "Defence officials said the drill would improve the interoperability of their forces.\n"
)


def page_of(text: str, published: date | None = date(2025, 3, 4)):
    return read_page(Article(doc_id="p", text=text, published=published))


def test_furniture_is_dropped_and_offsets_point_into_the_text():
    page = page_of(REPORT)
    assert [s.text[:24] for s in page.sentences] == [
        "The Greek and Egyptian n",
        "Warships, submarines and",
        "Defence officials said t",
    ]
    for sentence in page.sentences:
        assert REPORT[sentence.start : sentence.end] == sentence.text
    assert [s.index for s in page.sentences] == [0, 1, 2]
    assert page.sentences[0].paragraph == page.sentences[1].paragraph != page.sentences[2].paragraph
    assert page.published == date(2025, 3, 4)


def test_a_defence_report_is_relevant_and_in_focus():
    page = page_of(REPORT)
    assert page.relevant and page.focus
    assert not page.commentary


def test_a_football_report_is_not_worth_reading():
    page = page_of(
        "The home side's defence held firm for ninety minutes on Saturday. "
        "Their captain praised the fans after the match, and the coach said the squad would rest.\n"
    )
    assert page.sentences and not page.relevant


def test_an_opinion_piece_is_commentary():
    page = page_of(
        "OPINION: Why naval diplomacy matters\n"
        "Joint naval exercises between smaller navies have become a habit of the region's "
        "defence ministries.\n"
    )
    assert page.commentary

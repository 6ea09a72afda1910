"""The paragraph scan gives what scanning each cut paragraph in full gives (issue 13, defect 5).

`nearby_codes` replaced `parties(paragraph.replace(sentence, sentence[:cut]))`, which
rescanned the whole paragraph for every candidate sentence. The answers must be the
same, on short paragraphs and on long ones where only windows around the cuts are read.
"""

from __future__ import annotations

import random

import pytest
from tests.conftest import DEV

from detente.extract.gazetteer import article_context, gazetteer
from detente.extract.paragraph_scan import MARGIN, nearby_codes, paragraph_has
from detente.extract.triggers import rules

SENTENCES = [
    "Pakistan's army chief met the Tajik defence minister in Rawalpindi on Thursday.",
    "The ISPR said the two sides discussed the situation in Afghanistan.",
    "India and France signed a deal for 26 Rafale Marine jets, officials in New Delhi said.",
    "Chinese and Cambodian troops began the Golden Dragon exercise near Kampong Chhnang.",
    "The Mongolia-Korea Dialogue was held in Ulaanbaatar, where the Russia-Ukraine war came up.",
    "Kenyan soldiers joined Somali forces in Mogadishu;   ",
    "The minister, speaking in Washington, thanked Japan,Germany and the Philippines.",
    "Lake Victoria patrols resumed as Uganda and Tanzania agreed to share radar data.",
    "          ",
    "Saudi Arabia's defence minister visited Islamabad to meet Pakistani officials.",
]


def _brute(paragraph: str, sentence: str, cut: int) -> list[str]:
    mentions = gazetteer().parties(paragraph.replace(sentence, sentence[:cut]))
    return list(dict.fromkeys(m.code for m in mentions))


def _paragraph(rng: random.Random, count: int) -> list[str]:
    pool = SENTENCES + [
        line for path in sorted(DEV.glob("articles/*.txt"))[:6] for line in path.read_text().split(". ")
    ]
    return [rng.choice(pool) for _ in range(count)]


@pytest.mark.parametrize("seed", range(12))
def test_long_paragraphs_give_the_full_scans_answer_for_every_cut(seed: int) -> None:
    rng = random.Random(seed)
    parts = _paragraph(rng, rng.randint(20, 120))
    paragraph = "".join(" " + part for part in parts)  # as the engine joins a paragraph's sentences
    assert len(paragraph) > 4 * MARGIN
    with article_context(paragraph):
        for _ in range(25):
            sentence = rng.choice(parts)
            cut = rng.randint(0, len(sentence) + 5)
            assert nearby_codes(paragraph, sentence, cut) == _brute(paragraph, sentence, cut), (
                seed,
                sentence,
                cut,
            )


def test_a_sentence_repeated_through_the_paragraph_is_cut_everywhere() -> None:
    sentence = SENTENCES[0]
    paragraph = " ".join([sentence, SENTENCES[2], *SENTENCES[3:5]] * 30)
    for cut in (0, 20, 45, len(sentence) - 1):
        assert nearby_codes(paragraph, sentence, cut) == _brute(paragraph, sentence, cut)


def test_cuts_near_long_white_space_and_the_paragraphs_ends() -> None:
    sentence = "Uganda and Kenya met."
    paragraph = sentence + " " * 3000 + "Tanzania said. " + "x " * 900 + sentence + "   said Rwanda"
    for cut in range(len(sentence) + 1):
        assert nearby_codes(paragraph, sentence, cut) == _brute(paragraph, sentence, cut)


def test_a_short_paragraph_is_scanned_as_it_is() -> None:
    paragraph = " ".join(SENTENCES[:3])
    assert nearby_codes(paragraph, SENTENCES[0], 30) == _brute(paragraph, SENTENCES[0], 30)


def test_shared_bodies_are_read_as_the_article_reads_them() -> None:
    """'ISPR' is Pakistan's or Bangladesh's depending on the article: the scan must not mix articles."""
    filler = " ".join(SENTENCES[2:4] * 10)
    for country in ("Pakistan", "Bangladesh"):
        article = f"{country} army officers attended. The ISPR said talks went well. {filler}"
        with article_context(article):
            assert nearby_codes(article, SENTENCES[2], 10) == _brute(article, SENTENCES[2], 10)


def test_paragraph_has_answers_as_a_search_would() -> None:
    paragraph = " ".join(SENTENCES)
    assert paragraph_has(rules().equipment, paragraph) == bool(rules().equipment.search(paragraph))
    assert not paragraph_has(rules().equipment, "Nothing here.")

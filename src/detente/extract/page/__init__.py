"""The page stage: an article's text as the clean sentences later stages read.

Furniture (headlines, bylines, captions, menus, repeated lines) is dropped, the body is
split into sentences with offsets into the text, and the article is weighed: does it
hold enough defence words to be read at all, and is it a defence report through and
through (then every event in it is in context)?
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from detente.extract.domain import is_commentary
from detente.extract.page.relevance import article_relevance
from detente.extract.page.sentences import Sentence, split_sentences
from detente.models import Article

__all__ = ["Page", "Sentence", "read_page"]


@dataclass(frozen=True)
class Page:
    text: str
    published: date | None
    sentences: tuple[Sentence, ...]
    relevant: bool  # enough distinct defence words to be read at all
    focus: bool  # a defence report through and through: every event in it is in context

    @property
    def commentary(self) -> bool:
        """An opinion or analysis piece: its sweeping sentences are events only when specific."""
        return is_commentary(self.text)


def read_page(article: Article) -> Page:
    text = article.text or ""
    sentences = tuple(split_sentences(text))
    relevant, focus = article_relevance(list(sentences))
    return Page(text, article.published, sentences, relevant, focus)

"""One extractor (and one spaCy pipeline) for every extraction test."""

from __future__ import annotations

from datetime import date

import pytest

from detente.extract import build_extractor
from detente.models import Article, Event


@pytest.fixture(scope="session")
def extractor():
    return build_extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """Run the real engine on a short article written for the test."""

    def run(text: str, published: date | None = date(2025, 6, 20), doc_id: str = "t") -> list[Event]:
        return extractor.extract(Article(doc_id=doc_id, text=text, published=published))

    return run


def only(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.type == event_type]

"""A small, fully known database for the API tests, written through the real store.

The articles are invented for these tests. Their events are built by hand (not
extracted) so every filter's expected answer is known exactly, whatever state the
extractor is in; `test_pipeline_db.py` covers a database the pipeline itself built.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from detente.models import (
    Article,
    Codes,
    Event,
    EventDate,
    Office,
    Participant,
    Person,
    Place,
    Resolution,
    Source,
)
from detente.store import open_store

RAWALPINDI = Place("Rawalpindi", "PAK", 1166993, 33.6007, 73.0679)
BEIJING = Place("Beijing", "CHN", 1816670, 39.9075, 116.3972)
ANKARA = Place("Ankara", "TUR", 323786, 39.9199, 32.8543)

TALKS = (
    "General Farid Rahman, Pakistan's Chief of Army Staff, met Tajik Defence Minister Timur Saidov"
    " in Rawalpindi on Thursday."
)
DOSTI = "The two armies will hold the joint exercise Dosti-III in Tajikistan next month."
DOSTI_II = "Their troops last trained together in Dosti-II in September 2023."
MOU = "Pakistan and China signed a memorandum of understanding on joint drone production in Beijing."
TRAINING = "Turkish instructors trained Indonesian special forces officers in Ankara."
PLEDGE = "Beijing proposed trilateral counter-terrorism cooperation with Islamabad and Dushanbe."

ARTICLES = [
    Article(
        doc_id="rawalpindi-herald",
        title="Army chief receives Tajik defence minister",
        text=f"{TALKS} {DOSTI} {DOSTI_II}",
        published=date(2025, 3, 14),
        published_source="explicit",
        source_name="Rawalpindi Herald",
        url="https://herald.example/tajik-visit",
    ),
    Article(
        doc_id="dushanbe-wire",
        title="Saidov in Pakistan",
        text=f"Dushanbe. {TALKS} Officials called the talks productive.",
        published=date(2025, 3, 14),
        published_source="explicit",
        source_name="Dushanbe Wire",
    ),
    Article(
        doc_id="beijing-daily",
        title="Drone production pact",
        text=f"{MOU} Gen Rahman attended the ceremony. {PLEDGE}",
        published=date(2024, 11, 21),
        published_source="explicit",
        source_name="Beijing Daily",
    ),
    Article(
        doc_id="ankara-post",
        title="Special forces course ends",
        text=f"{TRAINING} The course lasted six weeks.",
        published=date(2025, 1, 11),
        published_source="explicit",
        source_name="Ankara Post",
    ),
]

RAHMAN = Participant("Farid Rahman", "Chief of Army Staff", "PAK", "p-rahman")
SAIDOV = Participant("Timur Saidov", "Defence Minister", "TJK", "p-saidov")

PEOPLE = [
    Person(
        "p-rahman",
        "Farid Rahman",
        "PAK",
        aliases=["Gen Rahman", "General Farid Rahman"],
        offices=[Office("Chief of Army Staff", "PAK", date(2024, 11, 20), date(2025, 3, 13))],
    ),
    Person(
        "p-saidov",
        "Timur Saidov",
        "TJK",
        aliases=["Saidov"],
        offices=[Office("Defence Minister", "TJK", date(2025, 3, 13), date(2025, 3, 13))],
    ),
]


def _mention(event: Event, doc_id: str, text: str) -> Event:
    """The event as one article states it: a mention with its evidence offset."""
    return Event(
        type=event.type,
        status=event.status,
        countries=list(event.countries),
        evidence=event.evidence,
        date=event.date,
        participants=[Participant(p.name, p.title, p.country) for p in event.participants],
        location=event.location,
        name=event.name,
        topics=list(event.topics),
        codes=event.codes,
        doc_id=doc_id,
        evidence_start=text.find(event.evidence),
    )


def _events() -> list[Event]:
    herald, wire, beijing, ankara = ARTICLES
    return [
        Event(
            event_id="ev-talks",
            type="meeting",
            status="occurred",
            countries=["PAK", "TJK"],
            evidence=TALKS,
            date=EventDate(date(2025, 3, 13), date(2025, 3, 13), "day"),
            participants=[RAHMAN, SAIDOV],
            location=RAWALPINDI,
            topics=["counter_terrorism"],
            codes=Codes("042", "CONSULT", None, "visit"),
            doc_id=herald.doc_id,
            sources=[
                Source(herald.doc_id, TALKS, "Rawalpindi Herald", herald.published),
                Source(wire.doc_id, TALKS, "Dushanbe Wire", wire.published),
            ],
            related=["ev-dosti3"],
        ),
        Event(
            event_id="ev-dosti3",
            type="exercise",
            status="planned",
            countries=["PAK", "TJK"],
            evidence=DOSTI,
            date=EventDate(date(2025, 4, 1), date(2025, 4, 30), "month"),
            location=Place(None, "TJK"),
            name="Dosti-III",
            topics=["counter_terrorism"],
            codes=Codes("062", "COOPERATE", "military", None),
            doc_id=herald.doc_id,
            sources=[Source(herald.doc_id, DOSTI, "Rawalpindi Herald", herald.published)],
            related=["ev-talks", "ev-dosti2"],
        ),
        Event(
            event_id="ev-dosti2",
            type="exercise",
            status="occurred",
            countries=["PAK", "TJK"],
            evidence=DOSTI_II,
            date=EventDate(date(2023, 9, 1), date(2023, 9, 30), "month"),
            name="Dosti-II",
            codes=Codes("062", "COOPERATE", "military", None),
            doc_id=herald.doc_id,
            sources=[Source(herald.doc_id, DOSTI_II, "Rawalpindi Herald", herald.published)],
        ),
        Event(
            event_id="ev-mou",
            type="defence_industry",
            status="occurred",
            countries=["CHN", "PAK"],
            evidence=MOU,
            date=EventDate(date(2024, 11, 20), date(2024, 11, 20), "day"),
            participants=[RAHMAN],
            location=BEIJING,
            topics=["defence_production", "surveillance_drones"],
            codes=Codes("072", "AID", "military", None),
            doc_id=beijing.doc_id,
            sources=[Source(beijing.doc_id, MOU, "Beijing Daily", beijing.published)],
        ),
        Event(
            event_id="ev-pledge",
            type="pledge",
            status="proposed",
            countries=["CHN", "PAK", "TJK"],
            evidence=PLEDGE,
            date=EventDate(date(2024, 11, 20), date(2024, 11, 20), "day"),
            topics=["counter_terrorism", "regional_security"],
            codes=Codes("030", "AGREE", "military", None),
            doc_id=beijing.doc_id,
            sources=[Source(beijing.doc_id, PLEDGE, "Beijing Daily", beijing.published)],
        ),
        Event(
            event_id="ev-training",
            type="training",
            status="occurred",
            countries=["IDN", "TUR"],
            evidence=TRAINING,
            date=EventDate(date(2025, 1, 10), date(2025, 1, 10), "day"),
            location=ANKARA,
            topics=["training"],
            codes=Codes("062", "COOPERATE", "military", None),
            doc_id=ankara.doc_id,
            sources=[Source(ankara.doc_id, TRAINING, "Ankara Post", ankara.published)],
        ),
    ]


EVENT_IDS = frozenset(event.event_id for event in _events())


def build_curated_db(path: Path) -> Path:
    """Store the articles with their mentions, then the resolution, as the pipeline would."""
    events = _events()
    store = open_store(path)
    try:
        for article in ARTICLES:
            mentions = [
                _mention(event, article.doc_id, article.text)
                for event in events
                if any(source.doc_id == article.doc_id for source in event.sources)
            ]
            store.add_article(article, mentions)
        store.save_resolution(Resolution(events=events, people=PEOPLE))
    finally:
        store.close()
    return path

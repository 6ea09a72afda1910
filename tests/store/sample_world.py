"""A small, hand-written world of articles, mentions and a resolution, stored through the Store API.

The text is invented for these tests (East African and Luso-Brazilian defence ties)
so the store and query layers are checked on data no extractor shaped.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from detente.store import Store, open_store

NAIROBI = Place("Nairobi", "KEN", 184745, -1.28333, 36.81667, "city")
LISBON = Place("Lisbon", "PRT", 2267057, 38.71667, -9.13333, "city")
ARUSHA = Place("Arusha", "TZA", 161325, -3.36667, 36.68333, "city")
MOMBASA = Place("Mombasa", "KEN", 186301, -4.05466, 39.66359, "facility")

TALKS = (
    "Kenyan Defence Cabinet Secretary Amina Wekesa met Ugandan Chief of Defence Forces General Paul Okot "
    "in Nairobi on Monday."
)
MOU = "The two sides signed a memorandum of understanding on border security."
PLEDGE = "They pledged to deepen intelligence sharing against militant groups."
TALKS_AGAIN = "Wekesa and General Okot held talks in Nairobi on Monday, officials said."
EXERCISE = "Brazilian and Portuguese marines began the joint exercise Atlantic Shield near Lisbon on Tuesday."
PRAISE = "Portugal's Defense Minister Rui Sampaio praised the Brazilian contingent's professionalism."
OLD_TRAINING = "The two navies first trained together in 2019."
COURSE = (
    "Officers from Kenya, Tanzania and Uganda will attend a peacekeeping training course "
    "in Arusha next month."
)
MOMBASA_TALKS = "Defense Secretary Amina Wekesa received the Tanzanian army chief in Mombasa on Wednesday."


@dataclass
class Stored:
    article: Article
    mentions: list[Event]


def _mention(text: str, evidence: str, doc_id: str, **fields: object) -> Event:
    start = text.index(evidence)
    return Event(evidence=evidence, doc_id=doc_id, evidence_start=start, **fields)  # type: ignore[arg-type]


def sample_articles() -> list[Stored]:
    talks_text = f"Nairobi Daily\n{TALKS} {MOU} {PLEDGE}\nRelated: markets close higher."
    again_text = f"{TALKS_AGAIN} The meeting focused on the shared border."
    brazil_text = f"{EXERCISE} {PRAISE} {OLD_TRAINING}"
    course_text = f"ARUSHA — {COURSE} The course is the first of its kind."
    mombasa_text = f"{MOMBASA_TALKS} <b>Bold</b> claims & counterclaims followed."
    wekesa = Participant("Amina Wekesa", "Defence Cabinet Secretary", "KEN")
    okot = Participant("Paul Okot", "Chief of Defence Forces", "UGA")
    return [
        Stored(
            Article(
                "kenya-uganda-talks",
                talks_text,
                title="Kenya and Uganda sign border security pact",
                url="https://daily.example/ke-ug",
                published=date(2025, 3, 4),
                published_source="explicit",
                source_name="Nairobi Daily",
                found_via="html",
            ),
            [
                _mention(
                    talks_text,
                    TALKS,
                    "kenya-uganda-talks",
                    type="meeting",
                    status="occurred",
                    countries=["KEN", "UGA"],
                    date=EventDate(date(2025, 3, 3), date(2025, 3, 3), "day"),
                    participants=[wekesa, okot],
                    location=Place("Nairobi", "KEN"),
                    codes=Codes("040", "CONSULT", None, "visit"),
                    topics=["border_security"],
                ),
                _mention(
                    talks_text,
                    MOU,
                    "kenya-uganda-talks",
                    type="agreement",
                    status="occurred",
                    countries=["KEN", "UGA"],
                    date=EventDate(date(2025, 3, 3), date(2025, 3, 3), "day"),
                    codes=Codes("057", "SUPPORT", "military", None),
                    topics=["border_security"],
                ),
                _mention(
                    talks_text,
                    PLEDGE,
                    "kenya-uganda-talks",
                    type="pledge",
                    status="occurred",
                    countries=["KEN", "UGA"],
                    date=EventDate(date(2025, 3, 3), date(2025, 3, 3), "day"),
                    codes=Codes("030", "AGREE", "military", None),
                    topics=["intelligence_sharing"],
                ),
            ],
        ),
        Stored(
            Article(
                "east-wire-0305",
                again_text,
                title="Talks in Nairobi",
                url="https://eastwire.example/0305",
                published=date(2025, 3, 5),
                published_source="explicit",
                source_name="East Wire",
            ),
            [
                _mention(
                    again_text,
                    TALKS_AGAIN,
                    "east-wire-0305",
                    type="meeting",
                    status="occurred",
                    countries=["KEN", "UGA"],
                    date=EventDate(date(2025, 3, 3), date(2025, 3, 3), "day"),
                    participants=[Participant("Wekesa", None, "KEN"), Participant("Okot", "General", "UGA")],
                    location=Place("Nairobi", "KEN"),
                ),
            ],
        ),
        Stored(
            Article(
                "atlantic-shield",
                brazil_text,
                title="Atlantic Shield begins",
                url="https://post.example/as",
                published=date(2024, 11, 20),
                published_source="explicit",
                source_name="Lisbon Post",
            ),
            [
                _mention(
                    brazil_text,
                    EXERCISE,
                    "atlantic-shield",
                    type="exercise",
                    status="occurred",
                    countries=["BRA", "PRT"],
                    date=EventDate(date(2024, 11, 19), date(2024, 11, 19), "day"),
                    location=Place("Lisbon", "PRT"),
                    name="Atlantic Shield",
                    topics=["maritime"],
                    codes=Codes("062", "COOPERATE", "military", None),
                ),
                _mention(
                    brazil_text,
                    PRAISE,
                    "atlantic-shield",
                    type="praise",
                    status="occurred",
                    countries=["BRA", "PRT"],
                    date=EventDate(date(2024, 11, 20), date(2024, 11, 20), "day"),
                    participants=[Participant("Rui Sampaio", "Defense Minister", "PRT")],
                ),
                _mention(
                    brazil_text,
                    OLD_TRAINING,
                    "atlantic-shield",
                    type="training",
                    status="occurred",
                    countries=["BRA", "PRT"],
                    date=EventDate(date(2019, 1, 1), date(2019, 12, 31), "year"),
                ),
            ],
        ),
        Stored(
            Article(
                "arusha-course",
                course_text,
                title="Peacekeeping course for East African officers",
                published=date(2025, 6, 10),
                published_source="inferred",
                source_name="Regional Times",
            ),
            [
                _mention(
                    course_text,
                    COURSE,
                    "arusha-course",
                    type="training",
                    status="planned",
                    countries=["KEN", "TZA", "UGA"],
                    date=EventDate(date(2025, 7, 1), date(2025, 7, 31), "month"),
                    location=Place("Arusha", "TZA"),
                    topics=["peacekeeping", "training"],
                ),
            ],
        ),
        Stored(
            Article(
                "mombasa-2024",
                mombasa_text,
                title="Wekesa hosts Tanzanian army chief",
                published=date(2024, 2, 1),
                published_source="explicit",
                source_name="Nairobi Daily",
            ),
            [
                _mention(
                    mombasa_text,
                    MOMBASA_TALKS,
                    "mombasa-2024",
                    type="meeting",
                    status="occurred",
                    countries=["KEN", "TZA"],
                    date=EventDate(date(2024, 1, 31), date(2024, 1, 31), "day"),
                    participants=[Participant("Amina Wekesa", "Defense Secretary", "KEN")],
                    location=Place("Mombasa", "KEN"),
                ),
            ],
        ),
    ]


def sample_resolution() -> Resolution:
    """What resolve would make of `sample_articles()`, written out by hand."""
    stored = {s.article.doc_id: s for s in sample_articles()}

    def source(doc_id: str, evidence: str) -> Source:
        article = stored[doc_id].article
        return Source(doc_id, evidence, article.source_name, article.published, article.url)

    wekesa = Participant("Amina Wekesa", "Defence Cabinet Secretary", "KEN", "P-wekesa")
    okot = Participant("Paul Okot", "Chief of Defence Forces", "UGA", "P-okot")
    sampaio = Participant("Rui Sampaio", "Defense Minister", "PRT", "P-sampaio")
    day = EventDate(date(2025, 3, 3), date(2025, 3, 3), "day")
    events = [
        Event(
            "meeting",
            "occurred",
            ["KEN", "UGA"],
            TALKS,
            day,
            [wekesa, okot],
            NAIROBI,
            topics=["border_security"],
            codes=Codes("040", "CONSULT", None, "visit"),
            event_id="E-ke-ug-talks",
            sources=[source("kenya-uganda-talks", TALKS), source("east-wire-0305", TALKS_AGAIN)],
        ),
        Event(
            "agreement",
            "occurred",
            ["KEN", "UGA"],
            MOU,
            day,
            [wekesa, okot],
            NAIROBI,
            topics=["border_security"],
            codes=Codes("057", "SUPPORT", "military", None),
            event_id="E-ke-ug-mou",
            sources=[source("kenya-uganda-talks", MOU)],
            related=["E-ke-ug-pledge"],
        ),
        Event(
            "pledge",
            "occurred",
            ["KEN", "UGA"],
            PLEDGE,
            day,
            [wekesa, okot],
            None,
            topics=["intelligence_sharing"],
            codes=Codes("030", "AGREE", "military", None),
            event_id="E-ke-ug-pledge",
            sources=[source("kenya-uganda-talks", PLEDGE)],
        ),
        Event(
            "exercise",
            "occurred",
            ["BRA", "PRT"],
            EXERCISE,
            EventDate(date(2024, 11, 19), date(2024, 11, 19), "day"),
            [],
            LISBON,
            name="Atlantic Shield",
            topics=["maritime"],
            codes=Codes("062", "COOPERATE", "military", None),
            event_id="E-atlantic-shield",
            sources=[source("atlantic-shield", EXERCISE)],
        ),
        Event(
            "praise",
            "occurred",
            ["BRA", "PRT"],
            PRAISE,
            EventDate(date(2024, 11, 20), date(2024, 11, 20), "day"),
            [sampaio],
            None,
            codes=Codes("051", "SUPPORT", None, None),
            event_id="E-sampaio-praise",
            sources=[source("atlantic-shield", PRAISE)],
        ),
        Event(
            "training",
            "occurred",
            ["BRA", "PRT"],
            OLD_TRAINING,
            EventDate(date(2019, 1, 1), date(2019, 12, 31), "year"),
            event_id="E-navies-2019",
            sources=[source("atlantic-shield", OLD_TRAINING)],
        ),
        Event(
            "training",
            "planned",
            ["KEN", "TZA", "UGA"],
            COURSE,
            EventDate(date(2025, 7, 1), date(2025, 7, 31), "month"),
            [],
            ARUSHA,
            topics=["peacekeeping", "training"],
            event_id="E-arusha-course",
            sources=[source("arusha-course", COURSE)],
        ),
        Event(
            "meeting",
            "occurred",
            ["KEN", "TZA"],
            MOMBASA_TALKS,
            EventDate(date(2024, 1, 31), date(2024, 1, 31), "day"),
            [Participant("Amina Wekesa", "Defense Secretary", "KEN", "P-wekesa")],
            MOMBASA,
            event_id="E-mombasa-2024",
            sources=[source("mombasa-2024", MOMBASA_TALKS)],
        ),
    ]
    people = [
        Person(
            "P-wekesa",
            "Amina Wekesa",
            "KEN",
            ["Wekesa", "CS Wekesa"],
            [Office("Defence Cabinet Secretary", "KEN", date(2024, 1, 31), date(2025, 3, 3))],
        ),
        Person(
            "P-mwangi",
            "Peter Mwangi",
            "KEN",
            ["Mwangi"],
            [Office("Defense Cabinet Secretary", "KEN", date(2022, 5, 1), date(2023, 9, 30))],
        ),
        Person(
            "P-okot",
            "Paul Okot",
            "UGA",
            ["Okot", "General Okot"],
            [Office("Chief of Defence Forces", "UGA", date(2025, 3, 3), date(2025, 3, 3))],
        ),
        Person(
            "P-sampaio",
            "Rui Sampaio",
            "PRT",
            ["Sampaio"],
            [Office("Defense Minister", "PRT", date(2024, 11, 20), date(2024, 11, 20))],
        ),
    ]
    return Resolution(events, people, copies={})


def fill(store: Store) -> None:
    for item in sample_articles():
        assert store.add_article(item.article, item.mentions)
    store.save_resolution(sample_resolution())


def build_sample_db(path: Path) -> Path:
    """A detente database file holding the sample world, closed and ready to open."""
    with open_store(path) as store:
        fill(store)
    return path

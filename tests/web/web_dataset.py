"""A small, real detente database for the dashboard tests, written through `detente.store`.

The articles are invented for these tests. One is hostile: its title, outlet, URL,
event name, a participant and the evidence sentence all carry markup and script
that must reach the browser as text.
"""

from __future__ import annotations

import copy
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
from detente.store import open_store

HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'

TALKS = (
    "Dushanbe, March 11. Pakistan's Defence Minister Khawaja Fixture Asif met Tajikistan's Defence "
    "Minister Colonel General Emomali Fixturezoda in Dushanbe on Monday. "
    "The two ministers pledged to deepen counter-terrorism cooperation and border security.\n"
    "The visit followed a year of contacts between the two armies."
)
EXERCISE_PLAN = (
    "Islamabad, May 2. Pakistan and Tajikistan will hold the joint exercise Fixture Shield-1 in June, "
    "officials said. The drill will focus on mountain warfare.\n"
    "Pakistan and Tajikistan troops completed the joint exercise Fixture Shield-1 near Rawalpindi on June 20."
)
EXERCISE_DONE = (
    "Rawalpindi, June 21. Troops from Pakistan and Tajikistan completed the joint exercise Fixture "
    "Shield-1 near Rawalpindi on June 20, the army said."
)
HOSTILE = (
    f"Islamabad. {HOSTILE_IMG} Readers were warned.\n"
    f"China and Pakistan signed a drone co-production deal {HOSTILE_SCRIPT} in Islamabad on August 2.\n"
    "The deal covers surveillance drones."
)
EXERCISE_US = (
    "Bikaner, November 6. Indian and US troops began the joint exercise Yudh Fixture in Bikaner on "
    "November 5, the Indian Army said."
)

DUSHANBE = Place("Dushanbe", "TJK", 1221874, 38.53575, 68.77905)
RAWALPINDI = Place("Rawalpindi", "PAK", 1166993, 33.6007, 73.0679)
ISLAMABAD = Place("Islamabad", "PAK", 1176615, 33.72148, 73.04329)
BIKANER = Place("Bikaner", "IND", 1275665, 28.01762, 73.31495)

MINISTER_PAK = Person(
    "per-asif",
    "Khawaja Fixture Asif",
    "PAK",
    ["Khawaja Asif", "Fixture Asif"],
    [Office("Defence Minister", "PAK", date(2025, 3, 10), date(2025, 3, 10))],
)
MINISTER_TJK = Person(
    "per-fixturezoda",
    "Emomali Fixturezoda",
    "TJK",
    ["Fixturezoda"],
    [
        Office("Deputy Defence Minister", "TJK", date(2023, 5, 1), date(2024, 2, 1)),
        Office("Defence Minister", "TJK", date(2025, 3, 10), date(2025, 3, 10)),
    ],
)
HOSTILE_PERSON = Person("per-hostile", "<i>Evil</i> Person", "CHN", [], [])


@dataclass(frozen=True)
class Dataset:
    path: Path
    meeting_id: str = "ev-meeting"
    pledge_id: str = "ev-pledge"
    planned_exercise_id: str = "ev-shield-plan"
    exercise_id: str = "ev-shield"
    hostile_id: str = "ev-hostile"
    us_exercise_id: str = "ev-yudh"
    meeting_evidence: str = (
        "Pakistan's Defence Minister Khawaja Fixture Asif met Tajikistan's Defence Minister Colonel "
        "General Emomali Fixturezoda in Dushanbe on Monday."
    )
    hostile_evidence: str = (
        f"China and Pakistan signed a drone co-production deal {HOSTILE_SCRIPT} in Islamabad on August 2."
    )


def _sentence(text: str, start: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(".", text.index(" on ", begin)) + 1]


def _article(doc_id: str, text: str, published: date, **extra: str) -> Article:
    return Article(
        doc_id=doc_id,
        text=text,
        title=extra.get("title", doc_id.replace("-", " ").title()),
        url=extra.get("url", f"https://news.example.org/{doc_id}"),
        published=published,
        published_source="explicit",
        source_name=extra.get("outlet", "Fixture Wire"),
    )


def _event(event_id: str, kind: str, status: str, countries: list[str], evidence: str, **fields) -> Event:
    return Event(
        type=kind,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        countries=countries,
        evidence=evidence,
        event_id=event_id,
        **fields,
    )


def build_database(path: Path) -> Dataset:
    """Store five articles, their mentions and a resolution of six events into `path`."""
    data = Dataset(path)
    talks = _article("dushanbe-talks", TALKS, date(2025, 3, 11))
    plan = _article("shield-plan", EXERCISE_PLAN, date(2025, 5, 2), outlet="Second Fixture Daily")
    done = _article("shield-done", EXERCISE_DONE, date(2025, 6, 21))
    hostile = _article(
        "hostile",
        HOSTILE,
        date(2025, 8, 3),
        title=f"<b>Deal</b> {HOSTILE_IMG}",
        outlet=f"Outlet {HOSTILE_SCRIPT}",
        url="javascript:window.__pwned=4",
    )
    us = _article("yudh", EXERCISE_US, date(2024, 11, 6))
    asif = Participant("Khawaja Fixture Asif", "Defence Minister", "PAK", "per-asif")
    zoda = Participant("Emomali Fixturezoda", "Defence Minister", "TJK", "per-fixturezoda")
    pledge_evidence = "The two ministers pledged to deepen counter-terrorism cooperation and border security."
    plan_evidence = (
        "Pakistan and Tajikistan will hold the joint exercise Fixture Shield-1 in June, officials said."
    )
    done_evidence = _sentence(EXERCISE_DONE, "Troops from")
    echo_evidence = _sentence(EXERCISE_PLAN, "Pakistan and Tajikistan troops")
    us_evidence = _sentence(EXERCISE_US, "Indian and US")
    events = [
        _event(
            data.meeting_id,
            "meeting",
            "occurred",
            ["PAK", "TJK"],
            data.meeting_evidence,
            date=EventDate(date(2025, 3, 10), date(2025, 3, 10), "day"),
            participants=[asif, zoda],
            location=DUSHANBE,
            topics=["counter_terrorism"],
            codes=Codes("043", "CONSULT", None, "visit"),
            sources=[Source("dushanbe-talks", data.meeting_evidence)],
        ),
        _event(
            data.pledge_id,
            "pledge",
            "occurred",
            ["PAK", "TJK"],
            pledge_evidence,
            date=EventDate(date(2025, 3, 10), date(2025, 3, 10), "day"),
            participants=[asif, zoda],
            location=DUSHANBE,
            topics=["counter_terrorism", "border_security"],
            codes=Codes("031", "AGREE", "military", None),
            sources=[Source("dushanbe-talks", pledge_evidence)],
        ),
        _event(
            data.planned_exercise_id,
            "exercise",
            "planned",
            ["PAK", "TJK"],
            plan_evidence,
            date=EventDate(date(2025, 6, 1), date(2025, 6, 30), "month"),
            name="Fixture Shield-1",
            codes=Codes("062", "COOPERATE", "military", None),
            related=[data.exercise_id],
            sources=[Source("shield-plan", plan_evidence)],
        ),
        _event(
            data.exercise_id,
            "exercise",
            "occurred",
            ["PAK", "TJK"],
            done_evidence,
            date=EventDate(date(2025, 6, 20), date(2025, 6, 20), "day"),
            name="Fixture Shield-1",
            location=RAWALPINDI,
            codes=Codes("062", "COOPERATE", "military", None),
            related=[data.planned_exercise_id],
            sources=[Source("shield-done", done_evidence), Source("shield-plan", echo_evidence)],
        ),
        _event(
            data.hostile_id,
            "defence_industry",
            "occurred",
            ["CHN", "PAK"],
            data.hostile_evidence,
            date=EventDate(date(2025, 8, 2), date(2025, 8, 2), "day"),
            name=f"Deal {HOSTILE_SCRIPT}",
            participants=[Participant("<i>Evil</i> Person", "<b>Boss</b>", "CHN", "per-hostile")],
            location=ISLAMABAD,
            topics=["surveillance_drones"],
            codes=Codes("072", "AID", "military", None),
            sources=[Source("hostile", data.hostile_evidence)],
        ),
        _event(
            data.us_exercise_id,
            "exercise",
            "occurred",
            ["IND", "USA"],
            us_evidence,
            date=EventDate(date(2024, 11, 5), date(2024, 11, 5), "day"),
            name="Yudh Fixture",
            location=BIKANER,
            codes=Codes("062", "COOPERATE", "military", None),
            sources=[Source("yudh", us_evidence)],
        ),
    ]
    mentions_by_doc: dict[str, list[Event]] = {}
    texts = {a.doc_id: a.text for a in (talks, plan, done, hostile, us)}
    for event in events:
        for source in event.sources:
            mention = copy.deepcopy(event)
            mention.event_id, mention.sources, mention.related = None, [], []
            mention.doc_id, mention.evidence = source.doc_id, source.evidence
            mention.evidence_start = texts[source.doc_id].index(source.evidence)
            mentions_by_doc.setdefault(source.doc_id, []).append(mention)
    with open_store(path) as store:
        for article in (talks, plan, done, hostile, us):
            store.add_article(article, mentions_by_doc.get(article.doc_id, []))
        store.save_resolution(Resolution(events, [MINISTER_PAK, MINISTER_TJK, HOSTILE_PERSON], {}))
    return data

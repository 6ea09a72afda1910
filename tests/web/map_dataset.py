"""A database whose events crowd the Rawalpindi-Islamabad area, as the seeds' do, for the map tests.

Two headquarters share Rawalpindi's coordinates (the facility-level geocode), the
presidential palace and the capital lie a few kilometres away, and Dushanbe and
Tehran are far enough to keep markers of their own. Wagah and Attari face each other
across the India-Pakistan border: close enough to merge, were borders ignored. One
event is located only to Afghanistan. The texts are invented.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from detente.models import Article, Event, EventDate, Place, Resolution, Source
from detente.store import open_store

GHQ = Place("General Headquarters, Rawalpindi", "PAK", 1166993, 33.6007, 73.0679, "facility")
JSHQ = Place("Joint Staff Headquarters, Rawalpindi", "PAK", 1166993, 33.6007, 73.0679, "facility")
ISLAMABAD = Place("Islamabad", "PAK", 1176615, 33.72148, 73.04329, "city")
AIWAN = Place("Aiwan-e-Sadr", "PAK", None, 33.7294, 73.0986, "facility")
DUSHANBE = Place("Dushanbe", "TJK", 1221874, 38.53575, 68.77905, "city")
TEHRAN = Place("Tehran", "IRN", 112931, 35.69439, 51.42151, "city")
WAGAH = Place("Wagah", "PAK", None, 31.6047, 74.5730, "city")
ATTARI = Place("Attari", "IND", None, 31.6017, 74.6010, "city")
AFGHANISTAN = Place(None, "AFG", None, 34.52813, 69.17233, "country")
FAR_AWAY = [
    Place("Washington", "USA", 4140963, 38.89511, -77.03637, "city"),
    Place("Canberra", "AUS", 2172517, -35.28346, 149.12807, "city"),
]

# place, partner country, how many events there
CROWDED = [(GHQ, "TJK", 2), (JSHQ, "TJK", 1), (ISLAMABAD, "IRN", 3), (AIWAN, "TJK", 1), (DUSHANBE, "TJK", 2)]
CROWDED.append((TEHRAN, "IRN", 1))
CROWDED += [(WAGAH, "IND", 2), (ATTARI, "PAK", 1), (AFGHANISTAN, "PAK", 1)]


def build_map_database(path: Path, *, world: bool = False) -> dict[str, int]:
    """Store the crowded events (plus two far capitals when `world`); gives events per place."""
    spots = CROWDED + ([(place, "TJK", 1) for place in FAR_AWAY] if world else [])
    articles, events, counts = [], [], {}
    for spot, (place, partner, count) in enumerate(spots):
        if place.place:
            counts[place.place] = count
        for n in range(count):
            doc = f"map-{spot}-{n}"
            text = f"Pakistani and partner officers met at {place.place or 'Kabul'} on May {n + 1}, 2025."
            articles.append(
                Article(doc, text, title=f"Talks at {place.place or 'Kabul'}", published=date(2025, 5, 9))
            )
            events.append(
                Event(
                    "meeting",
                    "occurred",
                    sorted({"PAK", partner if place.country == "PAK" else place.country or partner}),
                    text,
                    EventDate(date(2025, 5, n + 1), date(2025, 5, n + 1), "day"),
                    location=place,
                    event_id=f"ev-{doc}",
                    sources=[Source(doc, text)],
                )
            )
    with open_store(path) as store:
        for article in articles:
            store.add_article(article, [])
        store.save_resolution(Resolution(events, [], {}))
    return counts

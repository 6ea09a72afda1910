"""The analyst query layer over a detente database (`detente.open` is `open` here).

    import detente
    from detente.query import to_frame

    db = detente.open("detente.db")
    page = db.events(dyad="PAK-TJK", type="exercise", since="2024")
    detail = db.event(page.items[0].event_id)        # every source, with evidence offsets
    to_frame(db.dyad_years())                         # one row per country pair and year

Bad filter values raise ValueError naming the parameter (the API answers 4xx).
"""

from detente.query.detente import Detente, open
from detente.query.filtering import FilterArgs, event_filter
from detente.query.frame import to_frame
from detente.query.rows import (
    ArticleRow,
    DyadRow,
    DyadYearRow,
    EventDetail,
    EventRow,
    LocationRow,
    Network,
    NetworkEdge,
    NetworkNode,
    OfficeHolding,
    Page,
    ParticipantRow,
    PartnerRow,
    PersonDetail,
    PersonRow,
    Placement,
    PlaceRow,
    RelatedEvent,
    SearchHit,
    SiteRow,
    SourceRow,
    Stats,
    TimelineRow,
)

__all__ = [
    "ArticleRow",
    "Detente",
    "DyadRow",
    "DyadYearRow",
    "EventDetail",
    "EventRow",
    "FilterArgs",
    "LocationRow",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "OfficeHolding",
    "Page",
    "ParticipantRow",
    "PartnerRow",
    "PersonDetail",
    "PersonRow",
    "PlaceRow",
    "Placement",
    "RelatedEvent",
    "SearchHit",
    "SiteRow",
    "SourceRow",
    "Stats",
    "TimelineRow",
    "event_filter",
    "open",
    "to_frame",
]

"""The analyst dashboard: server-rendered pages, each with a JSON twin, served by the API app.

`build_router(get_query)` gives the routes and the app mounts `static_dir()` at /static.
Pages (add `.json` to any path for the data it renders; the overview's twin is
`/index.json`). Every page fits a 390 px phone as well as a desktop.

    /                    totals, events over time (a range holding most events by default,
                         `since`/`until` to choose), recent (occurred) and upcoming (planned)
                         events, the most active dyads
    /events              every event, filtered like /api/events (countries, dyad, type, status,
                         since, until, place, located_in, person, text), sorted by any column,
                         paged (`limit`), with CSV/JSON/Parquet downloads of the whole selection
    /country/{PAK}       a country's partners, timeline, recent and upcoming events
    /dyad/{PAK-TJK}      every event between two countries, with the same table and filters
    /event/{id}          fields, codes, participants, related events (plan/execution, a
                         meeting's outcomes, other editions of a series), every source with
                         outlet, title, link, date and the evidence marked in its article
    /person/{id}         offices held over time, and events
    /network             countries and ties, filtered by period, type, status, country and
                         minimum ties; labels never overlap; a tie opens its dyad
    /map                 Natural Earth country outlines shaded by the events located in them,
                         markers for named places clustered within a country, zoom and pan
    /api/docs            the REST API's reference, from its OpenAPI schema (twin: /openapi.json)
"""

from detente.web.rendering import static_dir
from detente.web.routes import build_router


def warm_up() -> None:
    """Load what the first map and network views would otherwise pay for (the world outlines,
    numpy, the templates), so a server's first visitor waits no longer than the next."""
    import numpy  # noqa: F401  (the layouts and clusters use it)

    from detente.web.rendering import environment
    from detente.web.world import country_shapes

    country_shapes()
    for template in ("map.html", "network.html", "overview.html", "events.html", "event.html"):
        environment().get_template(template)


__all__ = ["build_router", "static_dir", "warm_up"]

"""The analyst dashboard: server-rendered pages, each with a JSON twin, served by the API app.

`build_router(get_query)` gives the routes and the app mounts `static_dir()` at /static.
Pages (add `.json` to any path for the data it renders; the overview's twin is
`/index.json`):

    /                    totals, events per month by type, most active dyads, recent events
    /events              every event, filtered by country, dyad, type, status, year, place,
                         person, text (a wrong or unknown parameter is a 400 naming it)
    /country/{PAK}       a country's partners, timeline and latest events
    /dyad/{PAK-TJK}      every event between two countries, filterable by type, status, year
    /event/{id}          fields, codes, participants, related events, every source with the
                         evidence marked in its article text
    /person/{id}         offices held over time, and events
    /network             countries as nodes, cooperation as weighted edges
    /map                 located events on an equirectangular grid, one marker per spot
                         (nearby places merged), labels beside their markers
    /api/docs            the REST API's reference, from its OpenAPI schema (twin: /openapi.json)
"""

from detente.web.rendering import static_dir
from detente.web.routes import build_router

__all__ = ["build_router", "static_dir"]

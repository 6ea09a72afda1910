"""The dashboard's routes: every page at its path, and its JSON twin at the same path + `.json`.

Twin routes are registered before their pages because `{pair}` would also match
`PAK-TJK.json`. Handlers are plain `def`s: the query layer is synchronous SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from detente.web import figures, pages
from detente.web.api_reference import endpoints
from detente.web.filters import EventFilters, PageError
from detente.web.rendering import html_page, json_page
from detente.web.view import Redirect, View

if TYPE_CHECKING:
    from detente.query import Detente

Builder = Callable[["Detente"], View]


def _json_twin_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/index"
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}.json{query}"


def _respond(request: Request, build: Builder, get_query: Callable[[], Detente], as_json: bool) -> Response:
    try:
        view = build(get_query())
    except Redirect as redirect:
        target = redirect.url + (".json" if as_json else "")
        if request.url.query:
            target += f"?{request.url.query}"
        return RedirectResponse(target, status_code=307)
    except PageError as error:
        if as_json:
            return json_page({"detail": error.message}, status_code=error.status_code)
        return html_page(
            "error.html", status_code=error.status_code, error=error, json_url=None, path=request.url.path
        )
    if as_json:
        return json_page(view.data)
    return html_page(
        view.template, **view.data, **view.extra, json_url=_json_twin_url(request), path=request.url.path
    )


def build_router(get_query: Callable[[], Detente]) -> APIRouter:
    """Routes for every dashboard page and twin; `get_query` hands over the shared query layer."""
    router = APIRouter(include_in_schema=False)

    def page(request: Request, build: Builder, as_json: bool) -> Response:
        return _respond(request, build, get_query, as_json)

    def filters_of(request: Request) -> EventFilters:
        return EventFilters.from_params(request.query_params)

    def with_filters(request: Request, build: Callable[[Detente, EventFilters], View]) -> Builder:
        def run(q: Detente) -> View:
            return build(q, filters_of(request))

        return run

    @router.get("/index.json")
    @router.get("/.json")
    def overview_json(request: Request) -> Response:
        return page(request, pages.overview, True)

    @router.get("/")
    def overview_html(request: Request) -> Response:
        return page(request, pages.overview, False)

    @router.get("/events.json")
    def events_json(request: Request) -> Response:
        return page(request, with_filters(request, pages.events_list), True)

    @router.get("/events")
    def events_html(request: Request) -> Response:
        return page(request, with_filters(request, pages.events_list), False)

    @router.get("/dyad/{pair}.json")
    def dyad_json(request: Request, pair: str) -> Response:
        return page(request, with_filters(request, lambda q, f: pages.dyad(q, pair, f)), True)

    @router.get("/dyad/{pair}")
    def dyad_html(request: Request, pair: str) -> Response:
        return page(request, with_filters(request, lambda q, f: pages.dyad(q, pair, f)), False)

    @router.get("/country/{code}.json")
    def country_json(request: Request, code: str) -> Response:
        return page(request, lambda q: pages.country(q, code), True)

    @router.get("/country/{code}")
    def country_html(request: Request, code: str) -> Response:
        return page(request, lambda q: pages.country(q, code), False)

    @router.get("/event/{event_id}.json")
    def event_json(request: Request, event_id: str) -> Response:
        return page(request, lambda q: pages.event(q, event_id), True)

    @router.get("/event/{event_id}")
    def event_html(request: Request, event_id: str) -> Response:
        return page(request, lambda q: pages.event(q, event_id), False)

    @router.get("/person/{key}.json")
    def person_json(request: Request, key: str) -> Response:
        return page(request, lambda q: pages.person(q, key), True)

    @router.get("/person/{key}")
    def person_html(request: Request, key: str) -> Response:
        return page(request, lambda q: pages.person(q, key), False)

    @router.get("/network.json")
    def network_json(request: Request) -> Response:
        return page(request, figures.network, True)

    @router.get("/network")
    def network_html(request: Request) -> Response:
        return page(request, figures.network, False)

    @router.get("/map.json")
    def map_json(request: Request) -> Response:
        return page(request, figures.world_map, True)

    @router.get("/map")
    def map_html(request: Request) -> Response:
        return page(request, figures.world_map, False)

    @router.get("/api/docs")
    def api_docs(request: Request) -> Response:
        """The API reference, offline; its data twin is the OpenAPI schema itself."""
        schema = request.app.openapi()
        info = schema.get("info", {})
        return html_page(
            "api_docs.html",
            endpoints=endpoints(schema),
            title=info.get("title", "detente"),
            version=info.get("version", ""),
            description=info.get("description", ""),
            json_url="/openapi.json",
            path=request.url.path,
        )

    return router

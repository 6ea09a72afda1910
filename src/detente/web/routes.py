"""The dashboard's routes: every page at its path, and its JSON twin at the same path + `.json`.

Twin routes are registered before their pages because `{pair}` would also match
`PAK-TJK.json`. Handlers are plain `def`s: the query layer is synchronous SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from detente.web import map_page, network_page, pages
from detente.web.api_reference import endpoints
from detente.web.filters import EventFilters, PageError
from detente.web.rendering import html_page, json_page
from detente.web.view import Redirect, View

if TYPE_CHECKING:
    from detente.query import Detente

# A page builder: the query layer and the request's query parameters in, a view out.
Builder = Callable[["Detente", Request], View]


def _json_twin_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/index"
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}.json{query}"


def _respond(request: Request, build: Builder, get_query: Callable[[], Detente], as_json: bool) -> Response:
    try:
        view = build(get_query(), request)
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


def _filtered(build: Callable[[Detente, EventFilters], View]) -> Builder:
    return lambda q, request: build(q, EventFilters.from_params(request.query_params))


def _paired(path: str, build: Builder) -> list[tuple[str, Builder]]:
    """A page and its twin (the overview's twin is /index.json)."""
    twin = "/index.json" if path == "/" else f"{path}.json"
    return [(twin, build), (path, build)]


PAGES: list[tuple[str, Builder]] = [
    *_paired("/", lambda q, r: pages.overview(q, r.query_params)),
    ("/.json", lambda q, r: pages.overview(q, r.query_params)),
    *_paired("/events", _filtered(pages.events_list)),
    *_paired(
        "/dyad/{pair}",
        lambda q, r: pages.dyad(q, r.path_params["pair"], EventFilters.from_params(r.query_params)),
    ),
    *_paired("/country/{code}", lambda q, r: pages.country(q, r.path_params["code"], r.query_params)),
    *_paired("/event/{event_id}", lambda q, r: pages.event(q, r.path_params["event_id"])),
    *_paired("/person/{key}", lambda q, r: pages.person(q, r.path_params["key"])),
    *_paired("/network", lambda q, r: network_page.network(q, r.query_params)),
    *_paired("/map", lambda q, r: map_page.world_map(q, r.query_params)),
]


def build_router(get_query: Callable[[], Detente]) -> APIRouter:
    """Routes for every dashboard page and twin; `get_query` hands over the shared query layer."""
    router = APIRouter(include_in_schema=False)

    def add(path: str, build: Builder) -> None:
        as_json = path.endswith(".json")

        def endpoint(request: Request) -> Response:
            return _respond(request, build, get_query, as_json)

        router.add_api_route(path, endpoint, methods=["GET"], name=f"page {path}")

    for path, build in PAGES:
        add(path, build)

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

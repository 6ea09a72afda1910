"""The FastAPI application: read-only JSON over the query layer, plus the dashboard when present."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from detente import __version__
from detente.api.errors import install_error_handlers
from detente.api.pool import ThreadQueries
from detente.api.query_fields import component_schemas
from detente.api.routes import analysis, downloads, events, people
from detente.api.routes.ingest import body_schemas, build_ingest_router

DESCRIPTION = """\
Defence and security diplomacy events extracted from news, each with the sentences
that state it and every article that reported it. Countries are ISO 3166-1 alpha-3
codes; event codes follow CAMEO and PLOVER. Read-only unless the server was started
with an ingest token.
"""


def create_app(db_path: str | Path, *, ingest_token: str | None = None) -> FastAPI:
    """An app over one database; `POST /api/ingest` exists only when `ingest_token` is given."""
    from detente.store.location import database_location

    path = database_location(db_path)
    _check_database(path, create=ingest_token is not None)
    queries = ThreadQueries(path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        queries.close()

    app = FastAPI(
        title="detente",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the dashboard serves /api/docs offline
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    app.state.queries = queries
    install_error_handlers(app)
    for module in (downloads, events, people, analysis):
        app.include_router(module.router, prefix="/api")
    schemas = component_schemas()
    if ingest_token is not None:
        app.include_router(build_ingest_router(ingest_token, str(path)), prefix="/api")
        schemas.update(body_schemas())
    _add_schemas(app, schemas)
    _mount_dashboard(app, queries)
    return app


def _operation_id(route: APIRoute) -> str:
    """The endpoint function's name (`list_events`), so generated clients get readable methods."""
    return route.name


def _add_schemas(app: FastAPI, schemas: dict[str, Any]) -> None:
    """Component schemas FastAPI cannot discover (bodies a route parses itself)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            document.setdefault("components", {}).setdefault("schemas", {}).update(schemas)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _check_database(path: Path | str, *, create: bool) -> None:
    """Fail at start-up, not on every request: the database must open (an ingest server may create it).

    A resolution an interrupted ingest left pending is finished here, before the first request.
    """
    if create and isinstance(path, Path) and not path.exists():
        from detente.store import open_store

        open_store(path).close()
    from detente.pipeline import open_current

    open_current(path).close()


def _mount_dashboard(app: FastAPI, queries: ThreadQueries) -> None:
    """The web dashboard is optional: the API stands alone when `detente.web` is absent."""
    try:
        web = importlib.import_module("detente.web")
    except ModuleNotFoundError as exc:
        if exc.name != "detente.web":
            raise
        return
    build_router = getattr(web, "build_router", None)
    if build_router is None:
        return
    app.include_router(build_router(queries.current))
    warm_up = getattr(web, "warm_up", None)
    if warm_up is not None:
        warm_up()
    static_dir = getattr(web, "static_dir", None)
    if static_dir is not None and static_dir().is_dir():
        app.mount("/static", StaticFiles(directory=static_dir()), name="static")

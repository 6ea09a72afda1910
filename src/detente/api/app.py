"""The FastAPI application: read-only JSON over the query layer, plus the dashboard when present."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from detente import __version__
from detente.api.errors import install_error_handlers
from detente.api.pool import ThreadQueries
from detente.api.routes import analysis, events, people
from detente.api.routes.ingest import build_ingest_router

DESCRIPTION = """\
Defence and security diplomacy events extracted from news, each with the sentences
that state it and every article that reported it. Countries are ISO 3166-1 alpha-3
codes; event codes follow CAMEO and PLOVER. Read-only unless the server was started
with an ingest token.
"""


def create_app(db_path: str | Path, *, ingest_token: str | None = None) -> FastAPI:
    """An app over one database; `POST /api/ingest` exists only when `ingest_token` is given."""
    path = Path(db_path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"database folder {path.parent} does not exist (database: {path})")
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
        docs_url="/api/docs",
        redoc_url="/api/redoc",
        lifespan=lifespan,
    )
    app.state.queries = queries
    app.state.db_path = path
    install_error_handlers(app)
    for module in (events, people, analysis):
        app.include_router(module.router, prefix="/api")
    if ingest_token is not None:
        app.include_router(build_ingest_router(ingest_token, str(path)), prefix="/api")
    _mount_dashboard(app, queries)
    return app


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
    static_dir = getattr(web, "static_dir", None)
    if static_dir is not None and static_dir().is_dir():
        app.mount("/static", StaticFiles(directory=static_dir()), name="static")

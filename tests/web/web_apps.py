"""The dashboard alone in a small FastAPI app, mounted the way the API app mounts it."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import detente.query
from detente.web import build_router, static_dir


def dashboard_app(db_path: Path) -> FastAPI:
    query = detente.query.open(db_path)
    app = FastAPI()
    app.include_router(build_router(lambda: query))
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    return app

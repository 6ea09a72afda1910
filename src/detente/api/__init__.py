"""The REST API: thin, typed JSON over `detente.query`, read-only unless given an ingest token.

    from detente.api import create_app, serve
    serve("detente.db")                          # http://127.0.0.1:8000/api/docs
    serve("detente.db", ingest_token=token)      # adds POST /api/ingest (Bearer token)

Endpoints live under /api (events, people, offices, dyads, partners, timeline,
dyad-years, places, network, search, stats); the schema is at /openapi.json.
Every error is JSON `{"detail", "errors": [{"parameter", "location", "reason"}]}`.
"""

from detente.api.app import create_app
from detente.api.server import serve

__all__ = ["create_app", "serve"]

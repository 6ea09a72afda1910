"""The REST API: thin, typed JSON over `detente.query`, read-only unless given an ingest token."""

from detente.api.app import create_app
from detente.api.server import serve

__all__ = ["create_app", "serve"]

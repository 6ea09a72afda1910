"""Running the API with uvicorn (what `detente serve` calls)."""

from __future__ import annotations

from pathlib import Path


def serve(
    db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, ingest_token: str | None = None
) -> None:
    """Serve the API and dashboard until interrupted; loopback only unless `host` says otherwise."""
    import uvicorn

    from detente.api.app import create_app

    uvicorn.run(create_app(db_path, ingest_token=ingest_token), host=host, port=port)

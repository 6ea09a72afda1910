"""`detente serve`: the REST API and the dashboard."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from detente.cli.options import DEFAULT_DB, DbOption, database_exists, shown_database
from detente.cli.safe import printable


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: DbOption = DEFAULT_DB,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
        ingest_token: Annotated[
            str | None,
            typer.Option(
                envvar="DETENTE_INGEST_TOKEN", help="Enables POST /api/ingest for bearers of this token."
            ),
        ] = None,
    ) -> None:
        """Serve the REST API (/api, docs at /api/docs) and the web dashboard (/)."""
        from detente.api import serve as run_server

        if not database_exists(db):
            raise typer.BadParameter(
                f"{printable(db)}: no such database; run `detente ingest` first", param_hint="--db"
            )
        _check_can_listen(host, port)
        typer.echo(
            f"detente: serving {shown_database(db)} at http://{printable(host)}:{port}/"
            " (API docs at /api/docs)",
            err=True,
        )
        run_server(db, host=host, port=port, ingest_token=ingest_token)


def _check_can_listen(host: str, port: int) -> None:
    """A taken port or unknown address is one line and exit 1, before claiming to serve."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        typer.echo(f"detente: cannot listen on {printable(host)}:{port}: {printable(reason)}", err=True)
        raise typer.Exit(1) from exc

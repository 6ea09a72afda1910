"""The `detente` command: a thin shell over the pipeline and the query layer."""

from __future__ import annotations

import typer

from detente.cli import browse, evaluate, people, run, serve

app = typer.Typer(
    name="detente",
    help="Defence and security diplomacy events from news: ingest, extract, query, export, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
for module in (run, browse, people, evaluate, serve):
    module.register(app)

__all__ = ["app"]

"""`detente people`, `person` and `office`: who is who, and who held what when."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from detente.cli.browse import Format
from detente.cli.options import DEFAULT_DB, DbOption, open_query
from detente.cli.render import OutputFormat, emit, field_names
from detente.cli.safe import joined, printable
from detente.query import OfficeHolding, PersonRow


def register(app: typer.Typer) -> None:
    @app.command()
    def people(
        db: DbOption = DEFAULT_DB,
        country: Annotated[str | None, typer.Option("--country", "-c", help="ISO alpha-3.")] = None,
        limit: Annotated[int, typer.Option(min=1, max=100000)] = 100,
        fmt: Format = OutputFormat.table,
    ) -> None:
        """People named in events, with their country and how many events they took part in."""
        try:
            page = open_query(db).people(country=country.upper() if country else None, limit=limit)
        except ValueError as exc:
            raise typer.BadParameter(printable(exc)) from exc
        emit(
            [p.to_dict() for p in page.items],
            fmt,
            ("person_id", "name", "country", "aliases", "event_count"),
            title=f"{len(page.items)} of {page.total} people",
            fields=field_names(PersonRow),
        )

    @app.command()
    def person(
        name: Annotated[str, typer.Argument(help="Any name form, or a person id.")],
        db: DbOption = DEFAULT_DB,
        fmt: Format = OutputFormat.table,
    ) -> None:
        """One person: names, offices over time, and every event with its sources."""
        detail = open_query(db).person(name)
        if detail is None:
            typer.echo(f"no person known as {printable(repr(name))}", err=True)
            raise typer.Exit(1)
        data = detail.to_dict()
        if fmt is not OutputFormat.table:
            emit([data], fmt, ())
            return
        console = Console()
        console.print(
            joined([(data["name"], "bold"), " (", data["country"] or "?", ")  id ", data["person_id"]])
        )
        if data["aliases"]:
            console.print(joined(["also named: ", "; ".join(data["aliases"])]), highlight=False)
        emit(data["offices"], fmt, ("title", "country", "first_seen", "last_seen"), title="offices and ranks")
        events = [{**e, "sources": [s["doc_id"] for s in e["sources"]]} for e in data["events"]]
        emit(
            events,
            fmt,
            ("event_id", "date_start", "type", "status", "countries", "location_place", "sources"),
            title="events",
        )

    @app.command()
    def office(
        title: Annotated[str, typer.Argument(help='An office or rank, e.g. "Defence Minister".')],
        db: DbOption = DEFAULT_DB,
        country: Annotated[str | None, typer.Option("--country", "-c", help="ISO alpha-3.")] = None,
        fmt: Format = OutputFormat.table,
    ) -> None:
        """Who held an office when, as far as the corpus shows."""
        holdings = open_query(db).office(title, country.upper() if country else None)
        emit(
            [h.to_dict() for h in holdings],
            fmt,
            ("name", "title", "country", "first_seen", "last_seen"),
            title=f"{title}" + (f" ({country.upper()})" if country else ""),
            fields=field_names(OfficeHolding),
        )

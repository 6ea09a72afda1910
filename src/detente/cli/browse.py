"""`detente events`, `search`, `stats` and `export`: reading the database."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from detente.cli.options import DEFAULT_DB, DbOption, open_query
from detente.cli.render import OutputFormat, emit, field_names
from detente.cli.safe import printable
from detente.query import EventRow, SearchHit

EVENT_COLUMNS = (
    "event_id",
    "date_start",
    "type",
    "status",
    "countries",
    "location_place",
    "participants",
    "source_count",
    "evidence",
)
Format = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")]


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportTable(StrEnum):
    events = "events"
    sources = "sources"
    dyad_years = "dyad-years"


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = [p.strip().upper() for p in value.replace("-", ",").split(",") if p.strip()]
    if len(parts) != 2:
        raise typer.BadParameter(
            f"{printable(repr(value))}: a dyad is two ISO alpha-3 codes, e.g. PAK,TJK", param_hint="--dyad"
        )
    return parts[0], parts[1]


def _participants(row: dict) -> dict:
    row["participants"] = [p["name"] for p in row.get("participants") or []]
    return row


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        db: DbOption = DEFAULT_DB,
        country: Annotated[
            list[str] | None, typer.Option("--country", "-c", help="ISO alpha-3; repeat for all of several.")
        ] = None,
        dyad: Annotated[str | None, typer.Option(help="Two countries, e.g. PAK,TJK.")] = None,
        type: Annotated[
            str | None,
            typer.Option(
                "--type",
                "-t",
                help="meeting, agreement, pledge, exercise, training, defence_industry, praise.",
            ),
        ] = None,
        status: Annotated[str | None, typer.Option(help="occurred, planned or proposed.")] = None,
        since: Annotated[
            str | None, typer.Option(help="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD (the start of it).")
        ] = None,
        until: Annotated[
            str | None, typer.Option(help="Latest date: YYYY, YYYY-MM or YYYY-MM-DD (the end of it).")
        ] = None,
        person: Annotated[
            str | None, typer.Option(help="Any name form of a participant, or one word of it.")
        ] = None,
        place: Annotated[
            str | None, typer.Option(help="A place name; a city also finds the facilities in it.")
        ] = None,
        text: Annotated[str | None, typer.Option(help="Full-text search in evidence and articles.")] = None,
        limit: Annotated[int, typer.Option(min=1, max=100000)] = 100,
        offset: Annotated[int, typer.Option(min=0)] = 0,
        fmt: Format = OutputFormat.table,
    ) -> None:
        """List events, filtered."""
        query = open_query(db)
        try:
            page = query.events(
                countries=[c.upper() for c in country] if country else None,
                dyad=_dyad(dyad),
                type=type,
                status=status,
                since=since,
                until=until,
                person=person,
                place=place,
                text=text,
                limit=limit,
                offset=offset,
            )
        except ValueError as exc:
            raise typer.BadParameter(printable(exc)) from exc
        if fmt is OutputFormat.csv:  # the same columns and conventions as `detente export`
            from detente.export import write_events_csv

            write_events_csv(page.items, sys.stdout)
            return
        rows = [item.to_dict() for item in page.items]
        if fmt is OutputFormat.table:
            rows = [_participants(r) for r in rows]
        emit(
            rows,
            fmt,
            EVENT_COLUMNS,
            title=f"{len(rows)} of {page.total} events",
            fields=field_names(EventRow),
        )

    @app.command()
    def search(
        text: Annotated[str, typer.Argument(help="Words to find in articles and evidence.")],
        db: DbOption = DEFAULT_DB,
        limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
        fmt: Format = OutputFormat.table,
    ) -> None:
        """Full-text search over articles and event evidence."""
        try:
            hits = open_query(db).search(text, limit=limit)
        except ValueError as exc:
            raise typer.BadParameter(printable(exc)) from exc
        emit(
            [h.to_dict() for h in hits],
            fmt,
            ("kind", "id", "date", "title", "snippet"),
            fields=field_names(SearchHit),
        )

    @app.command()
    def stats(db: DbOption = DEFAULT_DB, fmt: Format = OutputFormat.table) -> None:
        """Counts of articles, events, people and places."""
        data = open_query(db).stats().to_dict()
        flat = [{"measure": k, "value": v} for k, v in data.items()]
        emit(flat if fmt is not OutputFormat.json else [data], fmt, ("measure", "value"), title=f"{db}")

    @app.command()
    def export(
        out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
        fmt: Annotated[
            ExportFormat | None,
            typer.Option(
                "--format", "-f", help="csv, jsonl or parquet; default: from --out's extension, else csv."
            ),
        ] = None,
        table: Annotated[
            ExportTable, typer.Option(help="events, sources or dyad-years.")
        ] = ExportTable.events,
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """Export events, event sources or the dyad-year table (columns in docs/exports.md)."""
        from detente import export as exporter

        open_query(db)  # a clear message when the database is missing
        writer = {
            ExportTable.events: exporter.export_events,
            ExportTable.sources: exporter.export_sources,
            ExportTable.dyad_years: exporter.export_dyad_years,
        }[table]
        try:
            count = writer(db, out, _export_format(fmt, out))
        except (OSError, ValueError) as exc:
            typer.echo(f"export failed: {printable(_reason(exc))}", err=True)
            raise typer.Exit(1) from exc
        typer.echo(f"wrote {count} rows to {printable(out)}", err=True)


def _export_format(fmt: ExportFormat | None, out: Path) -> str:
    """The format asked for; else the one `--out` names (events.parquet); else CSV."""
    if fmt is not None:
        return fmt.value
    suffix = out.suffix.lstrip(".").lower()
    return suffix if suffix in ExportFormat.__members__ else ExportFormat.csv.value


def _reason(exc: Exception) -> str:
    """One line: our own messages as they are, the operating system's with the path."""
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc)

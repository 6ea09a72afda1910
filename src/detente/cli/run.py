"""`detente ingest` and `detente extract`: the long-running jobs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from detente.cli.options import DEFAULT_DB, DbOption, shown_database
from detente.cli.safe import joined, plain_text, printable
from detente.models import IngestError

Sources = Annotated[list[str], typer.Argument(help="Files, folders, feed or page URLs, or - for stdin.")]
IdField = Annotated[str, typer.Option("--id-field", help="JSONL/CSV: field holding the record id.")]
TextField = Annotated[str, typer.Option("--text-field", help="JSONL/CSV: field holding the article text.")]
DateField = Annotated[
    str, typer.Option("--date-field", help="JSONL/CSV: field holding the publication date.")
]
UrlField = Annotated[str, typer.Option("--url-field", help="JSONL/CSV: field holding the URL.")]
TitleField = Annotated[str, typer.Option("--title-field", help="JSONL/CSV: field holding the title.")]
SourceField = Annotated[str, typer.Option("--source-field", help="JSONL/CSV: field holding the outlet.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
ManifestFile = Annotated[
    Path | None,
    typer.Option(
        "--manifest",
        help="CSV/TSV/JSONL or Markdown table giving each file stem its url (and title, source, date).",
    ),
]
Workers = Annotated[
    int,
    typer.Option(
        "--workers", "-w", min=1, max=64, help="Processes that run extraction (they share one loaded model)."
    ),
]
DaskCluster = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="local:N|tcp://HOST:PORT",
        help="Spread reading and extraction over a Dask cluster: N local worker processes, or a running"
        " scheduler. Needs pip install 'detente[scale]'.",
    ),
]

TimeLimit = Annotated[
    float,
    typer.Option(
        "--time-limit",
        min=0,
        help="Seconds one article's extraction may take before it is skipped as failed (0: no limit).",
    ),
]

err = Console(stderr=True)


def _options(
    id_field: str,
    text_field: str,
    date_field: str,
    url_field: str,
    title_field: str,
    source_field: str,
    manifest: Path | None = None,
):
    from detente.ingest import IngestOptions
    from detente.ingest.manifest import ManifestError, read_manifest

    try:
        listed = read_manifest(manifest) if manifest is not None else None
    except ManifestError as error:
        raise typer.BadParameter(printable(error), param_hint="--manifest") from None
    return IngestOptions(
        id_field=id_field,
        text_field=text_field,
        date_field=date_field or None,
        url_field=url_field or None,
        title_field=title_field or None,
        source_field=source_field or None,
        manifest=listed,
    )


def _print_error(error: IngestError) -> None:
    """One line per failure; the source and reason are untrusted (file names, URLs, page text)."""
    err.print(
        joined([("failed", "red"), " ", error.source, ": ", error.reason]), highlight=False, soft_wrap=True
    )


def _print_summary(summary, title: str) -> None:
    table = Table(title=plain_text(title), show_header=False)
    for label, value in (  # read = duplicates + failed + new; the screen's drops are among the new
        ("articles read", summary.read),
        ("skipped as duplicates", summary.duplicates),
        ("failed", summary.failed),
        ("new articles", summary.new),
        ("dropped by the screen", summary.screened_out),
        ("events found", summary.events),
    ):
        table.add_row(label, str(value))
    err.print(table)


def _check_store(db: Path) -> None:
    """A database that cannot be opened or created is one clear line, before any work."""
    from detente.store import open_store

    try:
        open_store(db).close()
    except (OSError, ValueError, ImportError) as exc:
        raise typer.BadParameter(printable(exc), param_hint="--db") from exc


def _check_dask(spec: str, sources: list[str], workers: int) -> None:
    from detente.scale.dask_run import check_cluster

    try:
        check_cluster(spec)
    except ValueError as exc:
        raise typer.BadParameter(printable(str(exc)), param_hint="--dask") from exc
    if workers != 1:
        raise typer.BadParameter(
            "--workers and --dask exclude each other: set the cluster's size", param_hint="--dask"
        )
    if "-" in sources or any(s.lower().startswith(("http://", "https://")) for s in sources):
        raise typer.BadParameter(
            "--dask reads local files and folders; ingest '-' and URLs without it", param_hint="--dask"
        )


def _ingest_with_dask(sources, db, spec, options, quiet, time_limit):  # type: ignore[no-untyped-def]
    from detente.scale.dask_run import ingest_with_dask

    try:
        return ingest_with_dask(
            sources,
            db,
            spec,
            options,
            console=err,
            on_error=_print_error,
            progress=not quiet,
            time_limit=time_limit or None,
        )
    except (ImportError, ValueError, OSError) as exc:
        raise typer.BadParameter(printable(str(exc)), param_hint="--dask") from exc
    except KeyboardInterrupt:
        _interrupted("every article stored so far is kept; run the same command again to finish")


def _interrupted(advice: str) -> NoReturn:
    """Ctrl-C is a normal way to stop a long job: one line, not a traceback."""
    err.print(plain_text(f"interrupted: {advice}"), highlight=False, soft_wrap=True)
    raise typer.Exit(130)


@contextmanager
def _batches(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar over the articles a resolution works through (None when quiet)."""
    if quiet:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress("resolve", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err) as bar:
        task = bar.add_task("resolve", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        sources: Sources,
        db: DbOption = DEFAULT_DB,
        id_field: IdField = "id",
        text_field: TextField = "text",
        date_field: DateField = "date",
        url_field: UrlField = "url",
        title_field: TitleField = "title",
        source_field: SourceField = "source",
        manifest: ManifestFile = None,
        quiet: Quiet = False,
        workers: Workers = 1,
        time_limit: TimeLimit = 120.0,
        dask: DaskCluster = None,
    ) -> None:
        """Read, extract and store articles; re-ingesting the same article changes nothing."""
        from detente.pipeline import ingest_sources

        options = _options(id_field, text_field, date_field, url_field, title_field, source_field, manifest)
        if dask is not None:
            _check_dask(dask, sources, workers)
        _check_store(db)  # after the options: a bad --manifest leaves no database behind
        if dask is not None:
            summary = _ingest_with_dask(sources, db, dask, options, quiet, time_limit)
            _print_summary(summary, f"ingest into {shown_database(db)}")
            raise typer.Exit(0 if summary.ok else 1)
        try:
            summary = ingest_sources(
                sources,
                db,
                options,
                console=err,
                on_error=_print_error,
                progress=not quiet,
                workers=workers,
                time_limit=time_limit or None,
            )
        except KeyboardInterrupt:
            _interrupted("every article stored so far is kept; run the same command again to finish")
        _print_summary(summary, f"ingest into {shown_database(db)}")
        raise typer.Exit(0 if summary.ok else 1)

    @app.command()
    def extract(
        sources: Sources,
        out: Annotated[Path, typer.Option("--out", "-o", help="PRED.jsonl to write (one line per article).")],
        resume: Annotated[
            bool, typer.Option(help="Continue an interrupted run into the same --out.")
        ] = False,
        id_field: IdField = "id",
        text_field: TextField = "text",
        date_field: DateField = "date",
        url_field: UrlField = "url",
        title_field: TitleField = "title",
        source_field: SourceField = "source",
        manifest: ManifestFile = None,
        quiet: Quiet = False,
        workers: Workers = 1,
        time_limit: TimeLimit = 120.0,
    ) -> None:
        """Write the events of each article as JSON lines (the scorer's format), without a database."""
        from detente.pipeline import extract_sources

        try:
            summary = extract_sources(
                sources,
                out,
                _options(id_field, text_field, date_field, url_field, title_field, source_field, manifest),
                resume=resume,
                console=err,
                on_error=_print_error,
                progress=not quiet,
                workers=workers,
                time_limit=time_limit or None,
            )
        except KeyboardInterrupt:
            _interrupted(
                f"the articles done so far are kept in {out}.partial;"
                " run the same command with --resume to finish"
            )
        _print_summary(summary, f"extract to {out}")
        raise typer.Exit(0 if summary.ok else 1)

    @app.command()
    def resolve(
        db: DbOption = DEFAULT_DB,
        again: Annotated[
            bool,
            typer.Option(
                "--all",
                help="Drop the saved resolution and resolve every stored article again (rules changed).",
            ),
        ] = False,
        geocodes: Annotated[
            bool,
            typer.Option(
                "--geocodes",
                help="Also keep the geocode of every stored mention that has none (a database from"
                " before migration m012): later days then load them without building city indexes.",
            ),
        ] = False,
        quiet: Quiet = False,
    ) -> None:
        """Resolve the articles stored since the last resolution; --all resolves everything again."""
        from detente.resolving import fill_mention_geocodes, finish_resolution, resolve_again
        from detente.store import open_store

        if not isinstance(db, str) and not db.is_file():
            raise typer.BadParameter(f"{printable(db)}: no such database", param_hint="--db")
        with open_store(db) as store, _batches(quiet) as progress:
            try:
                if geocodes:
                    filled = fill_mention_geocodes(store, progress=progress)
                    err.print(f"kept the geocode of {filled} stored mention(s)", highlight=False)
                if again:
                    count = resolve_again(store, progress=progress)
                else:
                    count = store.unresolved_count()
                    finish_resolution(store, progress=progress)
            except KeyboardInterrupt:
                _interrupted(
                    "the batches resolved so far are saved; any command on the database finishes the rest"
                )
        err.print(f"resolved {count} article(s) into {shown_database(db)}", highlight=False)

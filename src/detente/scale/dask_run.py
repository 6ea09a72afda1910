"""The client side of `detente ingest ... --dask local:N|tcp://HOST:PORT`.

`local:N` starts a `LocalCluster` of N single-threaded worker processes on this
machine; `tcp://HOST:PORT` joins a running scheduler (dask-jobqueue on SLURM, the
Dask Helm chart or operator on Kubernetes, `dask scheduler` by hand). Every task is
submitted at once and Dask spreads them; a task whose worker dies is run again on
another (the scheduler's `allowed-failures`), and one that raises is retried
`RETRIES` times. The resolution runs once, here, after the last task, incrementally
like any ingest.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.console import Console

from detente.ingest.options import IngestOptions
from detente.models import IngestError
from detente.pipeline import store_article
from detente.scale import MISSING_EXTRA
from detente.scale.tasks import IngestTask, TaskOutcome, plan_tasks, run_task

RETRIES = 2
_LOCAL = re.compile(r"local:(\d{1,3})")


def check_cluster(spec: str) -> str:
    """`local:N` (1 <= N <= 256) or `tcp://HOST:PORT`; a ValueError says what is expected."""
    match = _LOCAL.fullmatch(spec)
    if match and 1 <= int(match.group(1)) <= 256:
        return spec
    if re.fullmatch(r"tcp://[\w.\-\[\]:]+:\d{1,5}", spec):
        return spec
    raise ValueError(f"--dask {spec!r}: expected local:N (N worker processes here) or tcp://HOST:PORT")


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError as error:
        raise ImportError(MISSING_EXTRA) from error


@contextmanager
def dask_client(spec: str, console: Console | None = None) -> Iterator[Any]:
    """A client of the cluster `spec` names; a local cluster is stopped on the way out."""
    require_dask()
    import dask
    from distributed import Client, LocalCluster

    check_cluster(spec)
    match = _LOCAL.fullmatch(spec)
    if match:
        # The workers' statistical profiler samples the running task's stack every 10 ms: over
        # spaCy's and lxml's deep stacks it cost a fifth of the throughput (docs/scaling.md).
        # Each nanny keeps the configuration it was made with, for the workers it restarts too.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(
                n_workers=int(match.group(1)),
                threads_per_worker=1,  # extraction is CPU-bound Python: one task per process at a time
                processes=True,
                dashboard_address="127.0.0.1:0",
                silence_logs=40,
            )
        client = Client(cluster)
    else:
        cluster, client = None, Client(spec, timeout="30s")
    try:
        if console is not None:
            workers = len(client.scheduler_info()["workers"])
            console.print(
                f"dask: {workers} worker(s); dashboard {client.dashboard_link}",
                highlight=False,
                markup=False,
            )
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def ingest_with_dask(
    sources: Sequence[str],
    db: Path | str,
    cluster: str,
    options: IngestOptions | None = None,
    *,
    console: Console | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    progress: bool = True,
    time_limit: float | None = 120.0,
    files_per_task: int | None = None,
):
    """`pipeline.ingest_sources`, with reading and extraction spread over a Dask cluster."""
    from detente.pipeline import RunSummary
    from detente.resolving import finish_resolution
    from detente.store import open_store
    from detente.store.location import database_location

    require_dask()
    db = database_location(db)  # a path given as a str is a SQLite file, a URL a server
    options = options or IngestOptions()
    own_files = (
        [f"{db}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")] if isinstance(db, Path) else []
    )
    options = replace(options, exclude=(*options.exclude, *own_files))
    tasks = plan_tasks(
        list(sources), options, **({"files_per_task": files_per_task} if files_per_task else {})
    )
    summary = RunSummary()
    with open_store(db) as store:
        finish_resolution(store)  # one a killed run left pending
        server = db if isinstance(db, str) else None
        with dask_client(cluster, console if progress else None) as client:
            for outcome in _outcomes(client, tasks, server, options, time_limit, console, progress):
                _merge(summary, outcome, store, on_error)
        finish_resolution(store)
    return summary


def _outcomes(
    client: Any,
    tasks: list[IngestTask],
    server: str | None,
    options: IngestOptions,
    time_limit: float | None,
    console: Console | None,
    progress: bool,
) -> Iterator[TaskOutcome]:
    from distributed import as_completed

    run = uuid.uuid4().hex[:12]  # keys of its own: runs sharing a scheduler never share a result
    futures = [
        client.submit(
            run_task,
            task,
            server,
            options,
            time_limit,
            key=f"detente-ingest-{run}-{task.number}",
            retries=RETRIES,
            pure=False,
        )
        for task in tasks
    ]
    bar = _bar(console, len(tasks), progress)
    try:
        for future in as_completed(futures):
            outcome = future.result()
            future.release()
            if bar is not None:
                bar[0].update(
                    bar[1], advance=1, rate=f"{outcome.summary.read} article(s) from task {outcome.number}"
                )
            yield outcome
    finally:
        if bar is not None:
            bar[0].stop()


def _bar(console: Console | None, total: int, progress: bool) -> tuple[Any, Any] | None:
    if not progress:
        return None
    from detente.pipeline import _progress

    shown = _progress(console)
    shown.start()
    return shown, shown.add_task("ingest (dask tasks)", total=total, rate="")


def _merge(
    summary: Any, outcome: TaskOutcome, store: Any, on_error: Callable[[IngestError], None] | None
) -> None:
    summary.absorb(outcome.summary, on_error)
    peaks = summary.worker_peak_mb
    peaks[outcome.worker] = max(outcome.peak_mb, peaks.get(outcome.worker, 0.0))
    for article, events in outcome.to_store:  # a SQLite store: this process writes it
        store_article(store, article, events, summary, on_error)

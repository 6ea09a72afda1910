"""PostgreSQL as the store and Dask for the work give exactly what one process and SQLite give.

Real servers: a PostgreSQL started by the tests (`postgres_server`) and Dask LocalClusters
of worker processes. Every comparison is with a plain single-process SQLite ingest of the
same folders (`reference`): the same events (ids and every field), the same articles
under the same doc ids, the same mentions linked to the same events.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.scale.conftest import SOURCES, dask_available
from tests.scale.snapshots import snapshot

from detente.api import create_app
from detente.scale.dask_run import ingest_with_dask
from detente.store import open_store

DETENTE = [str(Path(sys.executable).parent / "detente")]


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*DETENTE, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or dict(os.environ),
    )


def _finished(process: subprocess.Popen[str]) -> str:
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err[-3000:]
    return err


def test_plain_ingest_into_postgres_equals_sqlite(postgres_url: str, reference: dict) -> None:
    _finished(_cli("ingest", *SOURCES, "--db", postgres_url, "--quiet"))
    assert snapshot(postgres_url) == reference


def test_dask_ingest_into_postgres_equals_sqlite_and_is_served(postgres_url: str, reference: dict) -> None:
    dask_available()
    err = _finished(
        _cli(
            "ingest", *SOURCES, "--dask", "local:2", "--quiet", env={**os.environ, "DETENTE_DB": postgres_url}
        )
    )
    assert "new articles" in err
    assert snapshot(postgres_url) == reference

    with TestClient(create_app(postgres_url)) as client:
        served = client.get("/api/events", params={"limit": 100}).json()
        assert served["total"] == len(reference["events"])
        expected = [event["event_id"] for event in reference["events"]][:100]
        assert [item["event_id"] for item in served["items"]] == expected
        assert client.get("/").status_code == 200
        first = reference["events"][0]["event_id"]
        assert client.get(f"/api/events/{first}").json()["event_id"] == first


def test_dask_ingest_into_sqlite_equals_a_plain_one(tmp_path: Path, reference: dict) -> None:
    dask_available()
    path = tmp_path / "dask.db"
    summary = ingest_with_dask(SOURCES, path, "local:2", progress=False, files_per_task=4)
    assert summary.ok
    assert snapshot(path) == reference


def test_two_ingests_at_once_into_one_postgres_database_equal_one_run(
    postgres_url: str, reference: dict
) -> None:
    """Both read every article; each text is stored once, under the doc id a single run gives it."""
    runs = [_cli("ingest", *SOURCES, "--db", postgres_url, "--quiet") for _ in range(2)]
    for run in runs:
        _finished(run)
    assert snapshot(postgres_url) == reference


def test_a_worker_killed_mid_ingest_loses_nothing_and_stores_nothing_twice(
    postgres_url: str, reference: dict
) -> None:
    """SIGKILL one of two workers while it is storing a task's articles: Dask runs the task again
    on a fresh worker, which skips what the dead one stored and stores the rest."""
    dask_available()
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        pids = client.run(os.getpid)
        outcome: dict[str, object] = {}

        def run() -> None:
            try:
                outcome["summary"] = ingest_with_dask(
                    SOURCES, postgres_url, cluster.scheduler_address, progress=False, files_per_task=6
                )
            except BaseException as exc:  # reported below
                outcome["error"] = exc

        ingest = threading.Thread(target=run)
        ingest.start()
        victim = _busy_worker_after_first_articles(client, postgres_url, pids)
        os.kill(victim, signal.SIGKILL)
        ingest.join(timeout=600)
        assert "error" not in outcome, outcome.get("error")
        after = set(client.run(os.getpid).values())
    assert victim not in after  # the nanny started a new worker in its place
    assert snapshot(postgres_url) == reference


def _busy_worker_after_first_articles(client: object, url: str, pids: dict[str, int]) -> int:
    """The pid of a worker that holds a running task, once a few articles are stored."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        with open_store(url) as store:
            stored = store.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        busy = [address for address, tasks in client.processing().items() if tasks]  # type: ignore[attr-defined]
        if stored >= 3 and busy:
            return pids[busy[0]]
        time.sleep(0.05)
    pytest.fail("no article was stored within 300 s")

"""The default install stays light: without psycopg and Dask detente imports and runs on SQLite,
and asking for PostgreSQL or Dask names the extra to install."""

from __future__ import annotations

import subprocess
import sys

import pytest

from detente.scale.dask_run import check_cluster

WITHOUT_EXTRAS = """
import sys
for name in ("psycopg", "psycopg_pool", "dask", "distributed"):
    sys.modules[name] = None  # as if not installed
import detente, detente.cli, detente.pipeline, detente.api
from detente.store import open_store
from detente.scale.dask_run import ingest_with_dask
for attempt in (
    lambda: open_store("postgresql://someone@127.0.0.1:1/nowhere"),
    lambda: ingest_with_dask(["x"], sys.argv[1], "local:1"),
):
    try:
        attempt()
    except ImportError as error:
        print(error)
"""


def test_without_the_scale_extra_detente_imports_and_names_the_extra(tmp_path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", WITHOUT_EXTRAS, str(tmp_path / "d.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and all("pip install 'detente[scale]'" in line for line in lines), lines


@pytest.mark.parametrize("spec", ["local:0", "local:x", "tcp://", "http://host:8786", "local:2; rm -rf /"])
def test_a_bad_cluster_is_refused_with_what_is_expected(spec: str) -> None:
    with pytest.raises(ValueError, match=r"expected local:N .* or tcp://HOST:PORT"):
        check_cluster(spec)


@pytest.mark.parametrize(
    "spec", ["local:1", "local:64", "tcp://scheduler.cluster:8786", "tcp://10.0.0.5:8786"]
)
def test_good_clusters_pass(spec: str) -> None:
    assert check_cluster(spec) == spec

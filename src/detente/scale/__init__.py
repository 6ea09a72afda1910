"""Past one machine: ingest spread over a Dask cluster (`detente ingest ... --dask`).

Dask (`dask.distributed`) is an optional dependency: `pip install 'detente[scale]'`.
"""

MISSING_EXTRA = "--dask needs the optional dependencies: pip install 'detente[scale]' (dask[distributed])"

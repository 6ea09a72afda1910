"""A throwaway PostgreSQL server in a folder, for the tests, the benches and trying detente
on PostgreSQL without a database administrator.

Uses the server programs of Debian's `postgresql` package (`initdb`, `pg_ctl`). PostgreSQL
refuses to run as root, so when we are root the folder is handed to the `postgres`
system user and the programs run as that user. The server listens on 127.0.0.1 only,
with trust authentication for the one user it creates: never expose it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

USER = "detente"
SERVER_USER = "postgres"  # the system user Debian's package creates


class ServerUnavailable(RuntimeError):
    """PostgreSQL's server programs are not installed (or cannot run here)."""


def server_program(name: str) -> str:
    """The path of `initdb`, `pg_ctl` ...: on PATH or in Debian's versioned folder."""
    versioned = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    found = shutil.which(name) or (versioned[-1] if versioned else None)
    if not found:
        raise ServerUnavailable(f"PostgreSQL's {name} is not installed (Debian: apt-get install postgresql)")
    return found


@dataclass
class LocalPostgres:
    """A running server; `url(database)` names one of its databases."""

    folder: Path
    port: int
    settings: dict[str, str] = field(default_factory=dict)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def restart(self) -> None:
        """Stop and start the server again (every open connection is dropped)."""
        data, log = str(self.folder / "data"), str(self.folder / "server.log")
        _run(self.folder, [server_program("pg_ctl"), "-D", data, "-m", "fast", "-l", log, "-w", "restart"])

    def stop(self) -> None:
        pg_ctl = server_program("pg_ctl")
        _run(self.folder, [pg_ctl, "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


def start_local_postgres(settings: dict[str, str] | None = None) -> LocalPostgres:
    """initdb a new cluster in a fresh folder under the temporary directory and start it.

    `settings` are server settings (`fsync=off` for tests; `synchronous_commit=off` matches
    SQLite's `synchronous=NORMAL` durability in a bench)."""
    initdb, pg_ctl = server_program("initdb"), server_program("pg_ctl")
    folder = Path(tempfile.mkdtemp(prefix="detente-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
    if os.geteuid() == 0:
        shutil.chown(folder, user=SERVER_USER)
    port = _free_port()
    data = folder / "data"
    _run(folder, [initdb, "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C"])
    options = {"listen_addresses": "127.0.0.1", "port": str(port), "unix_socket_directories": str(folder)}
    options.update(settings or {})
    flags = " ".join(f"-c {name}={value}" for name, value in options.items())
    _run(folder, [pg_ctl, "-D", str(data), "-o", flags, "-l", str(folder / "server.log"), "-w", "start"])
    return LocalPostgres(folder, port, dict(settings or {}))


def _run(folder: Path, command: list[str]) -> None:
    if os.geteuid() == 0:
        command = ["runuser", "-u", SERVER_USER, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, cwd=folder, check=False)
    if done.returncode != 0:
        log = folder / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise ServerUnavailable(f"{' '.join(command)} failed: {done.stderr.strip()[-2000:]}\n{tail}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])

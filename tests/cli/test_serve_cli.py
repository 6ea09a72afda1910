"""`detente serve` refuses a port it cannot have with one line, before announcing anything."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.store.sample_world import build_sample_db
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def test_a_taken_port_is_one_line_and_exit_1(tmp_path: Path) -> None:
    db = build_sample_db(tmp_path / "d.db")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [f"detente: cannot listen on 127.0.0.1:{port}: Address already in use"]

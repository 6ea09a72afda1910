"""`bash scripts/test` waits for another apt-get instead of failing at once (issue 13, defect 10).

A stub `apt-get` first on PATH plays the other process: it holds the package lists'
lock for the first two `update` calls, and refuses `install` unless apt is told to wait
for dpkg's lock (DPkg::Lock::Timeout), as the real one does while the lock is held.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.conftest import ROOT

STUB = """#!/usr/bin/env bash
echo "$*" >> "$STUB_LOG"
case " $* " in
  *" update "*)
    count=$(grep -c " update " "$STUB_LOG" || true)
    if [ "$count" -le 2 ]; then
      echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2
      exit 100
    fi ;;
  *" install "*)
    case "$*" in
      *DPkg::Lock::Timeout=*) ;;
      *) echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2
         exit 100 ;;
    esac ;;
esac
exit 0
"""


def _run(tmp_path: Path, *args: str, **env: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    stub_dir = tmp_path / "bin"
    stub_dir.mkdir(exist_ok=True)
    (stub_dir / "apt-get").write_text(STUB)
    (stub_dir / "apt-get").chmod(0o755)
    log = tmp_path / "apt.log"
    log.touch()
    environment = {**os.environ, "PATH": f"{stub_dir}:{os.environ['PATH']}", "STUB_LOG": str(log), **env}
    run = subprocess.run(
        ["bash", str(ROOT / "scripts" / "apt-install"), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    return run, log.read_text().splitlines()


def test_apt_install_waits_while_another_apt_holds_the_locks(tmp_path: Path) -> None:
    run, calls = _run(tmp_path, "chromium", "chromium-driver", APT_LOCK_POLL="0.05")
    assert run.returncode == 0, run.stderr
    updates = [call for call in calls if " update" in f" {call}"]
    [install] = [call for call in calls if " install " in f" {call} "]
    assert len(updates) == 3
    assert "DPkg::Lock::Timeout=300" in install and install.endswith("chromium chromium-driver")


def test_apt_install_gives_up_when_the_lock_is_never_released(tmp_path: Path) -> None:
    run, _ = _run(tmp_path, "chromium", APT_LOCK_POLL="0.05", APT_LOCK_WAIT="0")
    assert run.returncode == 1
    assert "Could not get lock" in run.stderr


def test_the_stub_refuses_what_the_old_script_ran(tmp_path: Path) -> None:
    """The commands scripts/test ran before: `apt-get update` then a plain install, failing at once."""
    stub_dir = tmp_path / "bin"
    _run(tmp_path, "chromium", APT_LOCK_POLL="0.05")  # writes the stub
    env = {**os.environ, "PATH": f"{stub_dir}:{os.environ['PATH']}", "STUB_LOG": str(tmp_path / "old.log")}
    old = subprocess.run(["apt-get", "update", "-q"], capture_output=True, text=True, env=env)
    assert old.returncode == 100


def test_scripts_test_runs_apt_only_through_apt_install() -> None:
    script = (ROOT / "scripts" / "test").read_text()
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("#"))
    calls = [line for line in code.splitlines() if re.search(r"\bapt-get\b", line)]
    assert calls == [line for line in calls if "command -v apt-get" in line]  # only the probe
    assert "scripts/apt-install chromium chromium-driver" in code

"""Every command and option is in the README's CLI reference (datasette's habit)."""

from __future__ import annotations

import typer.main
from tests.conftest import ROOT

from detente.cli import app


def test_every_command_and_option_is_documented() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if f"`{name}" not in readme:
            missing.append(f"command {name}")
        for param in command.params:
            if param.param_type_name == "option":
                flag = max(param.opts, key=len)
                if flag != "--help" and flag not in readme:
                    missing.append(f"{name} {flag}")
    assert not missing, f"undocumented in README.md: {missing}"

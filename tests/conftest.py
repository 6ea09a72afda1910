"""Paths every test area shares; `../shared` is optional and its tests skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"
DEV = ROOT / "tests" / "fixtures" / "dev"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent (CI has it): test skipped")
    return path


def plain(output: str) -> str:
    """CLI output with rich's box drawing and line wrapping folded away, for `in` checks."""
    import re

    return re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─]", " ", output))

"""The query layer's versioned rule files (known outlets, related-event rules) in `detente/lexicons/`."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=4)
def load_rules(name: str) -> dict[str, Any]:
    """The parsed `lexicons/<name>.json`; a file without its `version` key is refused."""
    path = resources.files("detente") / "lexicons" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"rule file {name}.json cannot be read: {exc}") from exc
    if not isinstance(data, dict) or "version" not in data:
        raise ValueError(f"rule file {name}.json has no 'version' key")
    return data

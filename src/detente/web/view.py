"""The result of a page builder, and the redirect a builder may ask for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class View:
    """`data` is exactly what the page's `.json` twin returns; `extra` is presentation only
    (chart geometry, highlighted pieces) that the template needs on top."""

    template: str
    data: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


class Redirect(Exception):
    """The canonical address of what was asked for lives elsewhere (e.g. TJK-PAK -> PAK-TJK)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url

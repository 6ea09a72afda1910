"""Headless Debian chromium driven by playwright, recording every console error and failed request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
WIDTHS = (1440, 390)  # a desktop and a phone
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Every element of the page, and how far the widest one reaches: nothing may make the page scroll sideways.
PAGE_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"
NAV_RIGHT_EDGE = """() => Math.max(...[...document.querySelectorAll('nav[aria-label=Main] a')]
    .map((a) => a.getBoundingClientRect().right))"""


@dataclass
class Problems:
    """Everything that went wrong while a page loaded; an empty record is a clean page."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.console_errors.clear()
        self.page_errors.clear()
        self.failed_requests.clear()

    def note_response(self, response: object) -> None:
        status = response.status  # type: ignore[attr-defined]
        if status >= 400:
            self.failed_requests.append(f"{response.url}: HTTP {status}")  # type: ignore[attr-defined]

    def assert_none(self, where: str) -> None:
        found = self.console_errors + self.page_errors + self.failed_requests
        assert not found, f"{where}: {found}"


@contextmanager
def browser_page(width: int = 1280, height: int = 900) -> Iterator[tuple[object, Problems]]:
    """A fresh page in headless chromium (a new, empty profile), with its problems recorded;
    skips with the reason when chromium is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    problems = Problems()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
            page = context.new_page()
            page.on(
                "console", lambda m: problems.console_errors.append(m.text) if m.type == "error" else None
            )
            page.on("pageerror", lambda e: problems.page_errors.append(str(e)))
            page.on("requestfailed", lambda r: problems.failed_requests.append(f"{r.url}: {r.failure}"))
            page.on("response", problems.note_response)
            yield page, problems
        finally:
            browser.close()


def assert_fits(page: object, where: str) -> None:
    """The page is no wider than the window, and every main navigation link is within reach."""
    scroll_width, window_width = page.evaluate(PAGE_WIDTH)  # type: ignore[attr-defined]
    assert scroll_width <= window_width, f"{where}: {scroll_width} px wide in a {window_width} px window"
    assert page.evaluate(NAV_RIGHT_EDGE) <= window_width, f"{where}: a navigation link is off screen"  # type: ignore[attr-defined]


def screenshot(page: object, name: str, *, full_page: bool = True) -> Path:
    """The page (or only what the window shows) as artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)  # type: ignore[attr-defined]
    return path

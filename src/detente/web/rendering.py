"""Jinja2 set-up and the responses every dashboard page goes out with.

Autoescaping is on for every template and nothing marks user data safe, so article
text and extracted fields always reach the browser as text. The CSP forbids inline
scripts and styles: the only script is /static/app.js.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from detente.models import EVENT_TYPES, STATUSES
from detente.web.countries import country_name
from detente.web.dates import date_label, day_label, period_label, span_label

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def static_dir() -> Path:
    """The folder the API app mounts at /static (CSS, JS, icon), shipped inside the package."""
    return Path(__file__).resolve().parent / "static"


def templates_dir() -> Path:
    return Path(__file__).resolve().parent / "templates"


def type_label(event_type: str | None) -> str:
    return (event_type or "").replace("_", " ")


def web_url(url: str | None) -> str | None:
    """Only http(s) links become clickable: a stored `javascript:` URL must stay inert text."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=True,
        undefined=StrictUndefined,
        lstrip_blocks=True,
    )
    env.filters["country"] = country_name
    env.filters["type_label"] = type_label
    env.filters["web_url"] = web_url
    env.filters["period"] = period_label
    env.filters["day"] = day_label
    env.globals["date_label"] = date_label
    env.globals["span_label"] = span_label
    env.globals["EVENT_TYPES"] = EVENT_TYPES
    env.globals["STATUSES"] = STATUSES
    return env


def html_page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    body = environment().get_template(template).render(**context)
    return HTMLResponse(body, status_code=status_code, headers=SECURITY_HEADERS)


def json_page(data: Any, status_code: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status_code, headers=SECURITY_HEADERS)

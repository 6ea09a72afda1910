"""Which outlet published an article: a known outlet for its web domain, its own metadata, or the domain.

Stored outlet names come from wherever ingest found them: a page's site name, a byline
agency, or a corpus field that may only be a collection label ("indian" for a Fox News
story). A known domain is the surest answer; a stated name is kept when it agrees with
the domain (or there is no domain); otherwise the bare domain is the honest answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from detente.query.data_files import load_rules

KNOWN = "known outlet"
METADATA = "page metadata"
DOMAIN = "URL domain"
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Outlet:
    name: str | None
    found: str | None  # KNOWN, METADATA, DOMAIN, or None when nothing names it


def web_domain(url: str | None) -> str | None:
    """The host of an http(s) URL without `www.` and port; None for file paths and other schemes."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def known_outlet(domain: str) -> str | None:
    """The table's name for a domain or its nearest listed parent (`en.example.com` -> `example.com`)."""
    table: dict[str, str] = load_rules("outlets")["outlets"]
    labels = domain.split(".")
    for start in range(len(labels) - 1):
        name = table.get(".".join(labels[start:]))
        if name:
            return name
    return None


def _agrees(name: str, domain: str) -> bool:
    """Does a stated name fit the domain? "Dawn" fits dawn.com, "Asia Plus" asiaplustj.info."""
    site = domain.split(".")[0] if domain.count(".") < 2 else max(domain.split(".")[:-1], key=len)
    words = _WORD.findall(name.casefold())
    if not words:
        return False
    joined = "".join(words)
    initials = "".join(word[0] for word in words)
    return (
        joined in site
        or site in joined
        or initials == site
        or any(len(word) >= 4 and word in site for word in words)
    )


def outlet_of(url: str | None, stated: str | None) -> Outlet:
    """The outlet to show for an article at `url` whose metadata names `stated`, and how it was found."""
    domain = web_domain(url)
    stated = (stated or "").strip() or None
    if domain:
        known = known_outlet(domain)
        if known:
            return Outlet(known, KNOWN)
        if stated and _agrees(stated, domain):
            return Outlet(stated, METADATA)
        return Outlet(domain, DOMAIN)
    if stated:
        return Outlet(stated, METADATA)
    return Outlet(None, None)

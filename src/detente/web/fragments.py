"""Big drawings rendered once per distinct content: the network's and the map's SVG.

A map of every country and a network of every tie are thousands of escaped elements;
the data behind them changes only on ingest, so each drawing is kept by a digest of
the data it shows and handed out as markup already escaped by its template.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any

from markupsafe import Markup

from detente.web.rendering import environment

MOST_KEPT = 32
_KEPT: OrderedDict[str, Markup] = OrderedDict()
_LOCK = threading.Lock()


def digest(data: Any) -> str:
    return hashlib.sha1(json.dumps(data, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def fragment(template: str, key_data: Any, **context: Any) -> Markup:
    """`template` rendered with `context`, reused while `key_data` (what decides it) is the same."""
    key = f"{template}:{digest(key_data)}"
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
            return _KEPT[key]
    rendered = Markup(environment().get_template(template).render(**context))
    with _LOCK:
        _KEPT[key] = rendered
        if len(_KEPT) > MOST_KEPT:
            _KEPT.popitem(last=False)
    return rendered

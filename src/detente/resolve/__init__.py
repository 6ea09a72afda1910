"""Resolution: one event per happening, one person per person, places on the map.

`resolve_all` is pure: it reads articles and mentions and returns a Resolution;
the store saves it and the pipeline calls it.
"""

from detente.resolve.resolver import resolve_all

__all__ = ["resolve_all"]

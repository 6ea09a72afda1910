"""The analyst dashboard: server-rendered pages, each with a JSON twin, served by the API app.

`build_router(get_query)` gives the routes; the app mounts `static_dir()` at /static.
"""

from detente.web.rendering import static_dir
from detente.web.routes import build_router

__all__ = ["build_router", "static_dir"]

"""detente: defence and security diplomacy events from news, sourced and queryable."""

__version__ = "0.1.0"
from detente.query import open as open  # detente.open(path) is the analyst entry point
